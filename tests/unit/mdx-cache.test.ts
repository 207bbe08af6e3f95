import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';

const cacheDir = await mkdtemp(path.join(tmpdir(), 'mdx-cache-'));
process.env['DENIAL_PAGES_CACHE'] = cacheDir;
afterAll(() => rm(cacheDir, { recursive: true, force: true }));

const files = async () =>
  (await readdir(path.join(cacheDir, 'mdx'), { recursive: true })).filter((f) => f.endsWith('.json'));

describe('compiled angles on disk', () => {
  it('stores a clean angle by content hash and reuses it in a fresh process', async () => {
    const { compileAngle, diskKey, entryDigest } = await import('../../src/content/angle-compile.ts');
    const body = 'Ask for the criteria <Cite id="denial-notice-criteria" /> and keep copies.';
    const first = await compileAngle('a.mdx', body, 8, 'h1');
    expect(first.errors).toEqual([]);
    const [stored] = await files();
    expect(stored).toBeDefined();
    // A fresh module (as in the next build) reads the stored result instead of compiling: store a recognisable
    // entry, sealed as the cache seals its own, and check that it is what comes back.
    const file = path.join(cacheDir, 'mdx', stored!);
    const compiled = { ...first.angle!, words: 999 };
    const digest = entryDigest(diskKey('a.mdx', body, 8), compiled);
    await writeFile(file, JSON.stringify({ compiled, digest }));
    vi.resetModules();
    const fresh = await import('../../src/content/angle-compile.ts');
    expect((await fresh.compileAngle('a.mdx', body, 8, 'h1')).angle!.words).toBe(999);
  });

  it('compiles again an entry that was changed after it was written (its code would run on render)', async () => {
    const { compileAngle } = await import('../../src/content/angle-compile.ts');
    const body = 'Keep the letter <Cite id="denial-notice-criteria" /> with the claim file.';
    const first = await compileAngle('c.mdx', body, 8, 'h3');
    const file = (await files()).map((f) => path.join(cacheDir, 'mdx', f));
    const { readFile } = await import('node:fs/promises');
    for (const f of file) {
      const entry = JSON.parse(await readFile(f, 'utf8')) as { compiled: { code: string; words: number } };
      if (entry.compiled.words !== first.angle!.words) continue;
      entry.compiled.code = 'globalThis.tampered = true;';
      await writeFile(f, JSON.stringify(entry));
    }
    vi.resetModules();
    const fresh = await import('../../src/content/angle-compile.ts');
    const again = await fresh.compileAngle('c.mdx', body, 8, 'h3');
    expect(again.angle!.code).toBe(first.angle!.code);
    expect(again.angle!.code).not.toContain('tampered');
  });

  it('never stores an angle with errors, so every run reports them', async () => {
    const before = (await files()).length;
    const { compileAngle } = await import('../../src/content/angle-compile.ts');
    const result = await compileAngle('b.mdx', 'Bad {1 + 1} expression', 8, 'h2');
    expect(result.errors.length).toBeGreaterThan(0);
    expect((await files()).length).toBe(before);
  });
});
