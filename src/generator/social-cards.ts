// Drawing the social cards (blocks/social-cards.ts) as PNG files, with resvg compiled to WebAssembly and the
// DejaVu Sans font from npm: the same pixels on every machine, no system fonts, no browser. Run with the shells,
// so a card is drawn again only when the code or the site settings change.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { initWasm, Resvg } from '@resvg/resvg-wasm';
import {
  CARD_FONT,
  CARD_WIDTH,
  SOCIAL_CARDS,
  socialCardSvg,
  type CardKind,
  type MeasureLine,
} from '../blocks/social-cards.ts';
import { socialCardPath } from '../plan/urls.ts';
import type { Site } from '../schema/index.ts';

const require = createRequire(import.meta.url);

let ready: Promise<Uint8Array[]> | undefined;

/** Loads the renderer once per process, and the two weights of the font. */
function setup(): Promise<Uint8Array[]> {
  ready ??= (async () => {
    await initWasm(await readFile(require.resolve('@resvg/resvg-wasm/index_bg.wasm')));
    const fonts = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
    return Promise.all(['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'].map((f) => readFile(path.join(fonts, f))));
  })();
  return ready;
}

function renderer(fontBuffers: Uint8Array[]) {
  const options = { font: { fontBuffers, defaultFontFamily: CARD_FONT, loadSystemFonts: false } };
  /** A line's drawn width, as resvg lays it out with the card's font. */
  const measure: MeasureLine = (text, size, bold) => {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${CARD_WIDTH * 4}" height="200" font-family="${CARD_FONT}"><text x="0" y="150" font-size="${size}"${bold ? ' font-weight="bold"' : ''}>${text.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</text></svg>`;
    const probe = new Resvg(svg, options);
    try {
      return probe.getBBox()?.width ?? 0;
    } finally {
      probe.free();
    }
  };
  const png = (svg: string): Uint8Array => {
    const image = new Resvg(svg, options);
    try {
      return image.render().asPng();
    } finally {
      image.free();
    }
  };
  return { measure, png };
}

/** The PNG of one kind's card, and the SVG it was drawn from. */
export async function drawSocialCard(
  site: Pick<Site, 'brand' | 'origin'>,
  kind: CardKind,
): Promise<{ svg: string; png: Uint8Array; measure: MeasureLine }> {
  const { measure, png } = renderer(await setup());
  const svg = socialCardSvg(site, kind, measure);
  return { svg, png: png(svg), measure };
}

/** Writes every kind's card under `outDir` (social/{kind}.png). */
export async function writeSocialCards(site: Pick<Site, 'brand' | 'origin'>, outDir: string): Promise<void> {
  for (const kind of Object.keys(SOCIAL_CARDS) as CardKind[]) {
    const file = path.join(outDir, socialCardPath(kind));
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, (await drawSocialCard(site, kind)).png);
  }
}
