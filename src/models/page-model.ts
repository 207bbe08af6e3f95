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
import { canonicalUrl, checkoutUrl, HOME_PATH, payerHubPath } from '../plan/urls.ts';
import type { Item, Reviewer } from '../schema/index.ts';
import { Citations } from './citations.ts';
import { deadlineRules, type DeadlineRule } from './deadlines.ts';
import { aboutItem, breadcrumbList, medicalWebPage, type Crumb } from './structured-data.ts';
import { templateContext } from './template-context.ts';

export interface PageSource {
  /** Footnote number for facts; absent for further reading. */
  n?: number;
  title: string;
  url: string;
  citation?: string;
  verified?: string;
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
    payerAngle?: Html;
    angle?: Html;
    nextSteps: Html;
    /** What the letter service does for this denial. */
    cta: Html;
    /** List price struck through, first-letter price and code. */
    ctaPrice: Html;
  };
  /** Sections in reading order, for the table of contents of long pages. */
  toc: PageLink[];
  /** Words of main content; pages over LONG_PAGE_WORDS get a table of contents. */
  words: number;
  /** Documents to gather. */
  checklist: string[];
  ctaLabel: string;
  ctaHref: string;
  /** Deadline rules for the plan types this payer runs, for the calculator and its fallback table. */
  deadlines: DeadlineRule[];
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
 * before it, so a payer's angle is rendered once per distinct numbering rather than once per page (and the pages
 * share the fragment), and word counts are kept per fragment.
 */
export class PageMemo {
  private readonly angles = new Map<CompiledAngle, Map<string, { html: Html; cited: string[] }>>();
  private readonly wordCounts = new Map<string, number>();

  renderAngle(angle: CompiledAngle, citations: Citations): Html {
    let byState = this.angles.get(angle);
    if (!byState) this.angles.set(angle, (byState = new Map()));
    const before = citations.state();
    const key = before.join('\0');
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
  citations: Citations,
  memo: PageMemo,
) {
  const context = templateContext(data, combo);
  const html = (name: HtmlTemplateName) => trusted(templates.renderHtml(name, context, citations));
  const text = (name: TextTemplateName) => templates.renderText(name, context);
  const hook = html('hook');
  const rights = html('rights');
  const requirements = html(`requirements/${combo.item.kind}`);
  const payerAngle = combo.payerAngle && memo.renderAngle(combo.payerAngle.compiled, citations);
  const angle = combo.itemAngle && memo.renderAngle(combo.itemAngle.compiled, citations);
  const deadlines = deadlineRules(data.facts.values(), combo.payer, combo.item, (id) => citations.number(id));
  const nextSteps = html('next-steps');
  const cta = html('cta');
  const ctaPrice = html('cta-price');
  return {
    blocks: {
      hook,
      rights,
      requirements,
      ...(payerAngle !== undefined && { payerAngle }),
      ...(angle !== undefined && { angle }),
      nextSteps,
      cta,
      ctaPrice,
    },
    deadlines,
    title: text('title'),
    description: text('description'),
    ctaLabel: text('cta-button'),
  };
}

/** The most recently reviewed angle on the page dates it, so "last reviewed" and lastmod agree. */
function pageReview(data: ValidData, combo: Combination) {
  const angle = [combo.itemAngle, combo.payerAngle]
    .filter((a) => a !== undefined)
    .sort((a, b) => b.reviewed.localeCompare(a.reviewed))[0];
  const reviewer = angle && data.site.editorial.reviewers.find((r) => r.id === angle.reviewedBy);
  return { date: angle?.reviewed, reviewer };
}

/** Cited facts (numbered, in footnote order), then the angles' own sources and the payer's policy library. */
function pageSources(combo: Combination, citations: Citations): PageSource[] {
  const further = [
    ...(combo.itemAngle?.sources ?? []),
    ...(combo.payerAngle?.sources ?? []),
    { title: `${combo.payer.name}: ${combo.payer.policyLibrary.name}`, url: combo.payer.policyLibrary.url },
  ].filter((s, i, all) => all.findIndex((o) => o.url === s.url) === i);
  return [
    ...citations.used().map((f, i) => ({
      n: i + 1,
      title: f.statement,
      citation: f.citation,
      url: f.url,
      verified: f.verified,
    })),
    ...further,
  ];
}

function tableOfContents(combo: Combination, blocks: PageContent['html'], hasDeadlines: boolean): PageLink[] {
  const { payer, item } = combo;
  return [
    { href: '#rights', label: 'Your appeal rights' },
    ...(hasDeadlines ? [{ href: '#deadlines', label: 'Your appeal deadline' }] : []),
    { href: '#requirements', label: `What ${payer.shortName} typically requires` },
    ...(blocks.payerAngle ? [{ href: '#payer-angle', label: `How ${payer.shortName} handles it` }] : []),
    ...(blocks.angle ? [{ href: '#angle', label: `The angle for ${item.name}` }] : []),
    { href: '#next-steps', label: 'Next steps and documents to gather' },
    { href: '#sources-heading', label: 'Sources' },
  ];
}

export function renderPage(
  data: ValidData,
  templates: LoadedTemplates,
  combo: Combination,
  memo = new PageMemo(),
): PageContent {
  const citations = new Citations(data.facts);
  const { blocks, deadlines, title, description, ctaLabel } = renderBlocks(
    data,
    templates,
    combo,
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
  const { hook, rights, requirements, payerAngle, angle, nextSteps } = blocks;
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
    ],
    payer: { slug: combo.payer.slug, name: combo.payer.name, shortName: combo.payer.shortName },
    item: { slug: combo.item.slug, name: combo.item.name, kind: combo.item.kind },
    reason: { slug: combo.reason.slug, name: combo.reason.name },
    html: blocks,
    toc: tableOfContents(combo, blocks, deadlines.length > 0),
    words: memo.words([hook, rights, requirements, payerAngle, angle, nextSteps]),
    checklist: checklist(combo),
    ctaLabel,
    deadlines,
    ctaHref: checkoutUrl(data.site, {
      payer: combo.payer.slug,
      item: combo.item.slug,
      reason: combo.reason.slug,
      path: combo.path,
    }),
    sources: pageSources(combo, citations),
    ...(review.date && review.reviewer && { review: { reviewer: review.reviewer, date: review.date } }),
    ...(review.date && { lastmod: review.date }),
  };
}

/** The page as published: its content, the robots value its index decision gave, and links to built siblings. */
export function finishPage(content: PageContent, robots: Robots, related: PageModel['related']): PageModel {
  return { ...content, robots, related };
}
