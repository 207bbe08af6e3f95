// What a renderer (render-with-shells.ts, or render-with-astro.ts in tests) is given besides the checked site.
import type { StagedOutput } from './atomic-output.ts';
import type { PageWire } from './page-wire.ts';
import type { Progress } from './progress.ts';
import type { ShellSet } from './shells.ts';
import type { RenderedSite } from './site-models.ts';

/** Options every renderer gets. */
export interface RenderOptions {
  root: string;
  dataDir: string;
  templatesDir: string;
  progress: Progress;
  staged?: StagedOutput;
  /** The finished models; Astro workers read them from a model file instead of rerunning the pipeline. */
  rendered?: RenderedSite;
  /** `outDir` already holds reused pages: render beside it and merge, never into it directly. */
  keepExisting?: boolean;
  /** The layout shells, when the build has started preparing them (in parallel with the page models). */
  shells?: Promise<ShellSet>;
  /** Encodes pages for stamping threads; the build's own, so each shared text is hashed once. */
  wire?: PageWire;
}
