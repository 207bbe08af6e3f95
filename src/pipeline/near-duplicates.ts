// The near-duplicate half of the index policy. Pages that share payer and reason are compared on their main
// content; a page that repeats too much of an already indexable sibling is not indexable itself.
import type { PageModel } from '../render/page.ts';
import { containment, shingles } from './shingles.ts';

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

const groupKey = (p: PageModel) => `${p.payer.slug}|${p.reason.slug}`;

/**
 * Walks each payer × reason group in priority order (lower `rank` first, then path) and keeps a page only if its
 * overlap with every page kept before it stays below the threshold. Of two near-duplicates, the one with the
 * more specific angle (or the earlier path) stays indexable.
 */
export function findNearDuplicates(
  pages: readonly PageModel[],
  threshold: number,
  rank: (page: PageModel) => number,
): NearDuplicate[] {
  const groups = new Map<string, PageModel[]>();
  for (const p of pages) groups.set(groupKey(p), [...(groups.get(groupKey(p)) ?? []), p]);
  const found: NearDuplicate[] = [];
  for (const group of groups.values()) {
    group.sort((a, b) => rank(a) - rank(b) || a.path.localeCompare(b.path));
    const kept: { path: string; set: Set<string> }[] = [];
    for (const page of group) {
      const set = shingles(mainContent(page));
      let worst = { sibling: '', overlap: 0 };
      for (const other of kept) {
        const overlap = containment(set, other.set);
        if (overlap > worst.overlap) worst = { sibling: other.path, overlap };
      }
      if (worst.overlap >= threshold) found.push({ path: page.path, ...worst });
      else kept.push({ path: page.path, set });
    }
  }
  return found.sort((a, b) => a.path.localeCompare(b.path));
}
