// What `npm run check` would say if a change were saved: the project's own checks run on a temporary copy of
// data/ and templates/ with the change applied, minus the problems the files already had before it.
import { cp, mkdtemp, readdir, rm, stat, unlink, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sortErrors, type DataError } from '../errors/data-error.ts';
import { Errors } from '../errors/errors-data.ts';
import { auditContent } from '../models/content-audit.ts';
import { checkSite } from '../plan/check-site.ts';
import { labelFor } from './decap-fields.ts';
import type { FileChange } from './entry-store.ts';

/** A problem as the form shows it. */
export interface Problem {
  severity: 'error' | 'warning';
  /** The check's title, e.g. "Unknown slug". */
  title: string;
  /** What is wrong, and how to fix it. */
  message: string;
  hint: string;
  /** The field in the form's words, e.g. "Policy libraries 1 › URL". */
  field?: string;
  /** file:line:column, as `npm run check` prints it. */
  where: string;
  name: string;
}

export interface CheckOutcome {
  /** Problems the change brings (errors block the save). */
  problems: Problem[];
  /** How many problems the files had already, which the change neither causes nor fixes. */
  existing: number;
}

/** `entry 3 › policyLibraries[0].url` → "Policy libraries 1 › URL". */
export function fieldLabel(field: string | undefined): string | undefined {
  if (!field) return undefined;
  const inner = field.replace(/^entry \d+ › ?/, '');
  if (!inner) return undefined;
  return inner
    .split('.')
    .map((part) =>
      part.replace(/^([^[]+)/, (name) => labelFor(name)).replace(/\[(\d+)\]/g, (_, i) => ` ${Number(i) + 1}`),
    )
    .join(' › ');
}

/** `expected` values that name a data type, which says nothing to someone filling in a form. */
const TYPE_WORDS = new Set(['object', 'string', 'array', 'number', 'boolean', 'list', 'text']);

const keyOf = (e: DataError) => `${e.name}|${e.file}|${e.field ?? ''}|${e.message}`;

function toProblem(e: DataError): Problem {
  const label = fieldLabel(e.field);
  return {
    severity: e.severity,
    name: e.name,
    title: Errors[e.name].title,
    message:
      e.expected && !TYPE_WORDS.has(e.expected) && !e.message.includes(e.expected)
        ? `${e.message} Expected: ${e.expected}.`
        : e.message,
    hint: e.hint,
    ...(label && { field: label }),
    where: `${e.file}:${e.line}:${e.column}`,
  };
}

async function copyTree(root: string, into: string): Promise<void> {
  for (const dir of ['data', 'templates']) {
    const from = path.join(root, dir);
    if (await stat(from).catch(() => undefined)) await cp(from, path.join(into, dir), { recursive: true });
  }
}

async function runChecks(root: string): Promise<DataError[]> {
  const checked = await checkSite({ root });
  return checked.site ? sortErrors([...checked.errors, ...auditContent(checked.site)]) : checked.errors;
}

/** A cheap fingerprint of data/ and templates/ (paths, sizes, mtimes) to reuse the last baseline. */
async function treeStamp(root: string): Promise<string> {
  const parts: string[] = [];
  for (const dir of ['data', 'templates']) {
    const entries = await readdir(path.join(root, dir), { recursive: true, withFileTypes: true }).catch(
      () => [],
    );
    for (const e of entries) {
      if (!e.isFile()) continue;
      const file = path.join(e.parentPath, e.name);
      const s = await stat(file);
      parts.push(`${file}:${s.size}:${s.mtimeMs}`);
    }
  }
  return parts.sort().join('\n');
}

let baseline: { root: string; stamp: string; errors: Promise<DataError[]> } | undefined;

function baselineOf(root: string, stamp: string): Promise<DataError[]> {
  if (baseline?.root !== root || baseline.stamp !== stamp)
    baseline = { root, stamp, errors: runChecks(root) };
  return baseline.errors;
}

/** Runs the checks on the tree with `changes` applied and returns the problems they add. */
export async function checkChanges(root: string, changes: readonly FileChange[]): Promise<CheckOutcome> {
  const before = baselineOf(root, await treeStamp(root));
  const scratch = await mkdtemp(path.join(tmpdir(), 'denial-pages-editor-check-'));
  try {
    await copyTree(root, scratch);
    for (const change of changes) {
      const file = path.join(scratch, change.file);
      if (change.text === null) await unlink(file).catch(() => undefined);
      else {
        await mkdir(path.dirname(file), { recursive: true });
        await writeFile(file, change.text);
      }
    }
    const after = await runChecks(scratch);
    const had = new Set((await before).map(keyOf));
    const added = after.filter((e) => !had.has(keyOf(e)));
    return { problems: added.map(toProblem), existing: after.length - added.length };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/** The message a refused save shows: every error, in plain words, with where it is. */
export function refusalMessage(problems: readonly Problem[]): string {
  const errors = problems.filter((p) => p.severity === 'error');
  const lines = errors.map(
    (p) => `${p.field ? `${p.field}: ` : ''}${p.message} ${p.hint}`.trim() + ` (${p.where}, ${p.title})`,
  );
  return `Not saved: npm run check would report ${errors.length === 1 ? 'this problem' : `${errors.length} problems`}. ${lines.join(' · ')}`;
}
