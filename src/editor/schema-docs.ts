// The help text beside each zod schema field: the `/** … */` comments in src/schema/*.ts, read with the TypeScript
// parser (they are not kept at run time), keyed by the set of keys of the object literal that holds them.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/** Object literal fingerprint (its keys, sorted and joined) → key → comment text. */
export type SchemaDocs = Map<string, Map<string, string>>;

export interface SchemaFileDocs {
  /** The comment lines at the top of each schema file, by file name without `.ts`. */
  headers: Map<string, string>;
  fields: SchemaDocs;
}

export const fingerprint = (keys: readonly string[]): string => [...keys].sort().join(',');

function jsDocText(node: ts.Node, source: ts.SourceFile): string | undefined {
  const ranges = ts.getLeadingCommentRanges(source.text, node.getFullStart()) ?? [];
  const doc = ranges.map((r) => source.text.slice(r.pos, r.end)).findLast((c) => c.startsWith('/**'));
  if (!doc) return undefined;
  return doc
    .replace(/^\/\*\*|\*\/$/g, '')
    .split('\n')
    .map((line) => line.replace(/^\s*\* ?/, '').trim())
    .filter(Boolean)
    .join(' ');
}

function headerText(source: ts.SourceFile): string {
  const ranges = ts.getLeadingCommentRanges(source.text, 0) ?? [];
  return ranges
    .map((r) => source.text.slice(r.pos, r.end))
    .filter((c) => c.startsWith('//'))
    .map((c) => c.replace(/^\/\/\s?/, '').trim())
    .join(' ');
}

function propertyName(p: ts.ObjectLiteralElementLike): string | undefined {
  if (!p.name) return undefined;
  if (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) return p.name.text;
  return undefined;
}

/** Reads every schema file in `dir` once. */
export function readSchemaDocs(dir: string): SchemaFileDocs {
  const headers = new Map<string, string>();
  const fields: SchemaDocs = new Map();
  const files = readdirSync(dir).filter((f) => f.endsWith('.ts') && f !== 'index.ts');
  for (const file of files.sort()) {
    const source = ts.createSourceFile(
      file,
      readFileSync(path.join(dir, file), 'utf8'),
      ts.ScriptTarget.Latest,
    );
    headers.set(path.basename(file, '.ts'), headerText(source));
    // Object literals assigned to a const may be spread into others (`...itemBase`).
    const literals = new Map<string, ts.ObjectLiteralExpression>();
    const collect = (node: ts.Node): void => {
      if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer) {
        if (ts.isObjectLiteralExpression(node.initializer)) literals.set(node.name.text, node.initializer);
      }
      ts.forEachChild(node, collect);
    };
    collect(source);
    const keysOf = (literal: ts.ObjectLiteralExpression): { key: string; node: ts.Node }[] =>
      literal.properties.flatMap((p) => {
        if (ts.isSpreadAssignment(p) && ts.isIdentifier(p.expression)) {
          const spread = literals.get(p.expression.text);
          return spread ? keysOf(spread) : [];
        }
        const key = propertyName(p);
        return key ? [{ key, node: p }] : [];
      });
    const visit = (node: ts.Node): void => {
      if (ts.isObjectLiteralExpression(node)) {
        const keys = keysOf(node);
        const print = fingerprint(keys.map((k) => k.key));
        const docs = fields.get(print) ?? new Map<string, string>();
        for (const { key, node: property } of keys) {
          const text = jsDocText(property, source);
          if (text && !docs.has(key)) docs.set(key, text);
        }
        fields.set(print, docs);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return { headers, fields };
}
