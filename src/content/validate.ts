// Step 2 of the check: every table against its zod schema and every reference between files, collecting all
// problems with their locations. Entries that fail are dropped so the remaining checks still run.
import { createError, type DataError } from '../errors/data-error.ts';
import {
  factSchema,
  holidaysSchema,
  itemSchema,
  payerSchema,
  PLAN_LINES,
  planLineSchema,
  reasonSchema,
  siteSchema,
  stateSchema,
  type Fact,
  type Holidays,
  type Item,
  type Payer,
  type PlanLineInfo,
  type Reason,
  type Site,
  type State,
} from '../schema/index.ts';
import { didYouMean } from '../errors/did-you-mean.ts';
import type { LoadedData } from './load.ts';
import { issuesToErrors } from './schema-issues.ts';
import { validateAngle, type Angle } from './validate-angles.ts';
import { validatePages, type TrustPage } from './validate-pages.ts';
import { checkDate, checkSlugTable, checkUnique, parseList, writtenSlugs } from './validate-tables.ts';
import { fileStart, locate, type YamlSource } from './yaml-source.ts';

export type { Angle, AngleKey } from './validate-angles.ts';
export type { TrustPage } from './validate-pages.ts';
export { ANGLE_KEYS } from './validate-angles.ts';
export { RESERVED_SLUGS } from './validate-tables.ts';

export interface ValidData {
  site: Site;
  payers: Payer[];
  items: Item[];
  reasons: Reason[];
  facts: Map<string, Fact>;
  angles: Angle[];
  /** One row per plan line, in the order of PLAN_LINES. */
  planLines: PlanLineInfo[];
  holidays: Holidays;
  /** data/states.yaml: help offices by state. */
  states: State[];
  /** The trust pages, data/pages/*.md. */
  pages: TrustPage[];
  /** The day the data was checked (YYYY-MM-DD): review dates may not be later, and fact checks age from it. */
  today: string;
}

export interface ValidateOptions {
  /** Today's date as YYYY-MM-DD; review dates after it are errors. Defaults to currentDate(). */
  today?: string;
  /** A production build: business facts still unset (null) in site.yaml are errors, not warnings. */
  production?: boolean;
}

/** Today (UTC), or DENIAL_PAGES_TODAY when set, so tests and benches can pin the date. */
export function currentDate(): string {
  return process.env['DENIAL_PAGES_TODAY'] ?? new Date().toISOString().slice(0, 10);
}

/** What a row of each slug table is called in references ("payer" in an angle's frontmatter). */
const ENTRY_OF = { payers: 'payer', items: 'item', reasons: 'reason' } as const;

/** Tags a rejected row by its key field, when it has one written as text. */
const entryTag =
  (entry: string, key: string) =>
  (row: { [field: string]: unknown }): string | undefined =>
    typeof row[key] === 'string' ? `${entry}:${row[key]}` : undefined;

function validateSite(
  tables: LoadedData['tables'],
  errors: DataError[],
  production: boolean,
): Site | undefined {
  if (!tables.site) return undefined;
  const result = siteSchema.safeParse(tables.site.doc.toJS());
  if (!result.success) {
    errors.push(...issuesToErrors(tables.site, siteSchema, result.error.issues));
    return undefined;
  }
  errors.push(...unsetBusinessFacts(tables.site, result.data, production));
  return result.data;
}

/** The business facts still null in site.yaml: a warning each, or an error in a production build. */
function unsetBusinessFacts(source: YamlSource, site: Site, production: boolean): DataError[] {
  const facts: [string, string, unknown][] = [
    ...Object.entries(site.business).map(([key, value]): [string, string, unknown] => [
      'business',
      key,
      value,
    ]),
    ...(['preparedBy', 'reviewedBy', 'turnaround', 'refund'] as const).map(
      (key): [string, string, unknown] => ['offer', key, site.offer[key]],
    ),
  ];
  return facts
    .filter(([, , value]) => value === null)
    .map(([group, key]) =>
      createError('BusinessFactUnset', locate(source, [group, key]), {
        severity: production ? 'error' : 'warning',
        field: `${group}.${key}`,
        message: production
          ? `${group}.${key} is not set, and a production build does not publish pages without it.`
          : `${group}.${key} is not set yet: pages leave it out (trust pages say it is to be set).`,
      }),
    );
}

function validateStates(tables: LoadedData['tables'], errors: DataError[]): State[] {
  const source = tables.states;
  const rows = checkUnique(
    source,
    parseList(source, stateSchema, errors, entryTag('state', 'slug')),
    (s) => s.slug,
    'slug',
    errors,
  );
  checkUnique(source, rows, (s) => s.code, 'code', errors);
  return rows.map((r) => r.value);
}

/** Months between two ISO dates, by calendar month (2026-01-31 → 2026-12-04 is 10). */
function monthsBetween(from: string, to: string): number {
  const [fy, fm] = from.split('-').map(Number) as [number, number];
  const [ty, tm] = to.split('-').map(Number) as [number, number];
  return (ty - fy) * 12 + (tm - fm);
}

function validateFacts(
  tables: LoadedData['tables'],
  today: string,
  freshness: number | undefined,
  errors: DataError[],
): Map<string, Fact> {
  const source = tables.facts;
  const parsed = parseList(source, factSchema, errors, entryTag('fact', 'id'));
  const rows = checkUnique(source, parsed, (f) => f.id, 'id', errors);
  if (source) {
    for (const { value, index } of rows) {
      const at = locate(source, [index, 'checked']);
      const field = `entry ${index + 1} › checked`;
      checkDate(value.checked, today, at, field, errors);
      if (value.status === 'unchecked') {
        errors.push(
          createError('UncheckedFact', locate(source, [index, 'id']), {
            severity: 'warning',
            field: value.id,
            message: `Fact "${value.id}" is marked unchecked: pages show it without a "checked" date.`,
          }),
        );
      } else if (freshness !== undefined && monthsBetween(value.checked, today) >= freshness) {
        errors.push(
          createError('StaleFact', at, {
            severity: 'warning',
            field,
            message: `Fact "${value.id}" was last checked on ${value.checked}, more than ${freshness} months ago.`,
          }),
        );
      }
    }
  }
  return new Map(rows.map((r) => [r.value.id, r.value]));
}

/** data/plan-lines.yaml must describe every plan line exactly once; rows come back in PLAN_LINES order. */
function validatePlanLines(tables: LoadedData['tables'], errors: DataError[]): PlanLineInfo[] {
  const source = tables['plan-lines'];
  const rows = checkUnique(source, parseList(source, planLineSchema, errors), (l) => l.id, 'id', errors);
  checkUnique(source, rows, (l) => l.slug, 'slug', errors);
  const byId = new Map(rows.map((r) => [r.value.id, r.value]));
  const missing = PLAN_LINES.filter((id) => !byId.has(id));
  if (source && missing.length && rows.length) {
    errors.push(
      createError('MissingField', locate(source, []), {
        message: `data/plan-lines.yaml has no row for: ${missing.join(', ')}.`,
        hint: 'Add a row with id, name, inSentence, howToTell, law and slug for each plan line.',
      }),
    );
  }
  return PLAN_LINES.flatMap((id) => byId.get(id) ?? []);
}

function validateHolidays(tables: LoadedData['tables'], errors: DataError[]): Holidays | undefined {
  const source = tables.holidays;
  if (!source) return undefined;
  const result = holidaysSchema.safeParse(source.doc.toJS());
  if (result.success) return result.data;
  errors.push(...issuesToErrors(source, holidaysSchema, result.error.issues));
  return undefined;
}

/** Each reason's `rules` must name facts that exist. */
function checkReasonRules(
  tables: LoadedData['tables'],
  reasons: Reason[],
  facts: Map<string, Fact>,
  errors: DataError[],
) {
  const source = tables.reasons;
  if (!source || !tables.facts) return;
  const rows: unknown = source.doc.toJS();
  reasons.forEach((reason) => {
    const index = Array.isArray(rows)
      ? rows.findIndex((r: { slug?: unknown }) => r?.slug === reason.slug)
      : -1;
    reason.rules.forEach((id, i) => {
      if (facts.has(id)) return;
      errors.push(
        createError('UnknownFact', locate(source, [index, 'rules', i]), {
          field: `entry ${index + 1} › rules[${i}]`,
          message: `Fact "${id}" is not defined in data/facts.yaml.`,
          hint: didYouMean(id, facts.keys(), 'Use a fact id from data/facts.yaml.'),
          refersTo: `fact:${id}`,
        }),
      );
    });
  });
}

/** A required table that could not be read gets an error of its own, unless its file already has one. */
function reportMissingTables(tables: LoadedData['tables'], errors: DataError[]): void {
  for (const name of [
    'site',
    'payers',
    'items',
    'reasons',
    'facts',
    'plan-lines',
    'holidays',
    'states',
  ] as const) {
    if (tables[name] || errors.some((e) => e.file.endsWith(`${name}.yaml`))) continue;
    errors.push(
      createError('FileUnreadable', fileStart(`data/${name}.yaml`), {
        message: `data/${name}.yaml is missing.`,
      }),
    );
  }
}

/** A payer's appeal routes and figures: read on a real day, and for plan lines the payer runs. */
function checkAppealRoutes(
  tables: LoadedData['tables'],
  payers: Payer[],
  today: string,
  errors: DataError[],
) {
  const source = tables.payers;
  if (!source) return;
  const rows = source.doc.toJS() as { slug?: string }[] | null;
  for (const payer of payers) {
    const index = rows?.findIndex((row) => row?.slug === payer.slug) ?? -1;
    if (index < 0) continue;
    payer.appeals.forEach((route, r) => {
      checkDate(
        route.checked,
        today,
        locate(source, [index, 'appeals', r, 'checked']),
        'appeals › checked',
        errors,
      );
      route.planLines.forEach((line, l) => {
        if (payer.planLines.includes(line)) return;
        errors.push(
          createError('InvalidValue', locate(source, [index, 'appeals', r, 'planLines', l]), {
            field: `${payer.slug} › appeals › planLines`,
            message: `"${line}" is not one of ${payer.slug}'s planLines (${payer.planLines.join(', ')}).`,
            hint: 'List a route only for a plan line the payer runs.',
          }),
        );
      });
    });
    payer.figures.forEach((figure, f) =>
      checkDate(
        figure.checked,
        today,
        locate(source, [index, 'figures', f, 'checked']),
        'figures › checked',
        errors,
      ),
    );
  }
}

export async function validateData(loaded: LoadedData, options: ValidateOptions = {}) {
  const today = options.today ?? currentDate();
  const errors: DataError[] = [...loaded.errors];
  const { tables } = loaded;
  const site = validateSite(tables, errors, options.production ?? false);
  const table = <T extends { slug: string; formerSlugs: string[] }>(
    name: 'payers' | 'items' | 'reasons',
    schema: Parameters<typeof parseList<T>>[1],
  ) =>
    checkSlugTable(
      name,
      tables[name],
      parseList(tables[name], schema, errors, entryTag(ENTRY_OF[name], 'slug')),
      errors,
    );
  const payers = table<Payer>('payers', payerSchema);
  const items = table<Item>('items', itemSchema);
  const reasons = table<Reason>('reasons', reasonSchema);
  const facts = validateFacts(tables, today, site?.audit.factFreshnessMonths, errors);
  const planLines = validatePlanLines(tables, errors);
  const holidays = validateHolidays(tables, errors);
  const states = validateStates(tables, errors);
  checkReasonRules(tables, reasons, facts, errors);
  checkAppealRoutes(tables, payers, today, errors);

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
  const trust = await validatePages(loaded.pages, { site, facts, today }, tables.site);
  errors.push(...trust.errors);
  reportMissingTables(tables, errors);
  const data: ValidData | undefined =
    site &&
    tables.payers &&
    tables.items &&
    tables.reasons &&
    tables.facts &&
    holidays &&
    tables['plan-lines'] &&
    tables.states
      ? {
          site,
          payers,
          items,
          reasons,
          facts,
          angles,
          planLines,
          holidays,
          states,
          pages: trust.pages,
          today,
        }
      : undefined;
  return { data, errors };
}
