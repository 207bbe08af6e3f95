// Hub pages: home, one per payer, item and reason. Each lists the indexable guides under it with a short
// summary, so every indexable page is two clicks from home (home → hub → page).
import type { TextTemplateName } from '../content/templates.ts';
import type { CheckedSite } from '../plan/check-site.ts';
import { decideHub, type Robots } from '../plan/index-policy.ts';
import { groupBy } from '../plan/siblings.ts';
import { canonicalUrl, HOME_PATH, itemHubPath, payerHubPath, reasonHubPath } from '../plan/urls.ts';
import type { Item, Payer, Reason } from '../schema/index.ts';
import type { PageModel } from './page-model.ts';
import { breadcrumbList, medicalWebPage, type Crumb } from './structured-data.ts';

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
  robots: Robots;
  /** Indexable guides, grouped. */
  groups: HubGroup[];
  /** Built but noindex guides, listed separately so visitors can still reach them. */
  others: HubLink[];
  canonical: string;
  breadcrumb: Crumb[];
  lastmod?: string;
  structuredData: object[];
}

function latest(dates: (string | undefined)[]): string | undefined {
  return dates
    .filter((d): d is string => d !== undefined)
    .sort()
    .at(-1);
}

export function buildHubs(site: CheckedSite, pages: readonly PageModel[]): HubModel[] {
  const { data, templates } = site;
  const text = (name: TextTemplateName, context: object) =>
    templates.renderText(name, { site: { brand: data.site.brand }, ...context });
  const link = (p: PageModel): HubLink => ({ href: p.path, title: p.title, summary: p.description });
  const indexable = pages.filter((p) => p.robots === 'index, follow');
  // Pages by payer, item and reason slug, grouped once rather than filtered once per hub.
  const pagesOf = {
    payer: groupBy(pages, (p) => p.payer.slug),
    item: groupBy(pages, (p) => p.item.slug),
    reason: groupBy(pages, (p) => p.reason.slug),
  };

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
    return {
      kind,
      path,
      title,
      h1,
      description,
      robots: decideHub(kind, listed.length),
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
  const home: Crumb = { name: 'Home', path: HOME_PATH };

  /**
   * A hub for one payer, item or reason: the guides that belong to it, grouped by the next dimension
   * (payer hubs by item, item hubs by reason, reason hubs by payer).
   */
  const entityHub = (
    kind: 'payer' | 'item' | 'reason',
    entity: { slug: string; name: string },
    path: string,
    h1: string,
    context: object,
    groups: { of: (p: PageModel) => string; rows: readonly { slug: string; name: string }[] },
  ): HubModel => {
    const own = pagesOf[kind].get(entity.slug) ?? [];
    const listed = own.filter((p) => p.robots === 'index, follow');
    const grouped = groupBy(listed, groups.of);
    return make(
      kind,
      path,
      text(`hubs/${kind}-title`, context),
      h1,
      text(`hubs/${kind}-description`, context),
      [home, { name: entity.name, path }],
      groups.rows.map((row) => ({ heading: row.name, links: (grouped.get(row.slug) ?? []).map(link) })),
      listed,
      own.filter((p) => p.robots !== 'index, follow'),
    );
  };
  const payerHub = (payer: Payer) =>
    entityHub(
      'payer',
      payer,
      payerHubPath(payer.slug),
      `${payer.name} denials`,
      { payer },
      {
        of: (p) => p.item.slug,
        rows: data.items,
      },
    );
  const itemHub = (item: Item) =>
    entityHub(
      'item',
      item,
      itemHubPath(item.slug),
      `${item.name} denied`,
      { item },
      {
        of: (p) => p.reason.slug,
        rows: data.reasons,
      },
    );
  const reasonHub = (reason: Reason) =>
    entityHub(
      'reason',
      reason,
      reasonHubPath(reason.slug),
      `Denied for ${reason.phrase}`,
      { reason },
      {
        of: (p) => p.payer.slug,
        rows: data.payers,
      },
    );

  const payerHubs = data.payers.map(payerHub);
  const itemHubs = data.items.map(itemHub);
  const reasonHubs = data.reasons.map(reasonHub);
  const hubLink = (h: HubModel): HubLink => ({ href: h.path, title: h.h1, summary: h.description });
  // Home links the hubs that list at least one indexable guide; the others are still built for breadcrumbs.
  const listed = (hubs: HubModel[]) => hubs.filter((h) => h.robots === 'index, follow').map(hubLink);
  const homeHub = make(
    'home',
    HOME_PATH,
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
