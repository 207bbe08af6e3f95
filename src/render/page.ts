// Step 4 of 4 (data side): turns one combination into a page model of finished, escaped HTML fragments that the
// Astro layout places. Handlebars templates write the shared blocks; the compiled MDX angles write the rest.
import type { Combination } from '../pipeline/join.ts';
import type { ValidData } from '../pipeline/validate.ts';
import type { Item, Payer, PlanLine, Reviewer } from '../schema/index.ts';
import type { DeadlineRule } from '../calculator/deadlines.ts';
import { Citations } from './citations.ts';
import { buildCheckoutUrl } from './cta.ts';
import type { CompiledAngle } from './mdx.ts';
import { aboutItem, breadcrumbList, canonicalUrl, medicalWebPage, type Crumb } from './seo.ts';
import type { LoadedTemplates } from './templates.ts';

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

export interface PageModel {
  path: string;
  title: string;
  description: string;
  robots: 'index, follow' | 'noindex, follow';
  payer: { slug: string; name: string; shortName: string };
  item: { slug: string; name: string; kind: Item['kind'] };
  reason: { slug: string; name: string };
  html: {
    hook: string;
    rights: string;
    requirements: string;
    payerAngle?: string;
    angle?: string;
    nextSteps: string;
    /** What the letter service does for this denial. */
    cta: string;
    /** List price struck through, first-letter price and code. */
    ctaPrice: string;
  };
  /** Sections in reading order, for the table of contents of long pages. */
  toc: PageLink[];
  /** Words of main content; pages over LONG_PAGE_WORDS get a table of contents. */
  words: number;
  /** Documents to gather, plain text (escaped by the component that prints it). */
  checklist: string[];
  /** Plain text (escaped by the component that prints it). */
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
  related: { sameItemOtherReasons: PageLink[]; sameReasonOtherPayers: PageLink[] };
}

const LINE_FLAGS = {
  commercial: 'commercial',
  employerSelfFunded: 'employer-self-funded',
  marketplace: 'marketplace',
  medicareAdvantage: 'medicare-advantage',
  partD: 'part-d',
  medicaidManagedCare: 'medicaid-managed-care',
  fehb: 'fehb',
} as const;

/** Which request route applies: the pharmacy benefit for pharmacy drugs and devices, otherwise the medical one. */
export function requestRoute(payer: Payer, item: Item): string | null {
  const benefit = item.kind === 'drug' || item.kind === 'device' ? item.evidence.benefit : 'medical';
  const routes =
    benefit === 'pharmacy'
      ? [payer.requests.pharmacy]
      : benefit === 'medical' || benefit === 'dme'
        ? [payer.requests.medical]
        : [payer.requests.medical, payer.requests.pharmacy];
  const known = routes.filter((r): r is string => Boolean(r));
  return known.length ? known.join(' ') : null;
}

/** A name as it reads mid-sentence: common nouns lose their capital ("tumor genomic profiling"), brands and acronyms keep it. */
export function nameInSentence(name: string, properNoun: boolean): string {
  return properNoun || !/^[A-Z][a-z]/.test(name) ? name : name[0]!.toLowerCase() + name.slice(1);
}

/** Filing deadlines and decision times per plan line, by fact id; only lines the payer runs are used. */
const DEADLINE_FACTS: {
  lines: readonly string[];
  plan: string;
  label: string;
  from: string;
  fact: string;
  drugOnly?: boolean;
}[] = [
  {
    lines: ['commercial', 'employer-self-funded'],
    plan: 'Plan through an employer',
    label: 'File the internal appeal',
    from: 'the day you received the denial',
    fact: 'erisa-internal-appeal-window',
  },
  {
    lines: ['commercial', 'employer-self-funded'],
    plan: 'Plan through an employer',
    label: 'An urgent appeal is decided within',
    from: 'the plan receiving it',
    fact: 'erisa-urgent-appeal-decision',
  },
  {
    lines: ['commercial', 'employer-self-funded'],
    plan: 'Plan through an employer',
    label: 'Ask for external review (non-grandfathered plans)',
    from: 'the final internal denial',
    fact: 'external-review-window',
  },
  {
    lines: ['medicare-advantage'],
    plan: 'Medicare Advantage',
    label: 'Ask for a reconsideration',
    from: 'the date on the notice',
    fact: 'ma-reconsideration-window',
  },
  {
    lines: ['medicare-advantage'],
    plan: 'Medicare Advantage',
    label: 'An expedited reconsideration is decided within',
    from: 'the plan receiving it',
    fact: 'ma-expedited-reconsideration',
  },
  {
    lines: ['part-d'],
    plan: 'Medicare Part D',
    label: 'Ask for a redetermination',
    from: 'the date on the notice',
    fact: 'partd-redetermination-window',
    drugOnly: true,
  },
  {
    lines: ['medicaid-managed-care'],
    plan: 'Medicaid managed care',
    label: 'Appeal to the plan',
    from: 'the date on the notice',
    fact: 'medicaid-plan-appeal-window',
  },
  {
    lines: ['medicaid-managed-care'],
    plan: 'Medicaid managed care',
    label: 'An expedited appeal is decided within',
    from: 'the plan receiving it',
    fact: 'medicaid-expedited-appeal-decision',
  },
  {
    lines: ['fehb'],
    plan: 'Federal employees (FEHB)',
    label: 'Ask the carrier to reconsider',
    from: 'the date of the denial notice',
    fact: 'fehb-reconsideration-window',
  },
];

function deadlineRules(combo: Combination, citations: Citations): DeadlineRule[] {
  return DEADLINE_FACTS.filter(
    (d) =>
      d.lines.some((l) => combo.payer.planLines.includes(l as never)) &&
      (!d.drugOnly || combo.item.kind === 'drug'),
  ).flatMap((d) => {
    const fact = citations.get(d.fact);
    const unit = fact.unit?.includes('day')
      ? 'days'
      : fact.unit === 'months'
        ? 'months'
        : fact.unit === 'hours'
          ? 'hours'
          : undefined;
    if (fact.value === undefined || !unit) return [];
    return [
      {
        plan: d.plan,
        label: d.label,
        from: d.from,
        amount: fact.value,
        unit,
        cite: { n: citations.number(d.fact), citation: fact.citation },
      },
    ];
  });
}

const LINE_NAMES: Record<PlanLine, string> = {
  commercial: 'employer and individual plans',
  'employer-self-funded': 'self-funded employer plans',
  marketplace: 'Marketplace plans',
  'medicare-advantage': 'Medicare Advantage plans',
  'part-d': 'Medicare Part D drug plans',
  'medicaid-managed-care': 'Medicaid managed care plans',
  fehb: 'plans for federal employees (FEHB)',
};

/** "runs employer and individual plans and Medicare Advantage plans"; a PBM "manages drug benefits for …". */
export function linesInSentence(payer: Payer, kind: Item['kind']): string {
  // Part D covers drugs only, so it is not named on other pages.
  const names = payer.planLines.filter((l) => l !== 'part-d' || kind === 'drug').map((l) => LINE_NAMES[l]);
  const list = names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : (names[0] ?? '');
  const pbm = payer.kinds.length === 1 && payer.kinds[0] === 'drug';
  return `${pbm ? 'manages drug benefits for' : 'runs'} ${list}`;
}

/** Who does the paperwork for each kind of item, as the templates name them. */
const KIND_ROLE: Record<Item['kind'], { helper: string }> = {
  drug: { helper: 'the prescriber' },
  test: { helper: 'the ordering doctor' },
  procedure: { helper: "the surgeon's office" },
  device: { helper: 'the prescriber and the supplier' },
};

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

const camel = (slug: string) => slug.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/** Documents to gather: the angle's own list first, then the reason's generic list; no repeats. */
export function checklist(combo: Combination): string[] {
  const own = combo.itemAngle?.evidence ?? [];
  const generic = own.length ? [] : combo.reason.evidence;
  return [...new Set([...own, ...generic])];
}

function templateContext(data: ValidData, combo: Combination) {
  const { payer, item, reason, itemAngle } = combo;
  const lines = Object.fromEntries(
    Object.entries(LINE_FLAGS).map(([flag, line]) => [flag, payer.planLines.includes(line)]),
  ) as Record<keyof typeof LINE_FLAGS, boolean>;
  const kind = {
    drug: item.kind === 'drug',
    test: item.kind === 'test',
    procedure: item.kind === 'procedure',
    device: item.kind === 'device',
  };
  const category = Object.fromEntries(
    ['tumor-molecular', 'germline-genetic', 'imaging', 'sleep'].map((c) => [
      camel(c),
      item.kind === 'test' && item.evidence.category === c,
    ]),
  );
  return {
    payer: { ...payer, linesInSentence: linesInSentence(payer, item.kind) },
    angle: { hook: itemAngle?.hook ?? '' },
    reasonIs: Object.fromEntries(data.reasons.map((r) => [camel(r.slug), r.slug === reason.slug])),
    category,
    kindRole: KIND_ROLE[item.kind],
    item: { ...item, inSentence: nameInSentence(item.name, item.kind === 'drug' || item.kind === 'device') },
    reason: { ...reason, inSentence: nameInSentence(reason.name, false) },
    requestRoute: requestRoute(payer, item),
    site: { brand: data.site.brand, checkout: data.site.checkout },
    lines: {
      ...lines,
      employerOrAca: lines.commercial || lines.employerSelfFunded || lines.marketplace,
      partDForDrug: lines.partD && kind.drug,
      /** Plan types under the federal prior-authorization rule, which leaves drugs out. */
      cms0057: !kind.drug && (lines.medicareAdvantage || lines.medicaidManagedCare || lines.marketplace),
    },
    kind,
    hasFullAngle: Boolean(itemAngle && itemAngle.payer && itemAngle.reason),
    /** A payer × reason angle explains the payer's request route itself, so the template need not repeat it. */
    hasPayerAngle: Boolean(combo.payerAngle?.payer && combo.payerAngle.reason),
  };
}

function linkLabel(c: Combination): string {
  return `${c.item.name} denied for ${c.reason.phrase} by ${c.payer.shortName}`;
}

/**
 * Work shared between the pages of one build: an angle renders to the same markup for the same footnote numbers
 * before it, so a payer's angle is rendered once per distinct numbering rather than once per page (and the pages
 * share the string), and word counts are kept per fragment.
 */
export class PageMemo {
  private readonly angles = new Map<CompiledAngle, Map<string, { html: string; cited: string[] }>>();
  private readonly wordCounts = new Map<string, number>();

  renderAngle(angle: CompiledAngle, citations: Citations): string {
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
    const html = angle.render(citations);
    byState.set(key, { html, cited: citations.state().slice(count) });
    return html;
  }

  words(fragments: readonly string[]): number {
    let total = 0;
    for (const fragment of fragments) {
      let n = this.wordCounts.get(fragment);
      if (n === undefined) this.wordCounts.set(fragment, (n = countWords(fragment)));
      total += n;
    }
    return total;
  }
}

export function renderPage(
  data: ValidData,
  templates: LoadedTemplates,
  combo: Combination,
  siblings: { byPayerItem: Combination[]; byItemReason: Combination[] },
  memo = new PageMemo(),
): PageModel {
  const citations = new Citations(data.facts);
  const context = templateContext(data, combo);
  const render = (name: Parameters<LoadedTemplates['render']>[0]) =>
    templates.render(name, context, citations);

  // Rendered in reading order, so footnote numbers run 1, 2, 3 down the page.
  const hook = render('hook');
  const rights = render('rights');
  const requirements = render(`requirements/${combo.item.kind}`);
  const payerAngle = combo.payerAngle && memo.renderAngle(combo.payerAngle.compiled, citations);
  const angle = combo.itemAngle && memo.renderAngle(combo.itemAngle.compiled, citations);
  const deadlines = deadlineRules(combo, citations);
  const nextSteps = render('next-steps');
  const cta = render('cta');
  const ctaPrice = render('cta-price');

  // The most recently reviewed angle on the page dates the page, so "last reviewed" and lastmod agree.
  const reviewAngle = [combo.itemAngle, combo.payerAngle]
    .filter((a) => a !== undefined)
    .sort((a, b) => b.reviewed.localeCompare(a.reviewed))[0];
  const reviewer = reviewAngle && data.site.editorial.reviewers.find((r) => r.id === reviewAngle.reviewedBy);
  const extraSources = [
    ...(combo.itemAngle?.sources ?? []),
    ...(combo.payerAngle?.sources ?? []),
    { title: `${combo.payer.name}: ${combo.payer.policyLibrary.name}`, url: combo.payer.policyLibrary.url },
  ].filter((s, i, all) => all.findIndex((o) => o.url === s.url) === i);

  const publishable = (c: Combination) => c.status !== 'skipped' && c !== combo;
  const title = render('title');
  const description = render('description');
  const breadcrumb: Crumb[] = [
    { name: 'Home', path: '/' },
    { name: combo.payer.name, path: `/${combo.payer.slug}/` },
    { name: `${combo.item.name}: ${combo.reason.name}`, path: combo.path },
  ];
  const factsUsed = citations.used();
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
        about: aboutItem(combo.item),
        ...(reviewAngle &&
          reviewer && { review: { reviewerName: reviewer.name, date: reviewAngle.reviewed } }),
        citations: factsUsed,
      }),
      breadcrumbList(data.site, breadcrumb),
    ],
    robots: combo.status === 'indexable' ? 'index, follow' : 'noindex, follow',
    payer: { slug: combo.payer.slug, name: combo.payer.name, shortName: combo.payer.shortName },
    item: { slug: combo.item.slug, name: combo.item.name, kind: combo.item.kind },
    reason: { slug: combo.reason.slug, name: combo.reason.name },
    html: {
      hook,
      rights,
      requirements,
      ...(payerAngle !== undefined && { payerAngle }),
      ...(angle !== undefined && { angle }),
      nextSteps,
      cta,
      ctaPrice,
    },
    toc: [
      { href: '#rights', label: 'Your appeal rights' },
      ...(deadlines.length ? [{ href: '#deadlines', label: 'Your appeal deadline' }] : []),
      { href: '#requirements', label: `What ${combo.payer.shortName} typically requires` },
      ...(payerAngle !== undefined
        ? [{ href: '#payer-angle', label: `How ${combo.payer.shortName} handles it` }]
        : []),
      ...(angle !== undefined ? [{ href: '#angle', label: `The angle for ${combo.item.name}` }] : []),
      { href: '#next-steps', label: 'Next steps and documents to gather' },
      { href: '#sources-heading', label: 'Sources' },
    ],
    words: memo.words([hook, rights, requirements, payerAngle ?? '', angle ?? '', nextSteps]),
    checklist: checklist(combo),
    ctaLabel: render('cta-button'),
    deadlines,
    ctaHref: buildCheckoutUrl(data.site, {
      payer: combo.payer.slug,
      item: combo.item.slug,
      reason: combo.reason.slug,
      path: combo.path,
    }),
    sources: [
      ...factsUsed.map((f, i) => ({
        n: i + 1,
        title: f.statement,
        citation: f.citation,
        url: f.url,
        verified: f.verified,
      })),
      ...extraSources,
    ],
    ...(reviewAngle && reviewer && { review: { reviewer, date: reviewAngle.reviewed } }),
    ...(reviewAngle && { lastmod: reviewAngle.reviewed }),
    related: {
      sameItemOtherReasons: siblings.byPayerItem
        .filter(publishable)
        .map((c) => ({ href: c.path, label: linkLabel(c) })),
      sameReasonOtherPayers: siblings.byItemReason
        .filter(publishable)
        .map((c) => ({ href: c.path, label: linkLabel(c) })),
    },
  };
}
