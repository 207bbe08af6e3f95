// Compiles an angle's MDX body to JavaScript once (cached by content hash) and checks it against the angle rules on
// the syntax tree, so every problem has a position. Rendering the compiled code is html/angle-render.ts's job.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { compile } from '@mdx-js/mdx';
import { didYouMean } from '../errors/did-you-mean.ts';
import { createError, type DataError } from '../errors/data-error.ts';
import {
  ANGLE_COMPONENTS,
  ANGLE_ELEMENTS,
  BENEFITS,
  ITEM_KINDS,
  ONLY_FOR,
  PLAN_LINES,
} from '../schema/index.ts';

export interface FactUse {
  id: string;
  line: number;
  column: number;
  /** How the fact is used: an angle component (Fact, Value, Cite, IfRule) or a template helper (fact, value, …). */
  how: string;
}

/** An angle body that passed every rule: its compiled code (a function body for @mdx-js/mdx's run) and facts. */
export interface CompiledAngle {
  code: string;
  factUses: FactUse[];
  /** Words the editor wrote (fact statements inserted by components are not counted). */
  words: number;
}

interface MdNode {
  type: string;
  name?: string | null;
  depth?: number;
  url?: string;
  value?: string;
  attributes?: { type: string; name?: string; value?: unknown }[];
  children?: MdNode[];
  position?: { start: { line: number; column: number } };
}

interface RuleContext {
  file: string;
  lineOffset: number;
  errors: DataError[];
  factUses: FactUse[];
  words: number;
  /** Depth of the last heading seen; 1 stands for the page section the angle sits under. */
  headingDepth: number;
}

function at(ctx: RuleContext, node: MdNode) {
  const start = node.position?.start ?? { line: 1, column: 1 };
  return { file: ctx.file, line: start.line + ctx.lineOffset, column: start.column };
}

function isSafeLink(url: string): boolean {
  return /^https:\/\/[^/]/.test(url) || url.startsWith('#') || (url.startsWith('/') && !url.startsWith('//'));
}

function checkNode(ctx: RuleContext, node: MdNode): void {
  switch (node.type) {
    case 'mdxjsEsm':
      ctx.errors.push(
        createError('MdxDisallowed', at(ctx, node), {
          message: 'import/export statements are not allowed in angles.',
        }),
      );
      return;
    case 'mdxFlowExpression':
    case 'mdxTextExpression':
      ctx.errors.push(
        createError('MdxDisallowed', at(ctx, node), {
          message: `JavaScript expression {${node.value ?? ''}} is not allowed in angles.`,
          hint: 'Write the text directly; for a literal brace write \\{.',
        }),
      );
      return;
    case 'heading':
      checkHeading(ctx, node);
      break;
    case 'link':
    case 'definition':
      if (!isSafeLink(node.url ?? '')) {
        ctx.errors.push(
          createError('UnsafeUrl', at(ctx, node), {
            message: `Link "${node.url ?? ''}" is not an https:// URL.`,
            expected: 'https://…',
          }),
        );
      }
      break;
    case 'image':
      ctx.errors.push(
        createError('MdxDisallowed', at(ctx, node), { message: 'Images are not supported in angles.' }),
      );
      return;
    case 'text':
      ctx.words += (node.value ?? '').split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
      break;
    case 'mdxJsxFlowElement':
    case 'mdxJsxTextElement':
      checkJsx(ctx, node);
      break;
  }
  for (const child of node.children ?? []) checkNode(ctx, child);
}

/**
 * The angle sits under a page section's h2, and its `##` becomes an h3: so its first heading is `##`, and no
 * heading goes more than one level deeper than the one before it (an outline that skips a level confuses screen
 * readers and fails the HTML checker).
 */
function checkHeading(ctx: RuleContext, node: MdNode): void {
  const depth = node.depth ?? 2;
  const marks = (n: number): string => '#'.repeat(n);
  if (depth === 1 || depth > 4) {
    ctx.errors.push(
      createError('MdxDisallowed', at(ctx, node), {
        message:
          depth === 1
            ? 'A level-1 heading (#) is not allowed: the page already has its H1.'
            : `A level-${depth} heading is too deep for an angle.`,
        hint: "Use ## for an angle's headings, and ### or #### under them.",
      }),
    );
  } else if (depth > ctx.headingDepth + 1) {
    const previous =
      ctx.headingDepth === 1 ? 'the start of the angle' : `a ${marks(ctx.headingDepth)} heading`;
    ctx.errors.push(
      createError('HeadingOrder', at(ctx, node), {
        message: `This ${marks(depth)} heading follows ${previous}, skipping a level.`,
        hint: `Use ${marks(ctx.headingDepth + 1)} here: an angle's headings start at ## and go one level deeper at a time.`,
      }),
    );
  }
  ctx.headingDepth = Math.min(Math.max(depth, 2), 4);
}

/** <OnlyFor>: one or more of kinds, benefits and planLines, each a space-separated list of known values. */
function checkOnlyFor(ctx: RuleContext, node: MdNode): void {
  const allowed: Record<string, readonly string[]> = {
    kinds: ITEM_KINDS,
    benefits: BENEFITS,
    planLines: PLAN_LINES,
  };
  const attrs = node.attributes ?? [];
  const problem = (message: string): void =>
    void ctx.errors.push(
      createError('MdxDisallowed', at(ctx, node), {
        message,
        hint: 'Write <OnlyFor kinds="drug" benefits="pharmacy">…</OnlyFor> with values from the schema.',
      }),
    );
  if (!attrs.length) return problem('<OnlyFor> needs at least one of kinds, benefits or planLines.');
  for (const attr of attrs) {
    const values = allowed[attr.name ?? ''];
    if (attr.type !== 'mdxJsxAttribute' || !values || typeof attr.value !== 'string')
      return problem(`<OnlyFor> takes kinds, benefits and planLines, written as plain strings.`);
    const unknown = attr.value.split(/[\s,]+/).filter((v) => v && !values.includes(v));
    if (unknown.length)
      return problem(
        `${attr.name}="${attr.value}": ${unknown.join(', ')} is not one of ${values.join(', ')}.`,
      );
  }
}

function checkJsx(ctx: RuleContext, node: MdNode): void {
  const name = node.name ?? '';
  if (name === ONLY_FOR) return checkOnlyFor(ctx, node);
  if ((ANGLE_COMPONENTS as readonly string[]).includes(name)) {
    const attrs = node.attributes ?? [];
    const id = attrs.find((a) => a.type === 'mdxJsxAttribute' && a.name === 'id');
    const extra = attrs.filter((a) => a !== id);
    if (!id || typeof id.value !== 'string' || extra.length) {
      ctx.errors.push(
        createError('MdxDisallowed', at(ctx, node), {
          message: `<${name}> takes exactly one attribute, id="…", written as a plain string.`,
          hint: `Write <${name} id="external-review-window" /> with an id from data/facts.yaml.`,
        }),
      );
      return;
    }
    const { line, column } = at(ctx, node);
    ctx.factUses.push({ id: id.value, line, column, how: name });
    return;
  }
  if (/^[a-z]/.test(name) && ANGLE_ELEMENTS.has(name) && !(node.attributes ?? []).length) return;
  ctx.errors.push(
    createError('MdxDisallowed', at(ctx, node), {
      message: `<${name}> is not allowed in an angle.`,
      hint: didYouMean(
        name,
        ANGLE_COMPONENTS,
        'Angles use Markdown plus <Fact>, <Value>, <Cite> and <IfRule>.',
      ),
    }),
  );
}

function angleRules(ctx: RuleContext) {
  return () => (tree: MdNode) => checkNode(ctx, tree);
}

const cache = new Map<string, Promise<{ angle?: CompiledAngle; errors: DataError[] }>>();

/**
 * Compile an angle body. `bodyLine` is the 1-based line of the body in its file, so positions point at the
 * file the editor has open. Results are cached by hash for the life of the process.
 */
export function compileAngle(
  file: string,
  body: string,
  bodyLine: number,
  hash: string,
): Promise<{ angle?: CompiledAngle; errors: DataError[] }> {
  const key = `${hash}:${file}`;
  let entry = cache.get(key);
  if (!entry) {
    entry = compileUncached(file, body, bodyLine);
    cache.set(key, entry);
  }
  return entry;
}

/**
 * Compiled angles that passed every rule, on disk by content hash, so a rebuild or `check` compiles only new
 * or edited angles. The key covers the body, its file and line, the source of this module (the rules), the
 * angle schema (the allowed elements and components) and the compiler's version, so a change to any of them
 * compiles everything again.
 */
const DISK_CACHE = path.join(process.env['DENIAL_PAGES_CACHE'] ?? path.join(process.cwd(), '.cache'), 'mdx');
let rulesVersion: string | undefined;

/** The version of @mdx-js/mdx that compiles angles (its package.json is not an export, so it is read directly). */
function compilerVersion(): string {
  const entry = createRequire(import.meta.url).resolve('@mdx-js/mdx');
  const manifest = JSON.parse(readFileSync(path.join(path.dirname(entry), 'package.json'), 'utf8')) as {
    version: string;
  };
  return manifest.version;
}

export function diskKey(file: string, body: string, bodyLine: number): string {
  rulesVersion ??= createHash('sha256')
    .update(readFileSync(fileURLToPath(import.meta.url)))
    .update(readFileSync(fileURLToPath(new URL('../schema/angle.ts', import.meta.url))))
    .update(`@mdx-js/mdx@${compilerVersion()}`)
    .digest('hex');
  return createHash('sha256').update(`${rulesVersion}\0${file}\0${bodyLine}\0${body}`).digest('hex');
}

/** Compiles an angle body and applies the angle rules: the code to cache, or the errors. No caching here. */
async function compileBody(
  file: string,
  body: string,
  bodyLine: number,
): Promise<{ compiled?: CompiledAngle; errors: DataError[] }> {
  const ctx: RuleContext = {
    file,
    lineOffset: bodyLine - 1,
    errors: [],
    factUses: [],
    words: 0,
    headingDepth: 1,
  };
  let code: string;
  try {
    code = String(
      await compile(body, {
        outputFormat: 'function-body',
        remarkPlugins: [angleRules(ctx)],
        development: false,
      }),
    );
  } catch (e) {
    const err = e as { line?: number; column?: number; reason?: string; message: string };
    const location = { file, line: (err.line ?? 1) + bodyLine - 1, column: err.column ?? 1 };
    return { errors: [createError('MdxSyntax', location, { message: err.reason ?? err.message })] };
  }
  if (ctx.errors.length) return { errors: ctx.errors };
  return { compiled: { code, factUses: ctx.factUses, words: ctx.words }, errors: [] };
}

/** A disk cache entry: the compiled angle and a digest of it under its key, checked before the entry is used. */
interface CacheEntry {
  compiled: CompiledAngle;
  digest: string;
}

export const entryDigest = (key: string, compiled: CompiledAngle) =>
  createHash('sha256').update(key).update(JSON.stringify(compiled)).digest('hex');

async function compileUncached(file: string, body: string, bodyLine: number) {
  const key = diskKey(file, body, bodyLine);
  const cacheFile = path.join(DISK_CACHE, key.slice(0, 2), `${key}.json`);
  const cached = await readFile(cacheFile, 'utf8')
    .then((text) => JSON.parse(text) as CacheEntry)
    .catch(() => undefined);
  // The cached code is run when the angle renders: an entry changed after it was written is compiled again.
  if (cached && cached.digest === entryDigest(key, cached.compiled))
    return { angle: cached.compiled, errors: [] };
  const { compiled, errors } = await compileBody(file, body, bodyLine);
  if (!compiled) return { errors };
  // The cache only saves time: if it cannot be written, the build goes on.
  const entry: CacheEntry = { compiled, digest: entryDigest(key, compiled) };
  await mkdir(path.dirname(cacheFile), { recursive: true })
    .then(() => writeFile(cacheFile, JSON.stringify(entry)))
    .catch(() => undefined);
  return { angle: compiled, errors: [] };
}
