// Which pages are siblings: the same payer and reason (other items), and the same item and reason (other payers).
// Related links, the uniqueness measure and the report all group pages with these keys.

/** Items grouped by key, in first-seen order. */
export function groupBy<T>(items: Iterable<T>, key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

interface Keyed {
  payer: { slug: string };
  item: { slug: string };
  reason: { slug: string };
}

/** Pages about the same payer and reason (of a combination or a page model). */
export const payerReasonKey = (p: Keyed) => `${p.payer.slug}|${p.reason.slug}`;

/** Pages about the same item and reason. */
export const itemReasonKey = (p: Keyed) => `${p.item.slug}|${p.reason.slug}`;

/** Pages about the same payer and item (other reasons): not siblings, but linked as related pages. */
export const payerItemKey = (p: Keyed) => `${p.payer.slug}|${p.item.slug}`;
