// Incremental builds: what the last build of an output folder rendered (kept in .cache/, not deployed), and the
// start of the next build from it, where only pages whose model changed are rendered again.
import { rmdirSync, rmSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fingerprint } from './input-hash.ts';
import { scanFolder } from './output-folder.ts';
import type { RenderedSite } from './site-models.ts';

/** What the last build of an output folder rendered, kept in .cache/ (not deployed). */
export interface BuildState {
  renderHash: string;
  models: Record<string, string>;
}

export const statePath = (root: string, outDir: string) =>
  path.join(root, '.cache', 'build-state', `${fingerprint(outDir)}.json`);

export async function readState(file: string): Promise<BuildState | undefined> {
  return readFile(file, 'utf8')
    .then((text) => JSON.parse(text) as BuildState)
    .catch(() => undefined);
}

/**
 * Starts the staging folder from the previous output and returns the models that must be rendered again: new or
 * changed pages and hubs. Files of pages no longer built are removed, and
 * host files are left to be written afresh.
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
  const present = new Set<string>();
  const emptied = new Set<string>();
  for (const [relative, size] of scanFolder(stagingDir)) {
    const name = path.basename(relative);
    const folder = `/${path.dirname(relative)}/`.replace('/./', '/');
    const stale =
      (name === 'index.html' && !current.has(folder)) ||
      (path.dirname(relative) === '.' &&
        /^(sitemap.*\.xml|analytics\.js|_headers|_redirects|robots\.txt|build-manifest\.json)$/.test(name));
    if (stale) {
      rmSync(path.join(stagingDir, relative));
      emptied.add(path.dirname(relative));
    }
    // A model that changed, or whose file is missing from the previous output, is rendered again.
    else if (name === 'index.html' && size > 0) present.add(folder);
  }
  removeEmptyFolders(stagingDir, emptied);
  const changed = (p: { path: string }) => !present.has(p.path) || previous.models[p.path] !== models[p.path];
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
