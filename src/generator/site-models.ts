// Everything the output needs, computed once per build from the checked site: each built combination's content,
// the near-duplicate measure over it, the index decision for every combination, the finished page and hub models,
// the redirects and the sitemap entries. The near-duplicate comparison can run on a second thread.
import { Worker } from 'node:worker_threads';
import { BuildError } from '../errors/build-error.ts';
import {
  byPath,
  findNearDuplicates,
  groupKey,
  mainParts,
  PartTable,
  type ComparedPage,
  type NearDuplicate,
  type NearDuplicateMemo,
} from '../measure/near-duplicates.ts';
import type { CompareMessage, CompareReply, CompareSetup } from '../measure/near-duplicates-worker.ts';
import { buildHubs, type HubModel } from '../models/hub-models.ts';
import {
  finishPage,
  linkLabel,
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

export interface RenderedSite {
  /** Every combination page that is built (indexable or noindex). */
  pages: PageModel[];
  hubs: HubModel[];
  redirects: Redirect[];
  /** Exactly the indexable pages and hubs, with lastmod from review dates. */
  sitemap: SitemapEntry[];
  /** Pages the near-duplicate rule took out of the index (noindex or not built, as site.yaml says). */
  nearDuplicates: NearDuplicate[];
  /** The index decision for every combination, in the order of the matrix. */
  decisions: { combo: Combination; decision: IndexDecision }[];
}

/** Near-duplicate priority: a page with a full angle (payer and reason layers) outranks a layered one. */
function nearDuplicateRank(combo: Combination): number {
  const angle = combo.itemAngle;
  return angle?.payer && angle.reason ? 0 : 1;
}

/** Combinations whose content is made: those the angles alone would build (indexable or noindex). */
function contentPlan(site: CheckedSite) {
  const { index } = site.data.site;
  return site.join.combinations
    .map((combo) => ({ combo, eligible: decidePage(combo, index) }))
    .filter((p) => p.eligible.status !== 'skipped');
}

/** Each built combination's content, in the matrix's order; `onPage` sees each as it is made. */
function renderContents(
  site: CheckedSite,
  planned: ReturnType<typeof contentPlan>,
  onPage?: (content: PageContent, combo: Combination, comparable: boolean) => void,
): PageContent[] {
  const memo = new PageMemo();
  return planned.map(({ combo, eligible }) => {
    try {
      const content = renderPage(site.data, site.templates, combo, memo);
      onPage?.(content, combo, eligible.status === 'indexable');
      return content;
    } catch (e) {
      throw new BuildError('RenderFailed', `rendering ${combo.path} failed: ${(e as Error).message}`, {
        cause: e,
      });
    }
  });
}

/** The pages, hubs, redirects and sitemap, once every page's index decision is known. */
function finishSite(
  site: CheckedSite,
  contents: PageContent[],
  nearDuplicates: NearDuplicate[],
): RenderedSite {
  const { index } = site.data.site;
  const duplicateOf = new Map(nearDuplicates.map((d) => [d.path, d]));
  const decisions = site.join.combinations.map((combo) => {
    const dup = duplicateOf.get(combo.path);
    const measures = dup && { nearDuplicateOf: { sibling: dup.sibling, overlap: dup.overlap } };
    return { combo, decision: decidePage(combo, index, measures) };
  });
  const built = new Map(
    decisions.filter((d) => d.decision.status !== 'skipped').map((d) => [d.combo.path, d]),
  );
  const links = (siblings: readonly Combination[], self: string): PageLink[] =>
    siblings
      .filter((c) => c.path !== self && built.has(c.path))
      .map((c) => ({ href: c.path, label: linkLabel(c) }));
  const byPayerItem = groupBy(site.join.combinations, payerItemKey);
  const byItemReason = groupBy(site.join.combinations, itemReasonKey);
  const pages = contents
    .filter((content) => built.has(content.path))
    .map((content) => {
      const { combo, decision } = built.get(content.path)!;
      return finishPage(content, robotsFor(decision.status), {
        sameItemOtherReasons: links(byPayerItem.get(payerItemKey(combo))!, combo.path),
        sameReasonOtherPayers: links(byItemReason.get(itemReasonKey(combo))!, combo.path),
      });
    });
  const hubs = buildHubs(site, pages);
  const redirects = planRedirects(
    site.data,
    [...built.values()].map((d) => d.combo),
  );
  const sitemap = [...hubs, ...pages]
    .filter((p) => p.robots === 'index, follow')
    .map((p) => ({ path: p.path, lastmod: p.lastmod }));
  return { pages, hubs, redirects, sitemap, nearDuplicates, decisions };
}

/**
 * Everything the output needs, in one thread. A build passes the near-duplicate results of its previous run
 * (same code and settings) as `memo`, so only groups whose pages changed are compared again.
 */
export function renderSite(site: CheckedSite, memo?: NearDuplicateMemo): RenderedSite {
  const planned = contentPlan(site);
  const rank = new Map(planned.map(({ combo }) => [combo.path, nearDuplicateRank(combo)]));
  const comparable = new Set(
    planned.filter((p) => p.eligible.status === 'indexable').map((p) => p.combo.path),
  );
  const contents = renderContents(site, planned);
  const nearDuplicates = findNearDuplicates(
    contents.filter((c) => comparable.has(c.path)),
    site.data.site.index.nearDuplicateThreshold,
    (page) => rank.get(page.path)!,
    memo,
  );
  return finishSite(site, contents, nearDuplicates);
}

/**
 * renderSite() with the near-duplicate comparison on a second thread: each payer × reason group is sent as soon
 * as its last page is rendered, so the comparison runs beside the rendering instead of after it. Same result.
 */
export async function renderSiteInThreads(
  site: CheckedSite,
  memo?: NearDuplicateMemo,
): Promise<RenderedSite> {
  const worker = new Worker(new URL('../measure/near-duplicates-worker.ts', import.meta.url), {
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
    const planned = contentPlan(site);
    const table = new PartTable();
    // Each group's pages still to render, and its comparable pages so far; it goes to the thread when none is left.
    const open = new Map<string, { left: number; pages: ComparedPage[] }>();
    for (const { combo } of planned) {
      const group = open.get(groupKey(combo)) ?? { left: 0, pages: [] };
      group.left++;
      open.set(groupKey(combo), group);
    }
    const contents = renderContents(site, planned, (content, combo, comparable) => {
      const group = open.get(groupKey(combo))!;
      if (comparable)
        group.pages.push({
          path: content.path,
          rank: nearDuplicateRank(combo),
          parts: table.idsOf(mainParts(content)),
        });
      if (--group.left > 0 || !group.pages.length) return;
      worker.postMessage({ parts: table.takeNew(), groups: [group.pages] } satisfies CompareMessage);
    });
    worker.postMessage({ done: true } satisfies CompareMessage);
    const result = await reply;
    if ('error' in result) throw new Error(`comparing pages for near-duplicates failed: ${result.error}`);
    if (memo) Object.assign(memo.next, result.next);
    return finishSite(site, contents, result.found.sort(byPath));
  } finally {
    await worker.terminate();
  }
}
