// Hub pages: home, one per payer, item and reason. Each lists the indexable guides under it with a short
// summary, so every indexable page is two clicks from home (home → hub → page).
import type { CheckedSite } from '../pipeline/index.ts';
import type { Item, Payer, Reason } from '../schema/index.ts';
import { Citations } from './citations.ts';
import type { PageModel } from './page.ts';
import { breadcrumbList, canonicalUrl, medicalWebPage, type Crumb } from './seo.ts';
import type { TemplateName } from './templates.ts';

export interface HubLink {
  href: string;
  title: string;
  summary: string;
}

export interface HubGroup {
  heading: string;
  links: HubLink[];
}

export interface HubModel {
  kind: 'home' | 'payer' | 'item' | 'reason';
  path: string;
  title: string;
  h1: string;
  description: string;
  robots: 'index, follow' | 'noindex, follow';
  /** Indexable guides, grouped. */
  groups: HubGroup[];
  /** Built but noindex guides, listed separately so visitors can still reach them. */
  others: HubLink[];
  canonical: string;
  breadcrumb: Crumb[];
  lastmod?: string;
  structuredData: object[];
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

function latest(dates: (string | undefined)[]): string | undefined {
  return dates
    .filter((d): d is string => d !== undefined)
    .sort()
    .at(-1);
}

function groupBy<T>(list: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const t of list) map.set(key(t), [...(map.get(key(t)) ?? []), t]);
  return map;
}

export function buildHubs(site: CheckedSite, pages: readonly PageModel[]): HubModel[] {
  const { data, templates } = site;
  const text = (name: TemplateName, context: object) =>
    templates.render(name, { site: { brand: data.site.brand }, ...context }, new Citations(data.facts));
  const link = (p: PageModel): HubLink => ({ href: p.path, title: p.title, summary: p.description });
  const indexable = pages.filter((p) => p.robots === 'index, follow');

  const make = (
    kind: HubModel['kind'],
    path: string,
    title: string,
    h1: string,
    description: string,
    crumbs: Crumb[],
    groups: HubGroup[],
    listed: readonly PageModel[],
    others: readonly PageModel[],
  ): HubModel => {
    const lastmod = latest(listed.map((p) => p.lastmod));
    const isIndexable = kind === 'home' || listed.length > 0;
    return {
      kind,
      path,
      title,
      h1,
      description,
      robots: isIndexable ? 'index, follow' : 'noindex, follow',
      groups: groups.filter((g) => g.links.length > 0),
      others: others.map(link),
      canonical: canonicalUrl(data.site, path),
      breadcrumb: crumbs,
      ...(lastmod && { lastmod }),
      structuredData: [
        medicalWebPage(data.site, { path, title, description }),
        breadcrumbList(data.site, crumbs),
      ],
    };
  };
  const home: Crumb = { name: 'Home', path: '/' };

  const payerHub = (payer: Payer): HubModel => {
    const own = pages.filter((p) => p.payer.slug === payer.slug);
    const listed = own.filter((p) => p.robots === 'index, follow');
    const byItem = groupBy(listed, (p) => p.item.slug);
    const path = payerHubPath(payer.slug);
    return make(
      'payer',
      path,
      text('hubs/payer-title', { payer }),
      `${payer.name} denials`,
      text('hubs/payer-description', { payer }),
      [home, { name: payer.name, path }],
      data.items.map((item) => ({ heading: item.name, links: (byItem.get(item.slug) ?? []).map(link) })),
      listed,
      own.filter((p) => p.robots !== 'index, follow'),
    );
  };
  const itemHub = (item: Item): HubModel => {
    const own = pages.filter((p) => p.item.slug === item.slug);
    const listed = own.filter((p) => p.robots === 'index, follow');
    const byReason = groupBy(listed, (p) => p.reason.slug);
    const path = itemHubPath(item.slug);
    return make(
      'item',
      path,
      text('hubs/item-title', { item }),
      `${item.name} denied`,
      text('hubs/item-description', { item }),
      [home, { name: item.name, path }],
      data.reasons.map((reason) => ({
        heading: reason.name,
        links: (byReason.get(reason.slug) ?? []).map(link),
      })),
      listed,
      own.filter((p) => p.robots !== 'index, follow'),
    );
  };
  const reasonHub = (reason: Reason): HubModel => {
    const own = pages.filter((p) => p.reason.slug === reason.slug);
    const listed = own.filter((p) => p.robots === 'index, follow');
    const byPayer = groupBy(listed, (p) => p.payer.slug);
    const path = reasonHubPath(reason.slug);
    return make(
      'reason',
      path,
      text('hubs/reason-title', { reason }),
      `Denied for ${reason.phrase}`,
      text('hubs/reason-description', { reason }),
      [home, { name: reason.name, path }],
      data.payers.map((payer) => ({ heading: payer.name, links: (byPayer.get(payer.slug) ?? []).map(link) })),
      listed,
      own.filter((p) => p.robots !== 'index, follow'),
    );
  };

  const payerHubs = data.payers.map(payerHub);
  const itemHubs = data.items.map(itemHub);
  const reasonHubs = data.reasons.map(reasonHub);
  const hubLink = (h: HubModel): HubLink => ({ href: h.path, title: h.h1, summary: h.description });
  // Home links the hubs that list at least one indexable guide; the others are still built for breadcrumbs.
  const listed = (hubs: HubModel[]) => hubs.filter((h) => h.robots === 'index, follow').map(hubLink);
  const homeHub = make(
    'home',
    '/',
    text('hubs/home-title', {}),
    'Appeal an insurance denial',
    text('hubs/home-description', {}),
    [home],
    [
      { heading: 'By insurer', links: listed(payerHubs) },
      { heading: 'By drug, test or procedure', links: listed(itemHubs) },
      { heading: 'By denial reason', links: listed(reasonHubs) },
    ],
    indexable,
    [],
  );
  return [homeHub, ...payerHubs, ...itemHubs, ...reasonHubs];
}
