// The matrix of payers × items × reasons: which combinations exist, and which angle fills each slot of a page
// (explicit precedence, ties are errors). Whether a page is indexable is index-policy.ts's decision.
import type { Angle, AngleKey, ValidData } from '../content/validate.ts';
import { createError, type DataError } from '../errors/data-error.ts';
import type { Item, Payer, Reason } from '../schema/index.ts';
import { itemBenefits } from './page-scope.ts';
import { combinationPath } from './urls.ts';

export interface Combination {
  payer: Payer;
  item: Item;
  reason: Reason;
  /** Site path with trailing slash, e.g. /cigna/keytruda/step-therapy/. */
  path: string;
  /** The angle about this item (full, item × reason or item-only). */
  itemAngle: Angle | undefined;
  /** The angle about this payer without the item (payer × reason, payer-only or reason-only). */
  payerAngle: Angle | undefined;
  /** The note on this payer's policy for this item (payer × item, no reason): shown on every reason's page. */
  payerItemNote: Angle | undefined;
}

export interface Exclusion {
  payer: string;
  item: string;
  reason: string;
  why: string;
}

export interface JoinResult {
  combinations: Combination[];
  /** Combinations that produce no page at all because the reason does not apply to the item's kind. */
  inapplicable: Exclusion[];
  errors: DataError[];
}

function keysOf(angle: Angle): AngleKey[] {
  return (['payer', 'item', 'reason'] as const).filter((k) => angle[k] !== undefined);
}

/**
 * Angle precedence. A page has three slots. The payer × item slot takes the note that names the payer and the item
 * but no reason. The item slot takes the other angles that name the item; the payer slot takes angles that do not.
 * Within a slot, the angle naming more keys wins (payer × item × reason over item × reason, over item alone;
 * payer × reason over payer alone or reason alone). Two matching angles with the same number of keys in one slot
 * are a tie, which is an error.
 */
export function resolveAngles(candidates: readonly Angle[]): {
  itemAngle?: Angle;
  payerAngle?: Angle;
  payerItemNote?: Angle;
  ties: [Angle, Angle][];
} {
  const ties: [Angle, Angle][] = [];
  const pick = (slot: Angle[]): Angle | undefined => {
    const ranked = [...slot].sort(
      (a, b) => keysOf(b).length - keysOf(a).length || a.file.localeCompare(b.file),
    );
    const [best, next] = ranked;
    if (best && next && keysOf(best).length === keysOf(next).length) ties.push([best, next]);
    return best;
  };
  const isPayerItem = (a: Angle) => a.payer !== undefined && a.item !== undefined && a.reason === undefined;
  const payerItemNote = pick(candidates.filter(isPayerItem));
  const itemAngle = pick(candidates.filter((a) => a.item !== undefined && !isPayerItem(a)));
  const payerAngle = pick(candidates.filter((a) => a.item === undefined));
  return {
    ...(itemAngle && { itemAngle }),
    ...(payerAngle && { payerAngle }),
    ...(payerItemNote && { payerItemNote }),
    ties,
  };
}

function angleIndexKey(
  payer: string | undefined,
  item: string | undefined,
  reason: string | undefined,
): string {
  return `${payer ?? '*'}|${item ?? '*'}|${reason ?? '*'}`;
}

export function joinData(data: ValidData): JoinResult {
  const byKey = new Map<string, Angle[]>();
  for (const angle of data.angles) {
    const key = angleIndexKey(angle.payer, angle.item, angle.reason);
    byKey.set(key, [...(byKey.get(key) ?? []), angle]);
  }
  const combinations: Combination[] = [];
  const inapplicable: Exclusion[] = [];
  const errors: DataError[] = [];
  const reportedTies = new Set<string>();
  const patterns = [0b111, 0b110, 0b101, 0b011, 0b100, 0b010, 0b001];

  for (const payer of data.payers) {
    for (const item of data.items) {
      for (const reason of data.reasons) {
        const why = !payer.kinds.includes(item.kind)
          ? `${payer.slug} does not decide on a ${item.kind}`
          : !reason.appliesTo.includes(item.kind)
            ? `${reason.slug} does not apply to a ${item.kind}`
            : undefined;
        if (why) {
          inapplicable.push({ payer: payer.slug, item: item.slug, reason: reason.slug, why });
          continue;
        }
        const benefits = itemBenefits(item);
        // An angle written for some kinds or benefits only (kinds, benefits in its frontmatter) fits no other page.
        const fits = (a: Angle) =>
          (!a.kinds || a.kinds.includes(item.kind)) &&
          (!a.benefits || a.benefits.some((b) => benefits.includes(b)));
        const candidates = patterns
          .flatMap(
            (bits) =>
              byKey.get(
                angleIndexKey(
                  bits & 0b100 ? payer.slug : undefined,
                  bits & 0b010 ? item.slug : undefined,
                  bits & 0b001 ? reason.slug : undefined,
                ),
              ) ?? [],
          )
          .filter(fits);
        const { itemAngle, payerAngle, payerItemNote, ties } = resolveAngles(candidates);
        const path = combinationPath(payer.slug, item.slug, reason.slug);
        for (const [a, b] of ties) {
          const key = [a.file, b.file].sort().join('|');
          if (reportedTies.has(key)) continue;
          reportedTies.add(key);
          errors.push(
            createError(
              'AngleTie',
              { file: b.file, line: 1, column: 1 },
              {
                message: `This angle and ${a.file} both match ${path} at the same specificity.`,
              },
            ),
          );
        }
        combinations.push({
          payer,
          item,
          reason,
          path,
          itemAngle,
          payerAngle,
          payerItemNote,
        });
      }
    }
  }
  return { combinations, inapplicable, errors };
}
