// What Astro routes read: the checked site and its rendered models, computed once per build (recomputed on each
// request in `astro dev`, so edits to data, templates and angles show without a restart).
import path from 'node:path';
import { DataErrorsException, hasErrors } from './errors/data-error.ts';
import { checkSite, renderSite, type CheckedSite, type RenderedSite } from './pipeline/index.ts';

export interface SiteBuild extends RenderedSite {
  site: CheckedSite;
}

let cached: Promise<SiteBuild> | undefined;

async function compute(): Promise<SiteBuild> {
  const root = process.cwd();
  const dataDir = path.resolve(root, process.env['DENIAL_PAGES_DATA'] ?? 'data');
  const templatesDir = path.resolve(root, process.env['DENIAL_PAGES_TEMPLATES'] ?? 'templates');
  const { site, errors } = await checkSite({ root, dataDir, templatesDir });
  if (!site || hasErrors(errors)) throw new DataErrorsException(errors);
  return { site, ...renderSite(site) };
}

export function getSiteBuild(): Promise<SiteBuild> {
  if (import.meta.env.DEV) return compute();
  cached ??= compute();
  return cached;
}
