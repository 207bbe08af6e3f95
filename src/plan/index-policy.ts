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

/** What the uniqueness measure found on a page (measure/page-uniqueness.ts). */
export interface PageMeasures {
  uniqueness?: { share: number; unique: number };
}

export const TOO_SHARED_WHY = 'shares too much of its text with a sibling (index.maxSiblingShare)';
export const TOO_FEW_OWN_WHY = 'too few phrases no sibling has (index.minOwnPhrases)';

/** The angles filling a combination's slots (a missing slot is empty). */
export type AngleSlots = Partial<Pick<Combination, 'itemAngle' | 'payerAngle' | 'payerItemNote'>>;

/** The layers a combination's angles fill, as the policy reads them. */
export function angleLayers(combo: AngleSlots) {
  const { itemAngle, payerAngle, payerItemNote } = combo;
  return {
    full: Boolean(itemAngle?.payer && itemAngle.item && itemAngle.reason),
    itemReason: Boolean(itemAngle?.item && itemAngle.reason && !itemAngle.payer),
    payerReason: Boolean(payerAngle?.payer && payerAngle.reason),
    payerItem: Boolean(payerItemNote),
    any: Boolean(itemAngle || payerAngle || payerItemNote),
  };
}

/**
 * A combination page is indexable when it has a payer × item × reason angle, or (with
 * `index.layeredAnglesIndexable`) an item × reason angle with a payer × reason angle or a payer × item note, and
 * the uniqueness measure finds that it shares less than `index.maxSiblingShare` of its five-word phrases with its
 * closest sibling and has at least `index.minOwnPhrases` phrases no sibling has. Otherwise it is built noindex or
 * not built (`index.nonIndexable`). Without `measures` (before pages are rendered, as in `check`) only the angles
 * count.
 */
export function decidePage(combo: AngleSlots, index: Site['index'], measures?: PageMeasures): IndexDecision {
  const layers = angleLayers(combo);
  const off: PageStatus = index.nonIndexable === 'noindex' ? 'noindex' : 'skipped';
  const layered = layers.itemReason && (layers.payerReason || layers.payerItem);
  if (!layers.full && !(index.layeredAnglesIndexable && layered))
    return { status: off, why: layers.any ? 'no combination-specific angle' : 'no angle' };
  const measured = measures?.uniqueness;
  if (measured && measured.share >= index.maxSiblingShare) return { status: off, why: TOO_SHARED_WHY };
  if (measured && measured.unique < index.minOwnPhrases) return { status: off, why: TOO_FEW_OWN_WHY };
  return {
    status: 'indexable',
    why: layers.full ? 'has a payer × item × reason angle' : 'has layered angles',
  };
}

/**
 * Home, payer hubs (their deadline tables), plan-line hubs (their line's rules, written nowhere else in full), the
 * trust pages and the list of states are always indexable; an item or reason hub when it lists at least one
 * indexable page; a state's page when it has at least one office confirmed (`indexablePages` counts it as one).
 */
export function decideHub(
  kind: 'home' | 'payer' | 'item' | 'reason' | 'plan' | 'page' | 'states' | 'state',
  indexablePages: number,
): Robots {
  const ownContent = ['home', 'plan', 'payer', 'page', 'states'].includes(kind);
  return ownContent || indexablePages > 0 ? 'index, follow' : 'noindex, follow';
}

export function robotsFor(status: PageStatus): Robots {
  return status === 'indexable' ? 'index, follow' : 'noindex, follow';
}
