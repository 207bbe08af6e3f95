// deploy:check against synthetic output folders: passes within limits, fails with a clear line past them.
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkLimits, measureDist } from '../../src/generator/deploy-check.ts';
import { PROJECT_ROOT } from '../helpers/fixture.ts';

const run = promisify(execFile);
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'deploy-check-'));
  await writeFile(path.join(dir, 'index.html'), '<!doctype html><title>x</title>');
  await writeFile(path.join(dir, 'build-manifest.json'), JSON.stringify({ host: 'cloudflare-pages' }));
  await writeFile(path.join(dir, '_headers'), '/*\n  X-Content-Type-Options: nosniff\n');
  await writeFile(path.join(dir, '_redirects'), '/old/ /new/ 301\n');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function deployCheck(...args: string[]) {
  try {
    const { stdout } = await run(
      path.join(PROJECT_ROOT, 'node_modules/.bin/node'),
      ['scripts/deploy-check.ts', '--out', dir, ...args],
      {
        cwd: PROJECT_ROOT,
      },
    );
    return { code: 0, stdout };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout + err.stderr };
  }
}

describe('deploy:check', () => {
  it('passes a small site for the host named in the build manifest', async () => {
    const result = await deployCheck();
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('✓ cloudflare-pages: static redirects: 1 within the limit of 2,000');
    expect(result.stdout).toContain('fits the documented limits of cloudflare-pages');
  });

  it('fails with one clear line when Cloudflare’s 2,000 static redirects are exceeded', async () => {
    const lines = Array.from({ length: 2001 }, (_, i) => `/old-${i}/ /new/ 301`).join('\n');
    await writeFile(path.join(dir, '_redirects'), `${lines}\n`);
    const result = await deployCheck();
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('✗ cloudflare-pages: static redirects: 2,001 exceeds the limit of 2,000');
    expect(result.stdout).toContain('developers.cloudflare.com/pages/configuration/redirects/');
  });

  it('fails on a file over 25 MiB for Cloudflare but not for S3', async () => {
    const big = path.join(dir, 'big.bin');
    await writeFile(big, '');
    await truncate(big, 26 * 1024 * 1024);
    const cloudflare = await deployCheck();
    expect(cloudflare.code).toBe(1);
    expect(cloudflare.stdout).toContain(
      '✗ cloudflare-pages: largest file (big.bin): 26.0 MiB exceeds the limit of 25.0 MiB',
    );
    const s3 = await deployCheck('--host', 's3-cloudfront');
    expect(s3.code).toBe(0);
    expect(s3.stdout).toContain('do not read _redirects or _headers');
  });

  it('counts files per folder for Netlify and files per deploy for Cloudflare', async () => {
    await mkdir(path.join(dir, 'pages'));
    await Promise.all(
      Array.from({ length: 30 }, (_, i) => writeFile(path.join(dir, 'pages', `${i}.html`), 'x')),
    );
    const stats = await measureDist(dir);
    expect(stats.files).toBe(34);
    expect(stats.fullestDirectory).toEqual({ dir: 'pages', files: 30 });
    const netlify = checkLimits('netlify', stats, {
      maxFilesPerDirectory: { value: 25, source: 'https://docs.example/' },
    });
    expect(netlify).toEqual([
      {
        level: 'fail',
        message: 'files in one folder (pages): 30 exceeds the limit of 25',
        source: 'https://docs.example/',
      },
    ]);
    const cloudflare = checkLimits('cloudflare-pages', stats, {
      maxFiles: { hard: 40, warn: 20, note: 'free plan', source: 'https://docs.example/' },
    });
    expect(cloudflare.map((f) => f.level)).toEqual(['ok', 'warn']);
  });

  it('explains what to do when there is no build to check', async () => {
    await rm(path.join(dir, 'build-manifest.json'));
    const result = await deployCheck();
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('no host to check against');
  });
});
