// The <head> metadata of every page, written with the project's own escaping helpers (Astro escapes
// attributes only as far as the HTML spec requires; we also escape < and > so no scanner or copy-paste can
// turn data into markup).
import type { Site } from '../schema/index.ts';
import { analyticsTags } from '../html/analytics.ts';
import { escapeAttr, escapeHtml, jsonLd, safeUrl } from '../html/escape.ts';
import { canonicalUrl, socialCardPath } from '../plan/urls.ts';
import { CARD_HEIGHT, CARD_WIDTH, cardAlt, type CardKind } from './social-cards.ts';

export interface HeadData {
  title: string;
  description: string;
  robots: string;
  canonical: string;
  structuredData: object[];
}

/** `card`: which social card (og:image) a shared link to this page shows. */
export function headTags(site: Site, page: HeadData, card: CardKind): string {
  const metaName = (name: string, content: string) =>
    `<meta name="${name}" content="${escapeAttr(content)}">`;
  const metaProperty = (property: string, content: string) =>
    `<meta property="${property}" content="${escapeAttr(content)}">`;
  return [
    `<title>${escapeHtml(page.title)}</title>`,
    metaName('description', page.description),
    metaName('robots', page.robots),
    `<link rel="canonical" href="${escapeAttr(safeUrl(page.canonical))}">`,
    '<link rel="icon" href="/favicon.svg" type="image/svg+xml">',
    metaProperty('og:type', 'article'),
    metaProperty('og:site_name', site.brand),
    metaProperty('og:title', page.title),
    metaProperty('og:description', page.description),
    metaProperty('og:url', safeUrl(page.canonical)),
    metaProperty('og:locale', site.locale.replace('-', '_')),
    metaProperty('og:image', safeUrl(canonicalUrl(site, socialCardPath(card)))),
    metaProperty('og:image:type', 'image/png'),
    metaProperty('og:image:width', String(CARD_WIDTH)),
    metaProperty('og:image:height', String(CARD_HEIGHT)),
    metaProperty('og:image:alt', cardAlt(site, card)),
    metaName('twitter:card', 'summary_large_image'),
    metaName('twitter:title', page.title),
    metaName('twitter:description', page.description),
    ...page.structuredData.map((data) => `<script type="application/ld+json">${jsonLd(data)}</script>`),
    analyticsTags(site),
  ].join('');
}
