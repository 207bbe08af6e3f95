// A content hash of everything a build reads: data, templates, the generator's own code and configuration, and
// the locked dependencies. Equal hashes mean equal output (builds are reproducible), so an unchanged site need
// not be rebuilt. Each file's digest is kept in .cache/ with its stat (size, modification and change times,
// inode) and read again only when the stat differs, so a build of an unchanged site reads no file twice.
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
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

/** A file's digest as the cache keeps it: [size, mtimeMs, ctimeMs, ino, sha256]. */
type Digest = [number, number, number, number, string];
type Digests = Map<string, Digest>;

const digestsFile = (root: string) => path.join(root, '.cache', 'input-digests.json');

async function readDigests(root: string): Promise<Digests> {
  const text = await readFile(digestsFile(root), 'utf8').catch(() => '{}');
  try {
    return new Map(Object.entries(JSON.parse(text) as Record<string, Digest>));
  } catch {
    return new Map();
  }
}

async function writeDigests(root: string, digests: Digests): Promise<void> {
  const file = digestsFile(root);
  const temp = `${file}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(temp, JSON.stringify(Object.fromEntries(digests)));
    await rename(temp, file); // whole, so a concurrent build reads either the old file or this one
  } catch {
    // Only a cache: the next build reads the files again.
  }
}

const RACY_MS = 2000;

/** The file's sha256, from the cache while its stat is the recorded one. A missing file hashes as empty. */
async function digestOf(file: string, cache: Digests, seen: Digests): Promise<string> {
  const s = await stat(file).catch(() => undefined);
  if (!s) return createHash('sha256').digest('hex');
  const known = cache.get(file);
  if (
    known &&
    known[0] === s.size &&
    known[1] === s.mtimeMs &&
    known[2] === s.ctimeMs &&
    known[3] === s.ino
  ) {
    seen.set(file, known);
    return known[4];
  }
  const sha = createHash('sha256')
    .update(await readFile(file))
    .digest('hex');
  // A file changed moments ago could change again within the same tick of the file system's clock, leaving the
  // same stat with other content (git's "racy" entries): such a digest is not kept.
  if (Date.now() - Math.max(s.mtimeMs, s.ctimeMs) > RACY_MS)
    seen.set(file, [s.size, s.mtimeMs, s.ctimeMs, s.ino, sha]);
  return sha;
}

async function hashFiles(root: string, sources: readonly string[], cache: Digests, seen: Digests) {
  const hash = createHash('sha256');
  for (const file of sources)
    hash
      .update(path.relative(root, file))
      .update('\0')
      .update(await digestOf(file, cache, seen))
      .update('\0');
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
  const cache = await readDigests(root);
  const seen: Digests = new Map();
  const code = await hashFiles(root, await codeFiles(root), cache, seen);
  const content = await hashFiles(
    root,
    [...(await files(dataDir)), ...(await files(templatesDir))],
    cache,
    seen,
  );
  // Other data folders' digests stay (the bench and the tests build several); the cache is rewritten only when
  // this build read a file.
  if ([...seen].some(([file, d]) => cache.get(file) !== d)) {
    for (const [file, d] of seen) cache.set(file, d);
    // Entries of files that are gone (a deleted test fixture, an old bench site) are dropped.
    const gone = await Promise.all(
      [...cache.keys()].map((f) =>
        stat(f).then(
          () => undefined,
          () => f,
        ),
      ),
    );
    for (const file of gone) if (file) cache.delete(file);
    await writeDigests(root, cache);
  }
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
