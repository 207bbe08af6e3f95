// Replaces an output folder only when a complete new one is ready. The new output is written to a staging
// folder beside the old one (same filesystem, so renames are atomic); the swap is two renames, and a crash
// between them is repaired at the start of the next build. Interrupts remove the staging folder.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';

const STAGING = '.staging-';
const PREVIOUS = '.previous-';

const exists = (p: string) =>
  stat(p).then(
    () => true,
    () => false,
  );

async function siblings(outDir: string, marker: string): Promise<string[]> {
  const dir = path.dirname(outDir);
  const prefix = `${path.basename(outDir)}${marker}`;
  const entries = await readdir(dir).catch(() => [] as string[]);
  return entries.filter((e) => e.startsWith(prefix)).map((e) => path.join(dir, e));
}

/**
 * Clears what an earlier, killed build left behind: staging folders are deleted; if the output folder is
 * missing but a previous one survives (a crash mid-swap), the previous one is put back.
 */
export async function recoverOutput(outDir: string): Promise<void> {
  for (const stale of await siblings(outDir, STAGING)) await rm(stale, { recursive: true, force: true });
  const previous = await siblings(outDir, PREVIOUS);
  if (!(await exists(outDir)) && previous[0]) await rename(previous[0], outDir);
  for (const old of await siblings(outDir, PREVIOUS)) await rm(old, { recursive: true, force: true });
}

function removeInBackground(dir: string): void {
  const script = `require('node:fs').rmSync(${JSON.stringify(dir)}, { recursive: true, force: true })`;
  spawn(process.execPath, ['-e', script], { detached: true, stdio: 'ignore' }).unref();
}

export interface StagedOutput {
  dir: string;
  /** Moves the staging folder into place; the old output is deleted afterwards. */
  commit(): Promise<void>;
  /** Deletes the staging folder; the old output is untouched. */
  discard(): Promise<void>;
  /** Work to stop before the staging folder is removed on an interrupt (a renderer process, for example). */
  onInterrupt(stop: () => Promise<void>): void;
}

export async function stageOutput(outDir: string): Promise<StagedOutput> {
  await recoverOutput(outDir);
  const dir = `${outDir}${STAGING}${randomBytes(4).toString('hex')}`;
  const stoppers: (() => Promise<void>)[] = [];
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    // A second signal while cleaning up is common (Ctrl-C reaches the whole process group, and a wrapper such as
    // npm may relay it again); the handler stays installed so it cannot kill the process halfway through cleanup.
    if (stopping) return;
    stopping = true;
    // Stop every writer first, so nothing recreates files after the staging folder is gone.
    void Promise.allSettled(stoppers.map((stop) => stop())).finally(() => {
      rmSync(dir, { recursive: true, force: true, maxRetries: 5 });
      process.exit(signal === 'SIGINT' ? 130 : 143);
    });
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const detach = () => {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  };
  return {
    dir,
    onInterrupt: (stop) => void stoppers.push(stop),
    async commit() {
      const previous = `${outDir}${PREVIOUS}${randomBytes(4).toString('hex')}`;
      const hadOutput = await exists(outDir);
      if (hadOutput) await rename(outDir, previous);
      await rename(dir, outDir);
      detach();
      // The old output is already out of the way; deleting tens of thousands of files need not hold up the
      // build, so a detached process does it. If it is cut short, the next build's recoverOutput() finishes it.
      if (hadOutput) removeInBackground(previous);
    },
    async discard() {
      await rm(dir, { recursive: true, force: true });
      detach();
    },
  };
}
