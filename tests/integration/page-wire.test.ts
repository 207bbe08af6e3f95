import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodePage, PageWire } from '../../src/generator/page-wire.ts';
import { renderSite } from '../../src/generator/site-models.ts';
import { trusted } from '../../src/html/markup.ts';
import { checkSite } from '../../src/plan/check-site.ts';
import type { PageModel } from '../../src/models/page-model.ts';
import { makeFixture, type Fixture } from '../helpers/fixture.ts';

let fixture: Fixture;
let pages: PageModel[];
beforeAll(async () => {
  fixture = await makeFixture();
  const { site } = await checkSite({ root: fixture.root });
  pages = renderSite(site!).pages;
}, 60_000);
afterAll(() => fixture.cleanup());

/** What a page is after a trip through JSON, as the stamping threads used to receive it. */
const viaJson = (page: PageModel) => JSON.parse(JSON.stringify(page)) as PageModel;

describe('pages on the wire to a stamping thread', () => {
  it('arrive as they left, with each shared text sent once', () => {
    const wire = new PageWire();
    const texts = new Map<string, string>();
    let sent = 0;
    for (const page of pages) {
      const { json, shared } = wire.encode(page);
      for (const [digest, text] of shared) {
        if (!texts.has(digest)) sent += text.length;
        texts.set(digest, text);
      }
      const onWire = JSON.parse(json) as PageModel;
      expect(onWire.sources.every((s) => /^[\w-]{27}$/.test(s.title))).toBe(true);
      expect(decodePage(json, texts)).toEqual(viaJson(page));
    }
    // The fixture's pages share their fact statements and angles: less text travels than they hold (each shared
    // text once; on ten pages, about 60% of it).
    const held = pages.reduce(
      (n, p) => n + (p.html.angle?.__html ?? '').length + p.sources.reduce((m, s) => m + s.title.length, 0),
      0,
    );
    expect(sent).toBeLessThan(held * 0.7);
  });

  it('refuse a page whose shared text never arrived', () => {
    const { json } = new PageWire().encode(pages[0]!);
    expect(() => decodePage(json, new Map())).toThrow(/shared text .* was never sent/);
  });

  it('fingerprint the content: equal text gives an equal print, any change to a shared text a new one', () => {
    const page = pages.find((p) => p.html.angle)!;
    const wire = new PageWire();
    const print = wire.fingerprint(page);
    // A copy made of other string instances with the same content.
    expect(new PageWire().fingerprint(viaJson(page))).toBe(print);
    const edited = (change: (p: PageModel) => void) => {
      const copy = viaJson(page);
      change(copy);
      return wire.fingerprint(copy);
    };
    expect(edited((p) => (p.html.angle = trusted(`${p.html.angle!.__html} `)))).not.toBe(print);
    expect(edited((p) => (p.sources[0]!.title += ' '))).not.toBe(print);
    expect(edited((p) => (p.title += ' '))).not.toBe(print);
  });
});
