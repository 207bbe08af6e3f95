// The marketer's build: reproducible output, atomic replacement under failure, and one-place price changes.
import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildSite } from '../../src/generator/build-site.ts';
import { renderWithAstro } from '../../src/generator/render-with-astro.ts';
import { hashInputs, renderHash } from '../../src/generator/input-hash.ts';
import { readSiteSettings } from '../../src/generator/shells.ts';
import { buildCommand, mergeCommand, runBuild } from '../helpers/build.ts';
import { hashTree, makeFixture, PROJECT_ROOT, type Fixture } from '../helpers/fixture.ts';
import { readBuiltPages } from '../helpers/dist.ts';

const run = promisify(execFile);

let fixture: Fixture;
beforeEach(async () => {
  fixture = await makeFixture();
});
afterEach(async () => {
  await fixture.cleanup();
});

describe('reproducible output', () => {
  it('two builds of the same inputs are byte-identical, manifest included', async () => {
    const first = await runBuild(fixture, path.join(fixture.root, 'out-a'));
    const second = await runBuild(fixture, path.join(fixture.root, 'out-b'));
    expect(first.code, first.stderr).toBe(0);
    expect(second.code, second.stderr).toBe(0);
    const a = await hashTree(first.outDir);
    expect(Object.keys(a)).toContain('build-manifest.json');
    expect(Object.keys(a).length).toBeGreaterThan(30);
    expect(await hashTree(second.outDir)).toEqual(a);
  });

  it('stamping pages in several threads gives the same output as in the build process', async () => {
    process.env['DENIAL_PAGES_WORKERS'] = '1';
    const one = await runBuild(fixture, path.join(fixture.root, 'out-one'));
    process.env['DENIAL_PAGES_WORKERS'] = '3';
    const three = await runBuild(fixture, path.join(fixture.root, 'out-three'));
    delete process.env['DENIAL_PAGES_WORKERS'];
    expect(one.code, one.stdout).toBe(0);
    expect(three.code, three.stdout).toBe(0);
    expect(await hashTree(three.outDir)).toEqual(await hashTree(one.outDir));
  });

  it('filling the layout shells gives exactly the pages Astro renders one by one', async () => {
    const stamped = await runBuild(fixture, path.join(fixture.root, 'out-stamped'));
    expect(stamped.code, stamped.stderr).toBe(0);
    const astro = await buildSite({
      root: PROJECT_ROOT,
      dataDir: fixture.dataDir,
      templatesDir: path.join(fixture.root, 'templates'),
      outDir: path.join(fixture.root, 'out-astro'),
      render: renderWithAstro,
    });
    expect(astro.ok, astro.failure?.detail).toBe(true);
    const pages = await hashTree(stamped.outDir);
    expect(Object.keys(pages).filter((f) => f.endsWith('index.html')).length).toBeGreaterThan(20);
    expect(await hashTree(astro.outDir)).toEqual(pages);
  });

  it('merging the outputs of --shard 1/3, 2/3 and 3/3 gives exactly the unsharded build', async () => {
    const [node, args] = buildCommand(fixture, path.join(fixture.root, 'out-single'));
    const single = await runBuild(fixture, path.join(fixture.root, 'out-single'));
    expect(single.code, single.stdout).toBe(0);
    const shards = ['1/3', '2/3', '3/3'].map((spec, i) => ({
      spec,
      dir: path.join(fixture.root, `shard-${i}`),
    }));
    for (const { spec, dir } of shards) {
      const withOut = args.map((a) => (a.endsWith('out-single') ? dir : a));
      const { stdout } = await run(node, [...withOut, '--shard', spec], { cwd: PROJECT_ROOT });
      expect(stdout).toContain('build complete');
    }
    // Each shard has every hub but only its share of the guides.
    const guides = async (dir: string) =>
      (await readBuiltPages(dir)).filter(
        (p) => /^\/[^/]+\/[^/]+\/[^/]+\/$/.test(p.path) && !p.html.includes('http-equiv'),
      );
    const shareSizes = await Promise.all(shards.map((s) => guides(s.dir)));
    expect(shareSizes.map((g) => g.length).reduce((a, b) => a + b)).toBe(
      (await guides(single.outDir)).length,
    );
    const merged = path.join(fixture.root, 'out-merged');
    const { stdout } = await run(
      ...mergeCommand(
        fixture,
        merged,
        shards.map((s) => s.dir),
      ),
      { cwd: PROJECT_ROOT },
    );
    expect(stdout).toContain('build complete');
    expect(await hashTree(merged)).toEqual(await hashTree(single.outDir));
    // A missing shard is refused, and nothing is written.
    const refused = await run(
      ...mergeCommand(fixture, path.join(fixture.root, 'out-partial'), [shards[0]!.dir]),
      {
        cwd: PROJECT_ROOT,
      },
    ).catch((e: { stdout: string; code: number }) => e);
    expect(refused.stdout).toContain('missing shard(s): 2/3, 3/3');
    expect(await stat(path.join(fixture.root, 'out-partial')).catch(() => undefined)).toBeUndefined();
  });

  it('skips a rebuild when nothing changed; after an edit re-renders only the changed pages, soundly', async () => {
    const outDir = path.join(fixture.root, 'out-again');
    // Stamping threads fingerprint the models of this first build; the edit rebuild fingerprints them in the
    // build process. Only if the two agree are the unchanged pages reused.
    process.env['DENIAL_PAGES_WORKERS'] = '3';
    const first = await runBuild(fixture, outDir).finally(() => delete process.env['DENIAL_PAGES_WORKERS']);
    expect(first.code, first.stderr).toBe(0);
    const before = await hashTree(outDir);
    const again = await runBuild(fixture, outDir);
    expect(again.stdout).toContain('build up to date');
    expect(await hashTree(outDir)).toEqual(before);
    await fixture.edit(
      'data/angles/gene-panel--step-therapy.mdx',
      (t) => `${t}\nOne more sentence for the test.\n`,
    );
    const edited = await runBuild(fixture, outDir);
    expect(edited.stdout).toContain('build complete');
    expect(edited.stdout).toMatch(/re-rendered\s+2 changed guide\(s\)/);
    const after = await hashTree(outDir);
    expect(after).not.toEqual(before);
    // The incremental output is exactly what a full build of the edited data writes.
    const [node, args] = buildCommand(fixture, path.join(fixture.root, 'out-full'));
    await run(node, [...args, '--force'], { cwd: PROJECT_ROOT });
    expect(after).toEqual(await hashTree(path.join(fixture.root, 'out-full')));
  });
});

describe('atomic replacement', () => {
  async function buildOnce(): Promise<{ outDir: string; before: Record<string, string> }> {
    const outDir = path.join(fixture.root, 'dist');
    const ok = await runBuild(fixture, outDir);
    expect(ok.code, ok.stderr).toBe(0);
    return { outDir, before: await hashTree(outDir) };
  }
  const leftovers = async () => (await readdir(fixture.root)).filter((e) => /\.(staging|previous)-/.test(e));

  it('a full disk while rendering leaves the previous output intact and names the failure', async () => {
    const { outDir, before } = await buildOnce();
    const summary = await buildSite({
      root: fixture.root,
      outDir,
      render: async (_site, dir) => {
        const { mkdir, writeFile } = await import('node:fs/promises');
        await mkdir(path.join(dir, 'acme'), { recursive: true });
        await writeFile(path.join(dir, 'acme', 'index.html'), '<p>half');
        throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
      },
    });
    expect(summary.ok).toBe(false);
    expect(summary.failure).toMatchObject({ code: 'DiskFull', title: 'The disk is full' });
    expect(summary.failure?.message).toContain('ENOSPC');
    expect(await hashTree(outDir)).toEqual(before);
    expect(await leftovers()).toEqual([]);
  });

  it('a template that fails while rendering a page stops the build before anything is replaced', async () => {
    const { outDir, before } = await buildOnce();
    await fixture.edit('templates/requirements/test.hbs', (t) => `{{item.evidence.genericName}}\n${t}`);
    const failed = await runBuild(fixture, outDir);
    expect(failed.code).toBe(1);
    // Found by the check that renders every template before any page is made, at the template's line.
    expect(failed.stderr).toMatch(/templates\/requirements\/test\.hbs:1:\d+ error TemplateError/);
    expect(failed.stderr).toContain('Rendering /acme/gene-panel/');
    expect(failed.stderr).toContain('genericName');
    expect(failed.stdout).toContain('build failed: data errors');
    expect(await hashTree(outDir)).toEqual(before);
    expect(await leftovers()).toEqual([]);
  });

  it('an interrupted build (Ctrl-C: SIGINT to the process group) removes its staging folder and keeps the previous output', async () => {
    const { outDir, before } = await buildOnce();
    const [node, args] = buildCommand(fixture, outDir);
    const child = spawn(
      node,
      [...args, '--force'], // the inputs are unchanged, so without --force there would be nothing to interrupt
      // Its own process group, so the interrupt reaches the build and its children alike, as Ctrl-C in a terminal does.
      { cwd: PROJECT_ROOT, stdio: 'ignore', detached: true },
    );
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    // Wait until the build has created its staging folder, then interrupt it.
    for (let i = 0; i < 200 && (await leftovers()).length === 0; i++)
      await new Promise((r) => setTimeout(r, 25));
    expect((await leftovers()).length).toBe(1);
    process.kill(-child.pid!, 'SIGINT');
    expect(await exited).toBe(130);
    // The cleanup finishes before the exit; the wait only guards against a slow filesystem.
    for (let i = 0; i < 100 && (await leftovers()).length > 0; i++)
      await new Promise((r) => setTimeout(r, 50));
    expect(await leftovers()).toEqual([]);
    expect(await hashTree(outDir)).toEqual(before);
  });

  it('a data error stops the Astro build of the layout shells, which starts before the data check', async () => {
    // Settings no build has used, so their shells are not cached and Astro starts on them.
    const promo = `STOP${Date.now().toString(36).toUpperCase()}`;
    await fixture.edit('data/site.yaml', (t) => t.replace('promoCode: FIX25', `promoCode: ${promo}`));
    await fixture.edit('data/payers.yaml', (t) => t.replace('- slug: beta', '- slug: Beta Health'));
    const templatesDir = path.join(fixture.root, 'templates');
    const settings = await readSiteSettings(fixture.dataDir);
    expect(settings?.checkout.promoCode).toBe(promo);
    const { code } = await hashInputs(PROJECT_ROOT, fixture.dataDir, templatesDir);
    const cached = path.join(PROJECT_ROOT, '.cache', 'shells', renderHash(code, settings));
    expect(existsSync(cached)).toBe(false);

    const [node, args] = buildCommand(fixture, path.join(fixture.root, 'dist'));
    const child = spawn(node, args, { cwd: PROJECT_ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exitCode = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(exitCode).toBe(1);
    expect(stderr).toMatch(/payers\.yaml:\d+:\d+ error/);
    // Stopped, not left to finish: nothing was cached, its scratch folder is gone, and no Astro process remains.
    expect(existsSync(cached)).toBe(false);
    expect(existsSync(path.join(PROJECT_ROOT, '.cache', 'render', `shells-${child.pid}`))).toBe(false);
    const { stdout: processes } = await run('ps', ['-eo', 'args']);
    expect(processes).not.toContain(`shells-${child.pid}`);
    expect(await leftovers()).toEqual([]);
  });

  it('a crash between the two renames of the swap is repaired by the next build', async () => {
    const { outDir } = await buildOnce();
    const { rename } = await import('node:fs/promises');
    await rename(outDir, `${outDir}.previous-deadbeef`);
    const again = await runBuild(fixture, outDir);
    expect(again.code, again.stderr).toBe(0);
    expect((await stat(path.join(outDir, 'index.html'))).size).toBeGreaterThan(0);
    // The replaced output is deleted by a background process after the swap.
    for (let i = 0; i < 100 && (await leftovers()).length > 0; i++)
      await new Promise((r) => setTimeout(r, 50));
    expect(await leftovers()).toEqual([]);
  });
});

describe('prices, promo code and checkout in one place', () => {
  it('changing them in site.yaml changes every CTA, label and price on every page', async () => {
    await fixture.edit('data/site.yaml', (t) =>
      t
        .replace(
          'url: https://checkout.fixture.example/start?src=site',
          'url: https://pay.fixture.example/letters',
        )
        .replace('listPrice: 40', 'listPrice: 55')
        .replace('firstLetterPrice: 30', 'firstLetterPrice: 35.5')
        .replace('promoCode: FIX25', 'promoCode: SPRING26'),
    );
    const built = await runBuild(fixture);
    expect(built.code, built.stderr).toBe(0);
    const pages = (await readBuiltPages(built.outDir)).filter(
      (p) => /^\/[^/]+\/[^/]+\/[^/]+\/$/.test(p.path) && !p.html.includes('http-equiv'),
    );
    expect(pages.length).toBe(10);
    for (const page of pages) {
      const buttons = page.dom.querySelectorAll('a.cta-button');
      expect(buttons.length, page.path).toBe(3);
      for (const button of buttons) {
        const url = new URL(button.getAttribute('href')!);
        expect(url.origin + url.pathname).toBe('https://pay.fixture.example/letters');
        expect(url.searchParams.get('code')).toBe('SPRING26');
        expect(url.searchParams.get('utm_content')).toBe(page.path);
        expect(button.text).toBe('Start my appeal — $35.50 first letter →');
      }
      expect(page.dom.querySelector('.list-price s')?.text).toBe('$55');
    }
    const everything = (await readBuiltPages(built.outDir)).map((p) => p.html).join('\n');
    for (const old of ['FIX25', '$30', '$40', 'checkout.fixture.example'])
      expect(everything).not.toContain(old);
    // The code is printed only where site.yaml says: by default it rides in the link alone.
    expect(everything.replace(/href="[^"]*"/g, '')).not.toContain('SPRING26');
    await fixture.edit('data/site.yaml', (t) =>
      t.replace('  promoCode: SPRING26', '  promoCode: SPRING26\n  promoCodeShown: page'),
    );
    const shown = await runBuild(fixture);
    expect(shown.code, shown.stderr).toBe(0);
    const guide = (await readBuiltPages(shown.outDir)).find(
      (p) => p.path === '/acme/wonderdrug/step-therapy/',
    )!;
    expect(guide.dom.querySelector('a.cta-button')?.text).toBe(
      'Start my appeal — $35.50 first letter with code SPRING26 →',
    );
    expect(guide.dom.querySelector('.price code')?.text).toBe('SPRING26');
  });
});
