// The queue: for the pages that are not indexable, the single note that would make the most pages indexable if it
// were written next. A note adds text its pages show and their siblings do not: a payer × item note is on every
// reason's page of one payer and item (none of them siblings of each other), a full angle on one page. An item ×
// reason angle is not in the queue: its siblings at other payers show it too, so it adds no phrase of a page's own.
// The estimate is an estimate: a new note of the layer's median length (in phrases) is added to each page it would
// appear on, its phrases counted as the page's own; the page passes if its closest sibling's share of the larger
// page and its own phrases then meet site.yaml's thresholds, and the angle rule is met.
import type { Uniqueness } from '../measure/page-uniqueness.ts';
import { angleLayers, type IndexDecision } from '../plan/index-policy.ts';
import type { Combination } from '../plan/join.ts';
import { median } from '../measure/shingles.ts';
import type { Site } from '../schema/index.ts';

export interface QueuedNote {
  layer: 'payer × item' | 'payer × item × reason';
  payer: string;
  item: string;
  reason?: string;
  /** The file the note would be, as `npm run new` names it. */
  file: string;
  /** Pages it would appear on that are not indexable now. */
  pages: number;
  /** Of those, the pages it would make indexable (estimated). */
  unlocks: number;
}

/** Phrases a note of each layer brings: the median of the notes written so far, or a default before there are any. */
export interface NoteSizes {
  payerItem: number;
  full: number;
}

export function noteSizes(measured: { layer: 'payerItem' | 'full'; phrases: number }[]): NoteSizes {
  const of = (layer: 'payerItem' | 'full', fallback: number) => {
    const sizes = measured.filter((m) => m.layer === layer).map((m) => m.phrases);
    return sizes.length ? median(sizes) : fallback;
  };
  return { payerItem: of('payerItem', 120), full: of('full', 300) };
}

function wouldPass(u: Uniqueness, added: number, index: Site['index']): boolean {
  const share = (u.share * u.phrases) / (u.phrases + added);
  return share < index.maxSiblingShare && u.unique + added >= index.minOwnPhrases;
}

export function nextNotes(
  decisions: readonly { combo: Combination; decision: IndexDecision }[],
  measures: readonly Uniqueness[],
  index: Site['index'],
  sizes: NoteSizes,
): QueuedNote[] {
  const measured = new Map(measures.map((m) => [m.path, m]));
  const queue = new Map<string, QueuedNote>();
  const add = (note: Omit<QueuedNote, 'pages' | 'unlocks'>, passes: boolean) => {
    const entry = queue.get(note.file) ?? { ...note, pages: 0, unlocks: 0 };
    entry.pages++;
    if (passes) entry.unlocks++;
    queue.set(note.file, entry);
  };
  for (const { combo, decision } of decisions) {
    const u = measured.get(combo.path);
    if (decision.status === 'indexable' || !u) continue;
    const layers = angleLayers(combo);
    const [payer, item] = [combo.payer.slug, combo.item.slug];
    if (!combo.payerItemNote) {
      const ruleMet = layers.full || (index.layeredAnglesIndexable && layers.itemReason);
      add(
        { layer: 'payer × item', payer, item, file: `data/angles/payer-item/${payer}--${item}.mdx` },
        ruleMet && wouldPass(u, sizes.payerItem, index),
      );
    }
    if (!layers.full) {
      const reason = combo.reason.slug;
      add(
        {
          layer: 'payer × item × reason',
          payer,
          item,
          reason,
          file: `data/angles/full/${payer}--${item}--${reason}.mdx`,
        },
        wouldPass(u, sizes.full, index),
      );
    }
  }
  return [...queue.values()].sort(
    (a, b) => b.unlocks - a.unlocks || b.pages - a.pages || a.file.localeCompare(b.file),
  );
}
