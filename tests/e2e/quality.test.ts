// Quality gates in a real browser and real validators, on a built fixture served the way the CDN serves it:
// what a visitor sees, accessibility (axe-core), HTML validity (Nu HTML Checker), structured data (Google's
// rules via @adobe/structured-data-validator), page weight and third-party requests, and script injection.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBuild, type BuildRun } from '../helpers/build.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { accessibilityProblems, htmlErrors, structuredDataErrors } from '../helpers/gates.ts';
import { makeFixture, PROJECT_ROOT, type Fixture } from '../helpers/fixture.ts';
import { serveDist, type StaticHost } from '../helpers/static-host.ts';

export const ARTIFACTS = path.join(PROJECT_ROOT, 'tests/artifacts');

/** One page of every template: each item kind, a noindex guide, every hub kind, and the 404 page. */
const SAMPLE = {
  drug: '/acme/wonderdrug/step-therapy/',
  test: '/beta/gene-panel/step-therapy/',
  procedure: '/acme/knee-scope/prior-authorization/',
  noindex: '/beta/wonderdrug/prior-authorization/',
  home: '/',
  payerHub: '/acme/',
  itemHub: '/items/gene-panel/',
  reasonHub: '/reasons/step-therapy/',
  notFound: '/404.html',
} as const;

/**
 * Budgets per page: bytes of the HTML document and of all CSS it loads. JavaScript only where a feature needs it:
 * the deadline calculator on guides (one small module), nothing on hubs and the 404 page.
 */
/** Guides load one script (calculator, checklist, phone bar); hubs one small one (the filter box). */
const BUDGET = {
  html: 64 * 1024,
  css: 16 * 1024,
  jsFilesOnGuides: 1,
  jsBytesOnGuides: 8 * 1024,
  jsFilesOnHubs: 1,
  jsBytesOnHubs: 2 * 1024,
};
const GUIDES = new Set<string>([SAMPLE.drug, SAMPLE.test, SAMPLE.procedure, SAMPLE.noindex]);

let fixture: Fixture;
let build: BuildRun;
let host: StaticHost;
let browser: Browser;

beforeAll(async () => {
  fixture = await makeFixture();
  // Hostile text in every kind of text field: script tags, quotes, an event handler and Unicode direction tricks.
  await fixture.edit('data/items.yaml', (t) =>
    t
      .replace('class: example biologic', `class: 'biologic "><img src=x onerror=alert(3)>'`)
      .replace(
        'specialty: genetics',
        'specialty: genetics \u202Egnp.exe\u202C \u200B<script>alert(4)</script>',
      ),
  );
  await fixture.edit('data/reasons.yaml', (t) =>
    t.replace(
      'hook: Step-therapy denials turn on the record of earlier treatment.',
      'hook: "Step-therapy <script>alert(5)</script> denials turn on \\"records\\"."',
    ),
  );
  build = await runBuild(fixture);
  expect(build.code, build.stderr).toBe(0);
  host = await serveDist(build.outDir);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await host?.close();
  await fixture?.cleanup();
});

interface Visit {
  page: Page;
  status: number;
  requests: { url: string; type: string; bytes: number }[];
  dialogs: string[];
  cspViolations: string[];
  consoleErrors: string[];
}

async function visit(pathname: string, width = 1280, height = 900): Promise<Visit> {
  const context = await browser.newContext({ viewport: { width, height } });
  const page = await context.newPage();
  const requests: Visit['requests'] = [];
  const dialogs: string[] = [];
  const cspViolations: string[] = [];
  const consoleErrors: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('response', async (res) => {
    const body = await res.body().catch(() => Buffer.alloc(0));
    requests.push({ url: res.url(), type: res.request().resourceType(), bytes: body.length });
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __csp: string[] }).__csp ??= [];
      (window as unknown as { __csp: string[] }).__csp.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  const response = await page.goto(host.origin + pathname, { waitUntil: 'load' });
  cspViolations.push(
    ...((await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? [])) as string[]),
  );
  return { page, status: response?.status() ?? 0, requests, dialogs, cspViolations, consoleErrors };
}

describe('what a visitor sees', () => {
  it('the question heading, the angle, the sources and the CTA with its exact URL', async () => {
    const { page } = await visit(SAMPLE.drug);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      'Wonderdrug denied for failing step therapy by Acme "Care" <Plans>?',
    );
    expect(await page.getByRole('heading', { name: 'Why Acme asks for earlier drugs first' }).count()).toBe(
      1,
    );
    expect(await page.locator('.sources li').count()).toBeGreaterThan(0);
    expect(await page.locator('.sources li a').first().getAttribute('href')).toMatch(/^https:\/\//);
    const cta = page.locator('a.cta-button').first();
    expect(await cta.textContent()).toBe('Start my appeal — $30 first letter →');
    expect(await cta.getAttribute('href')).toBe(
      'https://checkout.fixture.example/start?src=site&payer=acme&item=wonderdrug&reason=step-therapy&code=FIX25' +
        '&utm_source=fixture-pages&utm_medium=organic&utm_campaign=fixture-campaign&utm_content=%2Facme%2Fwonderdrug%2Fstep-therapy%2F&cta=top',
    );
    await page.context().close();
  });

  it('breadcrumb and related links navigate to working pages', async () => {
    const { page } = await visit(SAMPLE.drug);
    await page.locator('nav[aria-label="Breadcrumb"] a', { hasText: 'Acme Health' }).click();
    await page.waitForURL(`${host.origin}/acme/`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('denials');
    await page.locator('.hub-list a').first().click();
    await page.waitForURL(`${host.origin}${SAMPLE.drug}`);
    await page
      .locator('nav.related a', { hasText: /^Beta$/ })
      .first()
      .click();
    await page.waitForURL(`${host.origin}/beta/wonderdrug/step-therapy/`);
    await page.context().close();
  });

  it('an unknown path gets the 404 page with status 404', async () => {
    const { page, status } = await visit('/no/such/page/');
    expect(status).toBe(404);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Page not found');
    await page.context().close();
  });

  it('a former slug redirects to the new page, by the host rule and by the fallback page alone', async () => {
    const viaRule = await visit('/acme-health/wonderdrug/step-therapy/');
    expect(viaRule.page.url()).toBe(`${host.origin}${SAMPLE.drug}`);
    await viaRule.page.context().close();
    const noRules = await serveDist(build.outDir, { redirects: false });
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${noRules.origin}/acme/genetic-panel/step-therapy/`);
    await page.waitForURL(`${noRules.origin}/acme/gene-panel/step-therapy/`);
    await context.close();
    await noRules.close();
  });

  it('saves a screenshot of one page of each item kind at 375 px and 1280 px', async () => {
    const dir = path.join(ARTIFACTS, 'screenshots');
    await mkdir(dir, { recursive: true });
    for (const kind of ['drug', 'test', 'procedure'] as const) {
      for (const width of [375, 1280]) {
        const { page } = await visit(SAMPLE[kind], width);
        const file = path.join(dir, `${kind}-${width}.png`);
        await page.screenshot({ path: file, fullPage: true });
        expect((await readFile(file)).length).toBeGreaterThan(1000);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow, `${kind} at ${width}px scrolls sideways`).toBeLessThanOrEqual(0);
        await page.context().close();
      }
    }
  });
});

describe('the visitor page', () => {
  it('on a 375 × 667 phone, the first screen shows the question and the hook, the bar offers the letter, and the deadlines come before any price', async () => {
    const { page } = await visit(SAMPLE.drug, 375, 667);
    for (const selector of ['h1', '.hook']) {
      const box = await page.locator(selector).boundingBox();
      expect(box, selector).not.toBeNull();
      expect(box!.y + box!.height, `${selector} ends below the first screen`).toBeLessThanOrEqual(667 - 68);
    }
    await expect.poll(() => page.locator('.sticky-cta').isVisible()).toBe(true);
    const first = await page.evaluate(() =>
      [...document.querySelectorAll('#deadlines, .cta-block, .price')].map((el) => el.id || el.className),
    );
    expect(first[0]).toBe('deadlines');
    await page.context().close();
  });

  it('has no horizontal scrolling at 320 px', async () => {
    const { page } = await visit(SAMPLE.test, 320, 640);
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
    ).toBeLessThanOrEqual(0);
    await page.context().close();
  });

  it('puts a CTA after the deadlines and one in "What you get" after the free help, each with data attributes for analytics', async () => {
    const { page } = await visit(SAMPLE.drug);
    const ctas = await page
      .locator('a.cta-button')
      .evaluateAll((links) => links.map((a) => ({ ...(a as HTMLElement).dataset })));
    expect(ctas.map((c) => c['ctaPosition'])).toEqual(['top', 'end', 'sticky']);
    for (const cta of ctas)
      expect(cta).toMatchObject({ payer: 'acme', item: 'wonderdrug', reason: 'step-therapy' });
    const order = await page.evaluate(() =>
      ['#deadlines', '.cta-top', '#angle', '#free-help', '.cta-end', '#sources-heading'].map((s) =>
        [...document.querySelectorAll('*')].indexOf(document.querySelector(s)!),
      ),
    );
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    // The offer shows the list price struck through; the code is applied at checkout, not printed.
    expect(await page.locator('.cta-end .price s').textContent()).toBe('$40');
    expect(await page.locator('.cta-end .price').textContent()).toContain(
      '$30 for your first letter, applied at checkout',
    );
    await page.context().close();
  });

  it('shows the sticky CTA bar on phones except while an in-page button is on screen, never over the end of the page', async () => {
    const phone = await visit(SAMPLE.drug, 375, 667);
    const bar = phone.page.locator('.sticky-cta');
    await phone.page.locator('.cta-end').evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await expect.poll(() => bar.isVisible()).toBe(false);
    await phone.page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await expect.poll(() => bar.isVisible()).toBe(true);
    const footer = await phone.page.locator('.site-footer p').last().boundingBox();
    const box = await bar.boundingBox();
    expect(footer!.y + footer!.height).toBeLessThanOrEqual(box!.y);
    await phone.page.context().close();
    const desktop = await visit(SAMPLE.drug, 1280);
    await desktop.page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    expect(await desktop.page.locator('.sticky-cta').isVisible()).toBe(false);
    await desktop.page.context().close();
  });

  it("prints the documents-to-gather checklist (the angle's own list) on its own", async () => {
    const { page } = await visit(SAMPLE.test);
    expect(await page.locator('.checklist li').allTextContents()).toEqual([
      'The pathology report',
      'Results of any single-gene test already done',
      "The treating doctor's letter on why the panel is needed",
    ]);
    await page.evaluate(() => {
      window.print = () => undefined;
    });
    await page.getByRole('button', { name: 'Print this checklist' }).click();
    expect(await page.evaluate(() => document.documentElement.classList.contains('print-checklist'))).toBe(
      true,
    );
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.checklist li').first().isVisible()).toBe(true);
    expect(await page.locator('h1').isVisible()).toBe(false);
    expect(await page.locator('.cta-block').first().isVisible()).toBe(false);
    await page.context().close();
  });

  it('shows "last reviewed" under the title and a table of contents on a long page', async () => {
    const { page } = await visit(SAMPLE.drug);
    expect(await page.locator('h1 + .review').textContent()).toMatch(/^Last reviewed \d{4}-\d{2}-\d{2} by /);
    const toc = page.getByRole('navigation', { name: 'On this page' });
    expect(await toc.count()).toBe(1);
    for (const href of await toc.locator('a').evaluateAll((a) => a.map((x) => x.getAttribute('href')!)))
      expect(await page.locator(href).count(), href).toBe(1);
    await page.context().close();
  });

  it('passes the accessibility check in the dark colour scheme too', async () => {
    const { page } = await visit(SAMPLE.drug);
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.context().close();
  });
});

describe('deadline calculator', () => {
  /** A guide with its calculator opened, as a reader opens it. */
  async function visitCalculator(pathname: string) {
    const visited = await visit(pathname);
    await visited.page.getByRole('link', { name: 'Work out my deadlines' }).click();
    return visited;
  }
  const firstRow = (page: Page) => page.locator('.calculator-result li').first();
  const rowText = (page: Page, label: string) =>
    page.locator('.calculator-result li', { hasText: label }).first().textContent();

  it('counts an employer plan’s internal appeal from the letter and external review only from the final denial', async () => {
    const { page } = await visitCalculator(SAMPLE.drug);
    await page.getByLabel('Your plan type').selectOption('Employer plan, insured or self-funded');
    await page.getByLabel('Date on the notice').fill('2026-01-31');
    await expect(firstRow(page).textContent()).resolves.toContain(
      'File the internal appeal: by July 30, 2026',
    );
    // Each line links its rule's source directly.
    expect(await firstRow(page).locator('a').getAttribute('href')).toBe(
      'https://www.ecfr.gov/current/title-29/section-2560.503-1',
    );
    // No final-denial date yet: the external review deadline is not guessed from the first letter.
    await expect(rowText(page, 'external review')).resolves.toContain('enter that date to work it out');
    await page.getByLabel('Date on that decision').fill('2026-10-30');
    await expect(rowText(page, 'external review')).resolves.toContain('by March 1, 2027');
    await page.getByLabel('Date on that decision').fill('2026-03-18');
    await expect(rowText(page, 'external review')).resolves.toContain(
      'by July 18, 2026 (a weekend or federal holiday, so the rule moves it to July 20, 2026)',
    );
    await expect(rowText(page, 'urgent appeal')).resolves.toContain('within 72 hours');
    await page.context().close();
  });

  it('offers every plan line the payer runs for this item, with Part D counted from the date on the notice', async () => {
    const { page } = await visitCalculator(SAMPLE.drug);
    const options = await page.getByLabel('Your plan type').locator('option').allTextContents();
    expect(options).toEqual([
      'Employer plan, insured or self-funded',
      'Medicare Part D drug plan',
      'Medicaid managed care plan',
      'Federal employee plan (FEHB)',
      'Not sure',
    ]);
    await page.getByLabel('Your plan type').selectOption('Medicare Part D drug plan');
    await page.getByLabel('Date on the notice').fill('2026-01-31');
    await expect(firstRow(page).textContent()).resolves.toContain('by April 6, 2026');
    await page.getByLabel('Your plan type').selectOption('Not sure');
    expect(await page.locator('.calculator-result h3').allTextContents()).toEqual(options.slice(0, -1));
    await expect(page.locator('.calculator-result').textContent()).resolves.toContain('You have Medicare');
    await page.context().close();
  });

  it('flags a date that has passed and explains dates that cannot be right', async () => {
    const { page } = await visitCalculator(SAMPLE.drug);
    await page.getByLabel('Date on the notice').fill('2020-01-02');
    await expect(firstRow(page).textContent()).resolves.toContain('This date has passed');
    await page.getByLabel('Day you received it, if later').first().fill('2019-12-01');
    await expect(page.locator('.calculator-problems').textContent()).resolves.toContain(
      'cannot be before the date on it',
    );
    await page.context().close();
  });

  it('opens on the reader’s request, so nothing on the page shifts while it loads', async () => {
    const { page } = await visit(SAMPLE.drug, 375, 667);
    expect(await page.locator('form[data-calculator]').isVisible()).toBe(false);
    const shifts = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          let total = 0;
          new PerformanceObserver((list) => {
            for (const entry of list.getEntries() as (PerformanceEntry & {
              value: number;
              hadRecentInput: boolean;
            })[])
              if (!entry.hadRecentInput) total += entry.value;
          }).observe({ type: 'layout-shift', buffered: true });
          setTimeout(() => resolve(total), 500);
        }),
    );
    expect(shifts).toBeLessThan(0.01);
    await page.getByRole('link', { name: 'Work out my deadlines' }).click();
    expect(await page.locator('form[data-calculator]').isVisible()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('plan');
    await page.context().close();
  });

  it('without JavaScript, hides the form and links to the payer’s tables of rules, which show every plan line', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(host.origin + SAMPLE.drug);
    expect(await page.locator('form[data-calculator]').isVisible()).toBe(false);
    await page.locator('section.deadlines a', { hasText: 'appeal deadlines' }).click();
    await page.waitForURL(`${host.origin}/acme/#deadlines`);
    const tables = page.locator('table.deadline-rules');
    expect(await tables.count()).toBe(5);
    expect(await tables.first().textContent()).toContain('180 calendar days');
    expect(await page.locator('section.deadlines h3').allTextContents()).toEqual([
      'Employer plan, insured or self-funded',
      'Medicare Advantage plan',
      'Medicare Part D drug plan',
      'Medicaid managed care plan',
      'Federal employee plan (FEHB)',
    ]);
    await context.close();
  });
});

describe('accessibility (axe-core)', () => {
  it.each(Object.entries(SAMPLE))('%s has no serious or critical violations', async (_kind, pathname) => {
    const { page } = await visit(pathname);
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.context().close();
  });

  it('fails a page with a skipped heading level and an image without alt text', async () => {
    const { page } = await visit(SAMPLE.drug);
    await page.evaluate(() => {
      const h = document.createElement('h5');
      h.textContent = 'Skipped levels';
      document.querySelector('h1')!.after(h);
      const img = document.createElement('img');
      img.src = 'data:image/gif;base64,R0lGODlhAQABAAAAACw=';
      document.querySelector('article')!.append(img);
    });
    const problems = await accessibilityProblems(page);
    expect(problems.some((p) => p.startsWith('heading-order'))).toBe(true);
    expect(problems.some((p) => p.startsWith('image-alt'))).toBe(true);
    await page.context().close();
  });
});

describe('HTML validity (Nu HTML Checker)', () => {
  const fileOf = (pathname: string) =>
    path.join(build.outDir, pathname.endsWith('/') ? path.join(pathname, 'index.html') : pathname);

  it('every sampled template and hub validates with zero errors', async () => {
    const files = [...Object.values(SAMPLE).map(fileOf), path.join(build.outDir, 'acme-health/index.html')];
    expect(await htmlErrors(files)).toEqual([]);
  }, 120_000);

  it('reports an error for broken markup', async () => {
    const broken = path.join(fixture.root, 'broken.html');
    const html = await readFile(fileOf(SAMPLE.drug), 'utf8');
    await writeFile(
      broken,
      html.replace('<main id="main">', '<main id="main"><p><div>block in paragraph</p></div>'),
    );
    expect((await htmlErrors([broken])).length).toBeGreaterThan(0);
  }, 120_000);
});

describe('structured data', () => {
  it.each(Object.entries(SAMPLE).filter(([kind]) => kind !== 'notFound'))(
    '%s: every JSON-LD block parses and passes Google’s rules',
    async (_kind, pathname) => {
      const html = await (await fetch(host.origin + pathname)).text();
      expect(html.match(/application\/ld\+json/g)?.length).toBe(3);
      expect(await structuredDataErrors(html)).toEqual([]);
    },
  );

  it('fails a breadcrumb whose items lost their names', async () => {
    const html = await (await fetch(host.origin + SAMPLE.drug)).text();
    const broken = html.replace(/("@type":"ListItem","position":\d+),"name":"[^"]*"/g, '$1');
    expect((await structuredDataErrors(broken)).length).toBeGreaterThan(0);
  });
});

describe('page weight and requests', () => {
  it.each(Object.entries(SAMPLE))(
    '%s stays within budget and requests nothing from another host',
    async (_kind, pathname) => {
      const { page, requests } = await visit(pathname);
      const doc = requests.find((r) => r.type === 'document')!;
      const css = requests.filter((r) => r.type === 'stylesheet').reduce((sum, r) => sum + r.bytes, 0);
      const js = requests.filter((r) => r.type === 'script');
      expect(doc.bytes).toBeLessThanOrEqual(BUDGET.html);
      expect(css).toBeLessThanOrEqual(BUDGET.css);
      const guide = GUIDES.has(pathname);
      expect(js.length).toBe(
        guide ? BUDGET.jsFilesOnGuides : pathname === SAMPLE.notFound ? 0 : BUDGET.jsFilesOnHubs,
      );
      expect(js.reduce((sum, r) => sum + r.bytes, 0)).toBeLessThanOrEqual(
        guide ? BUDGET.jsBytesOnGuides : BUDGET.jsBytesOnHubs,
      );
      expect(requests.filter((r) => !r.url.startsWith(host.origin) && !r.url.startsWith('data:'))).toEqual(
        [],
      );
      await page.context().close();
    },
  );
});

describe('security', () => {
  it.each(Object.entries(SAMPLE))(
    '%s runs no injected script and violates no CSP rule from _headers',
    async (_kind, pathname) => {
      const { page, dialogs, cspViolations, consoleErrors } = await visit(pathname);
      await page.waitForTimeout(100);
      expect(dialogs).toEqual([]);
      expect(cspViolations).toEqual([]);
      expect(consoleErrors.filter((m) => /Content Security Policy|Refused/.test(m))).toEqual([]);
      // Only data blocks and same-origin module files: no inline executable script, no handler attributes.
      const scripts = await page.locator('script').evaluateAll((nodes) =>
        nodes.map((n) => ({
          type: n.getAttribute('type'),
          src: n.getAttribute('src'),
          inline: (n.textContent ?? '').trim().length > 0,
        })),
      );
      for (const s of scripts) {
        const data = s.type === 'application/ld+json' || s.type === 'application/json';
        expect(
          data || (s.type === 'module' && s.src?.startsWith('/_astro/') && !s.inline),
          JSON.stringify(s),
        ).toBe(true);
      }
      expect(await page.locator('img[onerror]').count()).toBe(0);
      await page.context().close();
    },
  );

  it('hostile text shows as text', async () => {
    // The drug page's angle has no hook of its own, so the reason's (hostile) hook opens it.
    const { page } = await visit(SAMPLE.drug);
    expect(await page.locator('p.hook').textContent()).toBe(
      'Step-therapy <script>alert(5)</script> denials turn on "records".',
    );
    const response = await fetch(host.origin + SAMPLE.drug);
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    await page.context().close();
  });
});
