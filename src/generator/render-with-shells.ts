// The build's renderer: Astro's layout shells (shells.ts) filled with each page's parts and written to disk, by
// stamping threads on a large site.
import type { CheckedSite } from '../plan/check-site.ts';
import { hashInputs, renderHash } from './input-hash.ts';
import { placeFiles } from './output-folder.ts';
import { PageWire } from './page-wire.ts';
import type { RenderOptions } from './render-options.ts';
import { prepareShells } from './shells.ts';
import { renderSite } from './site-models.ts';
import { renderWorkers, stampInThreads } from './stamp-pool.ts';
import { createStamper, type Stamped, type StampSetup } from './stamp.ts';

/**
 * The default renderer. Astro renders the layout shells, the 404 page and the assets once (or they come from
 * the cache); every page and hub is then its shell with the page's parts filled in, written straight to disk,
 * by worker threads on a large site. A test holds that this gives the same bytes as renderWithAstro, which has
 * Astro render every page itself.
 */
export async function renderWithShells(
  site: CheckedSite,
  outDir: string,
  options: RenderOptions,
): Promise<void> {
  const rendered = options.rendered ?? renderSite(site);
  const config = site.data.site;
  const shells = await (options.shells ??
    hashInputs(options.root, options.dataDir, options.templatesDir).then(({ code }) =>
      prepareShells(config, renderHash(code, config), options),
    ));
  await placeFiles(shells.staticDir, outDir);
  const setup: StampSetup = {
    shells: { guide: shells.guide, hub: shells.hub },
    config,
    outDir,
    keepExisting: Boolean(options.keepExisting),
  };
  function* entries(): Generator<Stamped> {
    for (const model of rendered.hubs) yield { kind: 'hub', model };
    for (const model of rendered.pages) yield { kind: 'page', model };
  }
  const threads = renderWorkers(rendered.pages.length);
  if (threads > 1) {
    await stampInThreads(setup, entries(), threads, options.progress, options.wire ?? new PageWire());
    return;
  }
  const stamp = createStamper(setup);
  for (const entry of entries()) {
    stamp(entry);
    options.progress.tick();
  }
}
