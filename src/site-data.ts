// What Astro routes read: the site settings and the finished page and hub models. A build hands them over in a
// model file (computed once by the build process, so Astro never reruns the pipeline, and split between render
// workers); `astro dev` computes them on each request, so edits to data, templates and angles show at once.
import { createReadStream, createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import path from 'node:path';
import { DataErrorsException, hasErrors } from './errors/data-error.ts';
import { checkSite, renderSite } from './pipeline/index.ts';
import type { HubModel } from './render/hubs.ts';
import type { PageModel } from './render/page.ts';
import type { Site } from './schema/index.ts';

export interface SiteBuild {
  config: Site;
  pages: PageModel[];
  hubs: HubModel[];
  /** A shell build: routes render their layout shells (render/shell.ts) instead of pages. */
  shells?: boolean;
}

/** Environment variable naming the model file a build hands its Astro render worker. */
export const MODEL_ENV = 'DENIAL_PAGES_MODEL';

/**
 * The model file is JSON Lines: the settings and hubs on the first line, then one page per line. One JSON
 * document would not do at 50,000 pages: it exceeds the longest string JavaScript can hold.
 */
export async function writeModelFile(file: string, build: SiteBuild): Promise<void> {
  const out = createWriteStream(file);
  const write = (line: string) =>
    out.write(`${line}\n`) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', () => r()));
  await write(JSON.stringify({ config: build.config, hubs: build.hubs, shells: build.shells }));
  for (const page of build.pages) await write(JSON.stringify(page));
  await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
}

async function readModelFile(file: string): Promise<SiteBuild> {
  const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
  let head: Omit<SiteBuild, 'pages'> | undefined;
  const pages: PageModel[] = [];
  for await (const line of lines) {
    if (!line) continue;
    if (head) pages.push(JSON.parse(line) as PageModel);
    else head = JSON.parse(line) as Omit<SiteBuild, 'pages'>;
  }
  if (!head) throw new Error(`empty model file ${file}`);
  return { ...head, pages };
}

let cached: Promise<SiteBuild> | undefined;

async function compute(): Promise<SiteBuild> {
  const modelFile = process.env[MODEL_ENV];
  if (modelFile) return readModelFile(modelFile);
  const root = process.cwd();
  const dataDir = path.resolve(root, process.env['DENIAL_PAGES_DATA'] ?? 'data');
  const templatesDir = path.resolve(root, process.env['DENIAL_PAGES_TEMPLATES'] ?? 'templates');
  const { site, errors } = await checkSite({ root, dataDir, templatesDir });
  if (!site || hasErrors(errors)) throw new DataErrorsException(errors);
  const { pages, hubs } = renderSite(site);
  return { config: site.data.site, pages, hubs };
}

export function getSiteBuild(): Promise<SiteBuild> {
  if (import.meta.env.DEV) return compute();
  cached ??= compute();
  return cached;
}
