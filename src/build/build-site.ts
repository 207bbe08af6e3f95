// npm run build: check the data, let Astro render into a staging folder, verify it, then swap it into place.
// Any failure leaves the previous output folder exactly as it was.
import { randomBytes } from 'node:crypto';
import { readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { hasErrors, type DataError } from '../errors/data-error.ts';
import { checkSite, type CheckedSite } from '../pipeline/index.ts';

export interface BuildOptions {
  root: string;
  dataDir?: string;
  templatesDir?: string;
  /** Defaults to <root>/dist. */
  outDir?: string;
  /** Renders the checked site into `outDir`; defaults to Astro's build. Replaceable in tests. */
  render?: (
    site: CheckedSite,
    outDir: string,
    options: Required<Pick<BuildOptions, 'root' | 'dataDir' | 'templatesDir'>>,
  ) => Promise<void>;
}

export interface BuildSummary {
  ok: boolean;
  errors: DataError[];
  /** What failed, when `ok` is false and the failure was not a data error. */
  failure?: string;
  pages: { indexable: number; noindex: number; skipped: number; inapplicable: number };
  /** Why pages were not built or built noindex, with counts. */
  reasons: { status: string; why: string; count: number }[];
  files: number;
  bytes: number;
  seconds: number;
  outDir: string;
}

export async function renderWithAstro(
  _site: CheckedSite,
  outDir: string,
  options: { root: string; dataDir: string; templatesDir: string },
): Promise<void> {
  process.env['DENIAL_PAGES_DATA'] = options.dataDir;
  process.env['DENIAL_PAGES_TEMPLATES'] = options.templatesDir;
  const { build } = await import('astro');
  await build({ root: options.root, outDir, logLevel: 'warn', mode: 'production' });
}

async function folderSize(dir: string): Promise<{ files: number; bytes: number }> {
  let files = 0;
  let bytes = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    files++;
    bytes += (await stat(path.join(entry.parentPath, entry.name))).size;
  }
  return { files, bytes };
}

/** Every built page must exist and be non-empty before the staging folder may replace the live one. */
async function verifyOutput(site: CheckedSite, dir: string): Promise<string | undefined> {
  const expected = ['/', ...site.join.combinations.filter((c) => c.status !== 'skipped').map((c) => c.path)];
  for (const page of expected) {
    const file = path.join(dir, page, 'index.html');
    const info = await stat(file).catch(() => undefined);
    if (!info?.size)
      return `expected page ${page} was not written (${path.relative(site.data.site.origin, file)})`;
  }
  return undefined;
}

export async function buildSite(options: BuildOptions): Promise<BuildSummary> {
  const started = performance.now();
  const root = path.resolve(options.root);
  const dataDir = path.resolve(root, options.dataDir ?? 'data');
  const templatesDir = path.resolve(root, options.templatesDir ?? 'templates');
  const outDir = path.resolve(root, options.outDir ?? 'dist');
  const render = options.render ?? renderWithAstro;
  const summary: BuildSummary = {
    ok: false,
    errors: [],
    pages: { indexable: 0, noindex: 0, skipped: 0, inapplicable: 0 },
    reasons: [],
    files: 0,
    bytes: 0,
    seconds: 0,
    outDir,
  };
  const finish = () => ({ ...summary, seconds: (performance.now() - started) / 1000 });

  const { site, errors } = await checkSite({ root, dataDir, templatesDir });
  summary.errors = errors;
  if (!site || hasErrors(errors)) return finish();

  const why = new Map<string, number>();
  for (const c of site.join.combinations) {
    summary.pages[c.status]++;
    if (c.status !== 'indexable') why.set(`${c.status}|${c.why}`, (why.get(`${c.status}|${c.why}`) ?? 0) + 1);
  }
  summary.pages.inapplicable = site.join.inapplicable.length;
  for (const e of site.join.inapplicable)
    why.set(`inapplicable|${e.why}`, (why.get(`inapplicable|${e.why}`) ?? 0) + 1);
  summary.reasons = [...why].map(([key, count]) => {
    const [status, reason] = key.split('|') as [string, string];
    return { status, why: reason, count };
  });

  // The staging folder sits beside the output folder so the final rename is atomic on one filesystem.
  const staging = `${outDir}.staging-${randomBytes(4).toString('hex')}`;
  try {
    await render(site, staging, { root, dataDir, templatesDir });
    const problem = await verifyOutput(site, staging);
    if (problem) throw new Error(problem);
    Object.assign(summary, await folderSize(staging));
    const previous = `${outDir}.previous-${randomBytes(4).toString('hex')}`;
    const hadPrevious = await stat(outDir).then(
      () => true,
      () => false,
    );
    if (hadPrevious) await rename(outDir, previous);
    await rename(staging, outDir);
    if (hadPrevious) await rm(previous, { recursive: true, force: true });
  } catch (e) {
    await rm(staging, { recursive: true, force: true });
    summary.failure = (e as Error).message;
    return finish();
  }
  summary.ok = true;
  return finish();
}
