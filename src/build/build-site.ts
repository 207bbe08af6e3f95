// npm run build: check the data, let Astro render into a staging folder, verify it, then swap it into place.
// Any failure leaves the previous output folder exactly as it was.
import { randomBytes } from 'node:crypto';
import { readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { hasErrors, type DataError } from '../errors/data-error.ts';
import { checkSite, renderSite, type CheckedSite, type RenderedSite } from '../pipeline/index.ts';
import { REDIRECT_LIMITS } from '../pipeline/redirects.ts';
import { SITEMAP_INDEX, writeHostFiles } from './host-files.ts';

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
  redirects: number;
  sitemapUrls: number;
  /** Problems that do not stop the build (over-long titles, redirect limits). */
  warnings: string[];
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

/** Every page, hub, redirect and host file must exist and be non-empty before staging may replace the output. */
async function verifyOutput(rendered: RenderedSite, dir: string): Promise<string | undefined> {
  const expected = [
    ...[...rendered.hubs, ...rendered.pages, ...rendered.redirects.map((r) => ({ path: r.from }))].map((p) =>
      path.join(p.path, 'index.html'),
    ),
    '404.html',
    'robots.txt',
    '_headers',
    SITEMAP_INDEX,
  ];
  for (const file of expected) {
    const info = await stat(path.join(dir, file)).catch(() => undefined);
    if (!info?.size) return `expected file ${file} was not written`;
  }
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
  const limit = host in REDIRECT_LIMITS ? REDIRECT_LIMITS[host as keyof typeof REDIRECT_LIMITS] : undefined;
  if (limit !== undefined && rendered.redirects.length > limit) {
    warnings.push(
      `${rendered.redirects.length} redirects exceed ${host}'s documented limit of ${limit} static redirects; ` +
        'entries past the limit are ignored by the host, though the HTML fallback pages still redirect',
    );
  }
  return warnings;
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
    redirects: 0,
    sitemapUrls: 0,
    warnings: [],
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
    const rendered = renderSite(site);
    summary.redirects = rendered.redirects.length;
    summary.sitemapUrls = rendered.sitemap.length;
    summary.warnings = collectWarnings(site, rendered);
    await render(site, staging, { root, dataDir, templatesDir });
    await writeHostFiles(staging, site.data.site, rendered.redirects, rendered.sitemap);
    const problem = await verifyOutput(rendered, staging);
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
