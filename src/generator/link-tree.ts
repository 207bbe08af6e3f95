// The start of an incremental build: the previous output recreated in the staging folder with hard links (no
// second copy of any file). Linking ten thousand files is kernel time, so it runs on its own thread while the
// build process computes the page models.
import { copyFileSync, linkSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { isMainThread, Worker, workerData } from 'node:worker_threads';

/** Recreates `from` at `to` with hard links (copies across filesystems). Synchronous: many tiny calls. */
export function linkTree(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.isDirectory()) linkTree(source, target);
    else {
      try {
        linkSync(source, target);
      } catch {
        copyFileSync(source, target);
      }
    }
  }
}

/** linkTree() on a worker thread; `stop` ends it early (on an interrupt). */
export function linkTreeInThread(
  from: string,
  to: string,
): { done: Promise<void>; stop: () => Promise<void> } {
  const worker = new Worker(new URL(import.meta.url), { workerData: { from, to } });
  const done = new Promise<void>((resolve, reject) => {
    worker.on('error', reject);
    worker.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`linking ${from} stopped (${code})`)),
    );
  });
  done.catch(() => undefined);
  return { done, stop: async () => void (await worker.terminate()) };
}

if (!isMainThread && (workerData as { from?: string } | null)?.from) {
  const { from, to } = workerData as { from: string; to: string };
  linkTree(from, to);
}
