// Copies a fixture site into a temporary folder so a test can change files freely. The fixture uses the
// project's own data/facts.yaml and templates/, so templates and facts are exercised exactly as shipped.
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
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
  await cp(path.join(PROJECT_ROOT, 'data/facts.yaml'), path.join(dataDir, 'facts.yaml'));
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
