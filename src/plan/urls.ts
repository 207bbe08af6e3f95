// Every URL the site makes, in one place: page and hub paths, canonical URLs and the checkout link. Paths end in
// a slash (each page is a folder's index.html); absolute URLs are built on site.yaml's origin.
import type { Site } from '../schema/index.ts';

export const HOME_PATH = '/';
export const NOT_FOUND_PATH = '/404.html';
export const SITEMAP_INDEX = 'sitemap-index.xml';

/** /{payer}/{item}/{reason}/ */
export function combinationPath(payer: string, item: string, reason: string): string {
  return `/${payer}/${item}/${reason}/`;
}

export function payerHubPath(slug: string): string {
  return `/${slug}/`;
}

export function itemHubPath(slug: string): string {
  return `/items/${slug}/`;
}

export function reasonHubPath(slug: string): string {
  return `/reasons/${slug}/`;
}

/** A plan line's hub: its full appeal rules, /plans/{slug}/. */
export function planHubPath(slug: string): string {
  return `/plans/${slug}/`;
}

/** A trust page (about, editorial policy, privacy…): /{slug}/, from data/pages/{slug}.md. */
export function trustPagePath(slug: string): string {
  return `/${slug}/`;
}

/** Help offices by state: the list at /states/, one page per state at /states/{slug}/. */
export const STATES_PATH = '/states/';
export function statePath(slug: string): string {
  return `/states/${slug}/`;
}

/** The social card (og:image) of a kind of page, made once per build: /social/{kind}.png. */
export function socialCardPath(kind: string): string {
  return `/social/${kind}.png`;
}

/** An absolute URL on the site's origin, for a path or a file name at the root. */
export function canonicalUrl(site: Pick<Site, 'origin'>, path: string): string {
  return new URL(path, site.origin).href;
}

/**
 * The one outbound link that carries tracking: the checkout URL (https, checked by the schema) with the page's
 * payer, item, reason, promo code and UTM parameters, and where on the page the link is (`cta`, named in
 * site.yaml), all from data/site.yaml.
 */
export type CtaPlace = keyof Site['checkout']['positions'];
export const CTA_PLACES = ['top', 'sticky', 'end'] as const satisfies readonly CtaPlace[];

export function checkoutUrl(
  site: Site,
  page: { payer: string; item: string; reason: string; path: string },
  place: CtaPlace,
): string {
  const url = new URL(site.checkout.url);
  const params: [string, string][] = [
    ['payer', page.payer],
    ['item', page.item],
    ['reason', page.reason],
    ['code', site.checkout.promoCode],
    ['utm_source', site.checkout.utm.source],
    ['utm_medium', site.checkout.utm.medium],
    ['utm_campaign', site.checkout.utm.campaign],
    ['utm_content', page.path],
    ['cta', site.checkout.positions[place]],
  ];
  for (const [key, value] of params) url.searchParams.set(key, value);
  return url.href;
}
