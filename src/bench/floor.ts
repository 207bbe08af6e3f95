// The floor for `npm run bench`: the same combination pages rendered by the least work that could produce them.
// YAML parsed with `yaml`, angles split with gray-matter and compiled once each by the project's own MDX
// compiler (so the angle HTML is identical), one precompiled Handlebars page template, written straight to
// disk. No validation, no page models, no Astro. Run alone: `node src/bench/floor.ts DATA_DIR OUT_DIR`.
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import matter from 'gray-matter';
import Handlebars from 'handlebars';
import { parse } from 'yaml';
import { Citations } from '../models/citations.ts';
import { compileAngle, type CompiledAngle } from '../content/angle-compile.ts';
import { renderAngleBody } from '../html/angle-render.ts';
import type { Fact } from '../schema/index.ts';

interface Row {
  slug: string;
  name: string;
}
interface Item extends Row {
  kind: string;
}
interface Reason extends Row {
  hook: string;
  appliesTo?: string[];
}
interface FloorAngle {
  compiled: CompiledAngle;
  hook?: string;
}

const PAGE = `<!doctype html>
<html lang="{{locale}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{title}}</title>
<meta name="description" content="{{description}}">
<link rel="canonical" href="{{canonical}}">
</head>
<body>
<main>
<h1>{{title}}</h1>
<p class="hook">{{hook}}</p>
{{#if payerItem}}<section class="payer-item">{{{payerItem}}}</section>{{/if}}
{{#if itemAngle}}<section class="item-angle">{{{itemAngle}}}</section>{{/if}}
<ol class="sources">
{{#each sources}}<li id="source-{{n}}"><a href="{{url}}">{{citation}}</a></li>
{{/each}}
</ol>
<p><a class="cta" href="{{checkout}}">Write my appeal letter</a></p>
</main>
</body>
</html>
`;

/** Read and compile every .mdx angle under `dir`, keyed by its payer/item/reason frontmatter. */
async function loadAngles(dir: string): Promise<Map<string, FloorAngle>> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  const files = entries
    .filter((e) => e.isFile() && e.name.endsWith('.mdx'))
    .map((e) => path.join(e.parentPath, e.name));
  const angles = new Map<string, FloorAngle>();
  await Promise.all(
    files.map(async (file) => {
      const text = await readFile(file, 'utf8');
      const parsed = matter(text);
      const fm = parsed.data as { payer?: string; item?: string; reason?: string; hook?: string };
      const bodyLine = text.slice(0, text.length - parsed.content.length).split('\n').length;
      const hash = createHash('sha256').update(text).digest('hex').slice(0, 16);
      const { angle, errors } = await compileAngle(file, parsed.content, bodyLine, hash);
      if (!angle) throw new Error(`${file}: ${errors.map((e) => e.message).join('; ')}`);
      angles.set(`${fm.payer ?? ''}|${fm.item ?? ''}|${fm.reason ?? ''}`, {
        compiled: angle,
        ...(fm.hook !== undefined && { hook: fm.hook }),
      });
    }),
  );
  return angles;
}

/** Renders every payer × item × reason page of the data set in `dataDir` into `outDir`. */
export async function renderFloor(
  dataDir: string,
  outDir: string,
): Promise<{ pages: number; seconds: number }> {
  const started = performance.now();
  const table = async <T>(name: string) =>
    parse(await readFile(path.join(dataDir, `${name}.yaml`), 'utf8')) as T;
  const [site, payers, items, reasons, factRows, angles] = await Promise.all([
    table<{ origin: string; locale: string; checkout: { url: string } }>('site'),
    table<Row[]>('payers'),
    table<Item[]>('items'),
    table<Reason[]>('reasons'),
    table<Fact[]>('facts'),
    loadAngles(path.join(dataDir, 'angles')),
  ]);
  const facts = new Map(factRows.map((f) => [f.id, f]));
  const page = Handlebars.compile(PAGE, { strict: false });
  await rm(outDir, { recursive: true, force: true });

  const jobs: { file: string; html: string }[] = [];
  let pages = 0;
  const flush = async () => {
    await Promise.all(
      jobs.map(async ({ file, html }) => {
        await mkdir(path.dirname(file), { recursive: true });
        await writeFile(file, html);
      }),
    );
    jobs.length = 0;
  };
  for (const payer of payers)
    for (const item of items)
      for (const reason of reasons) {
        if (reason.appliesTo && !reason.appliesTo.includes(item.kind)) continue;
        const full = angles.get(`${payer.slug}|${item.slug}|${reason.slug}`);
        const itemAngle = full ?? angles.get(`|${item.slug}|${reason.slug}`);
        // A guide shows the payer × item note; the payer × reason angle is on the payer's hub.
        const payerItem = angles.get(`${payer.slug}|${item.slug}|`);
        const citations = new Citations(facts);
        const payerHtml = payerItem && renderAngleBody(payerItem.compiled, citations.components()).__html;
        const itemHtml = itemAngle && renderAngleBody(itemAngle.compiled, citations.components()).__html;
        const route = `${payer.slug}/${item.slug}/${reason.slug}`;
        const html = page({
          locale: site.locale,
          title: `${payer.name} ${reason.name} for ${item.name}: how to appeal`,
          description: `${item.name} denied by ${payer.name}: ${reason.name.toLowerCase()}. Deadlines, rights and a letter.`,
          canonical: `${site.origin}/${route}/`,
          hook: itemAngle?.hook ?? reason.hook,
          payerItem: payerHtml,
          itemAngle: itemHtml,
          sources: citations.used().map((f, i) => ({ n: i + 1, url: f.url, citation: f.citation })),
          checkout: site.checkout.url,
        });
        jobs.push({ file: path.join(outDir, route, 'index.html'), html });
        pages++;
        if (jobs.length >= 64) await flush();
      }
  await flush();
  return { pages, seconds: (performance.now() - started) / 1000 };
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const [dataDir, outDir] = process.argv.slice(2);
  if (!dataDir || !outDir) {
    process.stderr.write('usage: node src/bench/floor.ts DATA_DIR OUT_DIR\n');
    process.exit(2);
  }
  const result = await renderFloor(path.resolve(dataDir), path.resolve(outDir));
  process.stdout.write(`${JSON.stringify(result)}\n`);
}
