// Copies a fixture site into a temporary folder so a test can change files freely. The fixture uses the
// project's own data/facts.yaml, plan-lines.yaml, holidays.yaml and templates/, so templates and rules are exercised
// exactly as shipped.
import { createHash } from 'node:crypto';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const PROJECT_ROOT = path.resolve(import.meta.dirname, '../..');

export interface Fixture {
  root: string;
  dataDir: string;
  read(relative: string): Promise<string>;
  write(relative: string, text: string): Promise<void>;
  edit(relative: string, change: (text: string) => string): Promise<void>;
  cleanup(): Promise<void>;
}

export async function makeFixture(name = 'basic'): Promise<Fixture> {
  const root = await mkdtemp(path.join(tmpdir(), `denial-pages-${name}-`));
  const dataDir = path.join(root, 'data');
  await cp(path.join(PROJECT_ROOT, 'tests/fixtures', name, 'data'), dataDir, { recursive: true });
  for (const table of ['facts.yaml', 'plan-lines.yaml', 'holidays.yaml'])
    await cp(path.join(PROJECT_ROOT, 'data', table), path.join(dataDir, table));
  await cp(path.join(PROJECT_ROOT, 'templates'), path.join(root, 'templates'), { recursive: true });
  const abs = (relative: string) => path.join(root, relative);
  return {
    root,
    dataDir,
    read: (relative) => readFile(abs(relative), 'utf8'),
    write: (relative, text) => writeFile(abs(relative), text),
    async edit(relative, change) {
      await writeFile(abs(relative), change(await readFile(abs(relative), 'utf8')));
    },
    cleanup: () => rm(root, { recursive: true, force: true }),
  };
}

/** sha256 of every file under `dir`, keyed by relative path: to prove an output folder did not change. */
export async function hashTree(dir: string): Promise<Record<string, string>> {
  const files = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile());
  const entries = await Promise.all(
    files.map(async (e) => {
      const file = path.join(e.parentPath, e.name);
      return [
        path.relative(dir, file),
        createHash('sha256')
          .update(await readFile(file))
          .digest('hex'),
      ] as const;
    }),
  );
  return Object.fromEntries(entries.sort(([a], [b]) => a.localeCompare(b)));
}
