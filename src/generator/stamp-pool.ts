// A pool of stamping threads (stamp-worker.ts) fed batches of models: pages in PageWire form, each shared text
// sent once per thread, at most two batches in flight per thread, so memory holds a few hundred pages.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { PageWire } from './page-wire.ts';
import type { Progress } from './progress.ts';
import type { Stamped, StampSetup } from './stamp.ts';
import type { StampBatch, StampReply } from './stamp-worker.ts';

/** Render workers for a page count: one per core (at most four), and one for small sites. */
export function renderWorkers(pages: number): number {
  const requested = Number(process.env['DENIAL_PAGES_WORKERS']);
  if (Number.isInteger(requested) && requested > 0) return requested;
  return pages < 400 ? 1 : Math.max(1, Math.min(availableParallelism(), 4, Math.ceil(pages / 400)));
}

/** Models per message to a stamping thread: few messages, little held in flight. */
const STAMP_BATCH = 64;

/**
 * Stamps in `threads` worker threads, each fed batches of model JSON (pages in PageWire form, each shared text sent
 * once per thread).
 */
export async function stampInThreads(
  setup: StampSetup,
  entries: Iterable<Stamped>,
  threads: number,
  progress: Progress,
  wire: PageWire,
): Promise<void> {
  const workers = Array.from(
    { length: threads },
    () => new Worker(new URL('./stamp-worker.ts', import.meta.url), { workerData: setup }),
  );
  const waiting = new Map<number, { resolve: () => void; reject: (e: Error) => void }>();
  const failed = new Promise<never>((_, reject) => {
    for (const worker of workers) {
      worker.on('error', reject);
      worker.on('message', (reply: StampReply) => {
        const pending = waiting.get(reply.id)!;
        waiting.delete(reply.id);
        if (reply.error) {
          const error = new Error(`writing pages failed: ${reply.error.split('\n')[0]}`, {
            cause: reply.error,
          });
          if (reply.system) Object.assign(error, reply.system);
          return pending.reject(error);
        }
        progress.tick(reply.done!);
        pending.resolve();
      });
    }
  });
  failed.catch(() => undefined);
  let id = 0;
  // Each thread has at most two batches queued, so memory holds a few hundred pages, not the site.
  const send = (w: number, batch: Omit<StampBatch, 'id'>) =>
    new Promise<void>((resolve, reject) => {
      waiting.set(++id, { resolve, reject });
      workers[w]!.postMessage({ id, ...batch } satisfies StampBatch);
    });
  const lanes = workers.map(() => Promise.resolve());
  const inFlight = workers.map(() => [] as Promise<void>[]);
  // The shared texts each thread has been sent.
  const known = workers.map(() => new Set<string>());
  try {
    let w = 0;
    let batch: Omit<StampBatch, 'id'> = { kind: 'hub', models: [], shared: [] };
    const flush = async () => {
      if (!batch.models.length) return;
      if (inFlight[w]!.length >= 2) await Promise.race([inFlight[w]!.shift()!, failed]);
      const sent = send(w, batch);
      inFlight[w]!.push(sent);
      lanes[w] = lanes[w]!.then(() => sent);
      w = (w + 1) % threads;
      batch = { kind: batch.kind, models: [], shared: [] };
    };
    for (const entry of entries) {
      if (entry.kind !== batch.kind) {
        await flush();
        batch.kind = entry.kind;
      }
      if (entry.kind === 'hub') batch.models.push(JSON.stringify(entry.model));
      else {
        const { json, shared } = wire.encode(entry.model);
        batch.models.push(json);
        for (const [digest, text] of shared) {
          if (known[w]!.has(digest)) continue;
          known[w]!.add(digest);
          batch.shared.push([digest, text]);
        }
      }
      if (batch.models.length >= STAMP_BATCH) await flush();
    }
    await flush();
    await Promise.race([Promise.all(lanes), failed]);
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
