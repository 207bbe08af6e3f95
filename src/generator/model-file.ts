// The models a build hands to Astro's render process: a file of JSON Lines (the settings and hubs on the first
// line, then one page per line). One JSON document would not do at 50,000 pages: it exceeds the longest string
// JavaScript can hold. The route modules read it back (astro/site-data.ts).
import { createReadStream, createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { HubModel } from '../models/hub-models.ts';
import type { PageModel } from '../models/page-model.ts';
import type { Site } from '../schema/index.ts';

export interface SiteBuild {
  config: Site;
  pages: PageModel[];
  hubs: HubModel[];
  /** A shell build: routes render their layout shells (blocks/shell.ts) instead of pages. */
  shells?: boolean;
}

/** Environment variable naming the model file a build hands its Astro render process. */
export const MODEL_ENV = 'DENIAL_PAGES_MODEL';

export async function writeModelFile(file: string, build: SiteBuild): Promise<void> {
  const out = createWriteStream(file);
  const write = (line: string) =>
    out.write(`${line}\n`) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', () => r()));
  await write(JSON.stringify({ config: build.config, hubs: build.hubs, shells: build.shells }));
  for (const page of build.pages) await write(JSON.stringify(page));
  await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
}

export async function readModelFile(file: string): Promise<SiteBuild> {
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
