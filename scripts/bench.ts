// npm run bench [-- --sizes 1000,10000] [-- --quick]: build synthetic sites of fixed sizes from a seed and time
// them. Per size: a cold build (no .cache/, no previous output) with the peak memory of its whole process tree, a
// rebuild with nothing changed, the floor (src/bench/floor.ts: the same pages from one precompiled Handlebars
// template, no Astro), rebuilds after one angle, one fact (the synthetic one cited on 1% of the pages) and one template
// changed, and `check`; each also as a ratio to the floor of the same run. Prints tables (and the seconds of each
// build stage); writes .bench/results.json. --quick leaves out the 100,000-page size.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { appendFile, cp, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parseDocument } from 'yaml';
import { RARE_FACT, writeSyntheticSite } from '../src/bench/synthetic.ts';
import { folderSize } from '../src/generator/output-folder.ts';

const ROOT = process.cwd();
const BENCH_DIR = path.join(ROOT, '.bench');
const CACHE_DIR = path.join(ROOT, '.cache');
const TEMPLATES = 'templates';
const SEED = 20261123;
const DEFAULT_SIZES = [1000, 10000, 50000, 100000];
/** What --quick leaves out. */
const SLOW_SIZES = new Set([100000]);
const POLL_MS = 100;
/**
 * The angle the edit rebuild changes, and what it appends (short enough to stay under angleWords.max). Its pages
 * have no full angle above it at any size (full angles go to the first reason first), and the bench checks that
 * the sentence reached one of them, so the edit is never one that no page shows.
 */
const EDITED_ANGLE = 'angles/item-reason/item-0--not-medically-necessary.mdx';
const EDITED_PAGE = 'payer-0/item-0/not-medically-necessary/index.html';
const EDIT = '\nThe bench added this sentence.\n';
/** Appended to the edited fact's statement; the bench checks it reached a page that cites the fact. */
const FACT_EDIT = ' The bench edited this fact.';
/** The template edit: a guide template that reaches one kind of item's pages only. */
const EDITED_TEMPLATE = 'requirements/test.hbs';
const TEMPLATE_EDIT = '<p>The bench edited this template.</p>';

interface Run {
  command: string;
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  seconds: number;
  peakRssBytes: number;
}

interface SizeResult {
  pages: number;
  /** Pages the build reported writing (indexable + noindex), hubs not included. */
  builtPages: number | undefined;
  seconds: number;
  floorSeconds: number;
  /** The floor's own render time, without process start-up and module loading. */
  floorRenderSeconds: number;
  ratio: number;
  peakRssBytes: number;
  rebuildSeconds: number;
  editRebuildSeconds: number;
  factEditSeconds: number;
  templateEditSeconds: number;
  checkSeconds: number;
  /** Each timed step's seconds over the floor's (the cold build's is `ratio`). */
  ratios: { rebuild: number; editRebuild: number; factEdit: number; templateEdit: number; check: number };
  /** The edited fact, and how many guide pages cite it. */
  editedFact: { id: string; pages: number };
  /** Build stages as the build reports them (`time by stage`), in seconds. */
  stages: Record<string, number>;
  rebuildStages: Record<string, number>;
  editRebuildStages: Record<string, number>;
  factEditStages: Record<string, number>;
  templateEditStages: Record<string, number>;
  outputFiles: number;
  outputBytes: number;
  floorOutputBytes: number;
}

// --- process-tree memory -------------------------------------------------------------------------------------

/** Parent pid of every process, from /proc/PID/stat (the command name may contain spaces and parentheses). */
async function parentPids(): Promise<Map<number, number[]>> {
  const children = new Map<number, number[]>();
  const entries = await readdir('/proc').catch(() => [] as string[]);
  await Promise.all(
    entries
      .filter((e) => /^\d+$/.test(e))
      .map(async (e) => {
        const stat = await readFile(`/proc/${e}/stat`, 'utf8').catch(() => undefined);
        if (!stat) return;
        const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
        const list = children.get(ppid) ?? [];
        list.push(Number(e));
        children.set(ppid, list);
      }),
  );
  return children;
}

async function rssBytes(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  const kb = /^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1];
  return kb ? Number(kb) * 1024 : 0;
}

/** Resident memory of `pid` and all its descendants, summed. */
async function treeRss(pid: number): Promise<number> {
  const children = await parentPids();
  const tree: number[] = [];
  const queue = [pid];
  while (queue.length) {
    const p = queue.pop()!;
    tree.push(p);
    queue.push(...(children.get(p) ?? []));
  }
  const sizes = await Promise.all(tree.map(rssBytes));
  return sizes.reduce((a, b) => a + b, 0);
}

// --- child processes -----------------------------------------------------------------------------------------

/** Runs a TypeScript entry under this Node (which strips the types), timing it and sampling the tree's memory every 100 ms. */
function runScript(args: string[]): Promise<Run> {
  const command = `node ${args.map((a) => path.relative(ROOT, a) || a).join(' ')}`;
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    let peakRssBytes = 0;
    let sampling = false;
    const sample = async () => {
      if (sampling || child.pid === undefined) return;
      sampling = true;
      try {
        peakRssBytes = Math.max(peakRssBytes, await treeRss(child.pid));
      } finally {
        sampling = false;
      }
    };
    void sample();
    const timer = setInterval(() => void sample(), POLL_MS);
    child.on('error', (e) => {
      clearInterval(timer);
      reject(e);
    });
    child.on('close', (code, signal) => {
      clearInterval(timer);
      const seconds = (performance.now() - started) / 1000;
      resolve({ command, code, signal, stdout, stderr, seconds, peakRssBytes });
    });
  });
}

class RunFailed extends Error {
  readonly run: Run;
  constructor(run: Run) {
    super(`${run.command} exited with ${run.signal ?? `code ${run.code}`}`);
    this.run = run;
  }
}

async function mustRun(args: string[]): Promise<Run> {
  const run = await runScript(args);
  if (run.code !== 0) throw new RunFailed(run);
  return run;
}

// --- output parsing and measuring ----------------------------------------------------------------------------

/** `time by stage   load, validate, join 0.54s · page models 1.59s · …` → { 'load, validate, join': 0.54, … } */
function parseStages(stdout: string): Record<string, number> {
  const line = stdout.split('\n').find((l) => l.trim().startsWith('time by stage'));
  const stages: Record<string, number> = {};
  if (!line) return stages;
  for (const part of line
    .trim()
    .replace(/^time by stage\s+/, '')
    .split(' · ')) {
    const match = /^(.+) (\d+(?:\.\d+)?)s$/.exec(part.trim());
    if (match) stages[match[1]!] = Number(match[2]);
  }
  return stages;
}

/** The guide pages (their files under `outDir`) that cite fact `id` (data-fact), read from the built output. */
async function pagesCiting(outDir: string, id: string): Promise<{ id: string; pages: number; page: string }> {
  const on: string[] = [];
  for (const entry of await readdir(outDir, { recursive: true })) {
    if (!entry.endsWith('index.html') || entry.split(path.sep).length !== 4) continue;
    if ((await readFile(path.join(outDir, entry), 'utf8')).includes(`data-fact="${id}"`)) on.push(entry);
  }
  if (!on.length) throw new Error(`no guide cites fact ${id}: the one-fact edit would reach nothing`);
  return { id, pages: on.length, page: on[0]! };
}

/** Appends FACT_EDIT to the statement of fact `id` in facts.yaml, keeping the rest of the file as it is. */
async function editFact(file: string, id: string): Promise<void> {
  const doc = parseDocument(await readFile(file, 'utf8'));
  const facts = doc.contents as unknown as {
    items: { get(k: string): unknown; set(k: string, v: unknown): void }[];
  };
  const fact = facts.items.find((f) => f.get('id') === id)!;
  fact.set('statement', `${String(fact.get('statement'))}${FACT_EDIT}`);
  await writeFile(file, doc.toString({ lineWidth: 0 }));
}

function parseBuiltPages(stdout: string): number | undefined {
  const n = /^\s*pages written\s+(\d+)/m.exec(stdout)?.[1];
  return n === undefined ? undefined : Number(n);
}

// --- one size ------------------------------------------------------------------------------------------------

const log = (size: number, message: string) => process.stdout.write(`[${size}] ${message}\n`);

/**
 * ext4 without a journal will not reuse an inode for 60 seconds after its file is deleted (300 while the inode
 * table is unwritten; `recently_deleted()` in fs/ext4/ialloc.c), and it checks each such inode again for every new
 * file. Right after tens of thousands of files are deleted, creating as many new ones then costs several seconds
 * of kernel time: measured on this machine, 10,000 small files took 0.7 s on a quiet disk and 5 to 19 s after a
 * deletion. Where the bench folder is on such a filesystem, timed steps wait out that window.
 */
function deletedInodesLinger(dir: string): boolean {
  try {
    const mounts = readFileSync('/proc/mounts', 'utf8')
      .split('\n')
      .map((line) => line.split(' '))
      .filter(([, mountPoint]) => mountPoint && (dir + path.sep).startsWith(mountPoint.replace(/\/?$/, '/')))
      .sort((a, b) => b[1]!.length - a[1]!.length);
    const [device, , type] = mounts[0] ?? [];
    if (type !== 'ext4' || !device) return false;
    // Each journaled ext4 filesystem has a /proc/fs/jbd2/<device>-<n> folder (and none exists without one).
    const journals = existsSync('/proc/fs/jbd2') ? readdirSync('/proc/fs/jbd2') : [];
    return !journals.some((j) => j.startsWith(`${path.basename(device)}-`));
  } catch {
    return false;
  }
}
const REUSE_WAIT_MS = 61_000;
/** When files were last deleted; before the bench started, unknown, so it counts as now. */
let lastDeletion = Date.now();
const LINGERING_INODES = deletedInodesLinger(BENCH_DIR);

/**
 * Lets the disk go quiet before a timed step: a build deletes the output it replaced in the background, and
 * gigabytes of fresh files are still being written back. Each step is then timed on its own work only. A step
 * that `creates` files also waits out deleted inodes (deletedInodesLinger).
 */
async function settle(outDir: string, size: number, step: { creates?: boolean } = {}): Promise<void> {
  const parent = path.dirname(outDir);
  const leftover = `${path.basename(outDir)}.previous-`;
  for (let waited = 0; waited < 300_000; waited += 200) {
    const entries = await readdir(parent).catch(() => []);
    if (!entries.some((e) => e.startsWith(leftover))) break;
    lastDeletion = Date.now();
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  execFileSync('sync');
  const wait = lastDeletion + REUSE_WAIT_MS - Date.now();
  if (wait > 0 && step.creates && LINGERING_INODES) {
    log(size, `waiting ${Math.ceil(wait / 1000)}s: this filesystem holds back recently deleted inodes…`);
    await new Promise((resolve) => setTimeout(resolve, wait));
  }
}

/**
 * Folders of earlier runs, moved aside (a rename is instant) and deleted after the last measurement: deleting tens
 * of thousands of files keeps the disk busy for a while, and that would be timed as the next build's.
 */
const trash: string[] = [];
async function moveAside(dir: string): Promise<void> {
  const aside = `${dir}.old-${process.pid}-${trash.length}`;
  try {
    await rename(dir, aside);
    trash.push(aside);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
}

async function benchSize(size: number): Promise<SizeResult> {
  const siteDir = path.join(BENCH_DIR, `site-${size}`);
  const dataDir = path.join(siteDir, 'data');
  const outDir = path.join(siteDir, 'dist');
  const floorDir = path.join(siteDir, 'floor');
  // The site's own copy of the templates, so the template edit leaves the project's alone.
  const templatesDir = path.join(siteDir, 'templates');
  const build = ['scripts/build.ts', '--data', dataDir, '--templates', templatesDir, '--out', outDir];

  log(size, `writing synthetic data (seed ${SEED}) to ${path.relative(ROOT, dataDir)}/`);
  // Nothing from an earlier run survives: its site folder and the cache are moved aside.
  await moveAside(siteDir);
  await moveAside(CACHE_DIR);
  await writeSyntheticSite(siteDir, size, { root: ROOT, seed: SEED });
  await cp(path.join(ROOT, TEMPLATES), templatesDir, { recursive: true });

  await settle(outDir, size, { creates: true });
  log(size, 'cold build…');
  const cold = await mustRun(build);
  const output = await folderSize(outDir);
  log(size, `cold build ${cold.seconds.toFixed(1)}s, peak RSS ${mib(cold.peakRssBytes)} MiB`);

  await settle(outDir, size);
  log(size, 'rebuild, nothing changed…');
  const rebuild = await mustRun(build);

  // The floor runs before the edit rebuild, which deletes the output it replaces: no deletion precedes it.
  await settle(outDir, size, { creates: true });
  log(size, 'floor…');
  const floor = await mustRun(['src/bench/floor.ts', dataDir, floorDir]);
  const floorResult = JSON.parse(floor.stdout.trim().split('\n').at(-1) ?? '{}') as {
    pages: number;
    seconds: number;
  };
  const floorOutput = await folderSize(floorDir);

  log(size, `rebuild after editing ${EDITED_ANGLE}…`);
  await appendFile(path.join(dataDir, EDITED_ANGLE), EDIT);
  await settle(outDir, size, { creates: true });
  const editRebuild = await mustRun(build);
  lastDeletion = Date.now(); // the output it replaced is being deleted (settle() waits for that)
  if (!(await readFile(path.join(outDir, EDITED_PAGE), 'utf8')).includes(EDIT.trim()))
    throw new Error(`the edit to ${EDITED_ANGLE} did not reach ${EDITED_PAGE}`);

  await settle(outDir, size);
  const fact = await pagesCiting(outDir, RARE_FACT);
  log(size, `rebuild after editing fact ${fact.id} (cited on ${fact.pages} guides)…`);
  await editFact(path.join(dataDir, 'facts.yaml'), fact.id);
  await settle(outDir, size, { creates: true });
  const factEdit = await mustRun(build);
  lastDeletion = Date.now();
  if (!(await readFile(path.join(outDir, fact.page), 'utf8')).includes(FACT_EDIT.trim()))
    throw new Error(`the edit to fact ${fact.id} did not reach ${fact.page}`);

  log(size, `rebuild after editing ${EDITED_TEMPLATE}…`);
  await appendFile(path.join(templatesDir, EDITED_TEMPLATE), TEMPLATE_EDIT);
  await settle(outDir, size, { creates: true });
  const templateEdit = await mustRun(build);
  lastDeletion = Date.now();

  await settle(outDir, size);
  log(size, 'check…');
  const check = await mustRun(['scripts/check.ts', '--data', dataDir, '--templates', templatesDir]);
  const overFloor = (run: Run) => run.seconds / floor.seconds;

  return {
    pages: size,
    builtPages: parseBuiltPages(cold.stdout),
    seconds: cold.seconds,
    floorSeconds: floor.seconds,
    floorRenderSeconds: floorResult.seconds,
    ratio: cold.seconds / floor.seconds,
    peakRssBytes: cold.peakRssBytes,
    rebuildSeconds: rebuild.seconds,
    editRebuildSeconds: editRebuild.seconds,
    factEditSeconds: factEdit.seconds,
    templateEditSeconds: templateEdit.seconds,
    checkSeconds: check.seconds,
    ratios: {
      rebuild: overFloor(rebuild),
      editRebuild: overFloor(editRebuild),
      factEdit: overFloor(factEdit),
      templateEdit: overFloor(templateEdit),
      check: overFloor(check),
    },
    editedFact: { id: fact.id, pages: fact.pages },
    stages: parseStages(cold.stdout),
    rebuildStages: parseStages(rebuild.stdout),
    editRebuildStages: parseStages(editRebuild.stdout),
    factEditStages: parseStages(factEdit.stdout),
    templateEditStages: parseStages(templateEdit.stdout),
    outputFiles: output.files,
    outputBytes: output.bytes,
    floorOutputBytes: floorOutput.bytes,
  };
}

// --- report --------------------------------------------------------------------------------------------------

const mib = (bytes: number) => (bytes / 1024 ** 2).toFixed(1);

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

function report(results: SizeResult[]): string {
  const main = table(
    [
      'pages',
      'cold s',
      'floor s',
      'ratio',
      'peak RSS MiB',
      'no change s',
      'angle edit s',
      'fact edit s',
      'template edit s',
      'check s',
      'output MiB',
    ],
    results.map((r) => {
      const withRatio = (seconds: number, ratio: number) => `${seconds.toFixed(1)} (${ratio.toFixed(2)}×)`;
      return [
        String(r.pages),
        r.seconds.toFixed(1),
        r.floorSeconds.toFixed(1),
        `${r.ratio.toFixed(1)}×`,
        mib(r.peakRssBytes),
        withRatio(r.rebuildSeconds, r.ratios.rebuild),
        withRatio(r.editRebuildSeconds, r.ratios.editRebuild),
        withRatio(r.factEditSeconds, r.ratios.factEdit),
        withRatio(r.templateEditSeconds, r.ratios.templateEdit),
        withRatio(r.checkSeconds, r.ratios.check),
        mib(r.outputBytes),
      ];
    }),
  );
  const byStage = (title: string, of: (r: SizeResult) => Record<string, number>) => {
    const names = [...new Set(results.flatMap((r) => Object.keys(of(r))))];
    const rows = results.map((r) => [String(r.pages), ...names.map((s) => of(r)[s]?.toFixed(2) ?? '–')]);
    return `${title}, seconds by stage\n${table(['pages', ...names], rows)}\n`;
  };
  const facts = results
    .map((r) => `${r.pages}: ${r.editedFact.id} (${r.editedFact.pages} guides)`)
    .join('; ');
  return [
    `${main}\n(each step's ratio is to the floor of the same run)\n`,
    byStage('cold build', (r) => r.stages),
    byStage('no change', (r) => r.rebuildStages),
    byStage('angle edit', (r) => r.editRebuildStages),
    byStage(`fact edit (${facts})`, (r) => r.factEditStages),
    byStage(`template edit (${EDITED_TEMPLATE})`, (r) => r.templateEditStages),
  ].join('\n');
}

// --- main ----------------------------------------------------------------------------------------------------

function readSizes(): number[] {
  const { values } = parseArgs({
    options: { sizes: { type: 'string' }, quick: { type: 'boolean' } },
    strict: true,
  });
  if (!values.sizes) return DEFAULT_SIZES.filter((n) => !values.quick || !SLOW_SIZES.has(n));
  const sizes = values.sizes.split(',').map((s) => Number(s.trim()));
  const bad = sizes.find((n) => !Number.isInteger(n) || n <= 0 || n % 5 !== 0);
  if (bad !== undefined)
    throw new Error(`--sizes takes page counts that are multiples of 5, e.g. 1000,10000 (got ${bad})`);
  return sizes;
}

async function main(): Promise<void> {
  const sizes = readSizes();
  await mkdir(BENCH_DIR, { recursive: true });
  const results: SizeResult[] = [];
  try {
    for (const size of sizes) results.push(await benchSize(size));
  } finally {
    for (const dir of trash) await rm(dir, { recursive: true, force: true });
  }
  const cpus = os.cpus();
  const json = {
    machine: {
      cpus: cpus.length,
      cpuModel: cpus[0]?.model,
      totalMem: os.totalmem(),
      node: process.version,
      platform: `${process.platform} ${os.release()} ${process.arch}`,
    },
    date: new Date().toISOString(),
    seed: SEED,
    results,
  };
  await writeFile(path.join(BENCH_DIR, 'results.json'), `${JSON.stringify(json, null, 2)}\n`);
  process.stdout.write(
    `\n${report(results)}\nwrote ${path.relative(ROOT, path.join(BENCH_DIR, 'results.json'))}\n`,
  );
}

try {
  await main();
} catch (e) {
  if (e instanceof RunFailed) {
    process.stderr.write(`\nbench: ${e.message}\n`);
    if (e.run.stdout.trim()) process.stderr.write(`--- stdout ---\n${e.run.stdout.trimEnd()}\n`);
    if (e.run.stderr.trim()) process.stderr.write(`--- stderr ---\n${e.run.stderr.trimEnd()}\n`);
  } else {
    process.stderr.write(`\nbench: ${(e as Error).stack ?? String(e)}\n`);
  }
  process.exitCode = 1;
}
