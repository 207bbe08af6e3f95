// Builds the fixture site with Astro through `npm run build`'s entry point and reads the output.
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBuild, type BuildRun } from '../helpers/build.ts';
import { makeFixture, type Fixture } from '../helpers/fixture.ts';

let fixture: Fixture;
let build: BuildRun;
const page = (p: string) => readFile(path.join(build.outDir, p, 'index.html'), 'utf8');

beforeAll(async () => {
  fixture = await makeFixture();
  build = await runBuild(fixture);
});
afterAll(async () => {
  await fixture.cleanup();
});

describe('fixture build', () => {
  it('succeeds and prints a summary with counts and reasons', () => {
    expect(build.code, build.stderr).toBe(0);
    expect(build.stdout).toMatch(/pages written\s+10 \(3 indexable, 7 noindex\) \+ 19 hubs/);
    expect(build.stdout).toMatch(/not built\s+2 \(0 by index policy, 2 inapplicable\)/);
    expect(build.stdout).toContain('inapplicable: step-therapy does not apply to a procedure');
  });

  it('writes exactly the combination pages that apply', async () => {
    const entries = (await readdir(build.outDir, { recursive: true })).map((e) =>
      e.split(path.sep).join('/'),
    );
    const pages: string[] = [];
    for (const e of entries.filter((f) => /^[^/]+\/[^/]+\/[^/]+\/index\.html$/.test(f))) {
      const html = await readFile(path.join(build.outDir, e), 'utf8');
      if (!html.includes('http-equiv="refresh"')) pages.push(`/${path.dirname(e)}/`);
    }
    pages.sort();
    expect(pages).toEqual([
      '/acme/gene-panel/prior-authorization/',
      '/acme/gene-panel/step-therapy/',
      '/acme/knee-scope/prior-authorization/',
      '/acme/wonderdrug/prior-authorization/',
      '/acme/wonderdrug/step-therapy/',
      '/beta/gene-panel/prior-authorization/',
      '/beta/gene-panel/step-therapy/',
      '/beta/knee-scope/prior-authorization/',
      '/beta/wonderdrug/prior-authorization/',
      '/beta/wonderdrug/step-therapy/',
    ]);
  });

  it('renders the question title, one H1, the section headings and the angle', async () => {
    const html = await page('acme/wonderdrug/step-therapy');
    expect(html).toContain(
      '<title>Wonderdrug denied for failing step therapy by Acme &quot;Care&quot; &lt;Plans&gt;?</title>',
    );
    expect(html.match(/<h1[ >]/g)).toHaveLength(1);
    expect(html).toContain(
      '<h1>Wonderdrug denied for failing step therapy by Acme &quot;Care&quot; &lt;Plans&gt;?</h1>',
    );
    for (const heading of [
      'Your appeal rights',
      'What Acme &quot;Care&quot; &lt;Plans&gt; typically requires',
      'Your appeal deadlines',
      'Next steps',
      'Sources',
    ]) {
      expect(html).toContain(`>${heading}</h2>`);
    }
    // The angle's own headings sit one level below the section heading.
    expect(html).toContain('<h3>Why Acme asks for earlier drugs first</h3>');
    expect(html).toContain(
      'Last reviewed <time datetime="2026-11-01">2026-11-01</time> by Fixture editorial desk',
    );
    expect(html).toContain('<meta name="robots" content="index, follow">');
  });

  it('escapes data-derived text in text, attributes and links', async () => {
    const html = await page('acme/wonderdrug/step-therapy');
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).not.toContain('<b>Acme</b>');
    expect(html).toContain('Requests go through the &lt;b&gt;Acme&lt;/b&gt; portal.');
    expect(html).toContain('href="https://policies.acme.example/library?a&#x3D;1&amp;b&#x3D;2"');
    expect(html).toContain('Acme &lt;Policies&gt; &amp; &quot;Bulletins&quot;');
  });

  it('links each CTA to checkout with payer, item, reason, code, UTM parameters and its own place, from site.yaml', async () => {
    const html = await page('acme/wonderdrug/step-therapy');
    const hrefs = [...html.matchAll(/<a class="cta-button" href="([^"]+)"/g)].map((m) =>
      m[1]!.replaceAll('&amp;', '&'),
    );
    expect(hrefs).toHaveLength(3); // after the deadlines, in "What you get", and the phone bar
    const params = hrefs.map((href) => Object.fromEntries(new URL(href).searchParams));
    expect(new URL(hrefs[0]!).origin + new URL(hrefs[0]!).pathname).toBe(
      'https://checkout.fixture.example/start',
    );
    expect(params[0]).toEqual({
      src: 'site',
      payer: 'acme',
      item: 'wonderdrug',
      reason: 'step-therapy',
      code: 'FIX25',
      utm_source: 'fixture-pages',
      utm_medium: 'organic',
      utm_campaign: 'fixture-campaign',
      utm_content: '/acme/wonderdrug/step-therapy/',
      cta: 'top',
    });
    expect(params.map((p) => p['cta'])).toEqual(['top', 'end', 'sticky']);
    expect(new Set(hrefs).size).toBe(3);
    // The code rides in the link; by default (checkout.promoCodeShown: checkout) the page does not print it.
    expect(html).toContain('>Start my appeal — $30 first letter →</a>');
    expect(html).not.toMatch(/FIX25(?![&"])/);
    expect(html).toMatch(/List price <s>\$40<\/s>/);
  });

  it('cites every fact it states, with a numbered source linking to the official URL', async () => {
    const html = await page('acme/wonderdrug/step-therapy');
    const markers = new Set([...html.matchAll(/href="#source-(\d+)"/g)].map((m) => Number(m[1])));
    const sources = new Set([...html.matchAll(/<li id="source-(\d+)"/g)].map((m) => Number(m[1])));
    expect(markers.size).toBeGreaterThan(1);
    expect(sources).toEqual(markers);
    expect(html).toMatch(/<li id="source-1" data-fact="[a-z0-9-]+"><a href="https:\/\/www\.ecfr\.gov\//);
  });

  it('words the requirements block for the item kind: no prescribing label on a test or procedure', async () => {
    const drug = await page('acme/wonderdrug/step-therapy');
    const test = await page('acme/gene-panel/step-therapy');
    const procedure = await page('acme/knee-scope/prior-authorization');
    expect(drug).toContain('FDA-approved prescribing label');
    expect(test).not.toMatch(/prescribing label/i);
    expect(procedure).not.toMatch(/prescribing label/i);
    expect(procedure).toContain('CPT codes');
    expect(test).toContain('laboratory-developed test');
  });

  it('names only the plan lines whose rules reach the page: Part D on pharmacy drug pages, Medicare Advantage on the medical side', async () => {
    const acme = await page('acme/wonderdrug/step-therapy');
    const beta = await page('beta/wonderdrug/step-therapy');
    const procedure = await page('acme/knee-scope/prior-authorization');
    // Wonderdrug comes from the pharmacy: Medicare Part D rules apply, Medicare Advantage's own do not.
    expect([...acme.matchAll(/<li><a href="\/plans\/([a-z-]+)\/[^"]*">/g)].map((m) => m[1])).toEqual([
      'employer-insured',
      'employer-self-funded',
      'part-d',
      'medicaid-managed-care',
      'fehb',
    ]);
    expect(acme).toContain('<option value="1" data-lines="part-d">Medicare Part D drug plan</option>');
    expect(beta).not.toContain('Medicare');
    expect(procedure).not.toContain('Part D');
    expect(procedure).toContain('data-lines="medicare-advantage">Medicare Advantage plan</option>');
  });

  it('builds pages without a combination-specific angle as noindex, and layered ones as indexable', async () => {
    expect(await page('acme/wonderdrug/prior-authorization')).toContain(
      '<meta name="robots" content="noindex, follow">',
    );
    expect(await page('acme/gene-panel/step-therapy')).toContain(
      '<meta name="robots" content="noindex, follow">',
    );
    expect(await page('beta/gene-panel/step-therapy')).toContain(
      '<meta name="robots" content="index, follow">',
    );
  });

  it('links home to every payer, item and reason hub', async () => {
    const home = await page('');
    for (const hub of [
      '/acme/',
      '/beta/',
      '/items/wonderdrug/',
      '/items/gene-panel/',
      '/items/knee-scope/',
      '/reasons/step-therapy/',
    ]) {
      expect(home).toContain(`href="${hub}"`);
    }
  });
});

describe('atomic output', () => {
  it('a build that fails on bad data leaves the previous output untouched', async () => {
    const before = await page('acme/wonderdrug/step-therapy');
    const entriesBefore = (await readdir(build.outDir, { recursive: true })).sort();
    await fixture.edit('data/angles/acme--wonderdrug--step-therapy.mdx', (t) =>
      t.replace('payer: acme', 'payer: acmee'),
    );
    const failed = await runBuild(fixture, build.outDir);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain('data/angles/acme--wonderdrug--step-therapy.mdx:2:8 error UnknownSlug');
    expect(failed.stderr).toContain('Did you mean "acme"?');
    expect(failed.stdout).toContain('was left unchanged');
    expect(await page('acme/wonderdrug/step-therapy')).toBe(before);
    expect((await readdir(build.outDir, { recursive: true })).sort()).toEqual(entriesBefore);
    const siblings = await readdir(path.dirname(build.outDir));
    expect(siblings.filter((s) => s.includes('.staging-'))).toEqual([]);
  });
});
