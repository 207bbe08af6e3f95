// The index policy, whole: whether a combination page is indexable, built noindex or not built, and whether a
// hub is indexable. Pure functions of what a page has (its angles) and what was measured on it; site.yaml's
// `index` settings are the thresholds. README's "A page is indexable when…" says the same.
import type { Site } from '../schema/index.ts';
import type { Combination } from './join.ts';

export type PageStatus = 'indexable' | 'noindex' | 'skipped';
export type Robots = 'index, follow' | 'noindex, follow';

export interface IndexDecision {
  status: PageStatus;
  /** Why, for the build summary and the report. */
  why: string;
}

/** What the near-duplicate measure found for a page: the indexable sibling it repeats, and by how much. */
export interface PageMeasures {
  nearDuplicateOf?: { sibling: string; overlap: number };
}

export const NEAR_DUPLICATE_WHY = 'near-duplicate of an indexable sibling with the same payer and reason';

/** The layers a combination's angles fill, as the policy reads them. */
export function angleLayers(combo: Pick<Combination, 'itemAngle' | 'payerAngle'>) {
  const { itemAngle, payerAngle } = combo;
  return {
    full: Boolean(itemAngle?.payer && itemAngle.item && itemAngle.reason),
    itemReason: Boolean(itemAngle?.item && itemAngle.reason && !itemAngle.payer),
    payerReason: Boolean(payerAngle?.payer && payerAngle.reason),
    any: Boolean(itemAngle || payerAngle),
  };
}

/**
 * A combination page is indexable when it has a payer × item × reason angle, or (with
 * `index.layeredAnglesIndexable`) both an item × reason and a payer × reason angle, and the measure did not find
 * it a near-duplicate of an indexable sibling. Otherwise it is built noindex or not built (`index.nonIndexable`).
 * Without `measures` (before pages are measured, as in `check`) only the angles count.
 */
export function decidePage(
  combo: Pick<Combination, 'itemAngle' | 'payerAngle'>,
  index: Site['index'],
  measures?: PageMeasures,
): IndexDecision {
  const layers = angleLayers(combo);
  const off: PageStatus = index.nonIndexable === 'noindex' ? 'noindex' : 'skipped';
  if (!layers.full && !(index.layeredAnglesIndexable && layers.itemReason && layers.payerReason))
    return { status: off, why: layers.any ? 'no combination-specific angle' : 'no angle' };
  if (measures?.nearDuplicateOf) return { status: off, why: NEAR_DUPLICATE_WHY };
  return {
    status: 'indexable',
    why: layers.full ? 'has a payer × item × reason angle' : 'has item × reason and payer × reason angles',
  };
}

/** Home is always indexable; another hub when it lists at least one indexable page. */
export function decideHub(kind: 'home' | 'payer' | 'item' | 'reason', indexablePages: number): Robots {
  return kind === 'home' || indexablePages > 0 ? 'index, follow' : 'noindex, follow';
}

export function robotsFor(status: PageStatus): Robots {
  return status === 'indexable' ? 'index, follow' : 'noindex, follow';
}
