// Astro renders the layout around finished page models from the pipeline (src/pipeline); see src/site-data.ts.
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

export default defineConfig({
  site: origin,
  // Kept between CI runs (see .github/workflows/deploy.yml).
  cacheDir: './.cache/astro',
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'never' },
  integrations: [mdx()],
  devToolbar: { enabled: false },
  vite: { logLevel: 'warn' },
});
