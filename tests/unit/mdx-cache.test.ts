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
    const { compileAngle } = await import('../../src/content/angle-compile.ts');
    const body = 'Ask for the criteria <Cite id="denial-notice-criteria" /> and keep copies.';
    const first = await compileAngle('a.mdx', body, 8, 'h1');
    expect(first.errors).toEqual([]);
    const [stored] = await files();
    expect(stored).toBeDefined();
    // A fresh module (as in the next build) reads the stored result instead of compiling: make the stored
    // code recognisable and check that it is what runs.
    const file = path.join(cacheDir, 'mdx', stored!);
    const cached = JSON.parse(await (await import('node:fs/promises')).readFile(file, 'utf8')) as {
      code: string;
    };
    await writeFile(file, JSON.stringify({ ...cached, words: 999 }));
    vi.resetModules();
    const fresh = await import('../../src/content/angle-compile.ts');
    expect((await fresh.compileAngle('a.mdx', body, 8, 'h1')).angle!.words).toBe(999);
  });

  it('never stores an angle with errors, so every run reports them', async () => {
    const before = (await files()).length;
    const { compileAngle } = await import('../../src/content/angle-compile.ts');
    const result = await compileAngle('b.mdx', 'Bad {1 + 1} expression', 8, 'h2');
    expect(result.errors.length).toBeGreaterThan(0);
    expect((await files()).length).toBe(before);
  });
});
