import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { headersFile, redirectPage, redirectsFile, writeSitemaps } from '../../src/generator/host-files.ts';
import type { Site } from '../../src/schema/index.ts';

const site = {
  origin: 'https://example.org',
  locale: 'en-US',
  deploy: { host: 'cloudflare-pages' },
  analytics: { provider: 'none' },
} as Site;
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'sitemaps-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('writeSitemaps', () => {
  it('splits into files of at most the chunk size, sorted, with an index whose lastmod is each file’s newest', async () => {
    const entries = [
      { path: '/c/', lastmod: '2026-10-01' },
      { path: '/a/', lastmod: '2026-11-01' },
      { path: '/b/' },
      { path: '/d/', lastmod: '2026-09-01' },
      { path: '/e/', lastmod: '2026-08-01' },
    ];
    const files = await writeSitemaps(dir, site, entries, 2);
    expect(files).toEqual(['sitemap-index.xml', 'sitemap-0.xml', 'sitemap-1.xml', 'sitemap-2.xml']);
    const first = await readFile(path.join(dir, 'sitemap-0.xml'), 'utf8');
    expect([...first.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1])).toEqual([
      'https://example.org/a/',
      'https://example.org/b/',
    ]);
    const index = await readFile(path.join(dir, 'sitemap-index.xml'), 'utf8');
    expect(index).toContain('<loc>https://example.org/sitemap-0.xml</loc><lastmod>2026-11-01</lastmod>');
    expect(index).toContain('<loc>https://example.org/sitemap-2.xml</loc><lastmod>2026-08-01</lastmod>');
  });

  it('is byte-identical across runs', async () => {
    const entries = [{ path: '/a/', lastmod: '2026-11-01' }];
    await writeSitemaps(dir, site, entries);
    const once = await readFile(path.join(dir, 'sitemap-0.xml'));
    await writeSitemaps(dir, site, entries);
    expect(await readFile(path.join(dir, 'sitemap-0.xml'))).toEqual(once);
  });
});

describe('host files', () => {
  it('_redirects lines are "from to 301", forced with "!" on Netlify where a fallback file exists', () => {
    expect(redirectsFile([{ from: '/old/', to: '/new/' }], 'cloudflare-pages')).toBe('/old/ /new/ 301\n');
    expect(redirectsFile([{ from: '/old/', to: '/new/' }], 'netlify')).toBe('/old/ /new/ 301!\n');
  });
  it('the fallback page refreshes to the new URL, is canonical to it and is noindex', () => {
    const html = redirectPage(site, { from: '/old/', to: '/new/' });
    expect(html).toContain('<meta http-equiv="refresh" content="0; url=/new/">');
    expect(html).toContain('<link rel="canonical" href="https://example.org/new/">');
    expect(html).toContain('<meta name="robots" content="noindex">');
  });
  it('_headers uses Cloudflare’s detach syntax only for Cloudflare Pages', () => {
    expect(headersFile(site)).toContain('! Cache-Control');
    const netlify = headersFile({ ...site, deploy: { host: 'netlify' } });
    expect(netlify).not.toContain('! Cache-Control');
    expect(netlify.match(/Cache-Control/g)).toHaveLength(1);
  });
});
