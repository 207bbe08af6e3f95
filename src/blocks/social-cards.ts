// The social cards (og:image) a shared link shows: one picture per kind of page, not one per page, with the brand
// and what that kind of page offers. No rule, figure or name of a payer or item is on a card: a card is reused by
// every page of its kind, so it can only say what is true of all of them.
import { escapeHtml } from '../html/escape.ts';
import type { HubModel } from '../models/hub-models.ts';
import type { Site } from '../schema/index.ts';

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;

export type CardKind = 'guide' | Exclude<HubModel['kind'], 'state'>;

interface CardText {
  /** The large line; also the image's alt text. */
  headline: string;
  /** What the page gives the reader. */
  line: string;
}

export const SOCIAL_CARDS: Record<CardKind, CardText> = {
  guide: {
    headline: 'Denied by your health plan?',
    line: 'Your appeal rights, what the insurer needs to see, and your next steps.',
  },
  home: {
    headline: 'Appeal a denied drug, test, procedure or device',
    line: 'Guides by insurer, treatment and reason for denial, with the deadlines that apply.',
  },
  payer: {
    headline: "Appealing an insurer's denial",
    line: 'Appeal deadlines by type of plan, and a guide for each treatment it decides on.',
  },
  item: {
    headline: 'When a treatment is denied',
    line: 'A guide for each insurer and each reason for the denial.',
  },
  reason: {
    headline: 'Appealing by reason for denial',
    line: 'Guides for each insurer and each treatment denied for this reason.',
  },
  plan: {
    headline: 'Appeal rules by type of plan',
    line: 'The deadlines and review rights that come with this kind of coverage.',
  },
  page: {
    headline: 'Who makes these guides, and how',
    line: 'Our sources, our reviewers, the offer, and how to report a mistake.',
  },
  states: {
    headline: 'Free help with an appeal, by state',
    line: "Your state's consumer assistance, external review, insurance department and Medicare counseling offices.",
  },
};

/** The card a hub of this kind uses: a state's page shares the list of states' card. */
export function cardKindOfHub(kind: HubModel['kind']): CardKind {
  return kind === 'state' ? 'states' : kind;
}

/** The alt text of a kind's card. */
export function cardAlt(site: Pick<Site, 'brand'>, kind: CardKind): string {
  return `${site.brand}: ${SOCIAL_CARDS[kind].headline}`;
}

/** Splits `text` into lines no wider than the card allows, as `width` measures a line at `size` px. */
export type MeasureLine = (text: string, size: number, bold: boolean) => number;

export const MARGIN = 80;
export const TEXT_WIDTH = CARD_WIDTH - 2 * MARGIN;

/** Greedy wrap: as many words per line as fit. A word wider than the line gets a line of its own. */
export function wrapText(text: string, size: number, bold: boolean, measure: MeasureLine): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = current ? `${current} ${word}` : word;
    if (current && measure(candidate, size, bold) > TEXT_WIDTH) {
      lines.push(current);
      current = word;
    } else current = candidate;
  }
  if (current) lines.push(current);
  return lines;
}

const HEADLINE_TOP = 250;
/** The text must end above the address strip at the foot. */
export const TEXT_BOTTOM = CARD_HEIGHT - 72 - 36;
const HEADLINE_SIZES = [76, 68, 60, 52] as const;
const LINE_SIZES = [36, 32, 28] as const;

interface Layout {
  headline: { size: number; lines: string[] };
  line: { size: number; lines: string[]; top: number };
}

function layout(card: CardText, headlineSize: number, lineSize: number, measure: MeasureLine): Layout {
  const headline = wrapText(card.headline, headlineSize, true, measure);
  const top = HEADLINE_TOP + (headline.length - 1) * headlineSize * 1.15 + lineSize * 1.9;
  return {
    headline: { size: headlineSize, lines: headline },
    line: { size: lineSize, lines: wrapText(card.line, lineSize, false, measure), top },
  };
}

/** Where the last line's baseline falls. */
const bottomOf = (l: Layout) => l.line.top + (l.line.lines.length - 1) * l.line.size * 1.35;

/** The largest sizes at which the headline takes at most two lines and all the text ends above the foot. */
function fitCard(card: CardText, measure: MeasureLine): Layout {
  let last: Layout | undefined;
  for (const maxLines of [2, 3])
    for (const h of HEADLINE_SIZES)
      for (const l of LINE_SIZES) {
        last = layout(card, h, l, measure);
        if (last.headline.lines.length <= maxLines && bottomOf(last) <= TEXT_BOTTOM) return last;
      }
  return last!;
}

export const CARD_FONT = 'DejaVu Sans';

/** The brand's name starts right of the mark. */
const BRAND_INDENT = 88;

/** The largest size at which the brand's name fits on its line beside the mark. */
function brandSize(brand: string, measure: MeasureLine): number {
  const sizes = [40, 34, 28, 22];
  return sizes.find((size) => measure(brand, size, true) <= TEXT_WIDTH - BRAND_INDENT) ?? sizes.at(-1)!;
}

/** The card as SVG: the brand's mark and name, the headline, the line, and the site's address at the foot. */
export function socialCardSvg(
  site: Pick<Site, 'brand' | 'origin'>,
  kind: CardKind,
  measure: MeasureLine,
): string {
  const { headline, line } = fitCard(SOCIAL_CARDS[kind], measure);
  const text = (x: number, y: number, size: number, content: string, attrs: string) =>
    `<text x="${x}" y="${y}" font-size="${size}" ${attrs}>${escapeHtml(content)}</text>`;
  const parts: string[] = [];
  for (const [i, l] of headline.lines.entries())
    parts.push(
      text(
        MARGIN,
        HEADLINE_TOP + i * headline.size * 1.15,
        headline.size,
        l,
        'font-weight="bold" fill="#1b1f24"',
      ),
    );
  for (const [i, l] of line.lines.entries())
    parts.push(text(MARGIN, line.top + i * line.size * 1.35, line.size, l, 'fill="#545d68"'));
  const host = new URL(site.origin).host;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${CARD_WIDTH}" height="${CARD_HEIGHT}" viewBox="0 0 ${CARD_WIDTH} ${CARD_HEIGHT}" font-family="${CARD_FONT}">`,
    `<rect width="${CARD_WIDTH}" height="${CARD_HEIGHT}" fill="#ffffff"/>`,
    `<rect width="${CARD_WIDTH}" height="16" fill="#0a6b3d"/>`,
    // The favicon's mark, drawn at 64 px.
    `<g transform="translate(${MARGIN} 72) scale(2)"><rect width="32" height="32" rx="6" fill="#0a6b3d"/><path d="M9 16.5l4.5 4.5L23 11.5" fill="none" stroke="#fff" stroke-width="3.5" stroke-linecap="round" stroke-linejoin="round"/></g>`,
    text(
      MARGIN + BRAND_INDENT,
      118,
      brandSize(site.brand, measure),
      site.brand,
      'font-weight="bold" fill="#0a6b3d"',
    ),
    ...parts,
    `<rect x="0" y="${CARD_HEIGHT - 72}" width="${CARD_WIDTH}" height="72" fill="#f4f6f8"/>`,
    text(MARGIN, CARD_HEIGHT - 26, 28, host, 'fill="#545d68"'),
    '</svg>',
  ].join('');
}
