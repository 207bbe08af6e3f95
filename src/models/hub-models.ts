// Hub pages: home, one per payer, item and reason. Each lists the indexable guides under it, grouped by the next
// dimension and named by the last one (on Cigna's hub, under "Keytruda": "Step therapy"), so every indexable page is
// two clicks from home (home → hub → page) and a hub of 500 guides stays a page a phone can load.
import type { TextTemplateName } from '../content/templates.ts';
import type { CheckedSite } from '../plan/check-site.ts';
import { decideHub, type Robots } from '../plan/index-policy.ts';
import { groupBy } from '../plan/siblings.ts';
import {
  canonicalUrl,
  HOME_PATH,
  itemHubPath,
  payerHubPath,
  planHubPath,
  reasonHubPath,
  STATES_PATH,
  statePath,
  trustPagePath,
} from '../plan/urls.ts';
import type { TrustPage } from '../content/validate.ts';
import type { Html } from '../html/markup.ts';
import type { Item, Payer, PlanLineInfo, Reason, State } from '../schema/index.ts';
import { payerHubRules, planLineHubRules, type HubRules } from './hub-rules.ts';
import type { PageModel, PageSource } from './page-model.ts';
import { hasOffices, stateGroups, statePageBody, statesIntro, trustPageBody } from './site-pages.ts';
import { breadcrumbList, medicalWebPage, organization, type Crumb } from './structured-data.ts';

export interface HubLink {
  href: string;
  title: string;
  /** A sentence under the link (home's hub links); guide links in a group need none, the group names them. */
  summary?: string;
}

export interface HubGroup {
  heading: string;
  links: HubLink[];
  /** The larger section the group sits in on a long hub ("Drugs", "Tests"…), so a reader can jump to it. */
  section?: string;
}

/** The section each kind of item's guides sit in on a payer's hub. */
const KIND_SECTIONS: Record<Item['kind'], string> = {
  drug: 'Drugs',
  test: 'Tests',
  procedure: 'Procedures',
  device: 'Devices',
};

export interface HubModel {
  /** A hub of guides (home, payer, item, reason, plan line), a trust page, the list of states or one state. */
  kind: 'home' | 'payer' | 'item' | 'reason' | 'plan' | 'page' | 'states' | 'state';
  path: string;
  title: string;
  h1: string;
  description: string;
  robots: Robots;
  /** Indexable guides, grouped. */
  groups: HubGroup[];
  /** Built but noindex guides, listed separately (grouped the same way) so visitors can still reach them. */
  others: HubGroup[];
  canonical: string;
  breadcrumb: Crumb[];
  lastmod?: string;
  structuredData: object[];
  /** The rules a payer's or plan line's hub holds for every guide under it. */
  rules?: HubRules;
  /** A trust page's or a state's own text. */
  body?: Html;
  /** The facts a trust page cites. */
  sources?: PageSource[];
}

function latest(dates: (string | undefined)[]): string | undefined {
  return dates
    .filter((d): d is string => d !== undefined)
    .sort()
    .at(-1);
}

const HOME_CRUMB: Crumb = { name: 'Home', path: HOME_PATH };

const isIndexable = (p: { robots: Robots }) => p.robots === 'index, follow';

/** What a hub's title and description templates see: the hub's payer, item, reason or line, and the brand. */
export function hubTemplateContext(data: CheckedSite['data'], context: object): object {
  return { site: { brand: data.site.brand }, ...context };
}

/** Each hub template with every context it is rendered with: one per payer, item, reason and plan line, and home. */
export function* hubTemplateUses(
  data: CheckedSite['data'],
): Generator<{ kind: 'home' | 'payer' | 'item' | 'reason' | 'plan'; path: string; context: object }> {
  yield { kind: 'home', path: '/', context: hubTemplateContext(data, {}) };
  for (const payer of data.payers)
    yield { kind: 'payer', path: payerHubPath(payer.slug), context: hubTemplateContext(data, { payer }) };
  for (const item of data.items)
    yield { kind: 'item', path: itemHubPath(item.slug), context: hubTemplateContext(data, { item }) };
  for (const reason of data.reasons)
    yield { kind: 'reason', path: reasonHubPath(reason.slug), context: hubTemplateContext(data, { reason }) };
  for (const line of data.planLines)
    yield { kind: 'plan', path: planHubPath(line.slug), context: hubTemplateContext(data, { line }) };
}

/** What a hub is made of, before it becomes a model. */
interface HubSpec {
  kind: HubModel['kind'];
  path: string;
  title: string;
  h1: string;
  description: string;
  crumbs: Crumb[];
  groups: HubGroup[];
  /** Indexable pages it lists (they date it and make it indexable). */
  listed: readonly PageModel[];
  /** Built noindex pages it links separately. */
  others: HubGroup[];
  rules?: HubRules;
  body?: Html;
  sources?: PageSource[];
  /** When the page says it was last reviewed, if not from the guides it lists. */
  lastmod?: string;
  /** Indexable regardless of the guides it lists (a trust page, a state with confirmed offices). */
  indexable?: boolean;
}

/** The hubs of one build: the pages are grouped by payer, item and reason once, not filtered once per hub. */
class Hubs {
  private readonly site: CheckedSite;
  private readonly pagesOf: Record<'payer' | 'item' | 'reason', Map<string, PageModel[]>>;

  constructor(site: CheckedSite, pages: readonly PageModel[]) {
    this.site = site;
    this.pagesOf = {
      payer: groupBy(pages, (p) => p.payer.slug),
      item: groupBy(pages, (p) => p.item.slug),
      reason: groupBy(pages, (p) => p.reason.slug),
    };
  }

  text(name: TextTemplateName, context: object): string {
    return this.site.templates.renderText(name, hubTemplateContext(this.site.data, context));
  }

  model(spec: HubSpec): HubModel {
    const config = this.site.data.site;
    const { kind, path, title, h1, description, crumbs, rules, body, sources } = spec;
    const lastmod = spec.lastmod ?? latest(spec.listed.map((p) => p.lastmod));
    return {
      kind,
      path,
      title,
      h1,
      description,
      robots: decideHub(kind, spec.indexable ? 1 : spec.listed.length),
      groups: spec.groups.filter((g) => g.links.length > 0),
      others: spec.others.filter((g) => g.links.length > 0),
      canonical: canonicalUrl(config, path),
      breadcrumb: crumbs,
      ...(lastmod && { lastmod }),
      structuredData: [
        medicalWebPage(config, { path, title, description }),
        breadcrumbList(config, crumbs),
        organization(config),
      ],
      ...(rules && { rules }),
      ...(body && { body }),
      ...(sources?.length && { sources }),
    };
  }

  /** A trust page (data/pages/{slug}.md): its text and the blocks site.yaml fills. */
  trustPage(page: TrustPage): HubModel {
    const path = trustPagePath(page.slug);
    const { body, sources } = trustPageBody(this.site.data, page);
    return this.model({
      kind: 'page',
      path,
      title: `${page.title} | ${this.site.data.site.brand}`,
      h1: page.title,
      description: page.description,
      crumbs: [HOME_CRUMB, { name: page.title, path }],
      groups: [],
      listed: [],
      others: [],
      body,
      sources,
      lastmod: page.reviewed,
      indexable: true,
    });
  }

  /** /states/: every state, linked to its page of help offices. */
  states(): HubModel {
    return this.model({
      kind: 'states',
      path: STATES_PATH,
      title: `Help with an insurance appeal, by state | ${this.site.data.site.brand}`,
      h1: 'Help with an appeal in your state',
      description:
        'The offices in each state that take complaints about health plans, run external review or counsel people on Medicare, as their official pages give them.',
      crumbs: [HOME_CRUMB, { name: 'By state', path: STATES_PATH }],
      groups: stateGroups(this.site.data.states),
      listed: [],
      others: [],
      ...statesIntro(this.site.data),
      indexable: true,
    });
  }

  /** One state's help offices, each as an official page gives it; indexable once any office is confirmed. */
  state(state: State): HubModel {
    const path = statePath(state.slug);
    return this.model({
      kind: 'state',
      path,
      title: `Insurance appeal help in ${state.name} | ${this.site.data.site.brand}`,
      h1: `Help with an insurance appeal in ${state.name}`,
      description: `Where people in ${state.name} can complain about a health plan, ask for external review or get Medicare counseling, with the official pages each comes from.`,
      crumbs: [HOME_CRUMB, { name: 'By state', path: STATES_PATH }, { name: state.name, path }],
      groups: [],
      listed: [],
      others: [],
      body: statePageBody(state),
      indexable: hasOffices(state),
      ...(state.sources.length > 0 && { lastmod: latest(state.sources.map((s) => s.checked))! }),
    });
  }

  /**
   * A hub for one payer, item or reason: the guides that belong to it, grouped by the next dimension
   * (payer hubs by item, item hubs by reason, reason hubs by payer).
   */
  entity(
    kind: 'payer' | 'item' | 'reason',
    entity: { slug: string; name: string },
    head: { path: string; h1: string; context: object },
    groups: {
      rules?: HubRules;
      of: (p: PageModel) => string;
      rows: readonly { slug: string; name: string; kind?: Item['kind'] }[];
      /** The link's text inside its group: the dimension neither the hub nor the group names. */
      label: (p: PageModel) => string;
    },
  ): HubModel {
    const own = this.pagesOf[kind].get(entity.slug) ?? [];
    const listed = own.filter(isIndexable);
    const grouped = (pages: readonly PageModel[]): HubGroup[] => {
      const byRow = groupBy(pages, groups.of);
      return groups.rows.map((row) => ({
        heading: row.name,
        links: (byRow.get(row.slug) ?? []).map((p) => ({ href: p.path, title: groups.label(p) })),
        ...(row.kind && { section: KIND_SECTIONS[row.kind] }),
      }));
    };
    return this.model({
      kind,
      path: head.path,
      title: this.text(`hubs/${kind}-title`, head.context),
      h1: head.h1,
      description: this.text(`hubs/${kind}-description`, head.context),
      crumbs: [HOME_CRUMB, { name: entity.name, path: head.path }],
      groups: grouped(listed),
      listed,
      others: grouped(own.filter((p) => !isIndexable(p))),
      ...(groups.rules && { rules: groups.rules }),
    });
  }

  payer(payer: Payer): HubModel {
    const head = { path: payerHubPath(payer.slug), h1: `${payer.name} denials`, context: { payer } };
    return this.entity('payer', payer, head, {
      rules: payerHubRules(this.site.data, payer),
      of: (p) => p.item.slug,
      rows: this.site.data.items,
      label: (p) => p.reason.name,
    });
  }

  item(item: Item): HubModel {
    const head = { path: itemHubPath(item.slug), h1: `${item.name} denied`, context: { item } };
    return this.entity('item', item, head, {
      of: (p) => p.reason.slug,
      rows: this.site.data.reasons,
      label: (p) => p.payer.name,
    });
  }

  reason(reason: Reason): HubModel {
    const head = { path: reasonHubPath(reason.slug), h1: `Denied for ${reason.phrase}`, context: { reason } };
    return this.entity('reason', reason, head, {
      of: (p) => p.payer.slug,
      rows: this.site.data.payers,
      label: (p) => p.item.name,
    });
  }

  /**
   * A plan line's hub: who it is for, its deadline tables, and the rules for each denial reason. Always indexable:
   * its rules are written once here and nowhere else in full.
   */
  plan(line: PlanLineInfo): HubModel {
    const path = planHubPath(line.slug);
    const context = { line };
    return this.model({
      kind: 'plan',
      path,
      title: this.text('hubs/plan-title', context),
      h1: `Appeal rules for ${line.inSentence}`,
      description: this.text('hubs/plan-description', context),
      crumbs: [HOME_CRUMB, { name: line.name, path }],
      groups: [],
      listed: [],
      others: [],
      rules: planLineHubRules(this.site.data, line),
    });
  }

  /** Home links the hubs that list at least one indexable guide; the others are still built for breadcrumbs. */
  home(
    indexable: readonly PageModel[],
    hubs: Record<'payers' | 'items' | 'reasons' | 'plans' | 'states', HubModel[]>,
  ): HubModel {
    const listed = (list: HubModel[]) =>
      list.filter(isIndexable).map((h): HubLink => ({ href: h.path, title: h.h1, summary: h.description }));
    return this.model({
      kind: 'home',
      path: HOME_PATH,
      title: this.text('hubs/home-title', {}),
      h1: 'Appeal an insurance denial',
      description: this.text('hubs/home-description', {}),
      crumbs: [HOME_CRUMB],
      groups: [
        { heading: 'By insurer', links: listed(hubs.payers) },
        { heading: 'By drug, test or procedure', links: listed(hubs.items) },
        { heading: 'By denial reason', links: listed(hubs.reasons) },
        { heading: 'Appeal rules by kind of plan', links: listed(hubs.plans) },
        { heading: 'Help in your state', links: listed(hubs.states.filter((h) => h.kind === 'states')) },
      ],
      listed: indexable,
      others: [],
    });
  }
}

export function buildHubs(site: CheckedSite, pages: readonly PageModel[]): HubModel[] {
  const hubs = new Hubs(site, pages);
  const payers = site.data.payers.map((p) => hubs.payer(p));
  const items = site.data.items.map((i) => hubs.item(i));
  const reasons = site.data.reasons.map((r) => hubs.reason(r));
  const plans = site.data.planLines
    .filter((line) => site.data.payers.some((p) => p.planLines.includes(line.id)))
    .map((line) => hubs.plan(line));
  const states = [hubs.states(), ...site.data.states.map((s) => hubs.state(s))];
  const trust = site.data.pages.map((p) => hubs.trustPage(p));
  const home = hubs.home(pages.filter(isIndexable), { payers, items, reasons, plans, states });
  return [home, ...payers, ...items, ...reasons, ...plans, ...states, ...trust];
}
