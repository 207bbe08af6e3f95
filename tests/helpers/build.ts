// Runs the real `npm run build` entry point in a child process, as a marketer would, against a fixture.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { PROJECT_ROOT, type Fixture } from './fixture.ts';

const run = promisify(execFile);

export interface BuildRun {
  code: number;
  stdout: string;
  stderr: string;
  outDir: string;
}

/** The `npm run build` entry point for a fixture: the project's Node (which runs TypeScript itself) and its arguments. */
export function buildCommand(fixture: Fixture, outDir: string): [string, string[]] {
  return [
    path.join(PROJECT_ROOT, 'node_modules/.bin/node'),
    [
      'scripts/build.ts',
      '--data',
      fixture.dataDir,
      '--templates',
      path.join(fixture.root, 'templates'),
      '--out',
      outDir,
    ],
  ];
}

/** `npm run merge` for a fixture: combine shard folders into `outDir`. */
export function mergeCommand(fixture: Fixture, outDir: string, shards: string[]): [string, string[]] {
  const [node, args] = buildCommand(fixture, outDir);
  return [node, ['scripts/merge.ts', ...args.slice(1), ...shards]];
}

export async function runBuild(
  fixture: Fixture,
  outDir = path.join(fixture.root, 'dist'),
): Promise<BuildRun> {
  const [node, args] = buildCommand(fixture, outDir);
  try {
    const { stdout, stderr } = await run(node, args, {
      cwd: PROJECT_ROOT,
      env: { ...process.env, NO_COLOR: '1' },
    });
    return { code: 0, stdout, stderr, outDir };
  } catch (e) {
    const err = e as { code?: number; stdout?: string; stderr?: string };
    return { code: err.code ?? 1, stdout: err.stdout ?? '', stderr: err.stderr ?? '', outDir };
  }
}

/** `npm run build` of a whole project's own data (the real site): `root` is the project, output into `outDir`. */
export async function runBuildOf(root: string, outDir: string, extra: string[] = []): Promise<BuildRun> {
  try {
    const { stdout, stderr } = await run(
      path.join(PROJECT_ROOT, 'node_modules/.bin/node'),
      ['scripts/build.ts', '--out', outDir, ...extra],
      { cwd: root, env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 64 * 1024 * 1024 },
    );
    return { code: 0, stdout, stderr, outDir };
  } catch (e) {
    const err = e as { code?: number; stdout?: string; stderr?: string };
    return { code: err.code ?? 1, stdout: err.stdout ?? '', stderr: err.stderr ?? '', outDir };
  }
}

/** Where the tests build the real site (data/ of this checkout). */
export const REAL_BUILD_DIR = path.join(PROJECT_ROOT, '.tmp', 'real-build');

/**
 * Builds the real site into REAL_BUILD_DIR. Not forced: when another test file already built the same inputs,
 * the build finds its output up to date, so the real-build tests share one build.
 */
export function buildRealSite(): Promise<BuildRun> {
  return runBuildOf(PROJECT_ROOT, REAL_BUILD_DIR);
}
