// build-manifest.json: what tooling reads after a build (the summary without timings, so identical inputs give an
// identical file), and what the next build reads to know whether the output is already up to date.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Site } from '../schema/index.ts';
import type { BuildSummary } from './summary.ts';

export const MANIFEST = 'build-manifest.json';

type ManifestFigures = Pick<
  BuildSummary,
  'pages' | 'reasons' | 'hubs' | 'facts' | 'redirects' | 'sitemapUrls' | 'files' | 'bytes' | 'warnings'
>;

export type Manifest = ManifestFigures & {
  inputs?: string;
  shard?: string;
  /** Built with --production: every business fact was set. */
  production?: boolean;
  /** A shard's files with their sha256, so a merge takes only bytes the shard build wrote. */
  files?: Record<string, string>;
};

export function buildManifest(
  site: Site,
  summary: BuildSummary,
  inputs = '',
  kind: { shard?: string; files?: Record<string, string>; production?: boolean } = {},
): string {
  const { shard, files, production } = kind;
  const manifest = {
    generator: 'denial-pages',
    ...(shard && { shard }),
    ...(production && { production }),
    /** Hash of data, templates, code and locked dependencies; an equal hash means an equal build. */
    inputs,
    host: site.deploy.host,
    origin: site.origin,
    pages: summary.pages,
    hubs: summary.hubs,
    facts: summary.facts,
    reasons: summary.reasons,
    redirects: summary.redirects,
    sitemapUrls: summary.sitemapUrls,
    files: summary.files,
    bytes: summary.bytes,
    warnings: summary.warnings,
    ...(files && { files }),
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

export async function readManifest(outDir: string): Promise<Manifest | undefined> {
  try {
    return JSON.parse(await readFile(path.join(outDir, MANIFEST), 'utf8')) as Manifest;
  } catch {
    return undefined;
  }
}

/** The manifest's figures, as the summary of a build that found its output up to date. */
export function figuresOf(manifest: Manifest): ManifestFigures {
  const { pages, reasons, hubs, facts, redirects, sitemapUrls, files, bytes, warnings } = manifest;
  return { pages, reasons, hubs, facts, redirects, sitemapUrls, files, bytes, warnings };
}
