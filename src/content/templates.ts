// Loads the editor-owned text templates in templates/, compiles each once per build in strict mode, and
// lists the facts they cite so `check` can verify them without rendering a page.
import { headingBase, templateOutlineErrors } from './template-outline.ts';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { createError, relativeFile, type DataError } from '../errors/data-error.ts';
import { ITEM_KINDS } from '../schema/index.ts';
import { createHandlebars, FACT_HELPERS, KNOWN_HELPERS, type FactMarkup } from './template-helpers.ts';
import { emptyTemplateError, lintTemplate, type HbsNode } from './template-lint.ts';
import type { FactUse } from './angle-compile.ts';

/** A template failed while rendering a page (strict mode: a field the template names does not exist). */
export class TemplateRenderError extends Error {
  readonly file: string;
  constructor(file: string, cause: unknown) {
    super(`${file}: ${(cause as Error).message}`, { cause });
    this.name = 'TemplateRenderError';
    this.file = file;
  }
}

const HUB_KINDS = ['home', 'payer', 'item', 'reason', 'plan'] as const;

/**
 * Templates that write plain text (a title, a button label): they are compiled without HTML escaping, and the
 * text is escaped where it is printed, as any text is. Escaping twice would show "&amp;quot;" to visitors.
 */
export const TEXT_TEMPLATES = [
  'title',
  'description',
  'cta-button',
  ...HUB_KINDS.flatMap((hub) => [`hubs/${hub}-title` as const, `hubs/${hub}-description` as const]),
] as const;

/** Templates that write HTML fragments, with Handlebars' own escaping of every value. */
export const HTML_TEMPLATES = [
  'hook',
  'rights',
  'next-steps',
  'cta',
  'cta-price',
  'free-help',
  ...ITEM_KINDS.map((kind) => `requirements/${kind}` as const),
] as const;

export type TextTemplateName = (typeof TEXT_TEMPLATES)[number];
export type HtmlTemplateName = (typeof HTML_TEMPLATES)[number];

/** Every template the site needs; a missing one is an error. */
export const TEMPLATE_NAMES: readonly (TextTemplateName | HtmlTemplateName)[] = [
  ...TEXT_TEMPLATES,
  ...HTML_TEMPLATES,
];
export type TemplateName = TextTemplateName | HtmlTemplateName;

export interface LoadedTemplates {
  /** The template's HTML (escaped by Handlebars), with fact helpers printing through `facts`. */
  renderHtml(name: HtmlTemplateName, context: object, facts: FactMarkup): string;
  /** The template's plain text (to be escaped where it is printed). */
  renderText(name: TextTemplateName, context: object): string;
  factUses: (FactUse & { file: string })[];
  /** The template's file, relative to the project root, for errors. */
  fileOf(name: TemplateName): string;
}

function collectFactUses(node: HbsNode, file: string, out: (FactUse & { file: string })[]): void {
  const helper = node.path?.original;
  if (helper && (FACT_HELPERS as readonly string[]).includes(helper)) {
    const first = node.params?.[0];
    const loc = node.loc?.start ?? { line: 1, column: 0 };
    if (first?.type === 'StringLiteral') {
      out.push({ id: String(first.value), file, line: loc.line, column: loc.column + 1, how: helper });
    }
  }
  for (const child of [
    ...(node.params ?? []),
    ...(node.hash?.pairs.map((p) => p.value) ?? []),
    ...(node.body ?? []),
    ...(node.program?.body ?? []),
    ...(node.inverse?.body ?? []),
  ]) {
    collectFactUses(child, file, out);
  }
}

const COMPILE_OPTIONS = { strict: true, knownHelpersOnly: true, knownHelpers: KNOWN_HELPERS };

const isText = (name: TemplateName) => (TEXT_TEMPLATES as readonly string[]).includes(name);

export async function loadTemplates(
  root: string,
  templatesDir: string,
): Promise<{ templates?: LoadedTemplates; errors: DataError[] }> {
  const hbs = createHandlebars();
  const errors: DataError[] = [];
  const compiled = new Map<string, HandlebarsTemplateDelegate>();
  const factUses: LoadedTemplates['factUses'] = [];
  const present = new Set(
    (await readdir(templatesDir, { recursive: true }).catch(() => [] as string[]))
      .map((f) => String(f).split(path.sep).join('/'))
      .filter((f) => f.endsWith('.hbs')),
  );
  for (const name of TEMPLATE_NAMES) {
    const absolute = path.join(templatesDir, `${name}.hbs`);
    const file = relativeFile(root, absolute);
    if (!present.has(`${name}.hbs`)) {
      errors.push(
        createError(
          'FileUnreadable',
          { file, line: 1, column: 1 },
          { message: `Template ${file} is missing.` },
        ),
      );
      continue;
    }
    const source = await readFile(absolute, 'utf8');
    if (!isText(name)) errors.push(...templateOutlineErrors(file, source, headingBase(name)));
    const empty = isText(name) ? emptyTemplateError(file, source) : undefined;
    if (empty) errors.push(empty);
    try {
      const ast = hbs.parse(source) as unknown as HbsNode;
      errors.push(...lintTemplate(file, ast));
      collectFactUses(ast, file, factUses);
      const options = { ...COMPILE_OPTIONS, noEscape: isText(name) };
      hbs.precompile(source, options); // eager: reports syntax errors and unknown helpers now
      compiled.set(name, hbs.compile(source, options));
    } catch (e) {
      const message = (e as Error).message;
      const line = /line (\d+)/.exec(message)?.[1] ?? /- (\d+):\d+/.exec(message)?.[1] ?? '1';
      const column = /- \d+:(\d+)/.exec(message)?.[1] ?? '0';
      errors.push(
        createError(
          'TemplateError',
          { file, line: Number(line), column: Number(column) + 1 },
          {
            message: message.split('\n')[0]!,
          },
        ),
      );
    }
  }
  if (errors.length) return { errors };
  const run = (name: TemplateName, context: object, facts?: FactMarkup): string => {
    try {
      return compiled.get(name)!(context, { data: { facts } }).trim();
    } catch (e) {
      throw new TemplateRenderError(relativeFile(root, path.join(templatesDir, `${name}.hbs`)), e);
    }
  };
  const templates: LoadedTemplates = {
    // A paragraph whose conditions all came out false is dropped rather than left empty.
    renderHtml: (name, context, facts) => run(name, context, facts).replace(/<p>\s*<\/p>\s*/g, ''),
    renderText: (name, context) => run(name, context),
    factUses,
    fileOf: (name) => relativeFile(root, path.join(templatesDir, `${name}.hbs`)),
  };
  return { templates, errors };
}
