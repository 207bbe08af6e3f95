// Markup faults the build looks for in every page's data-made fragments before writing it: a heading that skips a
// level of the page's outline, a link with no text, an id used twice, an image without alt text, and a checkout link
// without its tracking parameters. Each fault names the page and the file whose text made the fragment. The layout's
// own markup is code, judged by the tests and the real-build gate (tests/e2e/real-build.test.ts).
import { headingBase } from '../content/template-outline.ts';
import type { PageModel } from '../models/page-model.ts';
import { CTA_PLACES } from '../plan/urls.ts';

export interface MarkupFault {
  /** The file responsible: a template, an angle, or data/site.yaml. */
  file: string;
  message: string;
  hint: string;
}

/** The data files behind the page's angle slots and hook, where they are not the templates. */
export interface FragmentFiles {
  payerItem?: string | undefined;
  angle?: string | undefined;
  hook?: string | undefined;
}

/** A fragment of the page, the heading level it sits under (1 for none), and the file that made it. */
interface Fragment {
  file: string;
  html: string;
  /** The level of the heading the fragment sits under; its own headings start one below. 0: no headings. */
  under: number;
}

const HEADING = /<h([1-6])\b/gi;
const LINK = /<a\b[^>]*>([\s\S]*?)<\/a>/gi;
const ID = /\sid="([^"]*)"/gi;
const IMAGE = /<img\b[^>]*>/gi;

function headingFaults(fragment: Fragment): string[] {
  let level = fragment.under;
  const faults: string[] = [];
  for (const match of fragment.html.matchAll(HEADING)) {
    const depth = Number(match[1]);
    if (fragment.under === 0) faults.push(`an h${depth} where the page allows no heading`);
    else if (depth <= fragment.under || depth > level + 1)
      faults.push(
        `an h${depth} after ${level === fragment.under ? 'its section heading' : 'an h' + level} (h${fragment.under})`,
      );
    level = depth;
  }
  return faults;
}

const linkText = (inner: string, tag: string): string =>
  `${inner.replace(/<[^>]*>/g, '')}${/\saria-label="([^"]+)"/.exec(tag)?.[1] ?? ''}`.trim();

function linkFaults(fragment: Fragment): string[] {
  return [...fragment.html.matchAll(LINK)]
    .filter((m) => !linkText(m[1]!, m[0]) && !/<img\b[^>]*\salt="[^"]+"/i.test(m[1]!))
    .map((m) => `a link with no text (${m[0].slice(0, 60)}…)`);
}

function imageFaults(fragment: Fragment): string[] {
  return [...fragment.html.matchAll(IMAGE)]
    .filter((m) => !/\salt="/i.test(m[0]))
    .map((m) => `an image without alt text (${m[0].slice(0, 60)})`);
}

function fragments(page: PageModel, files: FragmentFiles): Fragment[] {
  const { html } = page;
  const template = (name: string, fragment: { __html: string }): Fragment => ({
    file: `templates/${name}.hbs`,
    html: fragment.__html,
    under: headingBase(name),
  });
  const list: (Fragment | undefined)[] = [
    { ...template('hook', html.hook), ...(files.hook && { file: files.hook }) },
    template('rights', html.rights),
    template(`requirements/${page.item.kind}`, html.requirements),
    html.angle && { file: files.angle ?? 'the angle', html: html.angle.__html, under: 2 },
    html.payerItem && {
      file: files.payerItem ?? 'the payer × item note',
      html: html.payerItem.__html,
      under: 2,
    },
    template('next-steps', html.nextSteps),
    template('free-help', html.freeHelp),
    template('cta', html.cta),
    template('cta-price', html.ctaPrice),
  ];
  return list.filter((f): f is Fragment => f !== undefined);
}

/** Ids the layout itself gives this page (sections, table of contents, calculator); a fragment may not reuse one. */
function layoutIds(page: PageModel): string[] {
  return [
    'main',
    'toc-heading',
    'deadlines',
    'checklist',
    'sources-heading',
    'related-heading',
    ...page.toc.map((entry) => entry.href.slice(1)),
    ...page.deadlines.map((_, i) => `deadline-plan-${i + 1}`),
    ...page.sources.flatMap((source) => (source.n === undefined ? [] : [`source-${source.n}`])),
  ];
}

function idFaults(page: PageModel, list: readonly Fragment[]): MarkupFault[] {
  const seen = new Map<string, string>(layoutIds(page).map((id) => [id, 'the page layout']));
  const faults: MarkupFault[] = [];
  for (const fragment of list) {
    for (const [, id] of fragment.html.matchAll(ID)) {
      const first = seen.get(id!);
      if (first)
        faults.push({
          file: fragment.file,
          message: `id "${id}" on ${page.path} is already used by ${first}.`,
          hint: 'Ids must be unique on a page: rename this one or remove it.',
        });
      else seen.set(id!, fragment.file);
    }
  }
  return faults;
}

/**
 * Each checkout link carries the page's payer, item and reason, the promo code, all four UTM parameters and its own
 * place on the page.
 */
function ctaFaults(page: PageModel): MarkupFault[] {
  const faults: MarkupFault[] = [];
  if (!page.ctaLabel.trim())
    faults.push({
      file: 'templates/cta-button.hbs',
      message: `The checkout button on ${page.path} has no text.`,
      hint: 'The button label must say what it does, for example "Start my appeal".',
    });
  for (const place of CTA_PLACES) {
    const href = page.ctaHrefs[place];
    const params = new URL(href).searchParams;
    const expected: Record<string, string> = {
      payer: page.payer.slug,
      item: page.item.slug,
      reason: page.reason.slug,
      utm_content: page.path,
    };
    const missing = [
      ...Object.entries(expected)
        .filter(([key, value]) => params.get(key) !== value)
        .map(([key]) => key),
      ...['code', 'utm_source', 'utm_medium', 'utm_campaign', 'cta'].filter((key) => !params.get(key)),
    ];
    if (missing.length)
      faults.push({
        file: 'data/site.yaml',
        message: `The ${place} checkout link on ${page.path} lacks ${missing.join(', ')}: ${href}`,
        hint: 'Set checkout.url, checkout.promoCode, checkout.utm and checkout.positions in data/site.yaml; the build adds the page’s own parameters.',
      });
  }
  const places = new Set(CTA_PLACES.map((place) => new URL(page.ctaHrefs[place]).searchParams.get('cta')));
  if (places.size !== CTA_PLACES.length)
    faults.push({
      file: 'data/site.yaml',
      message: `The checkout links on ${page.path} do not tell their places apart (cta=${[...places].join(', ')}).`,
      hint: 'Give checkout.positions top, sticky and end three different names in data/site.yaml.',
    });
  return faults;
}

/** Every markup fault of one page, each with the file responsible. */
export function markupFaults(page: PageModel, files: FragmentFiles): MarkupFault[] {
  const list = fragments(page, files);
  const perFragment = (check: (f: Fragment) => string[], hint: string): MarkupFault[] =>
    list.flatMap((fragment) =>
      check(fragment).map((what) => ({ file: fragment.file, message: `${page.path} has ${what}.`, hint })),
    );
  return [
    ...perFragment(
      headingFaults,
      'Headings in a section start one level below the section heading and go one level deeper at a time; the hook and the offer take no headings.',
    ),
    ...perFragment(linkFaults, 'Give every link text a reader can see, or an aria-label.'),
    ...perFragment(imageFaults, 'Give every image an alt attribute (alt="" if it is decoration).'),
    ...idFaults(page, list),
    ...ctaFaults(page),
  ];
}
