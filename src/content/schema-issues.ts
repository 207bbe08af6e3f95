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
    const at = locate(source, path);
    switch (issue.code) {
      case 'unrecognized_keys':
        for (const key of issue.keys) {
          const known = knownKeysAt(schema, issue.path);
          errors.push(
            createError('UnknownKey', locate(source, [...path, key], { key: true }), {
              field: formatField([...path, key], listTable),
              message: `"${key}" is not a known key here.`,
              expected: known.length ? `one of: ${known.join(', ')}` : undefined,
              hint: didYouMean(key, known, 'Remove the key or fix its spelling.'),
            }),
          );
        }
        break;
      case 'invalid_type':
        if (!hasPath(source, path)) {
          errors.push(
            createError('MissingField', at, {
              field,
              message: `Required field "${String(path[path.length - 1])}" is missing.`,
              expected: issue.expected,
            }),
          );
        } else {
          errors.push(
            createError('InvalidType', at, {
              field,
              message: `Expected ${issue.expected}, found ${describeValue(source, path)}.`,
              expected: issue.expected,
            }),
          );
        }
        break;
      case 'invalid_value': {
        const allowed = issue.values.map(String);
        const actual = String(source.doc.getIn(path as unknown[]) ?? '');
        errors.push(
          createError('InvalidValue', at, {
            field,
            message: `"${actual}" is not allowed here.`,
            expected: `one of: ${allowed.join(', ')}`,
            hint: didYouMean(actual, allowed, 'Use one of the allowed values.'),
          }),
        );
        break;
      }
      case 'invalid_union': {
        const options = ((issue as { options?: unknown[] }).options ?? []).map(String);
        const discriminator = (issue as { discriminator?: string }).discriminator;
        const actual = String(source.doc.getIn(path as unknown[]) ?? '');
        if (discriminator && !hasPath(source, path)) {
          errors.push(
            createError('MissingField', at, {
              field,
              message: `Required field "${discriminator}" is missing.`,
              expected: `one of: ${options.join(', ')}`,
            }),
          );
        } else {
          errors.push(
            createError('InvalidValue', at, {
              field,
              message: `"${actual}" is not allowed here.`,
              expected: options.length ? `one of: ${options.join(', ')}` : undefined,
              hint: didYouMean(actual, options, 'Use one of the allowed values.'),
            }),
          );
        }
        break;
      }
      case 'invalid_format': {
        const actual = String(source.doc.getIn(path as unknown[]) ?? '');
        if (issue.format === 'url') {
          errors.push(
            createError('UnsafeUrl', at, {
              field,
              message: `"${actual}" ${issue.message}.`,
              expected: 'https://…',
            }),
          );
        } else if (issue.format === 'date') {
          errors.push(
            createError('InvalidDate', at, {
              field,
              message: `"${actual}" ${issue.message}.`,
              expected: 'YYYY-MM-DD',
            }),
          );
        } else if (issue.message === SLUG_MESSAGE) {
          const suggestion = slugify(actual);
          errors.push(
            createError('InvalidSlug', at, {
              field,
              message: `"${actual}" ${issue.message}.`,
              expected: '[a-z0-9-]',
              hint: suggestion ? `Try "${suggestion}".` : undefined,
            }),
          );
        } else {
          errors.push(createError('InvalidValue', at, { field, message: `"${actual}" ${issue.message}.` }));
        }
        break;
      }
      case 'too_small':
        errors.push(
          createError(hasPath(source, path) ? 'InvalidValue' : 'MissingField', at, {
            field,
            message:
              issue.origin === 'array'
                ? `Needs at least ${String(issue.minimum)} entr${issue.minimum === 1 ? 'y' : 'ies'}.`
                : issue.origin === 'string'
                  ? 'Must not be empty.'
                  : `Must be at least ${String(issue.minimum)}.`,
          }),
        );
        break;
      default:
        errors.push(createError('InvalidValue', at, { field, message: issue.message }));
    }
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
