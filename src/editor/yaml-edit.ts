// Changes a YAML text so that it holds new values while every line whose value did not change stays byte for
// byte as it was: comments, key order, quoting, folded text and the yaml-language-server modeline are kept.
import { isDeepStrictEqual } from 'node:util';
import {
  Document,
  isCollection,
  isMap,
  isScalar,
  isSeq,
  parseDocument,
  visit,
  type Node,
  type Pair,
  type Scalar,
  type YAMLMap,
  type YAMLSeq,
} from 'yaml';

type Key = string | number;

interface Splice {
  start: number;
  end: number;
  text: string;
}

/** Parse options for data files: the same closed set the loader accepts (no custom tags, few aliases). */
export const PARSE_OPTIONS = { uniqueKeys: true, maxAliasCount: 100, prettyErrors: false } as const;

const WIDTH = 116;

function lineStart(text: string, pos: number): number {
  return text.lastIndexOf('\n', pos - 1) + 1;
}
const columnOf = (text: string, pos: number) => pos - lineStart(text, pos);

/** Where a value node's own text ends: before the newline that block nodes include. */
function valueEnd(text: string, node: Node): number {
  let end = node.range![1];
  while (end > node.range![0] && text[end - 1] === '\n') end--;
  return end;
}

/** Just after the line on which `pos` sits (its newline included). */
function afterLine(text: string, pos: number): number {
  const nl = text.indexOf('\n', pos);
  return nl === -1 ? text.length : nl + 1;
}

/** New text follows the data files' habits: short lists of words inline, long sentences folded. */
function houseStyle(doc: Document, col: number): void {
  visit(doc, {
    Seq(_, seq) {
      if (seq.items.length && seq.items.every((i) => isScalar(i)) && JSON.stringify(seq.toJSON()).length < 80)
        seq.flow = true;
    },
    Scalar(_, scalar) {
      if (
        typeof scalar.value === 'string' &&
        scalar.value.length > WIDTH - col - 20 &&
        !/^\s|\s$|\n/.test(scalar.value)
      )
        scalar.type = 'BLOCK_FOLDED';
    },
  });
}

function styled(value: unknown, template: Node | null | undefined, col: number): Document {
  const doc = new Document(value);
  const node = doc.contents as Node | null;
  if (!template) houseStyle(doc, col);
  if (template && node) {
    if (isScalar(template) && isScalar(node) && typeof node.value === 'string') {
      const type = (template as Scalar).type;
      // Keep the editor's quoting or folding; yaml picks another style if this one cannot hold the text.
      if (type) node.type = type;
    }
    if (isCollection(template) && isCollection(node) && template.flow) node.flow = true;
  }
  return doc;
}

function render(value: unknown, template: Node | null | undefined, col: number): string {
  const doc = styled(value, template, col);
  let folded = false;
  visit(doc, {
    Scalar(_, s) {
      if (s.type === 'BLOCK_FOLDED') folded = true;
    },
  });
  return doc.toString({
    lineWidth: folded ? Math.max(40, WIDTH - col) : 0,
    minContentWidth: 20,
    flowCollectionPadding: false,
  });
}

/** `key: value` for a block map, the lines after the first indented to `col`; no trailing newline. */
function renderPair(key: string, value: unknown, template: Node | null | undefined, col: number): string {
  const inner = render(value, template, col + 2).replace(/\n$/, '');
  const collectionBlock =
    value !== null &&
    typeof value === 'object' &&
    Object.keys(value).length > 0 &&
    !(isCollection(template) && template.flow);
  const indent = ' '.repeat(col + 2);
  if (collectionBlock) {
    // Seqs sit two spaces in under their key, as in the data files; maps too.
    return `${key}:\n${inner
      .split('\n')
      .map((l) => indent + l)
      .join('\n')}`;
  }
  const [first, ...rest] = inner.split('\n');
  const keyText = new Document(key).toString().replace(/\n$/, '');
  return [`${keyText}: ${first}`, ...rest.map((l) => (l ? indent + l : l))].join('\n');
}

/** A seq item's value (what follows `- `), the lines after the first indented under the dash at `dashCol`. */
function renderItem(value: unknown, template: Node | null | undefined, dashCol: number): string {
  const inner = render([value], null, dashCol).replace(/\n$/, '');
  if (template && isScalar(template) && (typeof value !== 'object' || value === null)) {
    return render(value, template, dashCol + 2).replace(/\n$/, '');
  }
  const lines = inner.split('\n');
  return [lines[0]!.slice(2), ...lines.slice(1).map((l) => (l ? ' '.repeat(dashCol) + l : l))].join('\n');
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

class Editor {
  readonly splices: Splice[] = [];
  private readonly text: string;
  constructor(text: string) {
    this.text = text;
  }

  /** Make the value node `node` (a pair's value when `pair` is given, else a seq item) equal `next`. */
  value(node: Node | null, next: unknown, at: { pair?: Pair<Node, Node | null>; item?: boolean }): void {
    const old = node ? (isScalar(node) ? node.toJSON() : node.toJSON()) : null;
    if (isDeepStrictEqual(old, next)) return;
    if (node && isMap(node) && !node.flow && isPlainObject(next) && node.items.length > 0) {
      return this.map(node, next);
    }
    if (
      node &&
      isSeq(node) &&
      !node.flow &&
      Array.isArray(next) &&
      node.items.length > 0 &&
      next.length > 0
    ) {
      return this.seq(node, next);
    }
    this.replace(node, next, at);
  }

  private replace(
    node: Node | null,
    next: unknown,
    at: { pair?: Pair<Node, Node | null>; item?: boolean },
  ): void {
    const { text } = this;
    if (at.pair) {
      const key = at.pair.key as Scalar;
      const start = key.range![0];
      const end = node?.range ? Math.max(valueEnd(text, node), key.range![1]) : key.range![1] + 1;
      this.splices.push({
        start,
        end,
        text: renderPair(String(key.value), next, node, columnOf(text, start)),
      });
      return;
    }
    if (!node?.range) throw new Error('yaml-edit: nothing to replace');
    const start = node.range[0];
    const dashCol = at.item ? columnOf(text, start) - 2 : columnOf(text, start);
    const rendered = at.item
      ? renderItem(next, node, dashCol)
      : render(next, node, dashCol).replace(/\n$/, '');
    this.splices.push({ start, end: valueEnd(text, node), text: rendered });
  }

  private map(node: YAMLMap<unknown, unknown>, next: Record<string, unknown>): void {
    const { text } = this;
    const pairs = node.items as Pair<Node, Node | null>[];
    const keyOf = (p: Pair<Node, Node | null>) => String((p.key as Scalar).value);
    const keyStart = (p: Pair<Node, Node | null>) => (p.key as Scalar).range![0];
    const lineAfter = (p: Pair<Node, Node | null>) =>
      afterLine(text, p.value?.range ? Math.max(valueEnd(text, p.value), keyStart(p)) : keyStart(p));
    const existing = new Map(pairs.map((p) => [keyOf(p), p]));
    const col = columnOf(text, keyStart(pairs[0]!));
    const indent = ' '.repeat(col);
    // A removed key's lines go. The first key of a seq item shares its line with the dash: redo the whole map.
    const removed = pairs.filter((p) => !(keyOf(p) in next) || next[keyOf(p)] === undefined);
    if (removed.some((p) => text.slice(lineStart(text, keyStart(p)), keyStart(p)).trim() !== ''))
      return this.replace(node, next, {});
    for (const pair of removed)
      this.splices.push({ start: lineStart(text, keyStart(pair)), end: lineAfter(pair), text: '' });
    // New keys go after the existing key that precedes them in the form's order, or before the first one.
    const inserts = new Map<number, string[]>();
    let anchor: number | undefined;
    const before: string[] = [];
    for (const [key, value] of Object.entries(next)) {
      if (value === undefined) continue;
      const pair = existing.get(key);
      if (pair) {
        anchor = lineAfter(pair);
        this.value(pair.value, value, { pair });
        continue;
      }
      const rendered = renderPair(key, value, null, col);
      if (anchor === undefined) before.push(rendered);
      else inserts.set(anchor, [...(inserts.get(anchor) ?? []), rendered]);
    }
    for (const [pos, lines] of inserts) {
      const lead = text[pos - 1] === '\n' || pos === 0 ? '' : '\n';
      this.splices.push({ start: pos, end: pos, text: lead + lines.map((l) => `${indent}${l}\n`).join('') });
    }
    if (before.length) {
      const pos = keyStart(pairs[0]!);
      this.splices.push({ start: pos, end: pos, text: before.map((l) => `${l}\n${indent}`).join('') });
    }
  }

  private seq(node: YAMLSeq<unknown>, next: unknown[]): void {
    const { text } = this;
    const items = node.items as Node[];
    const old = items.map((n) => n.toJSON() as unknown);
    const dash = (n: Node) => text.lastIndexOf('-', n.range![0] - 1);
    const dashCol = columnOf(text, dash(items[0]!));
    const itemLines = (values: unknown[]) =>
      values.map((v) => `${' '.repeat(dashCol)}- ${renderItem(v, null, dashCol)}\n`).join('');
    let i = 0;
    let j = 0;
    for (const [mi, mj] of [...commonItems(old, next), [items.length, next.length] as const]) {
      const paired = Math.min(mi - i, mj - j);
      for (let t = 0; t < paired; t++) this.value(items[i + t]!, next[j + t], { item: true });
      for (const gone of items.slice(i + paired, mi)) {
        this.splices.push({
          start: lineStart(text, dash(gone)),
          end: afterLine(text, valueEnd(text, gone)),
          text: '',
        });
      }
      const added = next.slice(j + paired, mj);
      if (added.length) {
        const prev = items[i + paired - 1];
        if (prev) {
          const pos = afterLine(text, valueEnd(text, prev));
          this.splices.push({
            start: pos,
            end: pos,
            text: (text[pos - 1] === '\n' ? '' : '\n') + itemLines(added),
          });
        } else {
          const pos = lineStart(text, dash(items[mi] ?? items[0]!));
          this.splices.push({ start: pos, end: pos, text: itemLines(added) });
        }
      }
      i = mi + 1;
      j = mj + 1;
    }
  }
}

/** Index pairs of the longest common subsequence of two lists (deep equality): the items left as they are. */
function commonItems(a: readonly unknown[], b: readonly unknown[]): [number, number][] {
  const table = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--)
      table[i]![j] = isDeepStrictEqual(a[i], b[j])
        ? table[i + 1]![j + 1]! + 1
        : Math.max(table[i + 1]![j]!, table[i]![j + 1]!);
  const out: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (isDeepStrictEqual(a[i], b[j])) {
      out.push([i++, j++]);
    } else if (table[i + 1]![j]! >= table[i]![j + 1]!) i++;
    else j++;
  }
  return out;
}

function apply(text: string, splices: readonly Splice[]): string {
  let out = text;
  const sorted = [...splices].sort((a, b) => b.start - a.start || b.end - a.end);
  for (const s of sorted) out = out.slice(0, s.start) + s.text + out.slice(s.end);
  return out;
}

export class YamlEditError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'YamlEditError';
  }
}

/** Parses data-file YAML; throws on any syntax error. */
export function parseYaml(text: string): Document {
  const doc = parseDocument(text, PARSE_OPTIONS);
  if (doc.errors.length) throw new YamlEditError(doc.errors.map((e) => e.message).join('; '));
  return doc;
}

/**
 * `text` with the value at `path` (`[]` for the whole document, `[3]` for a list file's fourth entry) replaced by
 * `next`, touching only the lines of values that differ. `path` must exist, except a list index one past the end,
 * which appends an entry.
 */
export function editYaml(text: string, path: readonly Key[], next: unknown): string {
  const doc = parseYaml(text);
  const expected = setAt(doc.toJS() as unknown, path, next);
  const editor = new Editor(text);
  const parent = (path.length ? doc.getIn(path.slice(0, -1), true) : undefined) as Node | undefined;
  const last = path[path.length - 1];
  if (path.length === 0) {
    editor.value(doc.contents as Node, next, {});
  } else if (isSeq(parent) && typeof last === 'number' && last === parent.items.length) {
    if (!parent.items.length) throw new YamlEditError('cannot append to an empty list');
    editor.value(parent, [...(parent.toJSON() as unknown[]), next], {});
  } else {
    const node = doc.getIn(path, true) as Node | undefined;
    if (!node) throw new YamlEditError(`nothing at ${path.join('.')}`);
    editor.value(node, next, isSeq(parent) ? { item: true } : {});
  }
  return checked(text, apply(text, editor.splices), expected, () => {
    doc.setIn(path, doc.createNode(next));
    return doc;
  });
}

/** The edited text if it reads back as `expected`; otherwise the Document API's rendering (comments kept). */
function checked(text: string, out: string, expected: unknown, fallback: () => Document): string {
  const reread = parseDocument(out, PARSE_OPTIONS);
  if (!reread.errors.length && isDeepStrictEqual(reread.toJS(), expected)) return out;
  const whole = fallback().toString({ lineWidth: 0, flowCollectionPadding: false });
  if (!isDeepStrictEqual(parseDocument(whole, PARSE_OPTIONS).toJS(), expected))
    throw new YamlEditError(`the edited YAML would not read back as entered (${text.length} characters)`);
  return whole;
}

/** `text` without the list entry at `path` (a list file's row): its lines go, the comments above it stay. */
export function deleteYaml(text: string, path: readonly Key[]): string {
  const doc = parseYaml(text);
  const parent = doc.getIn(path.slice(0, -1), true) as Node | undefined;
  const index = path[path.length - 1];
  if (!isSeq(parent) || typeof index !== 'number' || !parent.items[index])
    throw new YamlEditError('only an existing list entry can be deleted');
  if (parent.items.length <= 1) throw new YamlEditError('the last entry of a file cannot be deleted');
  const list = (parent.toJSON() as unknown[]).filter((_, i) => i !== index);
  const editor = new Editor(text);
  editor.value(parent, list, {});
  return checked(
    text,
    apply(text, editor.splices),
    setAt(doc.toJS() as unknown, path.slice(0, -1), list),
    () => {
      doc.deleteIn(path);
      return doc;
    },
  );
}

/** A copy of `root` with the value at `path` replaced. */
function setAt(root: unknown, path: readonly Key[], value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  const copy = (Array.isArray(root) ? [...root] : { ...(root as object) }) as Record<Key, unknown>;
  copy[head!] = setAt(copy[head!], rest, value);
  return copy;
}

/** A new YAML text for `value` (a new file's frontmatter), written the way the data files are. */
export function renderNew(value: unknown): string {
  return render(value, null, 0);
}
