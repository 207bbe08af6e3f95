// The reference renderer: `astro build` renders every page itself, in child processes (one per core), from model
// files. Builds use the shells (render-with-shells.ts); a test holds that both give the same bytes.
import { rmSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { CheckedSite } from '../plan/check-site.ts';
import { writeModelFile } from './model-file.ts';
import { mergeInto } from './output-folder.ts';
import type { RenderOptions } from './render-options.ts';
import { runAstro } from './run-astro.ts';
import { renderSite } from './site-models.ts';
import { renderWorkers } from './stamp-pool.ts';

/**
 * Deals pages to workers whole folders at a time (a payer's pages, or a payer × item's when one payer is too big),
 * largest first to the least loaded worker: the workers' outputs then share few folders, and merging them is a
 * handful of folder renames instead of one rename per page.
 */
export function splitForWorkers<T extends { path: string }>(pages: readonly T[], workers: number): T[][] {
  const byFolder = (depth: number) => {
    const groups = new Map<string, T[]>();
    for (const p of pages) {
      const key = p.path
        .split('/')
        .slice(1, depth + 1)
        .join('/');
      const group = groups.get(key);
      if (group) group.push(p);
      else groups.set(key, [p]);
    }
    return [...groups.values()];
  };
  let groups = byFolder(1);
  if (Math.max(...groups.map((g) => g.length)) > (pages.length / workers) * 1.25) groups = byFolder(2);
  const shares: T[][] = Array.from({ length: workers }, () => []);
  for (const group of groups.sort((a, b) => b.length - a.length || a[0]!.path.localeCompare(b[0]!.path))) {
    const least = shares.reduce((min, s, i) => (s.length < shares[min]!.length ? i : min), 0);
    shares[least]!.push(...group);
  }
  return shares;
}

/**
 * Renders the site with `astro build` in child processes: Astro's memory is returned when each exits, an
 * interrupt can stop them before the staging folder is removed, and pages report progress over IPC. Pages are
 * dealt by folder to one worker per core; each worker reads its share from a model file, and their outputs
 * are merged into `outDir`.
 */
export async function renderWithAstro(
  site: CheckedSite,
  outDir: string,
  options: RenderOptions,
): Promise<void> {
  const rendered = options.rendered ?? renderSite(site);
  const workers = renderWorkers(rendered.pages.length);
  // Worker output stays inside the project, where Astro's prerender chunks can resolve node_modules.
  const scratch = path.join(options.root, '.cache', 'render', path.basename(outDir));
  await rm(scratch, { recursive: true, force: true });
  await mkdir(scratch, { recursive: true });
  options.staged?.onInterrupt(async () => rmSync(scratch, { recursive: true, force: true }));
  const home = rendered.hubs.filter((h) => h.path === '/');
  const pageShares = splitForWorkers(rendered.pages, workers);
  const shares = Array.from({ length: workers }, (_, w) => ({
    config: site.data.site,
    pages: pageShares[w]!,
    // Every worker builds the home and 404 pages (identical files); the first also builds the other hubs.
    hubs: w === 0 ? rendered.hubs : home,
  }));
  try {
    await Promise.all(
      shares.map(async (share, w) => {
        const modelFile = path.join(scratch, `model-${w}.json`);
        await writeModelFile(modelFile, share);
        const dir = workers === 1 && !options.keepExisting ? outDir : path.join(scratch, `out-${w}`);
        await runAstro(dir, modelFile, options);
      }),
    );
    if (workers > 1 || options.keepExisting)
      for (let w = 0; w < workers; w++) await mergeInto(path.join(scratch, `out-${w}`), outDir);
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
