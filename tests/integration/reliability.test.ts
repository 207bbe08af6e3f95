// Faults around the build rather than in the data: outputs that share no bytes with the cache or each other, an
// output folder the build does not trust on sight, two builds at once, a killed build's leftovers, a full or
// read-only disk, and merges that take only what the shard builds wrote. docs/reliability.md lists them all.
import { execFile, spawn, spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { appendFile, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildCommand, mergeCommand, runBuild } from '../helpers/build.ts';
import { hashTree, makeFixture, PROJECT_ROOT, type Fixture } from '../helpers/fixture.ts';

const run = promisify(execFile);

let fixture: Fixture;
beforeEach(async () => {
  fixture = await makeFixture();
});
afterEach(async () => {
  await fixture.cleanup();
});

const outOf = (name = 'dist') => path.join(fixture.root, name);
const leftovers = async () =>
  (await readdir(fixture.root)).filter((e) => /\.(staging|previous)-|\.lock$/.test(e));

/** Every regular file under `dir`, as [path, device:inode, link count]. */
function inodes(dir: string): [string, string, number][] {
  if (!existsSync(dir)) return [];
  const out: [string, string, number][] = [];
  const walk = (d: string) => {
    for (const entry of spawnSync('ls', ['-1A', d], { encoding: 'utf8' })
      .stdout.split('\n')
      .filter(Boolean)) {
      const file = path.join(d, entry);
      const info = statSync(file);
      if (info.isDirectory()) walk(file);
      else if (info.isFile()) out.push([file, `${info.dev}:${info.ino}`, info.nlink]);
    }
  };
  walk(dir);
  return out;
}

/** Runs `npm run build` for the fixture with extra arguments, capturing everything it prints. */
async function build(outDir: string, extra: string[] = []) {
  const [node, args] = buildCommand(fixture, outDir);
  return run(node, [...args, ...extra], { cwd: PROJECT_ROOT, env: { ...process.env, NO_COLOR: '1' } }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({
      code: e.code,
      stdout: e.stdout,
      stderr: e.stderr,
    }),
  );
}

describe('outputs share no bytes', () => {
  it('no file of the output shares an inode with the shell cache or with another output file', async () => {
    const first = await runBuild(fixture);
    expect(first.code, first.stderr).toBe(0);
    // An incremental build starts from the previous output: after it, too, nothing is shared.
    await fixture.edit('data/items.yaml', (t) => t.replace('name: Knee scope', 'name: Knee arthroscopy'));
    const again = await runBuild(fixture);
    expect(again.code, again.stderr).toBe(0);
    // Unchanged pages start as links to the previous output, which a detached process deletes after the swap:
    // until it is gone they share its inodes. Wait for it (recoverOutput would finish it on the next build).
    const parent = path.dirname(outOf());
    const previousGone = async () =>
      !(await readdir(parent)).some((e) => e.startsWith(`${path.basename(outOf())}.previous-`));
    for (let i = 0; i < 200 && !(await previousGone()); i++) await new Promise((r) => setTimeout(r, 50));
    expect(await previousGone()).toBe(true);
    const output = inodes(outOf());
    expect(output.length).toBeGreaterThan(40);
    const cache = new Set(inodes(path.join(PROJECT_ROOT, '.cache', 'shells')).map(([, ino]) => ino));
    expect(output.filter(([, ino]) => cache.has(ino)).map(([file]) => file)).toEqual([]);
    expect(output.filter(([, , links]) => links > 1).map(([file]) => file)).toEqual([]);
  });

  it('an edit to an output file reaches neither the cache nor a later build elsewhere, and the next build repairs it', async () => {
    expect((await runBuild(fixture)).code).toBe(0);
    const pristine = await readFile(path.join(outOf(), '404.html'), 'utf8');
    await appendFile(path.join(outOf(), '404.html'), '<!-- added by a post-processor -->');
    await appendFile(
      path.join(outOf(), '_astro', (await readdir(path.join(outOf(), '_astro')))[0]!),
      '/*x*/',
    );
    const elsewhere = await build(outOf('other'), ['--force']);
    expect(elsewhere.code, elsewhere.stderr).toBe(0);
    expect(await readFile(path.join(outOf('other'), '404.html'), 'utf8')).toBe(pristine);
    const repaired = await build(outOf());
    expect(repaired.stdout).toContain('repaired        2 file(s)');
    expect(await hashTree(outOf())).toEqual(await hashTree(outOf('other')));
  });

  it('a shell cache entry changed after it was written is rendered again, not copied', async () => {
    expect((await runBuild(fixture)).code).toBe(0);
    const shells = path.join(PROJECT_ROOT, '.cache', 'shells');
    const cssOf = async (dir: string) =>
      (await readdir(path.join(dir, '_astro'))).find((f) => f.endsWith('.css'))!;
    // The entry the build used holds exactly the output's static files.
    const css = await cssOf(outOf());
    const entries = (await readdir(shells)).map((e) => path.join(shells, e, 'static'));
    const used = entries.find((e) => existsSync(path.join(e, '_astro', css)))!;
    expect(used).toBeDefined();
    await writeFile(path.join(used, '404.html'), '<p>corrupted in the cache</p>');
    const next = await build(outOf('fresh'), ['--force']);
    expect(next.code, next.stderr).toBe(0);
    expect(await readFile(path.join(outOf('fresh'), '404.html'), 'utf8')).not.toContain('corrupted');
    expect(await hashTree(outOf('fresh'))).toEqual(await hashTree(outOf()));
  }, 120_000);
});

describe('the output folder is not trusted on sight', () => {
  it('a deleted page, an overwritten page and an added file are repaired by a build with no input change', async () => {
    expect((await runBuild(fixture)).code).toBe(0);
    const guide = path.join(outOf(), 'acme', 'wonderdrug', 'step-therapy', 'index.html');
    await rm(path.join(outOf(), 'beta', 'knee-scope', 'prior-authorization', 'index.html'));
    await writeFile(guide, '<p>defaced</p>');
    await writeFile(path.join(outOf(), 'injected.js'), 'alert(1)');
    const again = await build(outOf());
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).not.toContain('build up to date');
    expect(again.stdout).toMatch(/repaired {8}3 file\(s\)/);
    expect(existsSync(path.join(outOf(), 'injected.js'))).toBe(false);
    const forced = await build(outOf('forced'), ['--force']);
    expect(forced.code).toBe(0);
    expect(await hashTree(outOf())).toEqual(await hashTree(outOf('forced')));
    // Now intact, so the next build has nothing to do.
    expect((await build(outOf())).stdout).toContain('build up to date');
  });

  it('after an unrelated edit, a page overwritten in the output is rendered again rather than reused', async () => {
    expect((await runBuild(fixture)).code).toBe(0);
    const guide = path.join(outOf(), 'acme', 'wonderdrug', 'step-therapy', 'index.html');
    await writeFile(guide, '<p>defaced</p>');
    await fixture.edit('data/items.yaml', (t) => t.replace('name: Knee scope', 'name: Knee arthroscopy'));
    expect((await build(outOf())).code).toBe(0);
    expect(await readFile(guide, 'utf8')).toContain('<!DOCTYPE html>');
    expect((await build(outOf('forced'), ['--force'])).code).toBe(0);
    expect(await hashTree(outOf())).toEqual(await hashTree(outOf('forced')));
  });
});

describe('one build at a time, and nothing left behind', () => {
  it('a second build of the same output refuses while the first runs, and the first finishes', async () => {
    // Settings no build has used, so the first build renders its layouts with Astro and holds the lock for seconds.
    const promo = `LOCK${Date.now().toString(36).toUpperCase()}`;
    await fixture.edit('data/site.yaml', (t) => t.replace('promoCode: FIX25', `promoCode: ${promo}`));
    const [node, args] = buildCommand(fixture, outOf());
    const first = spawn(node, args, { cwd: PROJECT_ROOT, stdio: 'ignore' });
    const firstExit = new Promise<number | null>((resolve) => first.on('exit', resolve));
    for (let i = 0; i < 400 && !existsSync(`${outOf()}.lock`); i++)
      await new Promise((r) => setTimeout(r, 10));
    expect(existsSync(`${outOf()}.lock`)).toBe(true);
    const second = await build(outOf(), ['--force']);
    expect(second.code).toBe(1);
    expect(second.stdout).toContain(`another build (process ${first.pid}`);
    expect(second.stdout).toContain('Another build is writing this output folder');
    expect(`${second.stdout}${second.stderr}`).not.toMatch(/\n\s+at /);
    expect(await firstExit).toBe(0);
    expect(
      await readFile(path.join(outOf(), 'acme', 'wonderdrug', 'step-therapy', 'index.html'), 'utf8'),
    ).toContain(promo);
    expect(await leftovers()).toEqual([]);
  }, 120_000);

  it('a lock left by a build that was killed is taken over', async () => {
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
      encoding: 'utf8',
    });
    const { hostname } = await import('node:os');
    await writeFile(
      `${outOf()}.lock`,
      JSON.stringify({ pid: Number(dead.stdout), host: hostname(), started: '2026-01-01T00:00:00Z' }),
    );
    const result = await build(outOf());
    expect(result.code, result.stdout).toBe(0);
    expect(existsSync(`${outOf()}.lock`)).toBe(false);
  });

  it('staging and scratch left by a crashed build are removed by the next build, even one with nothing to do', async () => {
    expect((await runBuild(fixture)).code).toBe(0);
    const staging = `${outOf()}.staging-deadbeef`;
    await mkdir(path.join(staging, 'acme'), { recursive: true });
    await writeFile(path.join(staging, 'acme', 'index.html'), 'half-written');
    const result = await build(outOf());
    expect(result.stdout).toContain('build up to date');
    expect(existsSync(staging)).toBe(false);
    expect(await leftovers()).toEqual([]);
  });

  it('bad --shard values are a one-line usage error with exit code 2, never a stack trace', async () => {
    for (const spec of ['5/3', 'abc', '0/3', '1/0', '-1/2', '1/2/3', '1.5/2']) {
      const result = await build(outOf(), ['--shard', spec]);
      expect(result.code, spec).toBe(2);
      // "-1/2" reads as an option of its own, so it is a usage error; the others are shard errors.
      expect(result.stderr).toMatch(
        /^error (ShardSpec: Invalid --shard value|UsageError: .*)\n {2}problem: /,
      );
      expect(result.stderr).not.toMatch(/\n\s+at /);
    }
    expect(existsSync(outOf())).toBe(false);
  });
});

/** Mounts a tmpfs of `size` at a new folder, where this machine lets the tests mount (as root in a sandbox). */
function smallDisk(size: string): string | undefined {
  const dir = path.join(fixture.root, `disk-${size}`);
  spawnSync('mkdir', ['-p', dir]);
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir]);
  return mounted.status === 0 ? dir : undefined;
}
const unmount = (dir: string) => spawnSync('umount', [dir]);
const canMount = (() => {
  const probe = spawnSync('sh', [
    '-c',
    'd=$(mktemp -d) && mount -t tmpfs -o size=64k tmpfs "$d" && umount "$d"',
  ]);
  return probe.status === 0;
})();

describe.runIf(canMount)('a real full or read-only disk (a small tmpfs)', () => {
  it('a full disk stops the build with DiskFull in one line, exit code 1, and nothing left on the disk', async () => {
    const disk = smallDisk('200k')!;
    try {
      for (const workers of ['1', '2']) {
        const [node, args] = buildCommand(fixture, path.join(disk, 'dist'));
        const result = await run(node, args, {
          cwd: PROJECT_ROOT,
          env: { ...process.env, NO_COLOR: '1', DENIAL_PAGES_WORKERS: workers },
        }).catch((e: { code: number; stdout: string; stderr: string }) => e);
        expect((result as { code?: number }).code, workers).toBe(1);
        expect(result.stdout).toMatch(
          /build failed: cannot write \S*\.staging-\S+: no space is left on the disk/,
        );
        expect(result.stdout).toContain('The disk is full.');
        expect(`${result.stdout}${result.stderr}`).not.toMatch(/\n\s+at /);
        expect(await readdir(disk)).toEqual([]);
      }
    } finally {
      unmount(disk);
    }
  });

  it('a read-only output disk says read-only', async () => {
    const disk = smallDisk('1m')!;
    try {
      spawnSync('mount', ['-o', 'remount,ro', disk]);
      const result = await build(path.join(disk, 'dist'));
      expect(result.code).toBe(1);
      expect(result.stdout).toContain('the file system is read-only (EROFS)');
      expect(result.stdout).toContain('The output folder is on a read-only file system.');
    } finally {
      unmount(disk);
    }
  });
});

describe('merge takes only what the shard builds wrote', () => {
  async function shards(): Promise<string[]> {
    const dirs = [outOf('shard-1'), outOf('shard-2')];
    for (const [i, dir] of dirs.entries()) {
      const result = await build(dir, ['--shard', `${i + 1}/2`]);
      expect(result.code, result.stdout).toBe(0);
    }
    return dirs;
  }
  const merge = (outDir: string, dirs: string[]) =>
    run(...mergeCommand(fixture, outDir, dirs), { cwd: PROJECT_ROOT }).then(
      ({ stdout }) => ({ code: 0, stdout }),
      (e: { code: number; stdout: string }) => e,
    );

  it('refuses a shard page whose bytes differ from what its build recorded, and a file its build did not write', async () => {
    const dirs = await shards();
    const page = path.join(dirs[0]!, 'index.html');
    await appendFile(page, '<!-- changed -->');
    const changed = await merge(outOf('merged'), dirs);
    expect(changed.code).toBe(1);
    expect(changed.stdout).toContain(`${page} (shard 1/2) was changed after its build wrote it`);
    await fixture.cleanup();
    fixture = await makeFixture();
    const fresh = await shards();
    await writeFile(path.join(fresh[1]!, 'extra.html'), '<p>not ours</p>');
    const extra = await merge(outOf('merged'), fresh);
    expect(extra.stdout).toContain('extra.html (shard 2/2) was not written by its build');
    expect(existsSync(outOf('merged'))).toBe(false);
  });

  it('refuses an output folder that is one of the shards, leaving that shard as it was', async () => {
    const dirs = await shards();
    const before = await hashTree(dirs[0]!);
    const result = await merge(dirs[0]!, dirs);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('is the shard folder');
    expect(await hashTree(dirs[0]!)).toEqual(before);
  });
});

describe('pages that disappear', () => {
  it('a payer renamed without formerSlugs warns that its old pages are gone with no redirect', async () => {
    expect((await runBuild(fixture)).code).toBe(0);
    await fixture.edit('data/payers.yaml', (t) => t.replace('- slug: beta', '- slug: beta-health'));
    for (const file of await readdir(path.join(fixture.dataDir, 'angles')))
      await fixture.edit(`data/angles/${file}`, (t) => t.replace(/^payer: beta$/m, 'payer: beta-health'));
    const result = await build(outOf());
    expect(result.code, result.stdout).toBe(0);
    expect(result.stdout).toMatch(
      /warning: \d+ page\(s\) of the last build are gone with no redirect, e\.g\. \/beta\//,
    );
    expect(result.stdout).toContain("add the old one to that row's formerSlugs");
    // No empty folder is left where the old pages were.
    expect(existsSync(path.join(outOf(), 'beta'))).toBe(false);
  });

  it('deleting an item leaves no empty folder behind, in its hub or under any payer', async () => {
    expect((await runBuild(fixture)).code).toBe(0);
    await fixture.edit('data/items.yaml', (t) => t.slice(0, t.indexOf('- slug: knee-scope')));
    await rm(path.join(fixture.dataDir, 'angles', 'beta--knee-scope--prior-authorization.mdx'));
    const result = await build(outOf());
    expect(result.code, result.stdout).toBe(0);
    expect(result.stdout).toMatch(/warning: \d+ page\(s\) of the last build are gone with no redirect/);
    const empty = spawnSync('find', [outOf(), '-type', 'd', '-empty'], { encoding: 'utf8' }).stdout.trim();
    expect(empty).toBe('');
    expect(spawnSync('find', [outOf(), '-path', '*knee-scope*'], { encoding: 'utf8' }).stdout.trim()).toBe(
      '',
    );
  });
});
