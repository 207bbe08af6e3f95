// Step 2 of the check: every table against its zod schema and every reference between files, collecting all
// problems with their locations. Entries that fail are dropped so the remaining checks still run.
import { createError, type DataError } from '../errors/data-error.ts';
import {
  factSchema,
  itemSchema,
  payerSchema,
  reasonSchema,
  siteSchema,
  type Fact,
  type Item,
  type Payer,
  type Reason,
  type Site,
} from '../schema/index.ts';
import type { LoadedData } from './load.ts';
import { issuesToErrors } from './schema-issues.ts';
import { validateAngle, type Angle } from './validate-angles.ts';
import { checkDate, checkSlugTable, checkUnique, parseList, writtenSlugs } from './validate-tables.ts';
import { fileStart, locate } from './yaml-source.ts';

export type { Angle, AngleKey } from './validate-angles.ts';
export { ANGLE_KEYS } from './validate-angles.ts';
export { RESERVED_SLUGS } from './validate-tables.ts';

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

function validateSite(tables: LoadedData['tables'], errors: DataError[]): Site | undefined {
  if (!tables.site) return undefined;
  const result = siteSchema.safeParse(tables.site.doc.toJS());
  if (result.success) return result.data;
  errors.push(...issuesToErrors(tables.site, siteSchema, result.error.issues));
  return undefined;
}

function validateFacts(tables: LoadedData['tables'], today: string, errors: DataError[]): Map<string, Fact> {
  const source = tables.facts;
  const rows = checkUnique(source, parseList(source, factSchema, errors), (f) => f.id, 'id', errors);
  if (source) {
    for (const { value, index } of rows) {
      const at = locate(source, [index, 'verified']);
      checkDate(value.verified, today, at, `entry ${index + 1} › verified`, errors);
    }
  }
  return new Map(rows.map((r) => [r.value.id, r.value]));
}

/** A required table that could not be read gets an error of its own, unless its file already has one. */
function reportMissingTables(tables: LoadedData['tables'], errors: DataError[]): void {
  for (const name of ['site', 'payers', 'items', 'reasons', 'facts'] as const) {
    if (tables[name] || errors.some((e) => e.file.endsWith(`${name}.yaml`))) continue;
    errors.push(
      createError('FileUnreadable', fileStart(`data/${name}.yaml`), {
        message: `data/${name}.yaml is missing.`,
      }),
    );
  }
}

export async function validateData(loaded: LoadedData, options: ValidateOptions = {}) {
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const errors: DataError[] = [...loaded.errors];
  const { tables } = loaded;
  const site = validateSite(tables, errors);
  const table = <T extends { slug: string; formerSlugs: string[] }>(
    name: 'payers' | 'items' | 'reasons',
    schema: Parameters<typeof parseList<T>>[1],
  ) => checkSlugTable(name, tables[name], parseList(tables[name], schema, errors), errors);
  const payers = table<Payer>('payers', payerSchema);
  const items = table<Item>('items', itemSchema);
  const reasons = table<Reason>('reasons', reasonSchema);
  const facts = validateFacts(tables, today, errors);

  // References are checked against every slug written in a table, even on entries with other errors, so one
  // broken row does not cascade into "unknown slug" errors in every angle that names it.
  const context = {
    slugsOf: {
      payer: writtenSlugs(tables.payers),
      item: writtenSlugs(tables.items),
      reason: writtenSlugs(tables.reasons),
    },
    items,
    reasons,
    facts: tables.facts ? facts : undefined,
    site,
    today,
  };
  const checked = await Promise.all(loaded.angles.map((angle) => validateAngle(angle, context)));
  const angles: Angle[] = [];
  for (const result of checked) {
    errors.push(...result.errors);
    if (result.angle) angles.push(result.angle);
  }
  angles.sort((a, b) => a.file.localeCompare(b.file));
  reportMissingTables(tables, errors);
  const data: ValidData | undefined =
    site && tables.payers && tables.items && tables.reasons && tables.facts
      ? { site, payers, items, reasons, facts, angles }
      : undefined;
  return { data, errors };
}
