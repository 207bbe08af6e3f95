// npm run report: what an editor needs next. Coverage of angle layers per combination, page status and why,
// angles that read most alike, over-long titles and descriptions, and the missing angles worth most.
import type { RenderedSite } from '../generator/site-models.ts';
import { DESCRIPTION_MAX, TITLE_MAX } from '../generator/summary.ts';
import { renderAngleBody } from '../html/angle-render.ts';
import { trusted } from '../html/markup.ts';
import { groupKey, mainContent, type NearDuplicate } from '../measure/near-duplicates.ts';
import { containment, containmentSorted, median, shingleHashes, shingles } from '../measure/shingles.ts';
import type { PageModel } from '../models/page-model.ts';
import type { CheckedSite } from '../plan/check-site.ts';
import type { Combination } from '../plan/join.ts';
import { groupBy } from '../plan/siblings.ts';

export interface MissingAngle {
  layer: 'payer × reason' | 'item × reason' | 'payer × item × reason';
  payer?: string;
  item?: string;
  reason: string;
  /** Pages that would become indexable if this angle existed. */
  unlocks: number;
  /** Pages that would show it. */
  pages: number;
}

export interface Report {
  totals: {
    combinations: number;
    indexable: number;
    noindex: number;
    skipped: number;
    inapplicable: number;
    angles: number;
  };
  matrix: { payer: string; item: string; reason: string; layers: string; status: string; why: string }[];
  inapplicable: { payer: string; item: string; reason: string; why: string }[];
  similarAngles: { a: string; b: string; overlap: number }[];
  pageOverlap: {
    /** Median over ordered pairs of pages with the same payer and reason. */
    median: number;
    pairs: number;
    /** Median of each page's overlap with its closest sibling. */
    medianClosest: number;
    worst: { page: string; sibling: string; overlap: number }[];
  };
  nearDuplicates: NearDuplicate[];
  longTitles: { path: string; length: number; title: string }[];
  longDescriptions: { path: string; length: number }[];
  missing: MissingAngle[];
}

function layersOf(c: Combination): string {
  const out: string[] = [];
  if (c.itemAngle?.payer && c.itemAngle.reason) out.push('full');
  else if (c.itemAngle)
    out.push(c.itemAngle.reason ? 'item×reason' : c.itemAngle.payer ? 'payer×item' : 'item');
  if (c.payerAngle)
    out.push(
      c.payerAngle.payer && c.payerAngle.reason ? 'payer×reason' : c.payerAngle.payer ? 'payer' : 'reason',
    );
  return out.join(' + ') || '—';
}

/**
 * Overlap between indexable pages that share payer and reason: the median over every ordered pair of the share
 * of one page's five-word phrases found in the other, the median against each page's closest sibling, and the
 * pages closest to their nearest sibling.
 */
export function pageOverlap(pages: readonly PageModel[]): Report['pageOverlap'] {
  const indexable = pages.filter((p) => p.robots === 'index, follow');
  const sets = new Map(indexable.map((p) => [p.path, shingleHashes(mainContent(p))]));
  const groups = groupBy(indexable, groupKey);
  const pairScores: number[] = [];
  const closest: { page: string; sibling: string; overlap: number }[] = [];
  for (const group of groups.values()) {
    for (const page of group) {
      let best = { sibling: '', overlap: -1 };
      for (const other of group) {
        if (other === page) continue;
        const overlap = containmentSorted(sets.get(page.path)!, sets.get(other.path)!);
        pairScores.push(overlap);
        if (overlap > best.overlap) best = { sibling: other.path, overlap };
      }
      if (best.overlap >= 0) closest.push({ page: page.path, ...best });
    }
  }
  return {
    median: median(pairScores),
    pairs: pairScores.length,
    medianClosest: median(closest.map((s) => s.overlap)),
    worst: [...closest].sort((a, b) => b.overlap - a.overlap).slice(0, 20),
  };
}

export function buildReport(site: CheckedSite, rendered: RenderedSite): Report {
  const { inapplicable } = site.join;
  const { decisions } = rendered;
  const count = (status: string) => decisions.filter((d) => d.decision.status === status).length;

  const angleSets = site.data.angles.map((a) => ({
    file: a.file,
    set: shingles(renderAngleBody(a.compiled, silentFacts).__html),
  }));
  const similarAngles: Report['similarAngles'] = [];
  for (let i = 0; i < angleSets.length; i++) {
    for (let j = i + 1; j < angleSets.length; j++) {
      const a = angleSets[i]!;
      const b = angleSets[j]!;
      const overlap = Math.max(containment(a.set, b.set), containment(b.set, a.set));
      if (overlap > 0) similarAngles.push({ a: a.file, b: b.file, overlap });
    }
  }
  similarAngles.sort((x, y) => y.overlap - x.overlap || x.a.localeCompare(y.a));

  const all = [...rendered.hubs, ...rendered.pages];
  const missing = new Map<string, MissingAngle>();
  const bump = (key: string, base: Omit<MissingAngle, 'unlocks' | 'pages'>, unlocks: boolean) => {
    const entry = missing.get(key) ?? { ...base, unlocks: 0, pages: 0 };
    entry.pages++;
    if (unlocks) entry.unlocks++;
    missing.set(key, entry);
  };
  for (const { combo: c, decision } of decisions) {
    if (decision.status === 'indexable') continue;
    const hasItemReason = Boolean(c.itemAngle?.item && c.itemAngle.reason && !c.itemAngle.payer);
    const hasPayerReason = Boolean(c.payerAngle?.payer && c.payerAngle.reason);
    const layered = site.data.site.index.layeredAnglesIndexable;
    if (!hasPayerReason) {
      bump(
        `pr|${c.payer.slug}|${c.reason.slug}`,
        { layer: 'payer × reason', payer: c.payer.slug, reason: c.reason.slug },
        layered && hasItemReason,
      );
    }
    if (!hasItemReason) {
      bump(
        `ir|${c.item.slug}|${c.reason.slug}`,
        { layer: 'item × reason', item: c.item.slug, reason: c.reason.slug },
        layered && hasPayerReason,
      );
    }
    bump(
      `full|${c.path}`,
      { layer: 'payer × item × reason', payer: c.payer.slug, item: c.item.slug, reason: c.reason.slug },
      true,
    );
  }
  const ranked = [...missing.values()].sort(
    (a, b) =>
      b.unlocks - a.unlocks ||
      b.pages - a.pages ||
      a.layer.localeCompare(b.layer) ||
      `${a.payer}${a.item}${a.reason}`.localeCompare(`${b.payer}${b.item}${b.reason}`),
  );

  return {
    totals: {
      combinations: decisions.length,
      indexable: count('indexable'),
      noindex: count('noindex'),
      skipped: count('skipped'),
      inapplicable: inapplicable.length,
      angles: site.data.angles.length,
    },
    matrix: decisions.map(({ combo: c, decision }) => ({
      payer: c.payer.slug,
      item: c.item.slug,
      reason: c.reason.slug,
      layers: layersOf(c),
      status: decision.status,
      why: decision.why,
    })),
    inapplicable,
    similarAngles: similarAngles.slice(0, 20),
    pageOverlap: pageOverlap(rendered.pages),
    nearDuplicates: rendered.nearDuplicates,
    longTitles: all
      .filter((p) => p.title.length > TITLE_MAX)
      .map((p) => ({ path: p.path, length: p.title.length, title: p.title })),
    longDescriptions: all
      .filter((p) => p.description.length > DESCRIPTION_MAX)
      .map((p) => ({ path: p.path, length: p.description.length })),
    missing: ranked.slice(0, 50),
  };
}

/** Angles rendered for comparison: fact markers are irrelevant to wording, so facts print nothing. */
const silentFacts = {
  Fact: () => trusted(''),
  Value: () => trusted(''),
  Cite: () => trusted(''),
  IfRule: () => true,
  OnlyFor: () => true,
};
