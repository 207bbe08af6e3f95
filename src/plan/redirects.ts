// Permanent redirects from every URL a former slug used to produce to the page that replaced it.
import type { ValidData } from '../content/validate.ts';
import type { Combination } from './join.ts';
import { combinationPath, itemHubPath, payerHubPath, reasonHubPath } from './urls.ts';

export interface Redirect {
  from: string;
  to: string;
}

/** Every old URL → new URL, sorted by old URL. Only `built` pages (those written to the output) get redirects. */
export function planRedirects(
  data: Pick<ValidData, 'payers' | 'items' | 'reasons'>,
  built: readonly Combination[],
): Redirect[] {
  const redirects = new Map<string, string>();
  const add = (from: string, to: string) => {
    if (from !== to) redirects.set(from, to);
  };
  for (const payer of data.payers)
    for (const old of payer.formerSlugs) add(payerHubPath(old), payerHubPath(payer.slug));
  for (const item of data.items)
    for (const old of item.formerSlugs) add(itemHubPath(old), itemHubPath(item.slug));
  for (const reason of data.reasons)
    for (const old of reason.formerSlugs) add(reasonHubPath(old), reasonHubPath(reason.slug));
  for (const c of built) {
    for (const p of [c.payer.slug, ...c.payer.formerSlugs]) {
      for (const i of [c.item.slug, ...c.item.formerSlugs]) {
        for (const r of [c.reason.slug, ...c.reason.formerSlugs]) add(combinationPath(p, i, r), c.path);
      }
    }
  }
  return [...redirects]
    .map(([from, to]) => ({ from, to }))
    .sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
}
