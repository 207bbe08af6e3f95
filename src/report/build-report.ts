// npm run report: what an editor needs next. Coverage of angle layers per combination, page status and why, the
// uniqueness measure of every page (worst first), angles that read most alike, over-long titles and descriptions,
// and the queue of notes worth writing next (next-notes.ts).
import type { RenderedSite } from '../generator/site-models.ts';
import { DESCRIPTION_MAX, TITLE_MAX } from '../generator/summary.ts';
import { renderAngleBody } from '../html/angle-render.ts';
import { trusted } from '../html/markup.ts';
import type { Uniqueness } from '../measure/page-uniqueness.ts';
import { containment, median, shingles } from '../measure/shingles.ts';
import type { CheckedSite } from '../plan/check-site.ts';
import type { Combination } from '../plan/join.ts';
import { nextNotes, noteSizes, type QueuedNote } from './next-notes.ts';

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
  uniqueness: {
    /** Medians over the indexable pages (undefined when there are none) and over every built page. */
    indexable: { share: number; unique: number } | undefined;
    all: { share: number; unique: number };
    /** The pages that are not indexable, with both figures, worst first (most shared, then fewest own phrases). */
    falling: (Uniqueness & { status: string; why: string })[];
  };
  longTitles: { path: string; length: number; title: string }[];
  longDescriptions: { path: string; length: number }[];
  /** The notes that would make the most pages indexable if written next. */
  queue: QueuedNote[];
}

function layersOf(c: Combination): string {
  const out: string[] = [];
  if (c.itemAngle?.payer && c.itemAngle.reason) out.push('full');
  else if (c.itemAngle) out.push(c.itemAngle.reason ? 'item×reason' : 'item');
  if (c.payerItemNote) out.push('payer×item');
  if (c.payerAngle)
    out.push(
      c.payerAngle.payer && c.payerAngle.reason ? 'payer×reason' : c.payerAngle.payer ? 'payer' : 'reason',
    );
  return out.join(' + ') || '—';
}

function medians(list: readonly Uniqueness[]) {
  return { share: median(list.map((u) => u.share)), unique: median(list.map((u) => u.unique)) };
}

/** The measure's figures for the report: medians, and the pages that fall short, worst first. */
export function uniquenessReport(rendered: RenderedSite): Report['uniqueness'] {
  const status = new Map(rendered.decisions.map((d) => [d.combo.path, d.decision]));
  const indexable = rendered.measures.filter((m) => status.get(m.path)?.status === 'indexable');
  const falling = rendered.measures
    .filter((m) => status.get(m.path)?.status !== 'indexable')
    .map((m) => ({ ...m, ...status.get(m.path)! }))
    .sort((a, b) => b.share - a.share || a.unique - b.unique || a.path.localeCompare(b.path));
  return {
    indexable: indexable.length ? medians(indexable) : undefined,
    all: medians(rendered.measures),
    falling,
  };
}

/** The queue, with note sizes taken from the notes already written (their pages' own phrases). */
function queueOf(site: CheckedSite, rendered: RenderedSite): QueuedNote[] {
  const measured = new Map(rendered.measures.map((m) => [m.path, m]));
  const written: { layer: 'payerItem' | 'full'; phrases: number }[] = [];
  for (const { combo } of rendered.decisions) {
    const u = measured.get(combo.path);
    if (!u) continue;
    if (combo.itemAngle?.payer && combo.itemAngle.reason) written.push({ layer: 'full', phrases: u.unique });
    else if (combo.payerItemNote) written.push({ layer: 'payerItem', phrases: u.unique });
  }
  return nextNotes(rendered.decisions, rendered.measures, site.data.site.index, noteSizes(written)).slice(
    0,
    50,
  );
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
    uniqueness: uniquenessReport(rendered),
    longTitles: all
      .filter((p) => p.title.length > TITLE_MAX)
      .map((p) => ({ path: p.path, length: p.title.length, title: p.title })),
    longDescriptions: all
      .filter((p) => p.description.length > DESCRIPTION_MAX)
      .map((p) => ({ path: p.path, length: p.description.length })),
    queue: queueOf(site, rendered),
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
