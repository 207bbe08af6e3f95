// A content hash of everything a build reads: data, templates, the generator's own code and configuration, and
// the locked dependencies. Equal hashes mean equal output (builds are reproducible), so an unchanged site need
// not be rebuilt.
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { currentDate } from '../content/validate.ts';

async function files(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => []);
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

/** The generator's own code, configuration and static files, and the locked dependencies. */
async function codeFiles(root: string): Promise<string[]> {
  return [
    ...(await files(path.join(root, 'src'))),
    ...(await files(path.join(root, 'public'))),
    ...['astro.config.mjs', 'package-lock.json', 'tsconfig.json'].map((f) => path.join(root, f)),
  ];
}

async function hashFiles(root: string, sources: readonly string[]): Promise<string> {
  const hash = createHash('sha256');
  for (const file of sources) {
    const content = await readFile(file).catch(() => Buffer.alloc(0));
    hash.update(path.relative(root, file)).update('\0').update(content).update('\0');
  }
  return hash.digest('hex');
}

/** A short content hash of any JSON-serialisable value. */
export function fingerprint(value: unknown): string {
  return fingerprintJson(JSON.stringify(value));
}

/** fingerprint() of a value already serialised (a stamping thread has the model's JSON in hand). */
export function fingerprintJson(json: string): string {
  return createHash('sha1').update(json).digest('base64url');
}

export interface InputHashes {
  /** Data, templates and code: equal means the whole output is equal. */
  inputs: string;
  /** The code, configuration and locked dependencies alone. */
  code: string;
}

/** Hashes every file the build reads, the code once for both hashes. */
export async function hashInputs(root: string, dataDir: string, templatesDir: string): Promise<InputHashes> {
  const code = await hashFiles(root, await codeFiles(root));
  const content = await hashFiles(root, [...(await files(dataDir)), ...(await files(templatesDir))]);
  // Pages print a fact's "checked" date only while the check is recent (counted in months), so the month is an
  // input too: a new month may change pages without any file changing.
  const month = currentDate().slice(0, 7);
  return { code, inputs: createHash('sha256').update(`${code}\0${content}\0${month}`).digest('hex') };
}

/**
 * What turns a page model into HTML: the generator's code, its configuration, the locked dependencies and the
 * site settings. While this hash holds, a page whose model is unchanged renders to the same file as before.
 */
export function renderHash(code: string, siteSettings: unknown): string {
  return createHash('sha256')
    .update(`${code}\0${JSON.stringify(siteSettings)}`)
    .digest('hex');
}
