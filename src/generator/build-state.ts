// Incremental builds: what the last build of an output folder wrote (kept in .cache/, not deployed), and the start
// of the next build from it. Nothing in the output folder is trusted on sight: a file is reused only when its
// stamp (size, modification time, inode) is the one the last build recorded; anything else there is rebuilt or
// removed.
import { rmdirSync, rmSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fingerprint } from './input-hash.ts';
import { sameStamp, scanFolder, type FileStamp } from './output-folder.ts';
import type { MeasureRecord } from './measure-record.ts';
import type { RenderedSite } from './site-models.ts';

/** A file's stamp as the state file keeps it: [size, mtimeMs, ino]. */
type StoredStamp = [number, number, number];

/** What the last build of an output folder rendered and wrote, kept in .cache/ (not deployed). */
export interface BuildState {
  renderHash: string;
  models: Record<string, string>;
  /** Every file the build left in the output folder, with its stamp. */
  files: Record<string, StoredStamp>;
  /** The uniqueness measure of every planned guide, keyed by its text (valid with the same renderHash). */
  measures?: MeasureRecord;
}

export const statePath = (root: string, outDir: string) =>
  path.join(root, '.cache', 'build-state', `${fingerprint(outDir)}.json`);

export async function readState(file: string): Promise<BuildState | undefined> {
  const state = await readFile(file, 'utf8')
    .then((text) => JSON.parse(text) as Partial<BuildState>)
    .catch(() => undefined);
  // A state from before files were recorded proves nothing about the output.
  return state?.files && state.models && state.renderHash ? (state as BuildState) : undefined;
}

export function storedFiles(files: ReadonlyMap<string, FileStamp>): Record<string, StoredStamp> {
  const out: Record<string, StoredStamp> = {};
  for (const [file, s] of files) out[file.split(path.sep).join('/')] = [s.size, s.mtimeMs, s.ino];
  return out;
}

const asStamp = ([size, mtimeMs, ino]: StoredStamp): FileStamp => ({ size, mtimeMs, ino });

/**
 * The files of `dir` that are not as the last build left them: missing, changed, or never written by it. Empty
 * when the folder is exactly the recorded output.
 */
export function outputDamage(dir: string, state: BuildState): string[] {
  const found = scanFolder(dir);
  const damaged: string[] = [];
  for (const [file, stored] of Object.entries(state.files)) {
    const now = found.get(file.split('/').join(path.sep));
    if (!now || !sameStamp(now, asStamp(stored))) damaged.push(file);
  }
  for (const file of found.keys()) if (!state.files[file.split(path.sep).join('/')]) damaged.push(file);
  return damaged.sort();
}

const HOST_FILE = /^(sitemap.*\.xml|analytics\.js|_headers|_redirects|robots\.txt|build-manifest\.json)$/;

/**
 * Starts the staging folder from the previous output and returns the models that must be rendered again: new or
 * changed pages and hubs, and those whose file is not as the last build wrote it. Files of pages no longer built,
 * files the last build did not write and damaged files are removed; host files are left to be written afresh.
 */
export async function reuseUnchanged(
  linked: Promise<void>,
  stagingDir: string,
  rendered: RenderedSite,
  previous: BuildState,
  models: Record<string, string>,
): Promise<RenderedSite> {
  await linked;
  // Redirect fallback pages and host files are written afresh, so their links go first (writing through a hard
  // link would change the previous output too). Pages are unlinked by the stamper before it writes them.
  const current = new Set([...rendered.pages.map((p) => p.path), ...rendered.hubs.map((h) => h.path)]);
  const intact = new Set<string>();
  const emptied = new Set<string>();
  for (const [relative, stamp] of scanFolder(stagingDir)) {
    const name = path.basename(relative);
    const folder = `/${path.dirname(relative)}/`.replace('/./', '/').split(path.sep).join('/');
    const stored = previous.files[relative.split(path.sep).join('/')];
    const trusted = stored !== undefined && sameStamp(stamp, asStamp(stored));
    const stale =
      !trusted ||
      (name === 'index.html' && !current.has(folder)) ||
      (path.dirname(relative) === '.' && HOST_FILE.test(name));
    if (stale) {
      rmSync(path.join(stagingDir, relative));
      emptied.add(path.dirname(relative));
    } else if (name === 'index.html') intact.add(folder);
  }
  removeEmptyFolders(stagingDir, emptied);
  const changed = (p: { path: string }) => !intact.has(p.path) || previous.models[p.path] !== models[p.path];
  return {
    ...rendered,
    pages: rendered.pages.filter(changed),
    hubs: rendered.hubs.filter(changed),
  };
}

/** Removes each folder that a removed page left empty, and its parents while they are empty too. */
function removeEmptyFolders(root: string, folders: Iterable<string>): void {
  // Deepest first, so a parent is tried after its children.
  const sorted = [...folders].sort((a, b) => b.split(path.sep).length - a.split(path.sep).length);
  for (let folder of sorted) {
    while (folder !== '.' && folder !== '') {
      try {
        rmdirSync(path.join(root, folder));
      } catch {
        break; // not empty (or already gone): its parents are not empty either
      }
      folder = path.dirname(folder);
    }
  }
}

export async function writeState(file: string, state: BuildState): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, JSON.stringify(state));
}
