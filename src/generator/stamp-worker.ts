// A stamping thread: receives batches of models as JSON (pages in PageWire form), writes their pages, and answers
// with how many it wrote.
import { parentPort, workerData } from 'node:worker_threads';
import type { HubModel } from '../models/hub-models.ts';
import { decodePage, type SharedTexts } from './page-wire.ts';
import { createStamper, type Stamped, type StampSetup } from './stamp.ts';

export interface StampBatch {
  id: number;
  kind: 'page' | 'hub';
  models: string[];
  /** Texts the pages of this batch refer to by digest that earlier batches did not bring. */
  shared: [string, string][];
}

export interface StampReply {
  id: number;
  /** Models written. */
  done?: number;
  error?: string;
  /** A system error's code (ENOSPC, EROFS, …), call and path, so the build names it as it would in its own thread. */
  system?: { code: string; syscall?: string; path?: string };
}

const stamp = createStamper(workerData as StampSetup);
const texts: SharedTexts = new Map();
parentPort!.on('message', async (batch: StampBatch) => {
  const reply: StampReply = { id: batch.id };
  try {
    for (const [digest, text] of batch.shared) texts.set(digest, text);
    for (const json of batch.models) {
      const entry: Stamped =
        batch.kind === 'page'
          ? { kind: 'page', model: decodePage(json, texts) }
          : { kind: 'hub', model: JSON.parse(json) as HubModel };
      stamp(entry);
    }
    reply.done = batch.models.length;
  } catch (e) {
    reply.error = (e as Error).stack ?? String(e);
    const { code, syscall, path } = e as NodeJS.ErrnoException;
    if (code) reply.system = { code, ...(syscall && { syscall }), ...(path && { path }) };
  }
  parentPort!.postMessage(reply);
});
