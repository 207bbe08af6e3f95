// The content audit over every page of the real build of data/: what a reader sees in <main> is held against the
// data it came from. No rule cited where it does not hold, no word naming a plan line the payer does not run for
// this item, no word from the item kind's deny list, and the calculator offers exactly the payer's plan lines.
import { beforeAll, describe, expect, it } from 'vitest';
import { mainText } from '../../src/measure/visible-text.ts';
import type { CheckedSite } from '../../src/plan/check-site.ts';
import { checkSite } from '../../src/plan/check-site.ts';
import { factHolds, pageScope, type PageScope } from '../../src/plan/page-scope.ts';
import { buildRealSite, REAL_BUILD_DIR } from '../helpers/build.ts';
import { readBuiltPages, type BuiltPage } from '../helpers/dist.ts';
import { PROJECT_ROOT } from '../helpers/fixture.ts';

interface GuidePage {
  page: BuiltPage;
  /** The visible text of <main>, as a reader (and a crawler without JavaScript) sees it. */
  text: string;
  scope: PageScope;
  payer: string;
  kind: string;
}

let site: CheckedSite;
let guides: GuidePage[];

beforeAll(async () => {
  const outDir = REAL_BUILD_DIR;
  const build = await buildRealSite();
  expect(build.code, build.stderr + build.stdout).toBe(0);
  site = (await checkSite({ root: PROJECT_ROOT })).site!;
  const combos = new Map(site.join.combinations.map((c) => [c.path, c]));
  guides = (await readBuiltPages(outDir))
    .filter((page) => combos.has(page.path))
    .map((page) => {
      const combo = combos.get(page.path)!;
      return {
        page,
        text: mainText(page.html),
        scope: pageScope(combo.payer, combo.item, site.data.planLines),
        payer: combo.payer.slug,
        kind: combo.item.kind,
      };
    });
}, 300_000);

describe('content audit of the real build', () => {
  it('covers every combination page that is built', () => {
    const built = site.join.combinations.length;
    expect(guides.length).toBe(built);
    expect(guides.length).toBeGreaterThan(2000);
  });

  it('cites no fact on a page where it does not hold', () => {
    const wrong: string[] = [];
    for (const { page, scope } of guides)
      for (const li of page.dom.querySelectorAll('li[data-fact], a[data-fact]')) {
        const fact = site.data.facts.get(li.getAttribute('data-fact')!)!;
        if (!factHolds(fact, scope)) wrong.push(`${page.path}: ${fact.id}`);
      }
    expect(wrong).toEqual([]);
  });

  it('names no plan line the payer does not run', () => {
    const wrong = new Map<string, string[]>();
    const payers = new Map(site.data.payers.map((p) => [p.slug, p]));
    for (const { page, text, payer } of guides)
      for (const line of site.data.planLines) {
        if (payers.get(payer)!.planLines.includes(line.id)) continue;
        for (const mention of line.mentions) {
          const found = new RegExp(`\\b${mention.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'i').exec(text);
          if (!found) continue;
          const key = `${line.id}: "${mention}"`;
          wrong.set(key, [...(wrong.get(key) ?? []), page.path]);
        }
      }
    const summary = [...wrong].map(([key, pages]) => `${key} on ${pages.length} page(s), e.g. ${pages[0]}`);
    expect(summary).toEqual([]);
  });

  it('uses no word from the deny list of the item’s kind', () => {
    const kindWords = site.data.site.audit.kindWords;
    const wrong: string[] = [];
    for (const { page, text, kind } of guides)
      for (const word of kindWords[kind as keyof typeof kindWords] ?? [])
        if (new RegExp(`\\b${word}\\b`, 'i').test(text)) wrong.push(`${page.path}: "${word}"`);
    expect(wrong).toEqual([]);
  });

  it('puts Free help before What you get, and both before the sources, on every combination page', () => {
    const wrong: string[] = [];
    for (const { page } of guides) {
      const order = ['#deadlines', '#requirements', '#free-help', '#offer', '#sources-heading'].map((id) =>
        page.html.indexOf(`id="${id.slice(1)}"`),
      );
      if (order.some((at) => at < 0) || order.some((at, i) => i > 0 && at < order[i - 1]!))
        wrong.push(`${page.path}: ${order.join(', ')}`);
      const help = page.dom.querySelectorAll('#free-help ~ ul li, .free-help li');
      if (help.length < 2) wrong.push(`${page.path}: free help lists ${help.length}`);
    }
    expect(wrong).toEqual([]);
  });

  it('links every page of the build, guides and hubs, to every trust page, and each exists', async () => {
    const all = await readBuiltPages(REAL_BUILD_DIR);
    const built = new Set(all.map((p) => p.path));
    const trust = site.data.site.trustPages.map((t) => `/${t.slug}/`);
    expect(trust.filter((href) => !built.has(href))).toEqual([]);
    const missing = all
      .filter((p) => !p.html.includes('http-equiv') && p.dom.querySelector('footer'))
      .flatMap((p) => {
        const links = new Set(p.dom.querySelectorAll('footer a').map((a) => a.getAttribute('href')));
        return trust.filter((href) => !links.has(href)).map((href) => `${p.path} lacks ${href}`);
      });
    expect(missing).toEqual([]);
  });

  it('offers in the calculator exactly the plan lines the payer runs for this item', () => {
    const wrong: string[] = [];
    for (const { page, scope } of guides) {
      const offered = page.dom
        .querySelectorAll('select[name="plan"] option[data-lines]')
        .flatMap((option) => option.getAttribute('data-lines')!.split(' '));
      if (offered.join() !== scope.lines.join())
        wrong.push(`${page.path}: ${offered.join()} ≠ ${scope.lines.join()}`);
    }
    expect(wrong).toEqual([]);
  });
});
