// The search-engine layer, read from a built fixture: links, sitemaps, robots, structured data, redirects,
// host files and escaping.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBuild, type BuildRun } from '../helpers/build.ts';
import {
  internalLinks,
  isRedirectStub,
  jsonLdBlocks,
  meta,
  readBuiltPages,
  type BuiltPage,
} from '../helpers/dist.ts';
import { makeFixture, type Fixture } from '../helpers/fixture.ts';

let fixture: Fixture;
let build: BuildRun;
let pages: BuiltPage[];
const byPath = (p: string) => pages.find((page) => page.path === p)!;
const content = (pagesList: BuiltPage[]) => pagesList.filter((p) => !isRedirectStub(p));

beforeAll(async () => {
  fixture = await makeFixture();
  build = await runBuild(fixture);
  pages = await readBuiltPages(build.outDir);
});
afterAll(async () => {
  await fixture.cleanup();
});

describe('links', () => {
  it('build succeeded', () => {
    expect(build.code, build.stderr).toBe(0);
  });

  it('every internal link resolves to a built page or a redirect', () => {
    const built = new Set(pages.map((p) => p.path));
    const broken = pages.flatMap((p) =>
      internalLinks(p)
        .filter((href) => !built.has(href))
        .map((href) => `${p.path} → ${href}`),
    );
    expect(broken).toEqual([]);
  });

  it('every indexable page is reachable from home in at most three clicks', () => {
    const depth = new Map<string, number>([['/', 0]]);
    let frontier = ['/'];
    for (let d = 1; d <= 3; d++) {
      frontier = frontier.flatMap((p) =>
        internalLinks(byPath(p)).filter((href) => !depth.has(href) && depth.set(href, d)),
      );
    }
    const indexable = content(pages).filter((p) => meta(p, 'robots') === 'index, follow');
    expect(indexable.length).toBeGreaterThan(5);
    expect(indexable.filter((p) => !depth.has(p.path)).map((p) => p.path)).toEqual([]);
  });

  it('links each guide to siblings: same payer and item, and same item and reason at other payers', () => {
    const page = byPath('/acme/wonderdrug/step-therapy/');
    const links = internalLinks(page);
    expect(links).toContain('/acme/wonderdrug/prior-authorization/');
    expect(links).toContain('/beta/wonderdrug/step-therapy/');
  });
});

describe('sitemaps and robots', () => {
  it('the sitemap lists exactly the indexable pages and hubs, with lastmod from review dates', async () => {
    const index = await readFile(path.join(build.outDir, 'sitemap-index.xml'), 'utf8');
    const sitemapFiles = [...index.matchAll(/<loc>https:\/\/fixture\.example\/([^<]+)<\/loc>/g)].map(
      (m) => m[1]!,
    );
    expect(sitemapFiles).toEqual(['sitemap-0.xml']);
    const xml = await readFile(path.join(build.outDir, 'sitemap-0.xml'), 'utf8');
    const urls = [...xml.matchAll(/<loc>https:\/\/fixture\.example([^<]+)<\/loc>/g)].map((m) => m[1]!).sort();
    const indexable = content(pages)
      .filter((p) => meta(p, 'robots') === 'index, follow')
      .map((p) => p.path)
      .sort();
    expect(urls).toEqual(indexable);
    expect(urls).toContain('/acme/wonderdrug/step-therapy/');
    expect(urls).toContain('/beta/gene-panel/step-therapy/');
    expect(urls).not.toContain('/acme/wonderdrug/prior-authorization/');
    expect(xml).toContain(
      '<loc>https://fixture.example/acme/wonderdrug/step-therapy/</loc><lastmod>2026-11-01</lastmod>',
    );
    // Layered page: the newer of its two angles (2026-11-02 and 2026-11-03) dates it.
    expect(xml).toContain(
      '<loc>https://fixture.example/beta/gene-panel/step-therapy/</loc><lastmod>2026-11-03</lastmod>',
    );
    expect(xml).not.toMatch(/T\d\d:\d\d/);
  });

  it('robots.txt points at the sitemap index', async () => {
    const robots = await readFile(path.join(build.outDir, 'robots.txt'), 'utf8');
    expect(robots).toContain('Sitemap: https://fixture.example/sitemap-index.xml');
  });
});

describe('per-page metadata', () => {
  it('every page has lang, one H1, canonical with trailing slash, description, OG and Twitter tags, JSON-LD and a breadcrumb', () => {
    for (const page of content(pages).filter((p) => p.path !== '/404.html')) {
      const where = page.path;
      expect(page.dom.querySelector('html')?.getAttribute('lang'), where).toBe('en-US');
      expect(page.dom.querySelectorAll('h1'), where).toHaveLength(1);
      expect(page.dom.querySelector('link[rel="canonical"]')?.getAttribute('href'), where).toBe(
        `https://fixture.example${page.path}`,
      );
      expect(meta(page, 'description'), where).toBeTruthy();
      expect(meta(page, 'og:title'), where).toBe(page.dom.querySelector('title')?.text);
      expect(meta(page, 'og:url'), where).toBe(`https://fixture.example${page.path}`);
      expect(meta(page, 'twitter:card'), where).toBe('summary_large_image');
      expect(
        jsonLdBlocks(page).map((b) => b.data['@type']),
        where,
      ).toEqual(['MedicalWebPage', 'BreadcrumbList', 'Organization']);
      if (page.path !== '/')
        expect(page.dom.querySelector('nav[aria-label="Breadcrumb"]'), where).not.toBeNull();
    }
  });

  it("every page shows its kind's social card: a 1200 × 630 PNG on the site, one file per kind, not per page", async () => {
    const cards = new Map<string, string[]>();
    for (const page of content(pages)) {
      const image = meta(page, 'og:image');
      expect(image, page.path).toMatch(/^https:\/\/fixture\.example\/social\/[a-z]+\.png$/);
      expect(meta(page, 'og:image:alt'), page.path).toMatch(/^FixtureHelp: \S/);
      cards.set(image!, [...(cards.get(image!) ?? []), page.path]);
    }
    for (const image of cards.keys()) {
      const png = await readFile(path.join(build.outDir, new URL(image).pathname));
      // The PNG signature, then the IHDR chunk's width and height.
      expect(png.subarray(1, 4).toString('latin1'), image).toBe('PNG');
      expect([png.readUInt32BE(16), png.readUInt32BE(20)], image).toEqual([1200, 630]);
    }
    expect(cards.size).toBeLessThanOrEqual(8);
    expect(cards.get('https://fixture.example/social/guide.png')?.length).toBe(
      content(pages).filter((p) => p.path.split('/').length === 5).length,
    );
  });

  it('JSON-LD is MedicalWebPage, BreadcrumbList and the publishing Organization; the breadcrumb matches the visible one; no FAQ or HowTo', () => {
    const page = byPath('/acme/wonderdrug/step-therapy/');
    const [web, crumbs, org] = jsonLdBlocks(page).map((b) => b.data);
    // The publisher, with the business facts site.yaml sets (and none it leaves unset).
    expect(org).toEqual({
      '@context': 'https://schema.org',
      '@type': 'Organization',
      '@id': 'https://fixture.example/#organization',
      name: 'Fixture Publisher',
      url: 'https://fixture.example/',
      legalName: 'Fixture Help Ltd.',
      address: '1 Example Street, Exampleton',
      email: 'help@fixture.example',
    });
    expect(web!['publisher']).toEqual({ '@id': 'https://fixture.example/#organization' });
    expect(web).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'MedicalWebPage',
      url: 'https://fixture.example/acme/wonderdrug/step-therapy/',
      about: { '@type': 'Drug', name: 'Wonderdrug', nonProprietaryName: 'mirabilimab' },
      lastReviewed: '2026-11-01',
      reviewedBy: { '@type': 'Organization', name: 'Fixture editorial desk' },
    });
    const citations = web!['citation'] as { name: string; url: string }[];
    expect(citations.length).toBeGreaterThan(1);
    expect(citations.every((c) => c.url.startsWith('https://'))).toBe(true);
    expect(crumbs!['@type']).toBe('BreadcrumbList');
    const listed = (crumbs!['itemListElement'] as { name: string; item: string }[]).map((c) => c.name);
    const visible = page.dom.querySelectorAll('nav[aria-label="Breadcrumb"] li').map((li) => li.text.trim());
    expect(listed).toEqual(visible);
    expect(visible).toEqual([
      'Home',
      'Acme Health </script><script>alert(1)</script>',
      'Wonderdrug: Step therapy',
    ]);
    for (const p of pages) expect(p.html).not.toMatch(/FAQPage|HowTo/);
    expect(jsonLdBlocks(byPath('/acme/gene-panel/step-therapy/'))[0]!.data['about']).toEqual({
      '@type': 'MedicalTest',
      name: 'Gene panel',
    });
    expect(jsonLdBlocks(byPath('/beta/knee-scope/prior-authorization/'))[0]!.data['about']).toMatchObject({
      '@type': 'MedicalProcedure',
    });
  });

  it('a name with </script><script> and quotes is escaped in HTML, attributes and JSON-LD', () => {
    const page = byPath('/acme/');
    expect(page.html).not.toContain('<script>alert(1)</script>');
    for (const block of jsonLdBlocks(page)) {
      expect(block.raw).not.toMatch(/<\/script|<script/i);
    }
    const crumbs = jsonLdBlocks(byPath('/acme/wonderdrug/step-therapy/'))[1]!.data['itemListElement'] as {
      name: string;
    }[];
    expect(crumbs[1]!.name).toBe('Acme Health </script><script>alert(1)</script>');
    expect(byPath('/acme/wonderdrug/step-therapy/').html).toContain(
      'content="Wonderdrug denied for failing step therapy by Acme &quot;Care&quot; &lt;Plans&gt;?"',
    );
    const scripts = pages.flatMap((p) => p.dom.querySelectorAll('script'));
    // Data blocks, or the calculator's same-origin module file; never inline executable script.
    const allowed = (s: (typeof scripts)[number]) =>
      ['application/ld+json', 'application/json'].includes(s.getAttribute('type') ?? '') ||
      (s.getAttribute('type') === 'module' &&
        s.getAttribute('src')?.startsWith('/_astro/') === true &&
        !s.rawText.trim());
    expect(scripts.filter((s) => !allowed(s)).map((s) => s.toString())).toEqual([]);
  });

  it('shows reviewer, sources, disclaimer and publisher on every guide', () => {
    const page = byPath('/acme/wonderdrug/step-therapy/');
    expect(page.dom.querySelector('.review')?.text).toContain(
      'Last reviewed 2026-11-01 by Fixture editorial desk',
    );
    expect(page.dom.querySelectorAll('.sources li').length).toBeGreaterThan(1);
    expect(page.dom.querySelector('.disclaimer')?.text).toBe('Not legal or medical advice.');
    expect(page.dom.querySelector('.site-footer')?.text).toContain('Published by Fixture Publisher.');
  });
});

describe('hubs', () => {
  it('builds home, payer, item and reason hubs listing their indexable guides by name, grouped', () => {
    const expected = [
      '/',
      '/acme/',
      '/beta/',
      '/items/wonderdrug/',
      '/items/gene-panel/',
      '/items/knee-scope/',
      '/reasons/step-therapy/',
      '/reasons/prior-authorization/',
    ];
    for (const hub of expected) expect(byPath(hub), hub).toBeDefined();
    const acme = byPath('/acme/');
    const listed = acme.dom.querySelectorAll('.hub-list a').map((a) => a.getAttribute('href'));
    expect(listed).toEqual(['/acme/wonderdrug/step-therapy/']);
    // On a payer hub the guides sit under their item's kind, the group names the item and the link the reason;
    // home's hub links keep a summary.
    expect(acme.dom.querySelector('.hub-list')?.closest('section')?.querySelector('h2')?.text).toBe('Drugs');
    expect(acme.dom.querySelector('.hub-list')?.previousElementSibling?.text).toBe('Wonderdrug');
    expect(acme.dom.querySelector('.hub-list a')?.text).toBe('Step therapy');
    expect(byPath('/').dom.querySelector('.hub-list p')?.text.length).toBeGreaterThan(20);
    expect(meta(byPath('/items/knee-scope/'), 'robots')).toBe('index, follow');
    expect(meta(byPath('/reasons/prior-authorization/'), 'robots')).toBe('index, follow');
  });
});

describe('redirects and 404', () => {
  it('writes a permanent redirect from every old URL of a former slug, in _redirects and as fallback pages', async () => {
    const redirects = (await readFile(path.join(build.outDir, '_redirects'), 'utf8')).trim().split('\n');
    expect(redirects).toContain('/acme-health/ /acme/ 301');
    expect(redirects).toContain('/acme-health/wonderdrug/step-therapy/ /acme/wonderdrug/step-therapy/ 301');
    expect(redirects).toContain('/acme/genetic-panel/step-therapy/ /acme/gene-panel/step-therapy/ 301');
    expect(redirects).toContain(
      '/acme-health/genetic-panel/prior-authorization/ /acme/gene-panel/prior-authorization/ 301',
    );
    expect(redirects).toContain('/items/genetic-panel/ /items/gene-panel/ 301');
    // payer hub; 5 acme pages under the old payer slug; 2 more with both old slugs; 2 acme and 2 beta gene-panel
    // pages under the old item slug; the item hub.
    expect(redirects).toHaveLength(1 + 5 + 2 + 2 + 2 + 1);
    const stub = byPath('/acme-health/wonderdrug/step-therapy/');
    expect(isRedirectStub(stub)).toBe(true);
    expect(stub.dom.querySelector('meta[http-equiv="refresh"]')?.getAttribute('content')).toBe(
      '0; url=/acme/wonderdrug/step-therapy/',
    );
    expect(meta(stub, 'robots')).toBe('noindex');
  });

  it('has a 404 page', () => {
    expect(byPath('/404.html').dom.querySelector('h1')?.text).toBe('Page not found');
  });

  it('writes _headers with immutable caching for hashed assets, short caching for HTML and security headers', async () => {
    const headers = await readFile(path.join(build.outDir, '_headers'), 'utf8');
    expect(headers).toMatch(
      /\/_astro\/\*\n {2}! Cache-Control\n {2}Cache-Control: public, max-age=31536000, immutable/,
    );
    expect(headers).toMatch(/\/\*\n {2}Cache-Control: public, max-age=0, must-revalidate/);
    expect(headers).toContain(
      "Content-Security-Policy: default-src 'self'; script-src 'self'; style-src 'self'",
    );
    expect(headers).toContain('X-Content-Type-Options: nosniff');
    expect(headers).toContain('Referrer-Policy: strict-origin-when-cross-origin');
    const styles = pages.flatMap((p) => p.dom.querySelectorAll('style, [style]'));
    expect(styles).toEqual([]);
  });
});
