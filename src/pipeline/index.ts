// The pipeline in one call: load → validate → join → render. Astro routes and scripts call this; it runs
// without Astro too (tests, check, report).
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { groupBy } from '../group-by.ts';
import { hasErrors, sortErrors, type DataError } from '../errors/data-error.ts';
import type { SitemapEntry } from '../build/host-files.ts';
import { buildHubs, type HubModel } from '../render/hubs.ts';
import { PageMemo, renderPage, type PageLink, type PageModel } from '../render/page.ts';
import {
  byPath,
  findNearDuplicates,
  groupKey,
  mainParts,
  PartTable,
  type ComparedPage,
  type NearDuplicate,
  type NearDuplicateMemo,
} from './near-duplicates.ts';
import type { CompareMessage, CompareReply, CompareSetup } from './near-duplicates-worker.ts';
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

/** Near-duplicate priority: a page with a full angle (payer and reason layers) outranks a layered one. */
function nearDuplicateRank(site: CheckedSite): (page: PageModel) => number {
  const combos = new Map(site.join.combinations.map((c) => [c.path, c]));
  return (p) => {
    const angle = combos.get(p.path)?.itemAngle;
    return angle?.payer && angle.reason ? 0 : 1;
  };
}

/** Pages the near-duplicate rule compares: those indexable so far. */
const comparable = (page: PageModel) => page.robots === 'index, follow';

/**
 * The second half of the index policy, which needs rendered pages: near-duplicates lose their index status
 * (their combinations are updated, so summaries and reports count them) and links to skipped pages go.
 */
function applyNearDuplicates(site: CheckedSite, rendered: PageModel[], nearDuplicates: NearDuplicate[]) {
  const { index } = site.data.site;
  const combos = new Map(site.join.combinations.map((c) => [c.path, c]));
  for (const dup of nearDuplicates) {
    const combo = combos.get(dup.path)!;
    combo.status = index.nonIndexable === 'noindex' ? 'noindex' : 'skipped';
    combo.why = NEAR_DUPLICATE_WHY;
  }
  const demoted = new Set(nearDuplicates.map((d) => d.path));
  const skipped = new Set(site.join.combinations.filter((c) => c.status === 'skipped').map((c) => c.path));
  const keep = (links: PageLink[]) => links.filter((l) => !skipped.has(l.href));
  return rendered
    .filter((p) => !skipped.has(p.path))
    .map((p) => ({
      ...p,
      robots: demoted.has(p.path) ? ('noindex, follow' as const) : p.robots,
      related: {
        sameItemOtherReasons: keep(p.related.sameItemOtherReasons),
        sameReasonOtherPayers: keep(p.related.sameReasonOtherPayers),
      },
    }));
}

/** The rest of the output, once the pages are final. */
function finishSite(site: CheckedSite, pages: PageModel[], nearDuplicates: NearDuplicate[]): RenderedSite {
  const hubs = buildHubs(site, pages);
  const redirects = planRedirects(site.data, site.join.combinations);
  const sitemap = [...hubs, ...pages]
    .filter((p) => p.robots === 'index, follow')
    .map((p) => ({ path: p.path, lastmod: p.lastmod }));
  return { pages, hubs, redirects, sitemap, nearDuplicates };
}

/**
 * Everything the output needs, computed once per build. A build passes the near-duplicate results of its previous
 * run (same code and settings) as `memo`, so only groups whose pages changed are compared again.
 */
export function renderSite(site: CheckedSite, memo?: NearDuplicateMemo): RenderedSite {
  const rendered = renderPages(site);
  const nearDuplicates = findNearDuplicates(
    rendered.filter(comparable),
    site.data.site.index.nearDuplicateThreshold,
    nearDuplicateRank(site),
    memo,
  );
  return finishSite(site, applyNearDuplicates(site, rendered, nearDuplicates), nearDuplicates);
}

/**
 * renderSite() with the near-duplicate comparison on a second thread: each payer × reason group is sent as soon
 * as its last page is rendered, so the comparison runs beside the rendering instead of after it. Same result.
 */
export async function renderSiteInThreads(
  site: CheckedSite,
  memo?: NearDuplicateMemo,
): Promise<RenderedSite> {
  const worker = new Worker(new URL('./near-duplicates-worker.ts', import.meta.url), {
    workerData: {
      threshold: site.data.site.index.nearDuplicateThreshold,
      previous: memo?.previous ?? {},
    } satisfies CompareSetup,
  });
  const reply = new Promise<CompareReply>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the near-duplicate thread exited with code ${code}`)));
  });
  reply.catch(() => undefined); // awaited below; a failure meanwhile must not go unhandled
  try {
    const rank = nearDuplicateRank(site);
    const table = new PartTable();
    // Each group's pages still to render, and its comparable pages so far; it goes to the thread when none is left.
    const open = new Map<string, { left: number; pages: ComparedPage[] }>();
    for (const c of site.join.combinations) {
      if (c.status === 'skipped') continue;
      const group = open.get(groupKey(c)) ?? { left: 0, pages: [] };
      group.left++;
      open.set(groupKey(c), group);
    }
    const rendered = renderPages(site, (page, combo) => {
      const group = open.get(groupKey(combo))!;
      if (comparable(page))
        group.pages.push({ path: page.path, rank: rank(page), parts: table.idsOf(mainParts(page)) });
      if (--group.left > 0 || !group.pages.length) return;
      worker.postMessage({ parts: table.takeNew(), groups: [group.pages] } satisfies CompareMessage);
    });
    worker.postMessage({ done: true } satisfies CompareMessage);
    const result = await reply;
    if ('error' in result) throw new Error(`comparing pages for near-duplicates failed: ${result.error}`);
    if (memo) Object.assign(memo.next, result.next);
    const nearDuplicates = result.found.sort(byPath);
    return finishSite(site, applyNearDuplicates(site, rendered, nearDuplicates), nearDuplicates);
  } finally {
    await worker.terminate();
  }
}

/** Page models for every combination that is built (indexable or noindex). */
export function renderPages(
  site: CheckedSite,
  onPage?: (page: PageModel, combo: Combination) => void,
): PageModel[] {
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
      const page = renderPage(site.data, site.templates, combo, siblings, memo);
      onPage?.(page, combo);
      return page;
    } catch (e) {
      throw new Error(`rendering ${combo.path} failed: ${(e as Error).message}`, { cause: e });
    }
  });
}
