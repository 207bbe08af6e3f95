// The layout shells of a build, and what else Astro renders: the 404 page, the bundled CSS and scripts, and the
// public/ files. None of it depends on the data beyond the site settings, so it is rendered once per code and
// settings hash and kept in .cache/shells/; a rebuild after a data edit never starts Astro. Astro runs in
// parallel with the page models of a cold build.
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { GUIDE_SHELL_FILE, HUB_SHELL_FILE, parseShell, type Shell } from '../blocks/shell.ts';
import { siteSchema, type Site } from '../schema/index.ts';
import { writeModelFile } from './model-file.ts';
import { runAstro, type AstroRun } from './run-astro.ts';

export interface ShellSet {
  /** Files copied as they are into every build: assets, 404.html, public/. */
  staticDir: string;
  guide: Shell;
  hub: Shell;
}

const SHELLS_JSON = 'shells.json';

/** A cache entry: the shells, and the sha256 of every static file as Astro wrote it. */
interface CachedShells {
  guide: Shell;
  hub: Shell;
  files: Record<string, string>;
}

async function hashFiles(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const file of (await listFiles(dir)).sort())
    out[file] = createHash('sha256')
      .update(await readFile(path.join(dir, file)))
      .digest('hex');
  return out;
}

/** The static files are exactly the ones the entry recorded, byte for byte: the cache is verified before reuse. */
async function intact(dir: string, recorded: Record<string, string> | undefined): Promise<boolean> {
  if (!recorded) return false;
  const found = await hashFiles(dir).catch(() => undefined);
  return JSON.stringify(found) === JSON.stringify(recorded);
}

/**
 * data/site.yaml on its own, validated as the data check validates it, so the shells can start before the rest
 * of the data is loaded. Undefined when it does not validate: the data check reports why.
 */
export async function readSiteSettings(dataDir: string): Promise<Site | undefined> {
  try {
    const result = siteSchema.safeParse(parse(await readFile(path.join(dataDir, 'site.yaml'), 'utf8')));
    return result.success ? result.data : undefined;
  } catch {
    return undefined;
  }
}

/** The shells for this code and these settings (`key`), from the cache or rendered by Astro now. */
export async function prepareShells(config: Site, key: string, options: AstroRun): Promise<ShellSet> {
  const cacheRoot = path.join(options.root, '.cache', 'shells');
  const dir = path.join(cacheRoot, key);
  const cached = await readFile(path.join(dir, SHELLS_JSON), 'utf8')
    .then((text) => JSON.parse(text) as CachedShells)
    .catch(() => undefined);
  if (cached && (await intact(path.join(dir, 'static'), cached.files))) {
    // Touched on use, so pruning drops only entries no build has needed for a week.
    const now = new Date();
    await utimes(dir, now, now).catch(() => undefined);
    return { guide: cached.guide, hub: cached.hub, staticDir: path.join(dir, 'static') };
  }
  // An entry whose files were changed after it was written (or that predates their hashes) is rendered again.
  if (cached) await rm(dir, { recursive: true, force: true });

  // Rendered beside the cache entry and renamed into place whole, so a half-written entry is never read.
  await removeDeadScratch(path.join(options.root, '.cache', 'render'));
  const scratch = path.join(options.root, '.cache', 'render', `shells-${process.pid}`);
  await rm(scratch, { recursive: true, force: true });
  await mkdir(scratch, { recursive: true });
  try {
    const out = path.join(scratch, 'static');
    const modelFile = path.join(scratch, 'model.jsonl');
    await writeModelFile(modelFile, { config, pages: [], hubs: [], shells: true });
    await runAstro(out, modelFile, options);
    const read = async (file: string) => parseShell(await readFile(path.join(out, file), 'utf8'), file);
    const shells = { guide: await read(GUIDE_SHELL_FILE), hub: await read(HUB_SHELL_FILE) };
    await rm(path.join(out, HUB_SHELL_FILE));
    await rm(path.join(out, GUIDE_SHELL_FILE.split('/')[0]!), { recursive: true });
    await rm(modelFile);
    const files = await hashFiles(out);
    await writeFile(
      path.join(scratch, SHELLS_JSON),
      JSON.stringify({ ...shells, files } satisfies CachedShells),
    );
    await pruneCache(cacheRoot);
    await mkdir(cacheRoot, { recursive: true });
    // Another build may have cached the same shells meanwhile; theirs are as good as ours.
    await rename(scratch, dir).catch(async (e: NodeJS.ErrnoException) => {
      if (e.code !== 'ENOTEMPTY' && e.code !== 'EEXIST') throw e;
    });
    return { ...shells, staticDir: path.join(dir, 'static') };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/** Scratch folders of killed builds (their process is gone) would otherwise stay on the disk for good. */
async function removeDeadScratch(renderDir: string): Promise<void> {
  for (const entry of await readdir(renderDir).catch(() => [] as string[])) {
    const pid = Number(/^shells-(\d+)$/.exec(entry)?.[1]);
    if (!pid || pid === process.pid) continue;
    try {
      process.kill(pid, 0);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ESRCH')
        await rm(path.join(renderDir, entry), { recursive: true, force: true });
    }
  }
}

/** Entries untouched for a week go; recent ones may belong to a build running now with other settings. */
async function pruneCache(cacheRoot: string): Promise<void> {
  const weekAgo = Date.now() - 7 * 24 * 3600 * 1000;
  for (const entry of await readdir(cacheRoot).catch(() => [])) {
    const dir = path.join(cacheRoot, entry);
    const info = await stat(dir).catch(() => undefined);
    if (info && info.mtimeMs < weekAgo) await rm(dir, { recursive: true, force: true });
  }
}

/** Every file under `dir`, relative to it. */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name)));
}
