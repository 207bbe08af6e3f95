// The real site on a phone (375 × 740 in a real browser): nothing runs off the side of the screen, the sticky CTA
// bar never covers the calculator's results or a field being filled in, every CTA on a page says where it is, and
// without JavaScript there is no bar at all (the page keeps its two in-page buttons). A sample of every kind of
// page, as the quality gates take it.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkSite, type CheckedSite } from '../../src/plan/check-site.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { buildRealSite, REAL_BUILD_DIR } from '../helpers/build.ts';
import { readBuiltPages } from '../helpers/dist.ts';
import { PROJECT_ROOT } from '../helpers/fixture.ts';
import { samplePages, type SampledPage } from '../helpers/sample.ts';
import { serveDist, type StaticHost } from '../helpers/static-host.ts';

const PHONE = { width: 375, height: 740 };

let site: CheckedSite;
let sample: SampledPage[];
let host: StaticHost;
let browser: Browser;

beforeAll(async () => {
  const build = await buildRealSite();
  expect(build.code, build.stderr + build.stdout).toBe(0);
  site = (await checkSite({ root: PROJECT_ROOT })).site!;
  sample = samplePages(site, await readBuiltPages(REAL_BUILD_DIR), 30);
  host = await serveDist(REAL_BUILD_DIR);
  browser = await launchBrowser();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await host?.close();
});

const guides = () => sample.filter((s) => site.join.combinations.some((c) => c.path === s.page.path));

async function phonePage(javaScriptEnabled = true): Promise<Page> {
  const context = await browser.newContext({ viewport: PHONE, javaScriptEnabled, deviceScaleFactor: 1 });
  return context.newPage();
}

describe('on a 375 px phone', () => {
  it('no page of the sample is wider than the screen', async () => {
    const page = await phonePage();
    const wide: string[] = [];
    for (const { page: built } of sample) {
      await page.goto(`${host.origin}${built.path}`);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      if (width > PHONE.width) wide.push(`${built.path} (${width} px)`);
    }
    await page.context().close();
    expect(sample.length).toBeGreaterThan(20);
    expect(wide).toEqual([]);
  }, 300_000);

  it('the sticky bar never covers the calculator’s results or a field being filled in', async () => {
    const page = await phonePage();
    const covered: string[] = [];
    for (const { page: built } of guides().slice(0, 8)) {
      await page.goto(`${host.origin}${built.path}`);
      if (!(await page.locator('form[data-calculator]').count())) continue;
      await page.locator('[data-calculator-open]').click();
      // Enter a letter's date, so the results fill in, then look at them from the bottom of the screen up.
      await page.fill('input[name="notice"]', '2026-01-31');
      const results = page.locator('.calculator-result');
      for (const at of ['end', 'center', 'start'] as const) {
        await results.evaluate((el, block) => el.scrollIntoView({ block }), at);
        await page.waitForTimeout(50);
        const overlap = await page.evaluate(() => {
          const bar = document.querySelector<HTMLElement>('.sticky-cta');
          const box = document.querySelector('.calculator-result')!.getBoundingClientRect();
          if (!bar || bar.hidden || getComputedStyle(bar).display === 'none') return false;
          const b = bar.getBoundingClientRect();
          return b.top < Math.min(box.bottom, innerHeight) && b.bottom > Math.max(box.top, 0);
        });
        if (overlap) covered.push(`${built.path}: results (${at})`);
      }
      // A focused field near the bottom of the screen: the bar goes while the reader types.
      const field = page.locator('.checklist-fill input[name="claim"]');
      await field.evaluate((el) => el.scrollIntoView({ block: 'end' }));
      await field.focus();
      await page.waitForTimeout(50);
      if (await page.locator('.sticky-cta').isVisible()) covered.push(`${built.path}: focused field`);
    }
    await page.context().close();
    expect(covered).toEqual([]);
  }, 300_000);

  it('the bar shows when nothing it would cover is on screen, and each CTA link names its place', async () => {
    const page = await phonePage();
    const built = guides()[0]!.page;
    await page.goto(`${host.origin}${built.path}`);
    await page.locator('#requirements').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.waitForTimeout(50);
    expect(await page.locator('.sticky-cta').isVisible()).toBe(true);
    await page.context().close();
    for (const { page: guide } of guides()) {
      const places = guide.dom
        .querySelectorAll('a.cta-button')
        .map((a) => new URL(a.getAttribute('href')!).searchParams.get('cta'));
      expect(places.sort(), guide.path).toEqual(['end', 'sticky', 'top']);
    }
  }, 120_000);

  it('a payer hub can be narrowed to one item by its filter box, and has jump links to its parts', async () => {
    const page = await phonePage();
    const hub = site.data.payers[0]!;
    const item = site.data.items[0]!;
    await page.goto(`${host.origin}/${hub.slug}/`);
    const jumps = await page
      .locator('nav.jump a')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(jumps).toContain('#deadlines');
    expect(jumps.some((href) => href?.startsWith('#guides-'))).toBe(true);
    const visibleLinks = () =>
      page
        .locator('main ul.hub-list a, main ul.hub-others a')
        .evaluateAll((links) => links.filter((a) => (a as HTMLElement).offsetParent !== null).length);
    const before = await visibleLinks();
    await page.fill('[data-hub-filter] input', item.name);
    const after = await visibleLinks();
    expect(after).toBeGreaterThan(0);
    expect(after).toBeLessThan(before);
    const texts = await page
      .locator('main ul.hub-list a, main ul.hub-others a')
      .evaluateAll((links) =>
        links
          .filter((a) => (a as HTMLElement).offsetParent !== null)
          .map((a) => a.getAttribute('href') ?? ''),
      );
    expect(texts.every((href) => href.includes(`/${item.slug}/`))).toBe(true);
    await page.context().close();
  }, 120_000);

  it('without JavaScript there is no sticky bar: the page has one button on any screen, not two', async () => {
    const page = await phonePage(false);
    for (const { page: built } of guides().slice(0, 5)) {
      await page.goto(`${host.origin}${built.path}`);
      expect(await page.locator('.sticky-cta').isVisible(), built.path).toBe(false);
      const buttons = page.locator('a.cta-button');
      let mostOnOneScreen = 0;
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      for (let y = 0; y < height; y += PHONE.height / 2) {
        await page.evaluate((top) => window.scrollTo(0, top), y);
        let visible = 0;
        for (const button of await buttons.all())
          if ((await button.isVisible()) && (await button.boundingBox())) {
            const box = (await button.boundingBox())!;
            if (box.y + box.height > 0 && box.y < PHONE.height) visible++;
          }
        mostOnOneScreen = Math.max(mostOnOneScreen, visible);
      }
      expect(mostOnOneScreen, built.path).toBe(1);
    }
    await page.context().close();
  }, 300_000);
});
