// What an editor-owned template may not contain, found on its source before anything is rendered: markup that runs
// code (<script>, an event handler attribute, a javascript: URL), output that skips escaping ({{{x}}}, {{&x}}),
// partials and decorators (templates are single files), and the built-in helpers that reach around strict mode
// (log, lookup, with). Each problem is reported at its line and column.
import { createError, type DataError } from '../errors/data-error.ts';

interface Position {
  line: number;
  column: number;
}

/** The parts of Handlebars' AST the lint reads. */
export interface HbsNode {
  type: string;
  path?: { original?: string; type?: string };
  params?: HbsNode[];
  hash?: { pairs: { value: HbsNode }[] };
  escaped?: boolean;
  original?: string;
  value?: unknown;
  program?: { body: HbsNode[] };
  inverse?: { body: HbsNode[] };
  body?: HbsNode[];
  loc?: { start: Position };
}

/** Literal markup that would run code in a visitor's browser. */
const ACTIVE_MARKUP: { pattern: RegExp; what: string }[] = [
  { pattern: /<\s*(script|iframe|object|embed|base|meta|link|style)\b/gi, what: 'a <$1> tag' },
  { pattern: /\son[a-z]+\s*=/gi, what: 'an event handler attribute' },
  { pattern: /javascript\s*:/gi, what: 'a javascript: URL' },
];

/** Built-in helpers a template may not call: each prints or reaches data around strict mode's checks. */
const REFUSED_HELPERS: Record<string, string> = {
  log: '{{log}} writes to the build log, not the page',
  lookup: '{{lookup}} reads a field by a computed name, which strict mode cannot check',
  with: '{{#with}} changes what names mean; write the full name (payer.name) instead',
  blockHelperMissing: 'internal helper',
  helperMissing: 'internal helper',
};

/** The position `offset` characters into a statement that starts at `start`. */
function offsetPosition(start: Position, text: string, offset: number): Position {
  const before = text.slice(0, offset);
  const lines = before.split('\n');
  return lines.length === 1
    ? { line: start.line, column: start.column + offset + 1 }
    : { line: start.line + lines.length - 1, column: lines.at(-1)!.length + 1 };
}

function children(node: HbsNode): HbsNode[] {
  return [
    ...(node.params ?? []),
    ...(node.hash?.pairs.map((p) => p.value) ?? []),
    ...(node.body ?? []),
    ...(node.program?.body ?? []),
    ...(node.inverse?.body ?? []),
  ];
}

/** Every problem in a parsed template, in source order. */
export function lintTemplate(file: string, ast: HbsNode): DataError[] {
  const errors: DataError[] = [];
  const refuse = (at: Position, message: string) =>
    errors.push(createError('TemplateDisallowed', { file, ...at }, { message }));
  const visit = (node: HbsNode) => {
    const start = node.loc?.start ?? { line: 1, column: 0 };
    const at = { line: start.line, column: start.column + 1 };
    if (node.type === 'ContentStatement') {
      const text = node.original ?? String(node.value ?? '');
      for (const { pattern, what } of ACTIVE_MARKUP)
        for (const m of text.matchAll(pattern))
          refuse(
            offsetPosition(start, text, m.index),
            `The template writes ${what.replace('$1', (m[1] ?? '').toLowerCase())}; templates may not emit code.`,
          );
    }
    if (node.type === 'MustacheStatement' && node.escaped === false)
      refuse(at, 'Triple braces {{{…}}} (or {{&…}}) print a value as raw HTML; use {{…}}, which escapes it.');
    if (node.type === 'PartialStatement' || node.type === 'PartialBlockStatement')
      refuse(at, 'Partials ({{> name}}) are not available: each template is one file.');
    if (node.type === 'Decorator' || node.type === 'DecoratorBlock')
      refuse(at, 'Decorators ({{* name}}) are not available in templates.');
    const helper = node.path?.type === 'PathExpression' ? node.path.original : undefined;
    if (
      helper &&
      Object.hasOwn(REFUSED_HELPERS, helper) &&
      ['MustacheStatement', 'BlockStatement', 'SubExpression'].includes(node.type)
    )
      refuse(at, `${REFUSED_HELPERS[helper]}.`);
    for (const child of children(node)) visit(child);
  };
  visit(ast);
  return errors.sort((a, b) => a.line - b.line || a.column - b.column);
}

/** A template that must write something (a title, a button label) but is empty. */
export function emptyTemplateError(file: string, source: string): DataError | undefined {
  if (source.replace(/\{\{!--[\s\S]*?--\}\}|\{\{![\s\S]*?\}\}/g, '').trim()) return undefined;
  return createError(
    'TemplateEmpty',
    { file, line: 1, column: 1 },
    { message: 'The template is empty, so every page would get an empty value here.' },
  );
}
