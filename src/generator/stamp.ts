// Writing pages from their layout shells: each page or hub model becomes its parts (blocks/), filled into
// the shell of its kind and written to disk. Runs in the build process for small sites and in stamping threads
// (stamp-worker.ts) for large ones.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { guideParts } from '../blocks/guide-page.ts';
import { hubParts } from '../blocks/hub-page.ts';
import type { HubModel } from '../models/hub-models.ts';
import type { PageModel } from '../models/page-model.ts';
import { fillShell, type Shell } from '../blocks/shell.ts';
import type { Site } from '../schema/index.ts';

export interface StampSetup {
  shells: { guide: Shell; hub: Shell };
  config: Site;
  outDir: string;
  /** The folder holds hard links to the previous build's files: never write through one. */
  keepExisting: boolean;
}

export type Stamped = { kind: 'page'; model: PageModel } | { kind: 'hub'; model: HubModel };

export function createStamper(setup: StampSetup) {
  // Synchronous writes: one page at a time is faster than a queue of small asynchronous ones, and in a
  // stamping thread there is nothing else to wait for.
  return function stamp(entry: Stamped): void {
    const { shells, config } = setup;
    const markup =
      entry.kind === 'page'
        ? fillShell(shells.guide, guideParts(config, entry.model))
        : fillShell(shells.hub, hubParts(config, entry.model));
    const dir = path.join(setup.outDir, entry.model.path);
    const file = path.join(dir, 'index.html');
    try {
      mkdirSync(dir, { recursive: true });
      if (setup.keepExisting) rmSync(file, { force: true });
      writeFileSync(file, markup);
    } catch (e) {
      // A write to an open file reports no path; the user needs to know which file the disk refused.
      (e as NodeJS.ErrnoException).path ??= file;
      throw e;
    }
  };
}
