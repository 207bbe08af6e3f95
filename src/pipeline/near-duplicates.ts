// The near-duplicate half of the index policy. Pages that share payer and reason are compared on their main
// content; a page that repeats too much of an already indexable sibling is not indexable itself.
import { groupBy } from '../group-by.ts';
import type { PageModel } from '../render/page.ts';
import { shingleHashes } from './shingles.ts';

/** Main content: what a visitor reads as the answer, without navigation, tools (calculator), CTA or sources. */
export function mainContent(page: PageModel): string {
  const { hook, rights, requirements, payerAngle = '', angle = '', nextSteps } = page.html;
  return [page.title, hook, rights, requirements, payerAngle, angle, nextSteps, ...page.checklist].join(' ');
}

export interface NearDuplicate {
  path: string;
  /** The indexable sibling it repeats most. */
  sibling: string;
  overlap: number;
}

/** Pages compared with each other: the same payer and reason. */
export const groupKey = (p: PageModel) => `${p.payer.slug}|${p.reason.slug}`;

/** Shingles every set contains (all sets sorted). */
function intersectAll(sets: readonly Uint32Array[]): Set<number> {
  let common = new Set(sets[0] ?? []);
  for (const set of sets.slice(1)) {
    const next = new Set<number>();
    for (const h of set) if (common.has(h)) next.add(h);
    common = next;
  }
  return common;
}

/**
 * Walks each payer × reason group in priority order (lower `rank` first, then path) and keeps a page only if its
 * overlap with every page kept before it stays below the threshold. Of two near-duplicates, the one with the
 * more specific angle (or the earlier path) stays indexable.
 *
 * Exact, and fast on large groups: phrases every page of the group shares (templates, the payer's angle) are
 * counted once, and the rest are matched through an index of the pages kept so far.
 */
export function findNearDuplicates(
  pages: readonly PageModel[],
  threshold: number,
  rank: (page: PageModel) => number,
): NearDuplicate[] {
  const groups = groupBy(pages, groupKey);
  const found: NearDuplicate[] = [];
  for (const group of groups.values()) {
    group.sort((a, b) => rank(a) - rank(b) || a.path.localeCompare(b.path));
    const sets = group.map((page) => shingleHashes(mainContent(page)));
    const universal = intersectAll(sets);
    const kept: string[] = [];
    const postings = new Map<number, number[]>();
    group.forEach((page, i) => {
      const set = sets[i]!;
      const counts = new Map<number, number>();
      for (const h of set) {
        if (universal.has(h)) continue;
        for (const k of postings.get(h) ?? []) counts.set(k, (counts.get(k) ?? 0) + 1);
      }
      let worst = { sibling: '', overlap: 0 };
      if (kept.length && set.length) {
        let best = 0;
        let sibling = 0;
        for (const [k, n] of counts)
          if (n > best || (n === best && k < sibling)) {
            best = n;
            sibling = k;
          }
        const shared = universal.size + best;
        worst = { sibling: kept[sibling]!, overlap: Math.min(1, shared / set.length) };
      }
      if (worst.overlap >= threshold) {
        found.push({ path: page.path, ...worst });
        return;
      }
      const index = kept.push(page.path) - 1;
      for (const h of set) {
        if (universal.has(h)) continue;
        const list = postings.get(h);
        if (list) list.push(index);
        else postings.set(h, [index]);
      }
    });
  }
  return found.sort((a, b) => a.path.localeCompare(b.path));
}
