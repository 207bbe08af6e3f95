// One combination as a page model: its text and its finished, escaped HTML fragments, typed apart (string is
// plain text, Html is markup). Handlebars templates write the shared blocks; the compiled MDX angles write the
// rest. The content is made first and measured; the page model adds what the index decision and the siblings'
// decisions give it (robots, related links), without changing the content.
import type { CompiledAngle } from '../content/angle-compile.ts';
import type { HtmlTemplateName, LoadedTemplates, TextTemplateName } from '../content/templates.ts';
import type { ValidData } from '../content/validate.ts';
import { renderAngleBody } from '../html/angle-render.ts';
import { trusted, type Html } from '../html/markup.ts';
import type { Robots } from '../plan/index-policy.ts';
import type { Combination } from '../plan/join.ts';
import { pageScope, type PageScope } from '../plan/page-scope.ts';
import {
  canonicalUrl,
  checkoutUrl,
  CTA_PLACES,
  HOME_PATH,
  payerHubPath,
  planHubPath,
  type CtaPlace,
} from '../plan/urls.ts';
import type { Fact, Holidays, Item, Reviewer } from '../schema/index.ts';
import { Citations } from './citations.ts';
import { deadlinePlans, type DeadlinePlan } from './deadlines.ts';
import { aboutItem, breadcrumbList, medicalWebPage, organization, type Crumb } from './structured-data.ts';
import { policyLibraryFor, templateContext } from './template-context.ts';

export interface PageSource {
  /** Footnote number for facts; absent for further reading. */
  n?: number;
  /** The fact's id (data/facts.yaml), for numbered sources. */
  fact?: string;
  title: string;
  url: string;
  citation?: string;
  /** The day the fact was last checked against its source; absent for a fact marked unchecked or not recent. */
  checked?: string;
}

/** A rule that bears on this kind of denial and holds on this page, with its footnote. */
export interface PageRule {
  statement: string;
  n: number;
  citation: string;
}

export interface PageLink {
  href: string;
  label: string;
}

/** What a combination page says: everything but what the index decision adds. */
export interface PageContent {
  path: string;
  title: string;
  description: string;
  payer: { slug: string; name: string; shortName: string };
  item: { slug: string; name: string; kind: Item['kind'] };
  reason: { slug: string; name: string };
  html: {
    hook: Html;
    rights: Html;
    requirements: Html;
    /** The payer × item note: what this payer's policy for this item says. */
    payerItem?: Html;
    angle?: Html;
    nextSteps: Html;
    /** Where else to get help, chosen by the payer's plan lines (templates/free-help.hbs). */
    freeHelp: Html;
    /** What the letter service does for this denial. */
    cta: Html;
    /** List price struck through, first-letter price (and the code, where site.yaml shows it). */
    ctaPrice: Html;
  };
  /** Sections in reading order, for the table of contents of long pages. */
  toc: PageLink[];
  /** Words of main content; pages over LONG_PAGE_WORDS get a table of contents. */
  words: number;
  /** Documents to gather. */
  checklist: string[];
  ctaLabel: string;
  /** The checkout link for each place on the page, each with its own `cta` parameter. */
  ctaHrefs: Record<CtaPlace, string>;
  /** The calculator's options: the payer's plan lines (those that reach this item) with their rows. */
  deadlines: DeadlinePlan[];
  /** The federal holidays a "next business day" deadline skips, for the calculator island. */
  holidays: Pick<Holidays, 'holidays' | 'observeWeekendHolidays'>;
  /**
   * The plan lines whose rules reach this page, each linked to its hub's section on this reason (the rules
   * themselves live there, once, with their sources).
   */
  planLinks: PageLink[];
  /** Where the payer's hub explains how it handles this kind of denial (its payer × reason angle), if it does. */
  payerAngleLink?: PageLink;
  /** Where the payer's hub says how to send an appeal, when it does for one of this page's plan lines. */
  routesLink?: PageLink;
  sources: PageSource[];
  review?: { reviewer: Reviewer; date: string };
  /** Latest review date of the angles on the page; the sitemap's lastmod. */
  lastmod?: string;
  canonical: string;
  breadcrumb: Crumb[];
  /** JSON-LD objects, serialised with jsonLd() where they are printed. */
  structuredData: object[];
}

export interface PageModel extends PageContent {
  robots: Robots;
  related: { sameItemOtherReasons: PageLink[]; sameReasonOtherPayers: PageLink[] };
}

/** Pages with more main content than this get a table of contents. */
export const LONG_PAGE_WORDS = 450;

/** Whitespace-separated words of the text outside tags that hold a letter or digit; one pass, no strings built. */
function countWords(html: string): number {
  let count = 0;
  let inWord = false;
  let counted = false;
  for (let i = 0; i < html.length; i++) {
    const c = html.charCodeAt(i);
    if (c === 60 /* < */) {
      const close = html.indexOf('>', i);
      if (close !== -1) {
        // A tag separates words, as a space would.
        inWord = false;
        i = close;
        continue;
      }
    }
    if (c === 32 || (c >= 9 && c <= 13) || (c > 127 && SPACE.test(html[i]!))) {
      inWord = false;
      continue;
    }
    if (!inWord) {
      inWord = true;
      counted = false;
    }
    if (
      !counted &&
      ((c >= 48 && c <= 57) ||
        (c >= 65 && c <= 90) ||
        (c >= 97 && c <= 122) ||
        (c > 127 && LETTER_OR_DIGIT.test(html[i]!)))
    ) {
      count++;
      counted = true;
    }
  }
  return count;
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const SPACE = /\s/;

/** Documents to gather: the angle's own list first, then the reason's generic list; no repeats. */
export function checklist(combo: Combination): string[] {
  const own = combo.itemAngle?.evidence ?? [];
  const generic = own.length ? [] : combo.reason.evidence;
  return [...new Set([...own, ...generic])];
}

/** "Keytruda denied for failing step therapy by Cigna": how other pages link to this one. */
export function linkLabel(c: Combination): string {
  return `${c.item.name} denied for ${c.reason.phrase} by ${c.payer.shortName}`;
}

/**
 * Work shared between the pages of one build: an angle renders to the same markup for the same footnote numbers
 * before it and the same scope (which <IfRule> parts show), so a payer's angle is rendered once per distinct
 * numbering and scope rather than once per page (and the pages share the fragment); word counts are kept per
 * fragment.
 */
export class PageMemo {
  private readonly angles = new Map<CompiledAngle, Map<string, { html: Html; cited: string[] }>>();
  private readonly wordCounts = new Map<string, number>();

  renderAngle(angle: CompiledAngle, citations: Citations): Html {
    let byState = this.angles.get(angle);
    if (!byState) this.angles.set(angle, (byState = new Map()));
    const before = citations.state();
    const key = `${citations.scopeKey()}\n${before.join('\0')}`;
    const known = byState.get(key);
    if (known) {
      citations.cite(known.cited);
      return known.html;
    }
    const count = before.length;
    const html = renderAngleBody(angle, citations.components());
    byState.set(key, { html, cited: citations.state().slice(count) });
    return html;
  }

  words(fragments: readonly (Html | undefined)[]): number {
    let total = 0;
    for (const fragment of fragments) {
      if (!fragment) continue;
      let n = this.wordCounts.get(fragment.__html);
      if (n === undefined) this.wordCounts.set(fragment.__html, (n = countWords(fragment.__html)));
      total += n;
    }
    return total;
  }
}

/** The page's blocks, rendered in reading order so footnote numbers run 1, 2, 3 down the page. */
function renderBlocks(
  data: ValidData,
  templates: LoadedTemplates,
  combo: Combination,
  scope: PageScope,
  citations: Citations,
  memo: PageMemo,
) {
  const context = templateContext(data, combo, scope);
  const html = (name: HtmlTemplateName) => trusted(templates.renderHtml(name, context, citations));
  const text = (name: TextTemplateName) => templates.renderText(name, context);
  const hook = html('hook');
  const rights = html('rights');
  // The calculator cites each rule by its own link: its table, with footnotes, is on the payer's hub.
  const deadlines = deadlinePlans(data.facts.values(), scope, data.planLines, () => undefined);
  const requirements = html(`requirements/${combo.item.kind}`);
  const payerItem = combo.payerItemNote && memo.renderAngle(combo.payerItemNote.compiled, citations);
  const angle = combo.itemAngle && memo.renderAngle(combo.itemAngle.compiled, citations);
  const nextSteps = html('next-steps');
  const freeHelp = html('free-help');
  const cta = html('cta');
  const ctaPrice = html('cta-price');
  return {
    blocks: {
      hook,
      rights,
      requirements,
      ...(angle !== undefined && { angle }),
      ...(payerItem !== undefined && { payerItem }),
      nextSteps,
      freeHelp,
      cta,
      ctaPrice,
    },
    deadlines,
    title: text('title'),
    description: text('description'),
    ctaLabel: text('cta-button'),
  };
}

/** Links to the hubs of the plan lines whose rules reach this page, at their section on this denial reason. */
function planLinks(data: ValidData, combo: Combination, scope: PageScope): PageLink[] {
  return data.planLines
    .filter((line) => scope.lines.includes(line.id))
    .map((line) => {
      const hasSection = combo.reason.rules.some((id) =>
        data.facts.get(id)?.appliesTo.planLines.includes(line.id),
      );
      return {
        href: `${planHubPath(line.slug)}${hasSection ? `#${combo.reason.slug}` : ''}`,
        label: line.name,
      };
    });
}

/** The most recently reviewed angle on the page dates it, so "last reviewed" and lastmod agree. */
function pageReview(data: ValidData, combo: Combination) {
  const angle = [combo.itemAngle, combo.payerAngle, combo.payerItemNote]
    .filter((a) => a !== undefined)
    .sort((a, b) => b.reviewed.localeCompare(a.reviewed))[0];
  const reviewer = angle && data.site.editorial.reviewers.find((r) => r.id === angle.reviewedBy);
  return { date: angle?.reviewed, reviewer };
}

/** Whether a fact's check is recent enough to print its date (site.yaml's audit.factFreshnessMonths). */
export function freshDate(fact: Fact, today: string, months: number): string | undefined {
  if (fact.status === 'unchecked') return undefined;
  const [cy, cm] = fact.checked.split('-').map(Number) as [number, number];
  const [ty, tm] = today.split('-').map(Number) as [number, number];
  return (ty - cy) * 12 + (tm - cm) < months ? fact.checked : undefined;
}

/** Cited facts (numbered, in footnote order), then the angles' own sources and the payer's policy library. */
function pageSources(
  data: ValidData,
  combo: Combination,
  scope: PageScope,
  citations: Citations,
): PageSource[] {
  const library = policyLibraryFor(combo.payer, scope);
  const fits = (s: { kinds?: Item['kind'][] | undefined; benefits?: PageScope['benefits'] | undefined }) =>
    (!s.kinds || s.kinds.includes(scope.kind)) &&
    (!s.benefits || s.benefits.some((b) => scope.benefits.includes(b)));
  const further = [
    ...(combo.payerItemNote?.sources ?? []),
    ...(combo.itemAngle?.sources ?? []),
    ...(library ? [{ title: `${combo.payer.name}: ${library.name}`, url: library.url }] : []),
  ]
    .filter(fits)
    .map(({ title, url }) => ({ title, url }))
    .filter((s, i, all) => all.findIndex((o) => o.url === s.url) === i);
  return [
    ...citations.used().map((f, i) => {
      const checked = freshDate(f, data.today, data.site.audit.factFreshnessMonths);
      return {
        n: i + 1,
        fact: f.id,
        title: f.statement,
        citation: f.citation,
        url: f.url,
        ...(checked && { checked }),
      };
    }),
    ...further,
  ];
}

function tableOfContents(combo: Combination, blocks: PageContent['html'], hasDeadlines: boolean): PageLink[] {
  const { payer, item } = combo;
  return [
    ...(hasDeadlines ? [{ href: '#deadlines', label: 'Your appeal deadlines' }] : []),
    { href: '#rights', label: 'Your appeal rights' },
    { href: '#requirements', label: `What ${payer.shortName} typically requires` },
    ...(blocks.payerItem
      ? [{ href: '#payer-item', label: `${payer.shortName}'s policy for ${item.name}` }]
      : []),
    ...(blocks.angle ? [{ href: '#angle', label: `The angle for ${item.name}` }] : []),
    { href: '#next-steps', label: 'Next steps and documents to gather' },
    { href: '#free-help', label: 'Free help' },
    { href: '#offer', label: 'What you get' },
    { href: '#sources-heading', label: 'Sources' },
  ];
}

export function renderPage(
  data: ValidData,
  templates: LoadedTemplates,
  combo: Combination,
  memo = new PageMemo(),
): PageContent {
  const scope = pageScope(combo.payer, combo.item, data.planLines);
  const citations = new Citations(data.facts, scope, data.planLines);
  const { blocks, deadlines, title, description, ctaLabel } = renderBlocks(
    data,
    templates,
    combo,
    scope,
    citations,
    memo,
  );
  const review = pageReview(data, combo);
  const breadcrumb: Crumb[] = [
    { name: 'Home', path: HOME_PATH },
    { name: combo.payer.name, path: payerHubPath(combo.payer.slug) },
    { name: `${combo.item.name}: ${combo.reason.name}`, path: combo.path },
  ];
  const about = aboutItem(combo.item);
  const reviewed = review.date &&
    review.reviewer && { reviewerName: review.reviewer.name, date: review.date };
  const { hook, rights, requirements, payerItem, angle, nextSteps } = blocks;
  return {
    path: combo.path,
    title,
    description,
    canonical: canonicalUrl(data.site, combo.path),
    breadcrumb,
    structuredData: [
      medicalWebPage(data.site, {
        path: combo.path,
        title,
        description,
        about,
        ...(reviewed && { review: reviewed }),
        citations: citations.used(),
      }),
      breadcrumbList(data.site, breadcrumb),
      organization(data.site),
    ],
    payer: { slug: combo.payer.slug, name: combo.payer.name, shortName: combo.payer.shortName },
    item: { slug: combo.item.slug, name: combo.item.name, kind: combo.item.kind },
    reason: { slug: combo.reason.slug, name: combo.reason.name },
    html: blocks,
    toc: tableOfContents(combo, blocks, deadlines.length > 0),
    words: memo.words([hook, rights, requirements, payerItem, angle, nextSteps, blocks.freeHelp]),
    checklist: checklist(combo),
    ctaLabel,
    deadlines,
    holidays: {
      holidays: data.holidays.holidays,
      observeWeekendHolidays: data.holidays.observeWeekendHolidays,
    },
    planLinks: planLinks(data, combo, scope),
    ...(combo.payer.appeals.some((r) => r.planLines.some((l) => scope.lines.includes(l))) && {
      routesLink: {
        href: `${payerHubPath(combo.payer.slug)}#appeal-routes`,
        label: `Where to send an appeal to ${combo.payer.shortName}`,
      },
    }),
    ...(combo.payerAngle?.payer &&
      combo.payerAngle.reason && {
        payerAngleLink: {
          href: `${payerHubPath(combo.payer.slug)}#${combo.reason.slug}`,
          label: `How ${combo.payer.shortName} handles ${combo.reason.name.toLowerCase()} appeals`,
        },
      }),
    ctaHrefs: ctaLinks(data, combo),
    sources: pageSources(data, combo, scope, citations),
    ...(review.date && review.reviewer && { review: { reviewer: review.reviewer, date: review.date } }),
    ...(review.date && { lastmod: review.date }),
  };
}

/** The checkout link of each place on the page (plan/urls.ts builds them). */
function ctaLinks(data: ValidData, combo: Combination): Record<CtaPlace, string> {
  const page = {
    payer: combo.payer.slug,
    item: combo.item.slug,
    reason: combo.reason.slug,
    path: combo.path,
  };
  return Object.fromEntries(
    CTA_PLACES.map((place) => [place, checkoutUrl(data.site, page, place)]),
  ) as Record<CtaPlace, string>;
}

/** The page as published: its content, the robots value its index decision gave, and links to built siblings. */
export function finishPage(content: PageContent, robots: Robots, related: PageModel['related']): PageModel {
  return { ...content, robots, related };
}
