// Turns zod issues into located DataErrors with the field, what was expected and a did-you-mean where one helps.
import type { z } from 'zod';
import { didYouMean } from '../errors/did-you-mean.ts';
import { createError, type DataError } from '../errors/data-error.ts';
import { SLUG_MESSAGE } from '../schema/primitives.ts';
import { hasPath, locate, type FieldPath, type YamlSource } from './yaml-source.ts';

/** "entry 3 › planLines[1]" for list tables, "checkout.url" for maps. */
export function formatField(path: FieldPath, listTable: boolean): string {
  const parts: string[] = [];
  path.forEach((seg, i) => {
    if (i === 0 && listTable && typeof seg === 'number') parts.push(`entry ${seg + 1} ›`);
    else if (typeof seg === 'number') parts.push(`[${seg}]`);
    else
      parts.push(parts.length && !parts[parts.length - 1]!.endsWith('›') ? `.${String(seg)}` : String(seg));
  });
  return parts.join('').replace(/›(?=\S)/g, '› ');
}

interface ZodDef {
  type: string;
  shape?: Record<string, { _zod: { def: ZodDef } }>;
  element?: { _zod: { def: ZodDef } };
  innerType?: { _zod: { def: ZodDef } };
  options?: { _zod: { def: ZodDef } }[];
  in?: { _zod: { def: ZodDef } };
}

/** Keys a strict object accepts at `path` (for unions, the keys of every option). */
export function knownKeysAt(schema: z.ZodType, path: FieldPath): string[] {
  let defs: ZodDef[] = [(schema as unknown as { _zod: { def: ZodDef } })._zod.def];
  const unwrap = (d: ZodDef): ZodDef[] => {
    if (d.innerType) return unwrap(d.innerType._zod.def);
    if (d.type === 'pipe' && d.in) return unwrap(d.in._zod.def);
    if (d.type === 'union' && d.options) return d.options.flatMap((o) => unwrap(o._zod.def));
    return [d];
  };
  defs = defs.flatMap(unwrap);
  for (const segment of path) {
    defs = defs.flatMap((d) => {
      if (d.type === 'array' && d.element) return unwrap(d.element._zod.def);
      if (d.type === 'object' && d.shape && typeof segment === 'string' && d.shape[segment])
        return unwrap(d.shape[segment]._zod.def);
      return [];
    });
  }
  return [...new Set(defs.flatMap((d) => (d.type === 'object' && d.shape ? Object.keys(d.shape) : [])))];
}

/** One zod issue, where it is in the file, and how the field is named for the editor. */
interface IssueAt {
  source: YamlSource;
  schema: z.ZodType;
  issue: z.core.$ZodIssue;
  path: FieldPath;
  field: string;
  at: ReturnType<typeof locate>;
  listTable: boolean;
}

const actualAt = ({ source, path }: IssueAt) => String(source.doc.getIn(path as unknown[]) ?? '');

function unknownKeys(i: IssueAt & { issue: z.core.$ZodIssueUnrecognizedKeys }): DataError[] {
  const known = knownKeysAt(i.schema, i.issue.path);
  return i.issue.keys.map((key) =>
    createError('UnknownKey', locate(i.source, [...i.path, key], { key: true }), {
      field: formatField([...i.path, key], i.listTable),
      message: `"${key}" is not a known key here.`,
      expected: known.length ? `one of: ${known.join(', ')}` : undefined,
      hint: didYouMean(key, known, 'Remove the key or fix its spelling.'),
    }),
  );
}

function invalidType(i: IssueAt & { issue: z.core.$ZodIssueInvalidType }): DataError[] {
  const { field, at, path, issue } = i;
  if (!hasPath(i.source, path)) {
    const message = `Required field "${String(path[path.length - 1])}" is missing.`;
    return [createError('MissingField', at, { field, message, expected: issue.expected })];
  }
  const message = `Expected ${issue.expected}, found ${describeValue(i.source, path)}.`;
  return [createError('InvalidType', at, { field, message, expected: issue.expected })];
}

function notAllowed(i: IssueAt, allowed: readonly string[]): DataError {
  const actual = actualAt(i);
  return createError('InvalidValue', i.at, {
    field: i.field,
    message: `"${actual}" is not allowed here.`,
    expected: allowed.length ? `one of: ${allowed.join(', ')}` : undefined,
    hint: didYouMean(actual, allowed, 'Use one of the allowed values.'),
  });
}

function invalidUnion(i: IssueAt): DataError[] {
  const options = ((i.issue as { options?: unknown[] }).options ?? []).map(String);
  const discriminator = (i.issue as { discriminator?: string }).discriminator;
  if (discriminator && !hasPath(i.source, i.path)) {
    const message = `Required field "${discriminator}" is missing.`;
    return [
      createError('MissingField', i.at, {
        field: i.field,
        message,
        expected: `one of: ${options.join(', ')}`,
      }),
    ];
  }
  return [notAllowed(i, options)];
}

function invalidFormat(i: IssueAt & { issue: z.core.$ZodIssueInvalidStringFormat }): DataError[] {
  const { field, at, issue } = i;
  const actual = actualAt(i);
  const message = `"${actual}" ${issue.message}.`;
  if (issue.format === 'url')
    return [createError('UnsafeUrl', at, { field, message, expected: 'https://…' })];
  if (issue.format === 'date')
    return [createError('InvalidDate', at, { field, message, expected: 'YYYY-MM-DD' })];
  if (issue.message === SLUG_MESSAGE) {
    const suggestion = slugify(actual);
    const hint = suggestion ? `Try "${suggestion}".` : undefined;
    return [createError('InvalidSlug', at, { field, message, expected: '[a-z0-9-]', hint })];
  }
  return [createError('InvalidValue', at, { field, message })];
}

function tooSmall(i: IssueAt & { issue: z.core.$ZodIssueTooSmall }): DataError[] {
  const { issue } = i;
  const message =
    issue.origin === 'array'
      ? `Needs at least ${String(issue.minimum)} entr${issue.minimum === 1 ? 'y' : 'ies'}.`
      : issue.origin === 'string'
        ? 'Must not be empty.'
        : `Must be at least ${String(issue.minimum)}.`;
  return [
    createError(hasPath(i.source, i.path) ? 'InvalidValue' : 'MissingField', i.at, {
      field: i.field,
      message,
    }),
  ];
}

function errorsFor(i: IssueAt): DataError[] {
  const issue = i.issue;
  switch (issue.code) {
    case 'unrecognized_keys':
      return unknownKeys({ ...i, issue });
    case 'invalid_type':
      return invalidType({ ...i, issue });
    case 'invalid_value':
      return [notAllowed(i, issue.values.map(String))];
    case 'invalid_union':
      return invalidUnion(i);
    case 'invalid_format':
      return invalidFormat({ ...i, issue: issue as z.core.$ZodIssueInvalidStringFormat });
    case 'too_small':
      return tooSmall({ ...i, issue });
    default:
      return [createError('InvalidValue', i.at, { field: i.field, message: issue.message })];
  }
}

/** zod issues as located DataErrors, one per field and kind of problem. */
export function issuesToErrors(
  source: YamlSource,
  schema: z.ZodType,
  issues: readonly z.core.$ZodIssue[],
  basePath: FieldPath = [],
  listTable = false,
): DataError[] {
  const errors: DataError[] = [];
  const seen = new Set<string>();
  for (const issue of issues) {
    const path = [...basePath, ...issue.path];
    const field = formatField(path, listTable);
    const dedupe = `${field}|${issue.code}`;
    if (seen.has(dedupe)) continue;
    seen.add(dedupe);
    errors.push(...errorsFor({ source, schema, issue, path, field, at: locate(source, path), listTable }));
  }
  return errors;
}

function describeValue(source: YamlSource, path: FieldPath): string {
  const value: unknown = source.doc.getIn(path as unknown[]);
  if (value === null || value === undefined) return 'an empty value';
  if (Array.isArray(value) || (typeof value === 'object' && 'items' in value)) return 'a list or map';
  return `${typeof value} "${String(value)}"`;
}

/** A slug a user probably meant: "Cigna Healthcare" → "cigna-healthcare". */
export function slugify(input: string): string {
  return input
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
