// Incremental rebuilds against the truth: after each kind of change, a rebuild of the same output folder must
// write exactly what a forced full build of the changed data writes, leave no folder of a page that went away,
// and render again only what the change reached.
import { execFile } from 'node:child_process';
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildCommand, mergeCommand, runBuild } from '../helpers/build.ts';
import { hashTree, makeFixture, PROJECT_ROOT, type Fixture } from '../helpers/fixture.ts';

const run = promisify(execFile);

let fixture: Fixture;
beforeEach(async () => (fixture = await makeFixture()));
afterEach(() => fixture.cleanup());

/** Folders under `dir` that hold no file at any depth. */
async function emptyFolders(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const folders = entries.filter((e) => e.isDirectory()).map((e) => path.join(e.parentPath, e.name));
  const files = entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
  return folders
    .filter((f) => !files.some((file) => file.startsWith(f + path.sep)))
    .map((f) => path.relative(dir, f));
}

/** Builds, applies `change`, rebuilds the same folder and a fresh one with --force; returns both and the log. */
async function rebuildAfter(change: () => Promise<void>) {
  const outDir = path.join(fixture.root, 'out');
  const first = await runBuild(fixture, outDir);
  expect(first.code, first.stderr).toBe(0);
  const before = await hashTree(outDir);
  await change();
  const again = await runBuild(fixture, outDir);
  expect(again.code, again.stderr).toBe(0);
  const full = path.join(fixture.root, 'out-full');
  const [node, args] = buildCommand(fixture, full);
  await run(node, [...args, '--force'], { cwd: PROJECT_ROOT });
  return { before, after: await hashTree(outDir), expected: await hashTree(full), log: again.stdout, outDir };
}

const rerendered = (log: string) => Number(/re-rendered\s+(\d+)/.exec(log)?.[1] ?? NaN);

describe('an incremental rebuild', () => {
  it('after a payer slug is renamed (with formerSlugs), writes the new pages and redirects and removes the old', async () => {
    const result = await rebuildAfter(async () => {
      await fixture.edit('data/payers.yaml', (t) =>
        t
          .replace('- slug: beta\n', '- slug: beta-health\n')
          .replace('  shortName: Beta\n', '  shortName: Beta\n  formerSlugs: [beta]\n'),
      );
      const angles = path.join(fixture.dataDir, 'angles');
      for (const file of await readdir(angles))
        if (file.startsWith('beta--'))
          await fixture.edit(`data/angles/${file}`, (t) =>
            t.replace('payer: beta\n', 'payer: beta-health\n'),
          );
    });
    expect(result.after).toEqual(result.expected);
    expect(Object.keys(result.after).filter((f) => f.startsWith('beta-health/'))).not.toEqual([]);
    expect(result.after['beta/knee-scope/prior-authorization/index.html']).toBeDefined(); // the redirect page
    expect(await emptyFolders(result.outDir)).toEqual([]);
  });

  it('after a payer is removed, drops its pages and folders, and rewrites the pages that linked to them', async () => {
    const result = await rebuildAfter(async () => {
      await fixture.edit('data/payers.yaml', (t) => t.slice(0, t.indexOf('- slug: beta')));
      const angles = path.join(fixture.dataDir, 'angles');
      for (const file of await readdir(angles))
        if (file.startsWith('beta--')) await rm(path.join(angles, file));
    });
    expect(result.after).toEqual(result.expected);
    expect(Object.keys(result.after).filter((f) => f.startsWith('beta/'))).toEqual([]);
    expect(await emptyFolders(result.outDir)).toEqual([]);
  });

  const EDITS: [string, () => Promise<void>][] = [
    [
      'an angle',
      () =>
        fixture.edit(
          'data/angles/gene-panel--step-therapy.mdx',
          (t) => `${t}\nOne more sentence for the test.\n`,
        ),
    ],
    [
      'a fact',
      () =>
        fixture.edit('data/facts.yaml', (t) =>
          t.replace('to file an internal appeal.', 'to file an internal appeal with the plan.'),
        ),
    ],
    [
      'a template',
      () =>
        fixture.edit('templates/next-steps.hbs', (t) =>
          t.replace('keeping proof of the date you sent it', 'keeping proof of the day you sent it'),
        ),
    ],
    [
      'a table row',
      () => fixture.edit('data/items.yaml', (t) => t.replace('name: Knee scope', 'name: Knee arthroscopy')),
    ],
  ];

  for (const [what, edit] of EDITS)
    it(`after editing ${what}, writes exactly what a full build of the edited data writes, and so do merged shards`, async () => {
      const result = await rebuildAfter(edit);
      expect(result.after).not.toEqual(result.before);
      expect(result.after).toEqual(result.expected);
      // Shard builds of the edited data, merged, give the same output too.
      const shards = ['1/2', '2/2'].map((spec, i) => ({ spec, dir: path.join(fixture.root, `shard-${i}`) }));
      for (const { spec, dir } of shards) {
        const [node, args] = buildCommand(fixture, dir);
        await run(node, [...args, '--shard', spec], { cwd: PROJECT_ROOT });
      }
      const merged = path.join(fixture.root, 'merged');
      const [node, args] = mergeCommand(
        fixture,
        merged,
        shards.map((s) => s.dir),
      );
      await run(node, args, { cwd: PROJECT_ROOT });
      expect(await hashTree(merged)).toEqual(result.expected);
    });

  it('after a change that reaches only the hubs, renders no guide again', async () => {
    const result = await rebuildAfter(() =>
      fixture.edit('templates/hubs/payer-title.hbs', (t) => t.replace('Appeal guides', 'Appeal help')),
    );
    expect(result.after).toEqual(result.expected);
    expect(rerendered(result.log)).toBe(0);
    const changed = Object.keys(result.after).filter((f) => result.after[f] !== result.before[f]);
    expect(
      changed.filter((f) => f.split('/').length > 2 && !f.startsWith('items/') && !f.startsWith('reasons/')),
    ).toEqual([]);
    expect(changed).toContain('acme/index.html');
  });
});
