// The build's summary: page counts by index decision (and why), hubs, redirects, sitemap URLs, output size,
// timings and the warnings that do not stop a build. Printed by the CLI, and without timings in the manifest.
import type { CheckedSite } from '../plan/check-site.ts';
import type { Failure } from '../errors/build-error.ts';
import type { DataError } from '../errors/data-error.ts';
import { HOST_LIMITS } from './host-limits.ts';
import type { RenderedSite } from './site-models.ts';

/** Lengths search results show before cutting off. */
export const TITLE_MAX = 60;
export const DESCRIPTION_MAX = 155;

export interface BuildSummary {
  ok: boolean;
  errors: DataError[];
  /** What failed, when `ok` is false and the failure was not a data error. */
  failure?: Failure;
  pages: { indexable: number; noindex: number; skipped: number; inapplicable: number };
  /** Why pages were not built or built noindex, with counts. */
  reasons: { status: string; why: string; count: number }[];
  /** Home, payer, item and reason hubs written. */
  hubs: number;
  /** Facts in data/facts.yaml, those marked unchecked, and those not checked within the freshness window. */
  facts: { total: number; unchecked: number; stale: number };
  redirects: number;
  sitemapUrls: number;
  /** Problems that do not stop the build (over-long titles, redirect limits). */
  warnings: string[];
  files: number;
  bytes: number;
  /** Wall time per stage, in order. */
  stages: { stage: string; seconds: number }[];
  seconds: number;
  outDir: string;
  /** True when the output already matched the inputs and nothing was rebuilt. */
  upToDate?: boolean;
  /** Guide pages rendered this time (the rest were reused from the previous output). */
  rerendered?: number;
  /** Guide pages whose text the uniqueness measure read this time (the others kept the last build's figures). */
  remeasured?: number;
  /** Files of the output that were not as the last build left them (missing, edited, added), so it was rebuilt. */
  repaired?: string[];
  /**
   * Pages the last build of this output had that are gone now with no redirect (a slug renamed without
   * formerSlugs, a row deleted). Printed, not written to the manifest: it depends on the last build, not the inputs.
   */
  removedPages?: string[];
}

export function emptySummary(outDir: string): BuildSummary {
  return {
    ok: false,
    errors: [],
    pages: { indexable: 0, noindex: 0, skipped: 0, inapplicable: 0 },
    reasons: [],
    hubs: 0,
    facts: { total: 0, unchecked: 0, stale: 0 },
    redirects: 0,
    sitemapUrls: 0,
    warnings: [],
    files: 0,
    bytes: 0,
    stages: [],
    seconds: 0,
    outDir,
  };
}

/** What the models say about the site: counts by decision and why, hubs, redirects, sitemap, warnings. */
export function summarizeSite(
  site: CheckedSite,
  rendered: RenderedSite,
): Pick<BuildSummary, 'pages' | 'reasons' | 'hubs' | 'facts' | 'redirects' | 'sitemapUrls' | 'warnings'> {
  const pages = { indexable: 0, noindex: 0, skipped: 0, inapplicable: site.join.inapplicable.length };
  const why = new Map<string, number>();
  const count = (key: string) => why.set(key, (why.get(key) ?? 0) + 1);
  for (const { decision } of rendered.decisions) {
    pages[decision.status]++;
    if (decision.status !== 'indexable') count(`${decision.status}|${decision.why}`);
  }
  for (const e of site.join.inapplicable) count(`inapplicable|${e.why}`);
  const reasons = [...why].map(([key, n]) => {
    const [status, reason] = key.split('|') as [string, string];
    return { status, why: reason, count: n };
  });
  return {
    pages,
    reasons,
    hubs: rendered.hubs.length,
    facts: countFacts(site),
    redirects: rendered.redirects.length,
    sitemapUrls: rendered.sitemap.length,
    warnings: collectWarnings(site, rendered),
  };
}

/** Facts by how recently they were checked against their sources (site.yaml's audit.factFreshnessMonths). */
function countFacts(site: CheckedSite): BuildSummary['facts'] {
  const { facts, today } = site.data;
  const window = site.data.site.audit.factFreshnessMonths;
  const age = (date: string) =>
    (Number(today.slice(0, 4)) - Number(date.slice(0, 4))) * 12 +
    Number(today.slice(5, 7)) -
    Number(date.slice(5, 7));
  const all = [...facts.values()];
  return {
    total: all.length,
    unchecked: all.filter((f) => f.status === 'unchecked').length,
    stale: all.filter((f) => f.status !== 'unchecked' && age(f.checked) >= window).length,
  };
}

export function collectWarnings(site: CheckedSite, rendered: RenderedSite): string[] {
  const warnings: string[] = [];
  const all = [...rendered.hubs, ...rendered.pages];
  const longTitles = all.filter((p) => p.title.length > TITLE_MAX);
  const longDescriptions = all.filter((p) => p.description.length > DESCRIPTION_MAX);
  if (longTitles.length) {
    const first = longTitles[0]!;
    warnings.push(
      `${longTitles.length} title(s) longer than ${TITLE_MAX} characters, e.g. ${first.path} (${first.title.length})`,
    );
  }
  if (longDescriptions.length) {
    const first = longDescriptions[0]!;
    warnings.push(
      `${longDescriptions.length} description(s) longer than ${DESCRIPTION_MAX} characters, e.g. ${first.path} (${first.description.length})`,
    );
  }
  const host = site.data.site.deploy.host;
  const limit = HOST_LIMITS[host].staticRedirects?.value;
  if (limit !== undefined && rendered.redirects.length > limit) {
    warnings.push(
      `${rendered.redirects.length} redirects exceed ${host}'s documented limit of ${limit} static redirects; ` +
        'entries past the limit are ignored by the host, though the HTML fallback pages still redirect',
    );
  }
  return warnings;
}

/** Paths the last build wrote that this one neither builds nor redirects. */
export function removedWithoutRedirect(previous: readonly string[], rendered: RenderedSite): string[] {
  const kept = new Set([
    ...rendered.pages.map((p) => p.path),
    ...rendered.hubs.map((h) => h.path),
    ...rendered.redirects.map((r) => r.from),
  ]);
  return previous.filter((p) => !kept.has(p)).sort();
}
