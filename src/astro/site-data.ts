// What Astro routes read: the site settings and the finished page and hub models. A build hands them over in a
// model file (computed once by the build process, so Astro never reruns the pipeline); `astro dev` computes them
// on each request, so edits to data, templates and angles show at once.
import path from 'node:path';
import { DataErrorsException, hasErrors } from '../errors/data-error.ts';
import { MODEL_ENV, readModelFile, type SiteBuild } from '../generator/model-file.ts';
import { RENDERED_MESSAGE } from '../generator/progress.ts';
import { renderSite } from '../generator/site-models.ts';
import { checkSite } from '../plan/check-site.ts';

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

/** Called by the layout as each page renders: tells the build process over IPC; a no-op in `astro dev`. */
export function reportRendered(): void {
  process.send?.(RENDERED_MESSAGE);
}
