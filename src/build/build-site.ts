// npm run build: check the data, let Astro render into a staging folder, verify it, then swap it into place.
// Any failure leaves the previous output folder exactly as it was.
import { readdirSync, rmSync, statSync } from 'node:fs';
import { copyFile, cp, link, mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { hasErrors, type DataError } from '../errors/data-error.ts';
import {
  checkSite,
  renderSite,
  renderSiteInThreads,
  type CheckedSite,
  type RenderedSite,
} from '../pipeline/index.ts';
import type { NearDuplicate, NearDuplicateMemo } from '../pipeline/near-duplicates.ts';
import { stageOutput, type StagedOutput } from './atomic-output.ts';
import { SITEMAP_INDEX, writeHostFiles } from './host-files.ts';
import { HOST_LIMITS } from './host-limits.ts';
import { fingerprint, hashInputs, renderHash } from './input-hash.ts';
import type { Site } from '../schema/index.ts';
import { writeModelFile } from '../site-data.ts';
import { silentProgress, type Progress } from './progress.ts';
import { runAstro } from './run-astro.ts';
import { linkTreeInThread } from './link-tree.ts';
import { listFiles, prepareShells, readSiteSettings, type ShellSet } from './shells.ts';
import { PageWire } from './page-wire.ts';
import { createStamper, type Stamped, type StampSetup } from './stamp.ts';
import type { StampBatch, StampReply } from './stamp-worker.ts';

/** Lengths search results show before cutting off. */
export const TITLE_MAX = 60;
export const DESCRIPTION_MAX = 155;

export interface BuildOptions {
  root: string;
  dataDir?: string;
  templatesDir?: string;
  /** Defaults to <root>/dist. */
  outDir?: string;
  /** Renders the checked site into `outDir`; defaults to Astro's build. Replaceable in tests. */
  render?: (site: CheckedSite, outDir: string, options: RenderOptions) => Promise<void>;
  progress?: Progress;
  /** Rebuild even when the inputs hash matches the existing output's manifest. */
  force?: boolean;
  /** Build only share `index` (0-based) of `count` of the pages, plus every hub and shared asset. */
  shard?: Shard;
  /** Instead of rendering, combine the outputs of shard builds (see npm run merge). */
  mergeShards?: string[];
}

export interface Shard {
  index: number;
  count: number;
}

/** "2/4" → the second of four shards. */
export function parseShard(spec: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(spec);
  const index = Number(m?.[1]);
  const count = Number(m?.[2]);
  if (!m || count < 1 || index < 1 || index > count)
    throw new Error(`--shard expects i/n with 1 ≤ i ≤ n, for example 1/4 (got "${spec}")`);
  return { index: index - 1, count };
}

const shardLabel = (shard: Shard | undefined) => (shard ? `${shard.index + 1}/${shard.count}` : undefined);

/** Copies shard outputs into `dir` after checking they are the complete set, built from these inputs. */
async function copyShards(dirs: readonly string[], dir: string, inputs: string): Promise<void> {
  const seen = new Map<number, string>();
  let count: number | undefined;
  for (const shardDir of dirs) {
    const manifest = await readManifest(shardDir);
    const label = manifest?.shard;
    if (!manifest || !label)
      throw new Error(`${shardDir} is not the output of a sharded build (no shard manifest)`);
    if (manifest.inputs !== inputs)
      throw new Error(
        `${shardDir} (shard ${label}) was built from other data, templates or code than this checkout`,
      );
    const { index, count: n } = parseShard(label);
    if (count !== undefined && n !== count)
      throw new Error(`shards of different splits: ${label} and …/${count}`);
    count = n;
    if (seen.has(index)) throw new Error(`shard ${label} given twice: ${seen.get(index)} and ${shardDir}`);
    seen.set(index, shardDir);
    await cp(shardDir, dir, {
      recursive: true,
      force: true,
      filter: (source) => path.relative(shardDir, source) !== MANIFEST,
    });
  }
  const missing = Array.from({ length: count ?? 0 }, (_, i) => i).filter((i) => !seen.has(i));
  if (!count || missing.length)
    throw new Error(
      `missing shard(s): ${missing.map((i) => `${i + 1}/${count}`).join(', ') || 'none given'}`,
    );
}

export interface BuildSummary {
  ok: boolean;
  errors: DataError[];
  /** What failed, when `ok` is false and the failure was not a data error. */
  failure?: string;
  pages: { indexable: number; noindex: number; skipped: number; inapplicable: number };
  /** Why pages were not built or built noindex, with counts. */
  reasons: { status: string; why: string; count: number }[];
  /** Home, payer, item and reason hubs written. */
  hubs: number;
  redirects: number;
  sitemapUrls: number;
  /** Problems that do not stop the build (over-long titles, redirect limits). */
  warnings: string[];
  files: number;
  bytes: number;
  /** Wall time per stage, in order. */
  stages: { stage: string; seconds: number }[];
  seconds: number;
  outDir: string;
  /** True when the output already matched the inputs and nothing was rebuilt. */
  upToDate?: boolean;
  /** Guide pages rendered this time (the rest were reused from the previous output). */
  rerendered?: number;
}

/** Options every renderer gets. */
export interface RenderOptions {
  root: string;
  dataDir: string;
  templatesDir: string;
  progress: Progress;
  staged?: StagedOutput;
  /** The finished models; Astro workers read them from a model file instead of rerunning the pipeline. */
  rendered?: RenderedSite;
  /** `outDir` already holds reused pages: render beside it and merge, never into it directly. */
  keepExisting?: boolean;
  /** The layout shells, when the build has started preparing them (in parallel with the page models). */
  shells?: Promise<ShellSet>;
  /** Encodes pages for stamping threads and fingerprints them; the build's own, so shared texts are hashed once. */
  wire?: PageWire;
  /** Called with the fingerprint of every model rendered, when the renderer computed them on the way. */
  onFingerprints?: (fingerprints: Map<string, string>) => void;
}

/** Render workers for a page count: one per core (at most four), and one for small sites. */
export function renderWorkers(pages: number): number {
  const requested = Number(process.env['DENIAL_PAGES_WORKERS']);
  if (Number.isInteger(requested) && requested > 0) return requested;
  return pages < 400 ? 1 : Math.max(1, Math.min(availableParallelism(), 4, Math.ceil(pages / 400)));
}

/** From this many combinations, the near-duplicate comparison runs on a second thread beside the page models. */
const THREADED_MODELS = 1000;

/** The page models, on two threads when the site is large and a second core is there. */
function modelsFor(site: CheckedSite, memo?: NearDuplicateMemo): Promise<RenderedSite> | RenderedSite {
  const threaded = site.join.combinations.length >= THREADED_MODELS && availableParallelism() > 1;
  return threaded ? renderSiteInThreads(site, memo) : renderSite(site, memo);
}

/** rename() a file or folder, or copy and delete it when the two paths are on different filesystems. */
async function move(from: string, to: string): Promise<void> {
  try {
    await rename(from, to);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EXDEV') throw e;
    await cp(from, to, { recursive: true });
    await rm(from, { recursive: true });
  }
}

/** Moves every file of `from` into `to`, merging folders; a file already in `to` is replaced. */
export async function mergeInto(from: string, to: string): Promise<void> {
  await mkdir(to, { recursive: true });
  for (const entry of await readdir(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.isDirectory()) {
      const existing = await stat(target).catch(() => undefined);
      if (existing?.isDirectory()) await mergeInto(source, target);
      else await move(source, target);
    } else {
      await move(source, target);
    }
  }
  await rm(from, { recursive: true, force: true });
}

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

/** Hard-links each file of `from` into `to` (a copy across filesystems), replacing a file already there. */
async function placeFiles(from: string, to: string): Promise<void> {
  for (const file of await listFiles(from)) {
    const target = path.join(to, file);
    await mkdir(path.dirname(target), { recursive: true });
    await rm(target, { force: true });
    await link(path.join(from, file), target).catch(() => copyFile(path.join(from, file), target));
  }
}

/** Models per message to a stamping thread: few messages, little held in flight. */
const STAMP_BATCH = 64;

/**
 * Stamps in `threads` worker threads, each fed batches of model JSON (pages in PageWire form, each shared text sent
 * once per thread); returns the models' fingerprints.
 */
async function stampInThreads(
  setup: StampSetup,
  entries: Iterable<Stamped>,
  threads: number,
  progress: Progress,
  wire: PageWire,
): Promise<Map<string, string>> {
  const fingerprints = new Map<string, string>();
  const workers = Array.from(
    { length: threads },
    () => new Worker(new URL('./stamp-worker.ts', import.meta.url), { workerData: setup }),
  );
  const waiting = new Map<number, { resolve: () => void; reject: (e: Error) => void }>();
  const failed = new Promise<never>((_, reject) => {
    for (const worker of workers) {
      worker.on('error', reject);
      worker.on('message', (reply: StampReply) => {
        const pending = waiting.get(reply.id)!;
        waiting.delete(reply.id);
        if (reply.error) return pending.reject(new Error(`writing pages failed: ${reply.error}`));
        for (const [page, fp] of reply.fingerprints!) fingerprints.set(page, fp);
        progress.tick(reply.fingerprints!.length);
        pending.resolve();
      });
    }
  });
  failed.catch(() => undefined);
  let id = 0;
  // Each thread has at most two batches queued, so memory holds a few hundred pages, not the site.
  const send = (w: number, batch: Omit<StampBatch, 'id'>) =>
    new Promise<void>((resolve, reject) => {
      waiting.set(++id, { resolve, reject });
      workers[w]!.postMessage({ id, ...batch } satisfies StampBatch);
    });
  const lanes = workers.map(() => Promise.resolve());
  const inFlight = workers.map(() => [] as Promise<void>[]);
  // The shared texts each thread has been sent.
  const known = workers.map(() => new Set<string>());
  try {
    let w = 0;
    let batch: Omit<StampBatch, 'id'> = { kind: 'hub', models: [], shared: [] };
    const flush = async () => {
      if (!batch.models.length) return;
      if (inFlight[w]!.length >= 2) await Promise.race([inFlight[w]!.shift()!, failed]);
      const sent = send(w, batch);
      inFlight[w]!.push(sent);
      lanes[w] = lanes[w]!.then(() => sent);
      w = (w + 1) % threads;
      batch = { kind: batch.kind, models: [], shared: [] };
    };
    for (const entry of entries) {
      if (entry.kind !== batch.kind) {
        await flush();
        batch.kind = entry.kind;
      }
      if (entry.kind === 'hub') batch.models.push(JSON.stringify(entry.model));
      else {
        const { json, shared } = wire.encode(entry.model);
        batch.models.push(json);
        for (const [digest, text] of shared) {
          if (known[w]!.has(digest)) continue;
          known[w]!.add(digest);
          batch.shared.push([digest, text]);
        }
      }
      if (batch.models.length >= STAMP_BATCH) await flush();
    }
    await flush();
    await Promise.race([Promise.all(lanes), failed]);
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return fingerprints;
}

/**
 * The default renderer. Astro renders the layout shells, the 404 page and the assets once (or they come from
 * the cache); every page and hub is then its shell with the page's parts filled in, written straight to disk,
 * by worker threads on a large site. A test holds that this gives the same bytes as renderWithAstro, which has
 * Astro render every page itself.
 */
export async function renderWithShells(
  site: CheckedSite,
  outDir: string,
  options: RenderOptions,
): Promise<void> {
  const rendered = options.rendered ?? renderSite(site);
  const config = site.data.site;
  const shells = await (options.shells ??
    hashInputs(options.root, options.dataDir, options.templatesDir).then(({ code }) =>
      prepareShells(config, renderHash(code, config), options),
    ));
  await placeFiles(shells.staticDir, outDir);
  const setup: StampSetup = {
    shells: { guide: shells.guide, hub: shells.hub },
    config,
    outDir,
    keepExisting: Boolean(options.keepExisting),
  };
  function* entries(): Generator<Stamped> {
    for (const model of rendered.hubs) yield { kind: 'hub', model };
    for (const model of rendered.pages) yield { kind: 'page', model };
  }
  const threads = renderWorkers(rendered.pages.length);
  if (threads > 1) {
    const fingerprints = await stampInThreads(
      setup,
      entries(),
      threads,
      options.progress,
      options.wire ?? new PageWire(),
    );
    options.onFingerprints?.(fingerprints);
    return;
  }
  const stamp = createStamper(setup);
  for (const entry of entries()) {
    stamp(entry);
    options.progress.tick();
  }
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

/** Every file under `dir` (relative path) with its size, in one synchronous walk: a few syscalls per file. */
export function scanFolder(dir: string): Map<string, number> {
  const sizes = new Map<string, number>();
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    sizes.set(path.relative(dir, file), statSync(file).size);
  }
  return sizes;
}

/** Files and total bytes of a scanFolder() result, the two numbers host limits care about. */
function totals(sizes: ReadonlyMap<string, number>): { files: number; bytes: number } {
  let bytes = 0;
  for (const size of sizes.values()) bytes += size;
  return { files: sizes.size, bytes };
}

export async function folderSize(dir: string): Promise<{ files: number; bytes: number }> {
  return totals(scanFolder(dir));
}

/** Every page, hub, redirect and host file must exist and be non-empty before staging may replace the output. */
function verifyOutput(
  rendered: RenderedSite,
  files: ReadonlyMap<string, number>,
  hostFiles = true,
): string | undefined {
  const redirects = hostFiles ? rendered.redirects.map((r) => ({ path: r.from })) : [];
  const expected = [
    ...[...rendered.hubs, ...rendered.pages, ...redirects].map((p) =>
      path.join(p.path.slice(1), 'index.html'),
    ),
    '404.html',
    ...(hostFiles ? ['robots.txt', '_headers', SITEMAP_INDEX] : []),
  ];
  for (const file of expected) if (!files.get(file)) return `expected file ${file} was not written`;
  return undefined;
}

export function collectWarnings(site: CheckedSite, rendered: RenderedSite): string[] {
  const warnings: string[] = [];
  const all = [...rendered.hubs, ...rendered.pages];
  const longTitles = all.filter((p) => p.title.length > TITLE_MAX);
  const longDescriptions = all.filter((p) => p.description.length > DESCRIPTION_MAX);
  if (longTitles.length) {
    const first = longTitles[0]!;
    warnings.push(
      `${longTitles.length} title(s) longer than ${TITLE_MAX} characters, e.g. ${first.path} (${first.title.length})`,
    );
  }
  if (longDescriptions.length) {
    const first = longDescriptions[0]!;
    warnings.push(
      `${longDescriptions.length} description(s) longer than ${DESCRIPTION_MAX} characters, e.g. ${first.path} (${first.description.length})`,
    );
  }
  const host = site.data.site.deploy.host;
  const limit = HOST_LIMITS[host].staticRedirects?.value;
  if (limit !== undefined && rendered.redirects.length > limit) {
    warnings.push(
      `${rendered.redirects.length} redirects exceed ${host}'s documented limit of ${limit} static redirects; ` +
        'entries past the limit are ignored by the host, though the HTML fallback pages still redirect',
    );
  }
  return warnings;
}

export const MANIFEST = 'build-manifest.json';

/** What tooling reads after a build: the summary without timings, so identical inputs give an identical file. */
export function buildManifest(site: CheckedSite, summary: BuildSummary, inputs = '', shard?: string): string {
  const manifest = {
    generator: 'denial-pages',
    ...(shard && { shard }),
    /** Hash of data, templates, code and locked dependencies; an equal hash means an equal build. */
    inputs,
    host: site.data.site.deploy.host,
    origin: site.data.site.origin,
    pages: summary.pages,
    hubs: summary.hubs,
    reasons: summary.reasons,
    redirects: summary.redirects,
    sitemapUrls: summary.sitemapUrls,
    files: summary.files,
    bytes: summary.bytes,
    warnings: summary.warnings,
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

function countStatuses(site: CheckedSite, summary: BuildSummary): void {
  const why = new Map<string, number>();
  const count = (key: string) => why.set(key, (why.get(key) ?? 0) + 1);
  for (const c of site.join.combinations) {
    summary.pages[c.status]++;
    if (c.status !== 'indexable') count(`${c.status}|${c.why}`);
  }
  summary.pages.inapplicable = site.join.inapplicable.length;
  for (const e of site.join.inapplicable) count(`inapplicable|${e.why}`);
  summary.reasons = [...why].map(([key, n]) => {
    const [status, reason] = key.split('|') as [string, string];
    return { status, why: reason, count: n };
  });
}

async function readManifest(outDir: string) {
  try {
    const text = await readFile(path.join(outDir, MANIFEST), 'utf8');
    return JSON.parse(text) as Pick<
      BuildSummary,
      'pages' | 'reasons' | 'hubs' | 'redirects' | 'sitemapUrls' | 'files' | 'bytes' | 'warnings'
    > & { inputs?: string; shard?: string };
  } catch {
    return undefined;
  }
}

/** What the last build of an output folder rendered, kept in .cache/ (not deployed). */
interface BuildState {
  renderHash: string;
  models: Record<string, string>;
  /** Near-duplicate results by group (see NearDuplicateMemo). */
  nearDuplicates?: Record<string, NearDuplicate[]>;
}

const statePath = (root: string, outDir: string) =>
  path.join(root, '.cache', 'build-state', `${fingerprint(outDir)}.json`);

async function readState(file: string): Promise<BuildState | undefined> {
  return readFile(file, 'utf8')
    .then((text) => JSON.parse(text) as BuildState)
    .catch(() => undefined);
}

/**
 * Starts the staging folder from the previous output and returns the models that must be rendered again: new or
 * changed pages and hubs. Files of pages no longer built are removed, and
 * host files are left to be written afresh.
 */
async function reuseUnchanged(
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
  for (const [relative, size] of scanFolder(stagingDir)) {
    const name = path.basename(relative);
    const folder = `/${path.dirname(relative)}/`.replace('/./', '/');
    const stale =
      (name === 'index.html' && !current.has(folder)) ||
      (path.dirname(relative) === '.' &&
        /^(sitemap.*\.xml|analytics\.js|_headers|_redirects|robots\.txt|build-manifest\.json)$/.test(name));
    if (stale) rmSync(path.join(stagingDir, relative));
    // A model that changed, or whose file is missing from the previous output, is rendered again.
    else if (name === 'index.html' && size > 0) present.add(folder);
  }
  const changed = (p: { path: string }) => !present.has(p.path) || previous.models[p.path] !== models[p.path];
  return {
    ...rendered,
    pages: rendered.pages.filter(changed),
    hubs: rendered.hubs.filter(changed),
  };
}

export async function buildSite(options: BuildOptions): Promise<BuildSummary> {
  const started = performance.now();
  const root = path.resolve(options.root);
  const dataDir = path.resolve(root, options.dataDir ?? 'data');
  const templatesDir = path.resolve(root, options.templatesDir ?? 'templates');
  const outDir = path.resolve(root, options.outDir ?? 'dist');
  const render = options.render ?? renderWithShells;
  const progress = options.progress ?? silentProgress;
  const summary: BuildSummary = {
    ok: false,
    errors: [],
    pages: { indexable: 0, noindex: 0, skipped: 0, inapplicable: 0 },
    reasons: [],
    hubs: 0,
    redirects: 0,
    sitemapUrls: 0,
    warnings: [],
    files: 0,
    bytes: 0,
    stages: [],
    seconds: 0,
    outDir,
  };
  const finish = () => ({ ...summary, seconds: (performance.now() - started) / 1000 });
  const timed = async <T>(stage: string, work: () => Promise<T> | T): Promise<T> => {
    const t0 = performance.now();
    try {
      return await work();
    } finally {
      summary.stages.push({ stage, seconds: (performance.now() - t0) / 1000 });
    }
  };

  const { inputs, code } = await timed('hash inputs', () => hashInputs(root, dataDir, templatesDir));
  const shard = options.shard;
  const previous = await readManifest(outDir);
  if (!options.force && !options.mergeShards) {
    if (previous?.inputs === inputs && previous.shard === shardLabel(shard)) {
      // Nothing the build reads has changed since this output was written: it is already the result.
      Object.assign(summary, {
        ok: true,
        upToDate: true,
        pages: previous.pages,
        reasons: previous.reasons,
        hubs: previous.hubs,
        redirects: previous.redirects,
        sitemapUrls: previous.sitemapUrls,
        files: previous.files,
        bytes: previous.bytes,
        warnings: previous.warnings,
      });
      return finish();
    }
  }

  const staged = await stageOutput(outDir);
  // The layout shells depend on the code and the site settings only. Astro renders them (unless they are cached)
  // while this process loads the data and builds the page models; a failed data check stops it.
  const startShells = (config: Site) => {
    const key = renderHash(code, config);
    const controller = new AbortController();
    const signal = controller.signal;
    const started = prepareShells(config, key, { root, dataDir, templatesDir, staged, signal });
    started.catch(() => undefined); // awaited by the renderer; a failure before that is reported there
    return {
      started,
      key,
      async stop() {
        controller.abort();
        await started.catch(() => undefined);
      },
    };
  };
  const withShells = render === renderWithShells && !options.mergeShards;
  const settings = withShells ? await readSiteSettings(dataDir) : undefined;
  let shellRun = settings && startShells(settings);

  progress.stage('check data');
  const { site, errors } = await timed('load, validate, join', () =>
    checkSite({ root, dataDir, templatesDir }),
  );
  summary.errors = errors;
  if (!site || hasErrors(errors)) {
    await shellRun?.stop();
    await staged.discard();
    return finish();
  }

  const currentRender = renderHash(code, site.data.site);
  if (withShells && shellRun?.key !== currentRender) {
    // Not expected (the check validates site.yaml the same way), but the shells must match the checked settings.
    await shellRun?.stop();
    shellRun = startShells(site.data.site);
  }
  const shells = shellRun?.started;
  // Incremental: with the same code and settings, an unchanged model renders to the same file as last time. The
  // previous output is linked into staging on another thread meanwhile.
  const previousState = await readState(statePath(root, outDir));
  const incremental =
    !shard &&
    !options.mergeShards &&
    !options.force &&
    !options.render &&
    previousState?.renderHash === currentRender &&
    previous !== undefined &&
    !previous.shard;
  const linking = incremental ? linkTreeInThread(outDir, staged.dir) : undefined;
  if (linking) staged.onInterrupt(linking.stop);
  try {
    // Near-duplicate results of the previous build hold while the code and settings are the same.
    const memo: NearDuplicateMemo = {
      previous: (previousState?.renderHash === currentRender && previousState.nearDuplicates) || {},
      next: {},
    };
    const rendered = await timed('page models', () => modelsFor(site, memo));
    // Counted after rendering: the near-duplicate rule can take pages out of the index.
    countStatuses(site, summary);
    summary.hubs = rendered.hubs.length;
    summary.redirects = rendered.redirects.length;
    summary.sitemapUrls = rendered.sitemap.length;
    summary.warnings = collectWarnings(site, rendered);
    // A shard renders a deterministic share of the pages (every n-th), and every hub and asset.
    const share = shard
      ? { ...rendered, pages: rendered.pages.filter((_, i) => i % shard.count === shard.index) }
      : rendered;
    // The fingerprints are needed up front to compare; otherwise the stamping threads compute them on the way.
    const wire = new PageWire();
    const fingerprintAll = () =>
      Object.fromEntries([
        ...rendered.pages.map((page) => [page.path, wire.fingerprint(page)]),
        ...rendered.hubs.map((hub) => [hub.path, fingerprint(hub)]),
      ]);
    let models = incremental ? await timed('fingerprint models', fingerprintAll) : undefined;
    const allModels = rendered.pages.length + rendered.hubs.length;
    if (options.mergeShards) {
      const dirs = options.mergeShards;
      progress.stage('merge shards');
      await timed('merge shards', () => copyShards(dirs, staged.dir, inputs));
    } else {
      const work = incremental
        ? await timed('reuse unchanged pages', () =>
            reuseUnchanged(linking!.done, staged.dir, share, previousState!, models!),
          )
        : share;
      summary.rerendered = work.pages.length;
      progress.stage('render pages', work.pages.length + work.hubs.length + 1);
      await timed('render HTML', () =>
        render(site, staged.dir, {
          root,
          dataDir,
          templatesDir,
          progress,
          staged,
          rendered: work,
          keepExisting: incremental,
          wire,
          ...(shells && { shells }),
          onFingerprints: (found) => {
            if (found.size === allModels) models ??= Object.fromEntries(found);
          },
        }),
      );
      progress.done();
    }
    if (!shard) {
      progress.stage('sitemaps and host files');
      await timed('sitemaps and host files', () =>
        writeHostFiles(staged.dir, site.data.site, rendered.redirects, rendered.sitemap),
      );
    }
    await timed('verify', async () => {
      const files = scanFolder(staged.dir);
      const problem = verifyOutput(share, files, !shard);
      if (problem) throw new Error(problem);
      Object.assign(summary, totals(files));
      await writeFile(
        path.join(staged.dir, MANIFEST),
        buildManifest(site, summary, inputs, shardLabel(shard)),
      );
    });
    await timed('swap into place', () => staged.commit());
    if (!shard && !options.mergeShards) {
      const state: BuildState = {
        renderHash: currentRender,
        models: models ?? fingerprintAll(),
        nearDuplicates: memo.next,
      };
      await mkdir(path.dirname(statePath(root, outDir)), { recursive: true });
      await writeFile(statePath(root, outDir), JSON.stringify(state));
    }
  } catch (e) {
    await shellRun?.stop();
    await linking?.stop();
    await staged.discard();
    summary.failure = (e as Error).message;
    return finish();
  }
  summary.ok = true;
  return finish();
}
