// The social cards: every kind's text fits inside the card above its foot, at any brand length, and data in the
// card is escaped.
import { describe, expect, it } from 'vitest';
import {
  MARGIN,
  SOCIAL_CARDS,
  TEXT_BOTTOM,
  TEXT_WIDTH,
  type CardKind,
} from '../../src/blocks/social-cards.ts';
import { drawSocialCard } from '../../src/generator/social-cards.ts';

const KINDS = Object.keys(SOCIAL_CARDS) as CardKind[];

/** Each <text> of the SVG: where it starts, its baseline, size, weight and content. */
function textsOf(svg: string) {
  return [
    ...svg.matchAll(
      /<text x="([\d.]+)" y="([\d.]+)" font-size="(\d+)"( font-weight="bold")?[^>]*>([^<]*)<\/text>/g,
    ),
  ].map((m) => ({ x: Number(m[1]), y: Number(m[2]), size: Number(m[3]), bold: Boolean(m[4]), text: m[5]! }));
}

const unescape = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

describe('social cards', () => {
  for (const brand of ['DenialHelp', 'A Much Longer Name For An Appeal Letter Service Company']) {
    it(`every kind's lines fit the card's width and end above its foot (brand ${brand.length} characters)`, async () => {
      for (const kind of KINDS) {
        const { svg, png, measure } = await drawSocialCard({ brand, origin: 'https://example.org' }, kind);
        expect(Buffer.from(png).subarray(1, 4).toString('latin1')).toBe('PNG');
        const texts = textsOf(svg);
        // Brand, at least one headline and one line, the host.
        expect(texts.length, kind).toBeGreaterThanOrEqual(4);
        for (const t of texts) {
          const right = t.x + measure(unescape(t.text), t.size, t.bold);
          expect(right, `${kind}: ${t.text}`).toBeLessThanOrEqual(MARGIN + TEXT_WIDTH);
        }
        const body = texts.slice(1, -1);
        expect(body.map((t) => unescape(t.text)).join(' '), kind).toBe(
          `${SOCIAL_CARDS[kind].headline} ${SOCIAL_CARDS[kind].line}`,
        );
        expect(Math.max(...body.map((t) => t.y)), kind).toBeLessThanOrEqual(TEXT_BOTTOM);
      }
    });
  }

  it('escapes the brand and keeps the card one well-formed drawing', async () => {
    const { svg } = await drawSocialCard({ brand: 'A & B <script>', origin: 'https://example.org' }, 'guide');
    expect(svg).toContain('A &amp; B &lt;script&gt;');
    expect(svg).not.toContain('<script');
  });
});
