// A data problem as a value: where it is, what was wrong, how to fix it. Collected, sorted and printed together.
import path from 'node:path';
import { Errors, type ErrorName } from './errors-data.ts';

export type Severity = 'error' | 'warning';

export interface SourceLocation {
  /** Path relative to the project root, with forward slashes. */
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
}

export interface DataError extends SourceLocation {
  name: ErrorName;
  severity: Severity;
  /** Dotted path of the offending field inside the file, e.g. `[3].slug` or `payer`. */
  field?: string | undefined;
  message: string;
  expected?: string | undefined;
  hint: string;
  /** The entry this error is about, as "table:key" ("payer:Beta Health", "fact:claim-file"): a root cause. */
  about?: string;
  /** The entry this error refers to and could not find, as "table:key": a possible follow-on of a root. */
  refersTo?: string;
  /** Errors that follow from this one (a reference to the entry it rejects) and go away when it is fixed. */
  followOn?: DataError[];
}

export interface DataErrorInput {
  field?: string | undefined;
  message: string;
  expected?: string | undefined;
  hint?: string | undefined;
  severity?: Severity;
  refersTo?: string;
}

export function createError(name: ErrorName, at: SourceLocation, input: DataErrorInput): DataError {
  return {
    name,
    severity: input.severity ?? 'error',
    file: at.file,
    line: at.line,
    column: at.column,
    field: input.field,
    message: input.message,
    expected: input.expected,
    hint: input.hint ?? Errors[name].hint,
    ...(input.refersTo && { refersTo: input.refersTo }),
  };
}

/** Thrown only to abort a run; the pipeline otherwise returns errors as values. */
export class DataErrorsException extends Error {
  readonly errors: DataError[];
  constructor(errors: DataError[]) {
    super(formatErrors(errors));
    this.errors = errors;
    this.name = 'DataErrorsException';
  }
}

export function sortErrors(errors: readonly DataError[]): DataError[] {
  return [...errors].sort(
    (a, b) =>
      a.file.localeCompare(b.file) ||
      a.line - b.line ||
      a.column - b.column ||
      a.name.localeCompare(b.name) ||
      a.message.localeCompare(b.message),
  );
}

export function hasErrors(errors: readonly DataError[]): boolean {
  return errors.some((e) => e.severity === 'error');
}

export function formatError(e: DataError): string {
  const lines = [`${e.file}:${e.line}:${e.column} ${e.severity} ${e.name}: ${Errors[e.name].title}`];
  if (e.field) lines.push(`  field:    ${e.field}`);
  lines.push(`  problem:  ${e.message}`);
  if (e.expected) lines.push(`  expected: ${e.expected}`);
  lines.push(`  hint:     ${e.hint}`);
  if (e.followOn?.length) {
    lines.push(`  and ${e.followOn.length} follow-on error(s) that go away when this one is fixed:`);
    for (const f of sortErrors(e.followOn))
      lines.push(`    ${f.file}:${f.line}:${f.column} ${f.name}: ${f.message}`);
  }
  return lines.join('\n');
}

export function formatErrors(errors: readonly DataError[]): string {
  const sorted = sortErrors(errors);
  const nErr = sorted.filter((e) => e.severity === 'error').length;
  const nWarn = sorted.length - nErr;
  const folded = sorted.reduce((n, e) => n + (e.followOn?.length ?? 0), 0);
  const body = sorted.map(formatError).join('\n\n');
  return `${body}\n\n${nErr} error(s)${folded ? ` (and ${folded} follow-on)` : ''}, ${nWarn} warning(s)`;
}

export function relativeFile(root: string, file: string): string {
  return path.relative(root, file).split(path.sep).join('/');
}
