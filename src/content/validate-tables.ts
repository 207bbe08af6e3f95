// Checks for the YAML tables: each row against its strict schema, unique slugs and ids, reserved and former
// slugs, and dates that may not lie in the future. Rows that fail are dropped so the other checks still run.
import type { z } from 'zod';
import { tagRow } from './follow-ons.ts';
import { createError, type DataError } from '../errors/data-error.ts';
import type { TableName } from './load.ts';
import { issuesToErrors } from './schema-issues.ts';
import { locate, type YamlSource } from './yaml-source.ts';

/** First path segments of built-in pages; no payer, item or reason may take them. */
export const RESERVED_SLUGS = new Set([
  '404',
  '_astro',
  'assets',
  'about',
  'api',
  'favicon',
  'items',
  'payers',
  'plans',
  'reasons',
  'robots',
  'sitemap',
  'sitemap-index',
  'search',
  'index',
  'states',
  'social',
  'editorial-policy',
  'corrections',
  'privacy',
  'terms',
  'refunds',
]);

export interface Located<T> {
  value: T;
  /** Index of the entry in its table, for locating later errors. */
  index: number;
}

export function parseList<T>(
  source: YamlSource | undefined,
  schema: z.ZodType<T>,
  errors: DataError[],
  /** Names the entry a rejected row was ("payer:cigna"), so references to it fold under its errors. */
  about?: (entry: { [key: string]: unknown }) => string | undefined,
): Located<T>[] {
  if (!source) return [];
  const raw: unknown = source.doc.toJS();
  if (!Array.isArray(raw)) {
    errors.push(
      createError('InvalidType', locate(source, []), {
        message: 'The file must be a YAML list: one "- slug: …" entry per row.',
        expected: 'a list',
      }),
    );
    return [];
  }
  const out: Located<T>[] = [];
  raw.forEach((entry, index) => {
    const result = schema.safeParse(entry);
    if (result.success) out.push({ value: result.data, index });
    else {
      const rowErrors = issuesToErrors(source, schema, result.error.issues, [index], true);
      const tag =
        entry && typeof entry === 'object' ? about?.(entry as { [key: string]: unknown }) : undefined;
      errors.push(...tagRow(rowErrors, tag));
    }
  });
  return out;
}

export function checkUnique<T>(
  source: YamlSource | undefined,
  rows: Located<T>[],
  key: (row: T) => string,
  field: string,
  errors: DataError[],
): Located<T>[] {
  if (!source) return rows;
  const first = new Map<string, number>();
  return rows.filter((row) => {
    const value = key(row.value);
    const seen = first.get(value);
    if (seen !== undefined) {
      const firstLine = locate(source, [seen, field]).line;
      errors.push(
        createError('DuplicateSlug', locate(source, [row.index, field]), {
          field: `entry ${row.index + 1} › ${field}`,
          message: `"${value}" is already used on line ${firstLine}.`,
        }),
      );
      return false;
    }
    first.set(value, row.index);
    return true;
  });
}

export function checkSlugTable<T extends { slug: string; formerSlugs: string[] }>(
  table: TableName,
  source: YamlSource | undefined,
  rows: Located<T>[],
  errors: DataError[],
): T[] {
  const unique = checkUnique(source, rows, (r) => r.slug, 'slug', errors);
  if (!source) return unique.map((r) => r.value);
  const live = new Set(unique.map((r) => r.value.slug));
  const former = new Map<string, string>();
  for (const { value, index } of unique) {
    if (RESERVED_SLUGS.has(value.slug)) {
      errors.push(
        createError('ReservedSlug', locate(source, [index, 'slug']), {
          field: `entry ${index + 1} › slug`,
          message: `"${value.slug}" is reserved for a built-in page.`,
        }),
      );
    }
    value.formerSlugs.forEach((old, i) => {
      const at = locate(source, [index, 'formerSlugs', i]);
      const field = `entry ${index + 1} › formerSlugs[${i}]`;
      if (RESERVED_SLUGS.has(old)) {
        errors.push(
          createError('ReservedSlug', at, {
            field,
            message: `Former slug "${old}" is reserved for a built-in page.`,
          }),
        );
      } else if (live.has(old)) {
        errors.push(
          createError('DuplicateSlug', at, {
            field,
            message: `Former slug "${old}" is the live slug of another ${table} entry; its redirect would hide that page.`,
            hint: 'Remove the former slug, or rename the live entry.',
          }),
        );
      } else if (former.has(old)) {
        errors.push(
          createError('DuplicateSlug', at, {
            field,
            message: `Former slug "${old}" is also listed by "${former.get(old)}"; a redirect can lead to one page only.`,
          }),
        );
      }
      former.set(old, value.slug);
    });
  }
  return unique.map((r) => r.value);
}

/** Slugs written in a table; undefined when the table could not be read, so references to it are not checked. */
export function writtenSlugs(source: YamlSource | undefined): string[] | undefined {
  const raw: unknown = source?.doc.toJS();
  if (!Array.isArray(raw)) return undefined;
  return raw
    .map((row: { slug?: unknown }) => row?.slug)
    .filter((slug): slug is string => typeof slug === 'string');
}

export function checkDate(
  value: string,
  today: string,
  at: ReturnType<typeof locate>,
  field: string,
  errors: DataError[],
) {
  if (value > today) {
    errors.push(createError('FutureDate', at, { field, message: `${value} is after today (${today}).` }));
  }
}
