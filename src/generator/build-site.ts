// npm run build: check the data, compute the models, render them into a staging folder, verify it, then swap it
// into place. Any failure leaves the previous output folder exactly as it was. buildSite() is the list of steps;
// each step is a module of this folder.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { BuildError, toFailure } from '../errors/build-error.ts';
import { hasErrors, sortErrors } from '../errors/data-error.ts';
import { auditContent } from '../models/content-audit.ts';
import { checkSite, type CheckedSite } from '../plan/check-site.ts';
import type { Site } from '../schema/index.ts';
import { recoverOutput, stageOutput, type StagedOutput } from './atomic-output.ts';
import { acquireBuildLock, type BuildLock } from './build-lock.ts';
import {
  outputDamage,
  readState,
  reuseUnchanged,
  statePath,
  storedFiles,
  writeState,
  type BuildState,
} from './build-state.ts';
import { writeHostFiles } from './host-files.ts';
import { fingerprint, hashInputs, renderHash, type InputHashes } from './input-hash.ts';
import { linkTreeInThread } from './link-tree.ts';
import { buildManifest, figuresOf, MANIFEST, readManifest, type Manifest } from './manifest.ts';
import { scanFolder, stampOf, totals, verifyOutput, type FileStamp } from './output-folder.ts';
import { PageWire } from './page-wire.ts';
import { silentProgress, type Progress } from './progress.ts';
import type { RenderOptions } from './render-options.ts';
import { renderWithShells } from './render-with-shells.ts';
import { checkOutOfShards, copyShards, hashFiles, shardLabel, shareOf, type Shard } from './shards.ts';
import { checkPages } from './page-checks.ts';
import { prepareShells, readSiteSettings, type ShellSet } from './shells.ts';
import { renderSite, type RenderedSite } from './site-models.ts';
import { emptySummary, removedWithoutRedirect, summarizeSite, type BuildSummary } from './summary.ts';

export type { BuildSummary } from './summary.ts';

export interface BuildOptions {
  root: string;
  dataDir?: string;
  templatesDir?: string;
  /** Defaults to <root>/dist. */
  outDir?: string;
  /** Renders the checked site into `outDir`; defaults to the shells. Replaceable in tests. */
  render?: (site: CheckedSite, outDir: string, options: RenderOptions) => Promise<void>;
  progress?: Progress;
  /** Rebuild even when the inputs hash matches the existing output's manifest. */
  force?: boolean;
  /** Build only share `index` (0-based) of `count` of the pages, plus every hub and shared asset. */
  shard?: Shard;
  /** Instead of rendering, combine the outputs of shard builds (see npm run merge). */
  mergeShards?: string[];
  /** A build to deploy: every business fact in site.yaml must be set (see BusinessFactUnset). */
  production?: boolean;
}

/** One build's settled paths, its summary so far, and stage timing. */
class BuildRun {
  readonly root: string;
  readonly dataDir: string;
  readonly templatesDir: string;
  readonly outDir: string;
  readonly progress: Progress;
  readonly summary: BuildSummary;
  readonly options: BuildOptions;
  private readonly started = performance.now();

  constructor(options: BuildOptions) {
    this.options = options;
    this.root = path.resolve(options.root);
    this.dataDir = path.resolve(this.root, options.dataDir ?? 'data');
    this.templatesDir = path.resolve(this.root, options.templatesDir ?? 'templates');
    this.outDir = path.resolve(this.root, options.outDir ?? 'dist');
    this.progress = options.progress ?? silentProgress;
    this.summary = emptySummary(this.outDir);
  }

  async timed<T>(stage: string, work: () => Promise<T> | T): Promise<T> {
    const t0 = performance.now();
    try {
      return await work();
    } finally {
      this.summary.stages.push({ stage, seconds: (performance.now() - t0) / 1000 });
    }
  }

  finish(): BuildSummary {
    return { ...this.summary, seconds: (performance.now() - this.started) / 1000 };
  }

  /** Renders the default way: with the layout shells, unless a test supplied a renderer. */
  get withShells(): boolean {
    return !this.options.render && !this.options.mergeShards;
  }
}

/** Nothing the build reads has changed since this output was written: if the output is intact, it is the result. */
function sameInputs(run: BuildRun, previous: Manifest | undefined, inputs: string): previous is Manifest {
  const { force, mergeShards, shard, production } = run.options;
  return (
    !force &&
    !mergeShards &&
    previous?.inputs === inputs &&
    previous.shard === shardLabel(shard) &&
    Boolean(previous.production) === Boolean(production)
  );
}

/**
 * The layout shells depend on the code and the site settings only: Astro renders them (unless they are cached)
 * while this process loads the data and builds the models. A failed data check stops it.
 */
function startShells(run: BuildRun, config: Site, code: string, staged: StagedOutput) {
  const key = renderHash(code, config);
  const controller = new AbortController();
  const { root, dataDir, templatesDir } = run;
  const started = prepareShells(config, key, {
    root,
    dataDir,
    templatesDir,
    staged,
    signal: controller.signal,
  });
  started.catch(() => undefined); // awaited by the renderer; a failure before that is reported there
  return {
    started,
    key,
    async stop() {
      controller.abort();
      await started.catch(() => undefined);
    },
  };
}
type ShellRun = ReturnType<typeof startShells>;

/** Incremental only with the same code and settings as the last build of this (unsharded) output. */
function canReuse(run: BuildRun, state: BuildState | undefined, render: string, previous?: Manifest) {
  const { shard, mergeShards, force, render: custom } = run.options;
  return (
    !shard &&
    !mergeShards &&
    !force &&
    !custom &&
    state?.renderHash === render &&
    !!previous &&
    !previous.shard
  );
}

export async function buildSite(options: BuildOptions): Promise<BuildSummary> {
  const run = new BuildRun(options);
  let lock: BuildLock;
  try {
    if (options.mergeShards) checkOutOfShards(options.mergeShards, run.outDir);
    await mkdir(path.dirname(run.outDir), { recursive: true });
    lock = acquireBuildLock(run.outDir);
  } catch (e) {
    run.summary.failure = toFailure(e);
    return run.finish();
  }
  try {
    // What a killed build left (its staging folder, a half-done swap) goes first, even if nothing else changed.
    await recoverOutput(run.outDir);
    return await buildLocked(run);
  } catch (e) {
    run.summary.failure = toFailure(e);
    return run.finish();
  } finally {
    lock.release();
  }
}

/** The build proper, holding the output folder's lock. */
async function buildLocked(run: BuildRun): Promise<BuildSummary> {
  const hashes = await run.timed('hash inputs', () => hashInputs(run.root, run.dataDir, run.templatesDir));
  const previous = await readManifest(run.outDir);
  const state = await readState(statePath(run.root, run.outDir));
  if (sameInputs(run, previous, hashes.inputs) && state) {
    // The output is trusted only as far as the recorded stamps prove it; damage is repaired by building.
    const damaged = await run.timed('verify output', () => outputDamage(run.outDir, state));
    if (!damaged.length) {
      Object.assign(run.summary, figuresOf(previous), { ok: true, upToDate: true });
      return run.finish();
    }
    run.summary.repaired = damaged;
  }
  const staged = await stageOutput(run.outDir);
  const settings = run.withShells ? await readSiteSettings(run.dataDir) : undefined;
  let shellRun = settings && startShells(run, settings, hashes.code, staged);

  run.progress.stage('check data');
  const checked = await run.timed('load, validate, join', async () => {
    const result = await checkSite({
      root: run.root,
      dataDir: run.dataDir,
      templatesDir: run.templatesDir,
      production: Boolean(run.options.production),
    });
    // Rules shown where they do not hold are data errors too, found before any page is made.
    return result.site
      ? { ...result, errors: sortErrors([...result.errors, ...auditContent(result.site)]) }
      : result;
  });
  run.summary.errors = checked.errors;
  const site = checked.site;
  if (!site || hasErrors(checked.errors)) {
    await shellRun?.stop();
    await staged.discard();
    return run.finish();
  }
  if (run.withShells && shellRun?.key !== renderHash(hashes.code, site.data.site)) {
    // Not expected (the check validates site.yaml the same way), but the shells must match the checked settings.
    await shellRun?.stop();
    shellRun = startShells(run, site.data.site, hashes.code, staged);
  }
  return produce(run, site, hashes, staged, { manifest: previous, state }, shellRun);
}

/** Models, render (or merge shards), host files, verify, swap into place, remember the state. */
async function produce(
  run: BuildRun,
  site: CheckedSite,
  hashes: InputHashes,
  staged: StagedOutput,
  last: { manifest: Manifest | undefined; state: BuildState | undefined },
  shellRun: ShellRun | undefined,
): Promise<BuildSummary> {
  const currentRender = renderHash(hashes.code, site.data.site);
  const previousState = last.state;
  const incremental = canReuse(run, previousState, currentRender, last.manifest);
  // The previous output is linked into staging on another thread while the models are computed.
  const linking = incremental ? linkTreeInThread(run.outDir, staged.dir) : undefined;
  if (linking) staged.onInterrupt(linking.stop);
  try {
    const wire = new PageWire();
    // The measure starts from the last build's when the code and settings (which shape the text) are the same.
    const previousMeasures = previousState?.renderHash === currentRender ? previousState.measures : undefined;
    const rendered = await run.timed('page models', () =>
      renderSite(site, { wire, ...(previousMeasures && { previousMeasures }) }),
    );
    run.summary.remeasured = rendered.measured;
    const pageErrors = checkPages(site, rendered.pages, rendered.hubs);
    if (pageErrors.length) {
      run.summary.errors = sortErrors([...run.summary.errors, ...pageErrors]);
      await shellRun?.stop();
      await linking?.stop();
      await staged.discard();
      return run.finish();
    }
    Object.assign(run.summary, summarizeSite(site, rendered));
    if (previousState)
      run.summary.removedPages = removedWithoutRedirect(Object.keys(previousState.models), rendered);
    const share = { ...rendered, pages: shareOf(rendered.pages, run.options.shard) };
    // A guide's fingerprint builds on its content's, which the measure computed: cheap for every page.
    const models: Record<string, string> = await run.timed('fingerprint models', () =>
      Object.fromEntries([
        ...rendered.pages.map((page) => [
          page.path,
          wire.fingerprint(page, rendered.contentPrints.get(page.path)),
        ]),
        ...rendered.hubs.map((hub) => [hub.path, fingerprint(hub)]),
      ]),
    );
    if (run.options.mergeShards) {
      const dirs = run.options.mergeShards;
      run.progress.stage('merge shards');
      await run.timed('merge shards', () => copyShards(dirs, staged.dir, hashes.inputs));
    } else {
      const work = incremental
        ? await run.timed('reuse unchanged pages', () =>
            reuseUnchanged(linking!.done, staged.dir, share, previousState!, models),
          )
        : share;
      await renderWork(run, site, staged, work, wire, shellRun?.started, incremental);
    }
    const files = await finishOutput(run, site, rendered, share, staged, hashes.inputs);
    // Shard and merge outputs are never rebuilt incrementally; their state only proves the output intact.
    const whole = !run.options.shard && !run.options.mergeShards;
    await writeState(statePath(run.root, run.outDir), {
      renderHash: currentRender,
      models: whole ? models : {},
      files: storedFiles(files),
      measures: rendered.measureRecord,
    });
  } catch (e) {
    await shellRun?.stop();
    await linking?.stop();
    await staged.discard();
    run.summary.failure = toFailure(e);
    return run.finish();
  }
  run.summary.ok = true;
  return run.finish();
}

/** Renders `work` into staging. */
async function renderWork(
  run: BuildRun,
  site: CheckedSite,
  staged: StagedOutput,
  work: RenderedSite,
  wire: PageWire,
  shells: Promise<ShellSet> | undefined,
  keepExisting: boolean,
): Promise<void> {
  const render = run.options.render ?? renderWithShells;
  run.summary.rerendered = work.pages.length;
  run.progress.stage('render pages', work.pages.length + work.hubs.length + 1);
  await run.timed('render HTML', () =>
    render(site, staged.dir, {
      root: run.root,
      dataDir: run.dataDir,
      templatesDir: run.templatesDir,
      progress: run.progress,
      staged,
      rendered: work,
      keepExisting,
      wire,
      ...(shells && { shells }),
    }),
  );
  run.progress.done();
}

/** Host files (not for a shard), the completeness check, the manifest, and the swap into place. */
async function finishOutput(
  run: BuildRun,
  site: CheckedSite,
  rendered: RenderedSite,
  share: RenderedSite,
  staged: StagedOutput,
  inputs: string,
): Promise<Map<string, FileStamp>> {
  const shard = run.options.shard;
  if (!shard) {
    run.progress.stage('sitemaps and host files');
    await run.timed('sitemaps and host files', () =>
      writeHostFiles(staged.dir, site.data.site, rendered.redirects, rendered.sitemap),
    );
  }
  const files = await run.timed('verify', async () => {
    const files = scanFolder(staged.dir);
    const problem = verifyOutput(share, files, !shard);
    if (problem) throw new BuildError('OutputIncomplete', problem);
    Object.assign(run.summary, totals(files));
    const hashes = shard ? await hashFiles(staged.dir, [...files.keys()]) : undefined;
    const manifest = buildManifest(site.data.site, run.summary, inputs, {
      ...(shard && { shard: shardLabel(shard)! }),
      ...(hashes && { files: hashes }),
      ...(run.options.production && { production: true }),
    });
    await writeFile(path.join(staged.dir, MANIFEST), manifest);
    // Renaming the folder into place keeps every file's inode and time, so these stamps hold in the output.
    return files.set(MANIFEST, stampOf(path.join(staged.dir, MANIFEST)));
  });
  await run.timed('swap into place', () => staged.commit());
  return files;
}
