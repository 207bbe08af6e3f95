// The quality gates on the real site: `data/` of this checkout is built, and a deterministic sample of at least 60
// pages covering every kind of page (see helpers/sample.ts, printed below) goes through the Nu HTML Checker, axe-core
// in a real browser, and Google's structured-data rules. Internal links, fragment targets and the HTML budget are
// checked on every page of the build, since they are cheap.
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkSite, type CheckedSite } from '../../src/plan/check-site.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { buildRealSite, REAL_BUILD_DIR } from '../helpers/build.ts';
import {
  internalLinks,
  isRedirectStub,
  jsonLdBlocks,
  readBuiltPages,
  type BuiltPage,
} from '../helpers/dist.ts';
import { PROJECT_ROOT } from '../helpers/fixture.ts';
import { accessibilityProblems, htmlErrors, structuredDataErrors } from '../helpers/gates.ts';
import { samplePages, type SampledPage } from '../helpers/sample.ts';
import { serveDist, type StaticHost } from '../helpers/static-host.ts';

/** Bytes per page: the HTML document everywhere; CSS and JavaScript as the browser loads them on the sample. */
const BUDGET = { html: 64 * 1024, css: 16 * 1024, jsBytes: 8 * 1024 };
const SAMPLE_SIZE = 60;

let site: CheckedSite;
let pages: BuiltPage[];
let sample: SampledPage[];
let host: StaticHost;
let browser: Browser;

const fileOf = (pathname: string) =>
  path.join(REAL_BUILD_DIR, pathname.endsWith('/') ? path.join(pathname, 'index.html') : pathname);

beforeAll(async () => {
  const build = await buildRealSite();
  expect(build.code, build.stderr + build.stdout).toBe(0);
  site = (await checkSite({ root: PROJECT_ROOT })).site!;
  pages = await readBuiltPages(REAL_BUILD_DIR);
  sample = samplePages(site, pages, SAMPLE_SIZE);
  console.log(
    `real-build sample (${sample.length} pages):\n${sample.map((s) => `  ${s.page.path}  (${s.why})`).join('\n')}`,
  );
  host = await serveDist(REAL_BUILD_DIR);
  browser = await launchBrowser();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await host?.close();
});

describe('the sample of the real build', () => {
  it('has at least 60 pages and one of every kind', () => {
    expect(sample.length).toBeGreaterThanOrEqual(SAMPLE_SIZE);
    const reasons = sample.flatMap((s) => s.why.split('; '));
    for (const kind of new Set(site.data.items.map((i) => i.kind)))
      expect(reasons).toContain(`a ${kind} page`);
    for (const wanted of ['home', '404 page', 'hub /{slug}/', 'hub /items/{slug}/', 'hub /reasons/{slug}/'])
      expect(reasons).toContain(wanted);
    expect(reasons.filter((r) => r.startsWith('plan lines ')).length).toBe(
      new Set(site.data.payers.map((p) => p.planLines.join(' '))).size,
    );
    expect(reasons.some((r) => r.startsWith('full angle'))).toBe(true);
  });
});

describe('quality gates on the sample', () => {
  it('the Nu HTML Checker finds no errors', async () => {
    const files = sample.map((s) => fileOf(s.page.path));
    const byFile = new Map(files.map((file, i) => [`file:${file}`, sample[i]!.page.path]));
    expect(await htmlErrors(files, (url) => byFile.get(url) ?? url)).toEqual([]);
  }, 300_000);

  it('axe finds no violations, and each page stays within its CSS and JavaScript budget', async () => {
    const problems: string[] = [];
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    for (const { page: built } of sample) {
      const page = await context.newPage();
      const loaded: { type: string; bytes: number; url: string }[] = [];
      page.on('response', async (res) => {
        const body = await res.body().catch(() => Buffer.alloc(0));
        loaded.push({ type: res.request().resourceType(), bytes: body.length, url: res.url() });
      });
      await page.goto(host.origin + built.path, { waitUntil: 'load' });
      for (const problem of await accessibilityProblems(page)) problems.push(`${built.path}: ${problem}`);
      const bytes = (type: string) => loaded.filter((r) => r.type === type).reduce((n, r) => n + r.bytes, 0);
      if (bytes('stylesheet') > BUDGET.css) problems.push(`${built.path}: CSS ${bytes('stylesheet')} bytes`);
      if (bytes('script') > BUDGET.jsBytes)
        problems.push(`${built.path}: JavaScript ${bytes('script')} bytes`);
      for (const r of loaded.filter((r) => !r.url.startsWith(host.origin)))
        problems.push(`${built.path}: requested ${r.url} from another host`);
      await page.close();
    }
    await context.close();
    expect(problems).toEqual([]);
  }, 600_000);

  it('every JSON-LD block passes Google’s structured-data rules', async () => {
    const problems: string[] = [];
    for (const { page } of sample) {
      if (!jsonLdBlocks(page).length) continue;
      for (const error of await structuredDataErrors(page.html)) problems.push(`${page.path}: ${error}`);
    }
    expect(problems).toEqual([]);
    expect(sample.filter((s) => jsonLdBlocks(s.page).length).length).toBeGreaterThan(SAMPLE_SIZE / 2);
  });
});

describe('every page of the real build', () => {
  it('every internal link and fragment points at a page and an id that exist', async () => {
    const ids = new Map(pages.map((p) => [p.path, new Set(p.dom.querySelectorAll('[id]').map((e) => e.id))]));
    const broken = new Set<string>();
    for (const page of pages.filter((p) => !isRedirectStub(p))) {
      for (const a of page.dom.querySelectorAll('a[href^="#"]'))
        if (!ids.get(page.path)!.has(a.getAttribute('href')!.slice(1)))
          broken.add(`${page.path}: ${a.getAttribute('href')}`);
      for (const href of internalLinks(page)) {
        if (ids.has(href)) continue;
        const exists = await stat(fileOf(href)).then(
          (s) => s.isFile(),
          () => false,
        );
        if (!exists) broken.add(`${page.path} → ${href}`);
      }
    }
    expect([...broken].slice(0, 20)).toEqual([]);
  });

  it('every HTML document is within its byte budget', () => {
    const over = pages
      .filter((p) => Buffer.byteLength(p.html) > BUDGET.html)
      .map((p) => `${p.path}: ${Buffer.byteLength(p.html)} bytes`);
    expect(over).toEqual([]);
  });
});
