// The one outbound link that carries tracking: checkout URL with the page's payer, item, reason, promo code
// and UTM parameters, all from data/site.yaml.
import type { Site } from '../schema/index.ts';
import { safeUrl } from './escape.ts';

export function buildCheckoutUrl(
  site: Site,
  page: { payer: string; item: string; reason: string; path: string },
): string {
  const url = new URL(safeUrl(site.checkout.url));
  const params: [string, string][] = [
    ['payer', page.payer],
    ['item', page.item],
    ['reason', page.reason],
    ['code', site.checkout.promoCode],
    ['utm_source', site.checkout.utm.source],
    ['utm_medium', site.checkout.utm.medium],
    ['utm_campaign', site.checkout.utm.campaign],
    ['utm_content', page.path],
  ];
  for (const [key, value] of params) url.searchParams.set(key, value);
  return url.href;
}
