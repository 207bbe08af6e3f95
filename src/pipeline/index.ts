// The pipeline in one call: load → validate → join → render. Astro routes and scripts call this; it runs
// without Astro too (tests, check, report).
import path from 'node:path';
import { groupBy } from '../group-by.ts';
import { hasErrors, sortErrors, type DataError } from '../errors/data-error.ts';
import type { SitemapEntry } from '../build/host-files.ts';
import { buildHubs, type HubModel } from '../render/hubs.ts';
import { PageMemo, renderPage, type PageLink, type PageModel } from '../render/page.ts';
import { findNearDuplicates, type NearDuplicate, type NearDuplicateMemo } from './near-duplicates.ts';
import { loadTemplates, type LoadedTemplates } from '../render/templates.ts';
import { joinData, type Combination, type JoinResult } from './join.ts';
import { loadData } from './load.ts';
import { planRedirects, type Redirect } from './redirects.ts';
import { locate, type YamlSource } from './yaml-source.ts';
import { validateData, type ValidateOptions, type ValidData } from './validate.ts';

export interface PipelineOptions extends ValidateOptions {
  /** Project root; error paths are relative to it. */
  root: string;
  /** Defaults to <root>/data. */
  dataDir?: string;
  /** Defaults to <root>/templates. */
  templatesDir?: string;
}

export interface CheckedSite {
  data: ValidData;
  templates: LoadedTemplates;
  join: JoinResult;
}

export interface CheckResult {
  site?: CheckedSite;
  /** Errors and warnings, sorted by file, line and column. */
  errors: DataError[];
}

/** Load, validate and join without rendering: what `npm run check` runs. */
export async function checkSite(options: PipelineOptions): Promise<CheckResult> {
  const root = path.resolve(options.root);
  const dataDir = path.resolve(root, options.dataDir ?? 'data');
  const templatesDir = path.resolve(root, options.templatesDir ?? 'templates');
  const [loaded, loadedTemplates] = await Promise.all([
    loadData(root, dataDir),
    loadTemplates(root, templatesDir),
  ]);
  const { data, errors } = await validateData(loaded, options);
  errors.push(...loadedTemplates.errors);
  if (data && loadedTemplates.templates) {
    errors.push(...checkFactUsage(data, loadedTemplates.templates, loaded.tables.facts));
  }
  if (!data || !loadedTemplates.templates || hasErrors(errors)) return { errors: sortErrors(errors) };
  const join = joinData(data);
  errors.push(...join.errors);
  if (hasErrors(errors)) return { errors: sortErrors(errors) };
  return { site: { data, templates: loadedTemplates.templates, join }, errors: sortErrors(errors) };
}

function checkFactUsage(data: ValidData, templates: LoadedTemplates, factsSource?: YamlSource): DataError[] {
  const errors: DataError[] = [];
  const used = new Set<string>(data.angles.flatMap((a) => a.compiled.factUses.map((u) => u.id)));
  for (const use of templates.factUses) {
    used.add(use.id);
    if (!data.facts.has(use.id)) {
      errors.push({
        name: 'UnknownFact',
        severity: 'error',
        file: use.file,
        line: use.line,
        column: use.column,
        message: `Fact "${use.id}" is not defined in data/facts.yaml.`,
        hint: 'Add the fact to data/facts.yaml with its citation and source, or fix the id.',
      });
    }
  }
  const factRows: unknown = factsSource?.doc.toJS();
  for (const [id] of data.facts) {
    if (!used.has(id)) {
      const index = Array.isArray(factRows) ? factRows.findIndex((f: { id?: unknown }) => f?.id === id) : -1;
      const at = factsSource
        ? locate(factsSource, [index, 'id'])
        : { file: 'data/facts.yaml', line: 1, column: 1 };
      errors.push({
        name: 'UnusedFact',
        severity: 'warning',
        ...at,
        field: id,
        message: `Fact "${id}" is not cited by any template or angle.`,
        hint: 'Cite it where it belongs, or remove it.',
      });
    }
  }
  return errors;
}

export interface RenderedSite {
  /** Every combination page that is built (indexable or noindex). */
  pages: PageModel[];
  hubs: HubModel[];
  redirects: Redirect[];
  /** Exactly the indexable pages and hubs, with lastmod from review dates. */
  sitemap: SitemapEntry[];
  /** Pages the near-duplicate rule took out of the index (noindex or not built, as site.yaml says). */
  nearDuplicates: NearDuplicate[];
}

export const NEAR_DUPLICATE_WHY = 'near-duplicate of an indexable sibling with the same payer and reason';

/**
 * The second half of the index policy, which needs rendered pages: near-duplicates lose their index status
 * (their combinations are updated, so summaries and reports count them) and links to skipped pages go.
 */
function applyNearDuplicates(site: CheckedSite, rendered: PageModel[], memo?: NearDuplicateMemo) {
  const { index } = site.data.site;
  const combos = new Map(site.join.combinations.map((c) => [c.path, c]));
  const full = (p: PageModel) =>
    Boolean(combos.get(p.path)?.itemAngle?.payer && combos.get(p.path)?.itemAngle?.reason);
  const nearDuplicates = findNearDuplicates(
    rendered.filter((p) => p.robots === 'index, follow'),
    index.nearDuplicateThreshold,
    (p) => (full(p) ? 0 : 1),
    memo,
  );
  for (const dup of nearDuplicates) {
    const combo = combos.get(dup.path)!;
    combo.status = index.nonIndexable === 'noindex' ? 'noindex' : 'skipped';
    combo.why = NEAR_DUPLICATE_WHY;
  }
  const demoted = new Set(nearDuplicates.map((d) => d.path));
  const skipped = new Set(site.join.combinations.filter((c) => c.status === 'skipped').map((c) => c.path));
  const keep = (links: PageLink[]) => links.filter((l) => !skipped.has(l.href));
  const pages = rendered
    .filter((p) => !skipped.has(p.path))
    .map((p) => ({
      ...p,
      robots: demoted.has(p.path) ? ('noindex, follow' as const) : p.robots,
      related: {
        sameItemOtherReasons: keep(p.related.sameItemOtherReasons),
        sameReasonOtherPayers: keep(p.related.sameReasonOtherPayers),
      },
    }));
  return { pages, nearDuplicates };
}

/**
 * Everything the output needs, computed once per build. A build passes the near-duplicate results of its previous
 * run (same code and settings) as `memo`, so only groups whose pages changed are compared again.
 */
export function renderSite(site: CheckedSite, memo?: NearDuplicateMemo): RenderedSite {
  const { pages, nearDuplicates } = applyNearDuplicates(site, renderPages(site), memo);
  const hubs = buildHubs(site, pages);
  const redirects = planRedirects(site.data, site.join.combinations);
  const sitemap = [...hubs, ...pages]
    .filter((p) => p.robots === 'index, follow')
    .map((p) => ({ path: p.path, lastmod: p.lastmod }));
  return { pages, hubs, redirects, sitemap, nearDuplicates };
}

/** Page models for every combination that is built (indexable or noindex). */
export function renderPages(site: CheckedSite): PageModel[] {
  const built = site.join.combinations.filter((c) => c.status !== 'skipped');
  const group = (key: (c: Combination) => string) => groupBy(site.join.combinations, key);
  const byPayerItem = group((c) => `${c.payer.slug}|${c.item.slug}`);
  const byItemReason = group((c) => `${c.item.slug}|${c.reason.slug}`);
  const memo = new PageMemo();
  return built.map((combo) => {
    try {
      const siblings = {
        byPayerItem: byPayerItem.get(`${combo.payer.slug}|${combo.item.slug}`) ?? [],
        byItemReason: byItemReason.get(`${combo.item.slug}|${combo.reason.slug}`) ?? [],
      };
      return renderPage(site.data, site.templates, combo, siblings, memo);
    } catch (e) {
      throw new Error(`rendering ${combo.path} failed: ${(e as Error).message}`, { cause: e });
    }
  });
}
