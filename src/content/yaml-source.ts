// Parsed YAML that remembers where every value came from, so any error can name file:line:column.
import {
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  visit,
  YAMLParseError,
  type Document,
  type Node,
} from 'yaml';
import { createError, type DataError, type SourceLocation } from '../errors/data-error.ts';
import type { ErrorName } from '../errors/errors-data.ts';

export interface YamlSource {
  /** Project-relative path. */
  file: string;
  doc: Document;
  lineCounter: LineCounter;
  /** Lines before the YAML text in its file (the `---` line of angle frontmatter). */
  lineOffset: number;
}

export type FieldPath = readonly PropertyKey[];

export function parseYamlSource(
  file: string,
  text: string,
  lineOffset = 0,
): { source: YamlSource; errors: DataError[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const source: YamlSource = { file, doc, lineCounter, lineOffset };
  // A tag the data schema does not know (`!!js/function`, `!custom`) would be read as plain text: refused.
  for (const w of doc.warnings)
    if (w.code === 'TAG_RESOLVE_FAILED')
      doc.errors.push(new YAMLParseError(w.pos, 'TAG_RESOLVE_FAILED', w.message));
  if (!doc.errors.length) refuseAliasBomb(doc);
  // Only the first syntax error of a file is reported: later ones are almost always its echoes.
  const errors = [
    ...doc.errors.slice(0, 1),
    ...doc.warnings.filter((w) => w.code !== 'TAG_RESOLVE_FAILED'),
  ].map((e) => {
    const pos = e.linePos?.[0] ?? lineCounter.linePos(e.pos[0]);
    const at = { file, line: pos.line + lineOffset, column: pos.col };
    const message = e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    return createError(YAML_ERROR_NAMES[e.code] ?? 'YamlSyntax', at, {
      message,
      severity: doc.errors.includes(e as never) ? 'error' : 'warning',
    });
  });
  return { source, errors };
}

const YAML_ERROR_NAMES: Partial<Record<string, ErrorName>> = {
  DUPLICATE_KEY: 'DuplicateKey',
  TAG_RESOLVE_FAILED: 'YamlTag',
  ALIAS_COUNT: 'YamlAliases',
};

/**
 * Aliases that expand to more than the YAML library allows (a "billion laughs" file) make it throw when the
 * document is read. Tried once here, so the file is refused at its first alias instead.
 */
function refuseAliasBomb(doc: Document): void {
  try {
    doc.toJS();
  } catch (e) {
    if (!(e instanceof ReferenceError)) throw e;
    let at = 0;
    visit(doc, {
      Alias(_, node) {
        at = node.range?.[0] ?? 0;
        return visit.BREAK;
      },
    });
    doc.errors.push(new YAMLParseError([at, at + 1], 'ALIAS_COUNT' as never, e.message));
  }
}

function positionOf(source: YamlSource, offset: number): SourceLocation {
  const { line, col } = source.lineCounter.linePos(offset);
  return { file: source.file, line: line + source.lineOffset, column: col };
}

/** Start of the file: used when a problem has no better place (an empty file, a missing top-level key). */
export function fileStart(file: string, lineOffset = 0): SourceLocation {
  return { file, line: 1 + lineOffset, column: 1 };
}

/**
 * Location of the value at `path`, or of its key when `key` is true. A path that does not exist (a missing
 * field) resolves to the deepest node that does, i.e. the entry that lacks the field.
 */
export function locate(source: YamlSource, path: FieldPath, options: { key?: boolean } = {}): SourceLocation {
  let node: Node | null | undefined = source.doc.contents as Node | null;
  let best: Node | null | undefined = node;
  for (let i = 0; i < path.length && node; i++) {
    const segment = path[i];
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === segment);
      if (!pair) break;
      node = (last && options.key ? pair.key : (pair.value ?? pair.key)) as Node | null;
    } else if (isSeq(node) && typeof segment === 'number') {
      node = node.items[segment] as Node | undefined;
    } else {
      break;
    }
    if (node) best = node;
  }
  const offset = best?.range?.[0] ?? 0;
  return positionOf(source, offset);
}

/** True when a value (even null) is written at `path`. */
export function hasPath(source: YamlSource, path: FieldPath): boolean {
  return source.doc.hasIn(path as unknown[]);
}
