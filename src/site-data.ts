// What Astro routes read: the site settings and the finished page and hub models. A build hands them over in a
// model file (computed once by the build process, so Astro never reruns the pipeline, and split between render
// workers); `astro dev` computes them on each request, so edits to data, templates and angles show at once.
import { readFile } from 'node:fs/promises';
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
}

/** Environment variable naming the model file a build hands its Astro render worker. */
export const MODEL_ENV = 'DENIAL_PAGES_MODEL';

let cached: Promise<SiteBuild> | undefined;

async function compute(): Promise<SiteBuild> {
  const modelFile = process.env[MODEL_ENV];
  if (modelFile) return JSON.parse(await readFile(modelFile, 'utf8')) as SiteBuild;
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
