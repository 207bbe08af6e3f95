// A content hash of everything a build reads: data, templates, the generator's own code and configuration, and
// the locked dependencies. Equal hashes mean equal output (builds are reproducible), so an unchanged site need
// not be rebuilt.
import { createHash, type Hash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

async function files(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => []);
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

/**
 * What turns a page model into HTML: the generator's code, its configuration, the locked dependencies and the
 * site settings. While this hash holds, a page whose model is unchanged renders to the same file as before.
 */
export async function renderHash(root: string, siteSettings: unknown): Promise<string> {
  const hash = createHash('sha256').update(JSON.stringify(siteSettings));
  await hashFiles(hash, root, await codeFiles(root));
  return hash.digest('hex');
}

/** The generator's own code and configuration, and the locked dependencies. */
async function codeFiles(root: string): Promise<string[]> {
  return [
    ...(await files(path.join(root, 'src'))),
    ...['astro.config.mjs', 'package-lock.json', 'tsconfig.json'].map((f) => path.join(root, f)),
  ];
}

async function hashFiles(hash: Hash, root: string, sources: readonly string[]): Promise<void> {
  for (const file of sources) {
    const content = await readFile(file).catch(() => Buffer.alloc(0));
    hash.update(path.relative(root, file)).update('\0').update(content).update('\0');
  }
}

/** A short content hash of any JSON-serialisable value. */
export function fingerprint(value: unknown): string {
  return createHash('sha1').update(JSON.stringify(value)).digest('base64url');
}

export async function inputHash(root: string, dataDir: string, templatesDir: string): Promise<string> {
  const hash = createHash('sha256');
  const sources = [...(await files(dataDir)), ...(await files(templatesDir)), ...(await codeFiles(root))];
  await hashFiles(hash, root, sources);
  return hash.digest('hex');
}
