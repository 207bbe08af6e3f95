// Astro renders the layouts around finished page parts (src/blocks); its routes, layouts, styles and browser
// scripts live in src/astro/, and src/astro/site-data.ts is how they reach the models.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { parse } from 'yaml';

const dataDir = path.resolve(process.env.DENIAL_PAGES_DATA ?? 'data');
let origin = 'https://localhost';
try {
  origin = parse(readFileSync(path.join(dataDir, 'site.yaml'), 'utf8'))?.origin ?? origin;
} catch {
  // `npm run check` reports a missing or broken site.yaml with its location; the build stops there first.
}

const templatesDir = path.resolve(process.env.DENIAL_PAGES_TEMPLATES ?? 'templates');

/**
 * `astro dev`: data, templates and angles are read by the pipeline, not imported, so Vite does not know to
 * reload when they change. Watch them and reload the browser; the next request re-runs the pipeline.
 */
function reloadOnContentChange() {
  return {
    name: 'denial-pages:reload-on-content-change',
    configureServer(server) {
      server.watcher.add([dataDir, templatesDir]);
      const reload = (file) => {
        if (!file.startsWith(dataDir) && !file.startsWith(templatesDir)) return;
        // Astro caches getStaticPaths per route in dev; this is the event its own content layer uses to clear it.
        for (const environment of Object.values(server.environments)) {
          if (environment.name !== 'client') environment.hot.send('astro:content-changed', {});
        }
        server.environments.client.hot.send({ type: 'full-reload', path: '*' });
      };
      for (const event of ['add', 'change', 'unlink']) server.watcher.on(event, reload);
    },
  };
}

/**
 * Folders the dev server must not watch: bench sites, caches and build outputs hold tens of thousands of files
 * (enough to exhaust the system's file watchers) and never affect a page. Data and templates stay watched even
 * when they live under one of them (`DENIAL_PAGES_DATA=.bench/site-1000/data npm run dev`).
 */
const unwatched = ['.bench', '.cache', '.astro', 'dist', 'tests/artifacts'].map(
  (d) => path.resolve(d) + path.sep,
);
const isContent = (file) => file.startsWith(dataDir) || file.startsWith(templatesDir);
const ignoreInDev = (file) =>
  !isContent(file) &&
  (unwatched.some((dir) => file.startsWith(dir)) || /[\\/]dist\.(staging|previous)-/.test(file));

export default defineConfig({
  site: origin,
  srcDir: './src/astro',
  // Kept between CI runs (see .github/workflows/deploy.yml).
  cacheDir: './.cache/astro',
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'never' },
  integrations: [mdx()],
  devToolbar: { enabled: false },
  // assetsInlineLimit 0: scripts and assets stay external files, so the CSP needs no 'unsafe-inline'.
  vite: {
    logLevel: 'warn',
    plugins: [reloadOnContentChange()],
    build: { assetsInlineLimit: 0 },
    server: { watch: { ignored: [ignoreInDev] } },
  },
});
