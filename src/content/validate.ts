// Step 2 of 4: check every table against its zod schema and every reference between files, collecting all
// problems with their locations. Entries that fail are dropped so the remaining checks still run.
import type { z } from 'zod';
import { didYouMean } from '../errors/did-you-mean.ts';
import { createError, type DataError } from '../errors/data-error.ts';
import { compileAngle, type CompiledAngle } from './angle-compile.ts';
import {
  angleFrontmatterSchema,
  factSchema,
  itemSchema,
  payerSchema,
  reasonSchema,
  siteSchema,
  type AngleFrontmatter,
  type Fact,
  type Item,
  type Payer,
  type Reason,
  type Site,
} from '../schema/index.ts';
import type { LoadedData, TableName } from './load.ts';
import { issuesToErrors } from './schema-issues.ts';
import { fileStart, locate, type YamlSource } from './yaml-source.ts';

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
  'reasons',
  'robots',
  'sitemap',
  'sitemap-index',
  'search',
  'index',
]);

export type AngleKey = 'payer' | 'item' | 'reason';
export const ANGLE_KEYS: readonly AngleKey[] = ['payer', 'item', 'reason'];

export interface Angle extends AngleFrontmatter {
  file: string;
  hash: string;
  compiled: CompiledAngle;
}

export interface Located<T> {
  value: T;
  /** Index of the entry in its table, for locating later errors. */
  index: number;
}

export interface ValidData {
  site: Site;
  payers: Payer[];
  items: Item[];
  reasons: Reason[];
  facts: Map<string, Fact>;
  angles: Angle[];
}

export interface ValidateOptions {
  /** Today's date as YYYY-MM-DD; review dates after it are errors. Defaults to the system date (UTC). */
  today?: string;
}

function parseList<T>(
  source: YamlSource | undefined,
  schema: z.ZodType<T>,
  errors: DataError[],
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
    else errors.push(...issuesToErrors(source, schema, result.error.issues, [index], true));
  });
  return out;
}

function checkUnique<T>(
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

function checkSlugTable<T extends { slug: string; formerSlugs: string[] }>(
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
function writtenSlugs(source: YamlSource | undefined): string[] | undefined {
  const raw: unknown = source?.doc.toJS();
  if (!Array.isArray(raw)) return undefined;
  return raw
    .map((row: { slug?: unknown }) => row?.slug)
    .filter((slug): slug is string => typeof slug === 'string');
}

function checkDate(
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

export async function validateData(loaded: LoadedData, options: ValidateOptions = {}) {
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const errors: DataError[] = [...loaded.errors];
  const { tables } = loaded;

  let site: Site | undefined;
  if (tables.site) {
    const result = siteSchema.safeParse(tables.site.doc.toJS());
    if (result.success) site = result.data;
    else errors.push(...issuesToErrors(tables.site, siteSchema, result.error.issues));
  }
  const payers = checkSlugTable(
    'payers',
    tables.payers,
    parseList(tables.payers, payerSchema, errors),
    errors,
  );
  const items = checkSlugTable('items', tables.items, parseList(tables.items, itemSchema, errors), errors);
  const reasons = checkSlugTable(
    'reasons',
    tables.reasons,
    parseList(tables.reasons, reasonSchema, errors),
    errors,
  );
  const factRows = checkUnique(
    tables.facts,
    parseList(tables.facts, factSchema, errors),
    (f) => f.id,
    'id',
    errors,
  );
  const facts = new Map(factRows.map((r) => [r.value.id, r.value]));
  if (tables.facts) {
    for (const { value, index } of factRows) {
      checkDate(
        value.verified,
        today,
        locate(tables.facts, [index, 'verified']),
        `entry ${index + 1} › verified`,
        errors,
      );
    }
  }

  // References are checked against every slug written in a table, even on entries with other errors, so one
  // broken row does not cascade into "unknown slug" errors in every angle that names it.
  const slugsOf = {
    payer: writtenSlugs(tables.payers),
    item: writtenSlugs(tables.items),
    reason: writtenSlugs(tables.reasons),
  };
  const tableOf = { payer: 'data/payers.yaml', item: 'data/items.yaml', reason: 'data/reasons.yaml' };
  const reviewerIds = site?.editorial.reviewers.map((r) => r.id) ?? [];

  const angles: Angle[] = [];
  await Promise.all(
    loaded.angles.map(async (loadedAngle) => {
      const { file, frontmatter: fm } = loadedAngle;
      if (!fm) {
        errors.push(
          createError('MissingField', fileStart(file), {
            message: 'The angle has no frontmatter block.',
            hint: 'Start the file with --- on line 1, then payer/item/reason, reviewedBy, reviewed and sources, then ---.',
          }),
        );
        return;
      }
      const angleErrors: DataError[] = [];
      const parsed = angleFrontmatterSchema.safeParse(fm.doc.toJS() ?? {});
      if (!parsed.success)
        angleErrors.push(...issuesToErrors(fm, angleFrontmatterSchema, parsed.error.issues));
      const compiled = await compileAngle(file, loadedAngle.body, loadedAngle.bodyLine, loadedAngle.hash);
      angleErrors.push(...compiled.errors);
      if (parsed.success) {
        const data = parsed.data;
        if (!ANGLE_KEYS.some((k) => data[k])) {
          angleErrors.push(
            createError('EmptyAngle', fileStart(file, 1), {
              message: 'None of payer, item or reason is set.',
            }),
          );
        }
        for (const key of ANGLE_KEYS) {
          const value = data[key];
          const known = slugsOf[key];
          if (value && known && !known.includes(value)) {
            angleErrors.push(
              createError('UnknownSlug', locate(fm, [key]), {
                field: key,
                message: `"${value}" is not ${key === 'item' ? 'an' : 'a'} ${key} slug in ${tableOf[key]}.`,
                hint: didYouMean(value, known, `Use a slug from ${tableOf[key]}.`),
              }),
            );
          }
        }
        if (site && !reviewerIds.includes(data.reviewedBy)) {
          angleErrors.push(
            createError('UnknownSlug', locate(fm, ['reviewedBy']), {
              field: 'reviewedBy',
              message: `"${data.reviewedBy}" is not a reviewer id in data/site.yaml (editorial.reviewers).`,
              hint: didYouMean(data.reviewedBy, reviewerIds, 'Use a reviewer id from data/site.yaml.'),
            }),
          );
        }
        checkDate(data.reviewed, today, locate(fm, ['reviewed']), 'reviewed', angleErrors);
        const item = items.find((i) => i.slug === data.item);
        const reason = reasons.find((r) => r.slug === data.reason);
        if (item && reason && !reason.appliesTo.includes(item.kind)) {
          angleErrors.push(
            createError('InapplicableAngle', locate(fm, ['reason']), {
              field: 'reason',
              message: `"${reason.slug}" applies to ${reason.appliesTo.join(', ')}, but "${item.slug}" is a ${item.kind}.`,
            }),
          );
        }
      }
      if (compiled.angle) {
        for (const use of compiled.angle.factUses) {
          if (!facts.has(use.id) && tables.facts) {
            angleErrors.push(
              createError(
                'UnknownFact',
                { file, line: use.line, column: use.column },
                {
                  message: `Fact "${use.id}" is not defined in data/facts.yaml.`,
                  hint: didYouMean(
                    use.id,
                    facts.keys(),
                    'Add the fact to data/facts.yaml with its citation and source.',
                  ),
                },
              ),
            );
          }
        }
        if (site) {
          const { min, max } = site.angleWords;
          const words = compiled.angle.words;
          if (words < min || words > max) {
            angleErrors.push(
              createError(
                'AngleLength',
                { file, line: loadedAngle.bodyLine, column: 1 },
                {
                  message: `The angle has ${words} words; the allowed range is ${min}–${max}.`,
                },
              ),
            );
          }
        }
      }
      errors.push(...angleErrors);
      if (parsed.success && compiled.angle && !angleErrors.some((e) => e.severity === 'error')) {
        angles.push({ ...parsed.data, file, hash: loadedAngle.hash, compiled: compiled.angle });
      }
    }),
  );
  angles.sort((a, b) => a.file.localeCompare(b.file));

  const data: ValidData | undefined =
    site && tables.payers && tables.items && tables.reasons && tables.facts
      ? { site, payers, items, reasons, facts, angles }
      : undefined;
  for (const name of ['site', 'payers', 'items', 'reasons', 'facts'] as const) {
    if (!tables[name] && !errors.some((e) => e.file.endsWith(`${name}.yaml`))) {
      errors.push(
        createError('FileUnreadable', fileStart(`data/${name}.yaml`), {
          message: `data/${name}.yaml is missing.`,
        }),
      );
    }
  }
  return { data, errors };
}
