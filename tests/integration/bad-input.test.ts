// Bad input of every kind an editor can produce. Each case asserts the error's name, file, line (and column or
// message where it matters), and that a build over the previous output leaves every byte of it unchanged.
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildSite } from '../../src/generator/build-site.ts';
import { BAD_INPUTS as cases } from '../helpers/bad-inputs.ts';
import { hashTree, makeFixture, type Fixture } from '../helpers/fixture.ts';

let fixture: Fixture;
beforeEach(async () => {
  fixture = await makeFixture();
});
afterEach(async () => {
  await fixture.cleanup();
});

describe(`bad input (${cases.length} cases)`, () => {
  it('has at least 30 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
  });

  it.each(cases)('$name', async ({ change, expect: want }) => {
    // A previous deploy's output, which must survive the failed build byte for byte.
    const outDir = path.join(fixture.root, 'dist');
    await mkdir(path.join(outDir, 'acme'), { recursive: true });
    await writeFile(path.join(outDir, 'index.html'), '<!doctype html><title>previous</title>');
    await writeFile(path.join(outDir, 'acme', 'index.html'), 'previous acme');
    const before = await hashTree(outDir);

    await change(fixture);
    const summary = await buildSite({
      root: fixture.root,
      outDir,
      render: () => Promise.reject(new Error('must not render')),
    });
    expect(summary.ok).toBe(false);
    const errors = summary.errors.filter((e) => e.severity === 'error');
    const match = errors.find((e) => e.name === want.name && e.file === want.file);
    expect(
      match,
      JSON.stringify(
        errors.map((e) => `${e.file}:${e.line}:${e.column} ${e.name} ${e.message}`),
        null,
        1,
      ),
    ).toBeDefined();
    if (want.line !== undefined) expect(match!.line).toBe(want.line);
    if (want.followOns !== undefined) expect(match!.followOn ?? []).toHaveLength(want.followOns);
    if (want.column !== undefined) expect(match!.column).toBe(want.column);
    if (want.message) expect(match!.message).toContain(want.message);
    if (want.hint) expect(match!.hint).toBe(want.hint);
    expect(await hashTree(outDir)).toEqual(before);
    expect((await readdir(fixture.root)).filter((e) => e.includes('.staging-'))).toEqual([]);
  });
});
