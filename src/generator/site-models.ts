// Everything the output needs, computed once per build from the checked site: each built combination's content,
// the uniqueness measure over it (what each page says that its siblings do not, read from its rendered text), the
// index decision for every combination, the finished page and hub models, the redirects and the sitemap entries.
import { BuildError } from '../errors/build-error.ts';
import type { Uniqueness } from '../measure/page-uniqueness.ts';
import { buildHubs, type HubModel } from '../models/hub-models.ts';
import {
  finishPage,
  PageMemo,
  renderPage,
  type PageContent,
  type PageLink,
  type PageModel,
} from '../models/page-model.ts';
import type { CheckedSite } from '../plan/check-site.ts';
import { decidePage, robotsFor, type IndexDecision } from '../plan/index-policy.ts';
import type { Combination } from '../plan/join.ts';
import { planRedirects, type Redirect } from '../plan/redirects.ts';
import { groupBy, itemReasonKey, payerItemKey } from '../plan/siblings.ts';
import type { SitemapEntry } from './host-files.ts';
import { measureIncrementally, type MeasureRecord } from './measure-record.ts';
import { measuredPage, namesOf } from './page-measure.ts';
import { PageWire } from './page-wire.ts';

export interface RenderedSite {
  /** Every combination page that is built (indexable or noindex). */
  pages: PageModel[];
  hubs: HubModel[];
  redirects: Redirect[];
  /** Exactly the indexable pages and hubs, with lastmod from review dates. */
  sitemap: SitemapEntry[];
  /** The uniqueness measure of every built combination page, in the matrix's order. */
  measures: Uniqueness[];
  /** The index decision for every combination, in the order of the matrix. */
  decisions: { combo: Combination; decision: IndexDecision }[];
  /** The measure's record, for the next build to start from. */
  measureRecord: MeasureRecord;
  /** Pages whose phrases were read this time (the rest kept the last build's figures). */
  measured: number;
  /** Each built guide's content fingerprint (PageWire.contentFingerprint), by path. */
  contentPrints: Map<string, string>;
}

export interface RenderSiteOptions {
  /** Computes (and remembers) the content fingerprints that key the measure. */
  wire?: PageWire;
  /** The last build's measure, made with the same code and site settings. */
  previousMeasures?: MeasureRecord;
}

/** Combinations whose content is made: those the angles alone would build (indexable or noindex). */
function contentPlan(site: CheckedSite) {
  const { index } = site.data.site;
  return site.join.combinations
    .map((combo) => ({ combo, eligible: decidePage(combo, index) }))
    .filter((p) => p.eligible.status !== 'skipped');
}

/** Each built combination's content, in the matrix's order. */
function renderContents(site: CheckedSite, planned: ReturnType<typeof contentPlan>): PageContent[] {
  const memo = new PageMemo();
  return planned.map(({ combo }) => {
    try {
      return renderPage(site.data, site.templates, combo, memo);
    } catch (e) {
      throw new BuildError('RenderFailed', `rendering ${combo.path} failed: ${(e as Error).message}`, {
        cause: e,
      });
    }
  });
}

/** A page's related links: its payer and item under other reasons, its item and reason at other payers. */
function relatedLinks(site: CheckedSite, built: ReadonlySet<string>) {
  const byPayerItem = groupBy(site.join.combinations, payerItemKey);
  const byItemReason = groupBy(site.join.combinations, itemReasonKey);
  // Each group's heading names what its links share, so a link is named by what differs: the reason, the payer.
  const links = (siblings: readonly Combination[], self: string, label: (c: Combination) => string) =>
    siblings
      .filter((c) => c.path !== self && built.has(c.path))
      .map((c): PageLink => ({ href: c.path, label: label(c) }));
  return (combo: Combination): PageModel['related'] => ({
    sameItemOtherReasons: links(byPayerItem.get(payerItemKey(combo))!, combo.path, (c) => c.reason.name),
    sameReasonOtherPayers: links(
      byItemReason.get(itemReasonKey(combo))!,
      combo.path,
      (c) => c.payer.shortName,
    ),
  });
}

/**
 * The measure reads each page as it is built when every planned page is built (index.nonIndexable: noindex, the
 * default): the same related links, so the same visible text. With `skip`, a page's related links may lose a
 * sibling that is then not built; the measure counts that sibling's link, which only makes pages look more alike.
 */
function measureContents(
  site: CheckedSite,
  planned: ReturnType<typeof contentPlan>,
  contents: readonly PageContent[],
  options: RenderSiteOptions,
) {
  const related = relatedLinks(site, new Set(planned.map((p) => p.combo.path)));
  const wire = options.wire ?? new PageWire();
  const prints = new Map<string, string>();
  const measure = measureIncrementally(
    contents.map((content, i) => {
      const combo = planned[i]!.combo;
      const print = wire.contentFingerprint(content);
      prints.set(combo.path, print);
      return {
        path: combo.path,
        payer: combo.payer.slug,
        item: combo.item.slug,
        reason: combo.reason.slug,
        key: `${print} ${JSON.stringify(namesOf(combo))}`,
        read: () => measuredPage(site.data.site, combo, finishPage(content, 'index, follow', related(combo))),
      };
    }),
    options.previousMeasures,
  );
  return { ...measure, prints };
}

/** The pages, hubs, redirects and sitemap, once every page's index decision is known. */
function finishSite(
  site: CheckedSite,
  contents: PageContent[],
  measure: ReturnType<typeof measureContents>,
): RenderedSite {
  const { measures } = measure;
  const { index } = site.data.site;
  const measured = new Map(measures.map((m) => [m.path, m]));
  const decisions = site.join.combinations.map((combo) => {
    const uniqueness = measured.get(combo.path);
    return { combo, decision: decidePage(combo, index, uniqueness && { uniqueness }) };
  });
  const built = new Map(
    decisions.filter((d) => d.decision.status !== 'skipped').map((d) => [d.combo.path, d]),
  );
  const related = relatedLinks(site, new Set(built.keys()));
  const pages = contents
    .filter((content) => built.has(content.path))
    .map((content) => {
      const { combo, decision } = built.get(content.path)!;
      return finishPage(content, robotsFor(decision.status), related(combo));
    });
  const hubs = buildHubs(site, pages);
  const redirects = planRedirects(
    site.data,
    [...built.values()].map((d) => d.combo),
  );
  const sitemap = [...hubs, ...pages]
    .filter((p) => p.robots === 'index, follow')
    .map((p) => ({ path: p.path, lastmod: p.lastmod }));
  return {
    pages,
    hubs,
    redirects,
    sitemap,
    measures,
    decisions,
    measureRecord: measure.record,
    measured: measure.read,
    contentPrints: measure.prints,
  };
}

/** Everything the output needs. */
export function renderSite(site: CheckedSite, options: RenderSiteOptions = {}): RenderedSite {
  const planned = contentPlan(site);
  const contents = renderContents(site, planned);
  return finishSite(site, contents, measureContents(site, planned, contents, options));
}
