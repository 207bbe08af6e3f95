// A stamping thread: receives batches of page models as JSON, writes their pages, and answers with each model's
// fingerprint (computed from the JSON it already has, so the build process never serialises a model twice).
import { parentPort, workerData } from 'node:worker_threads';
import { fingerprintJson } from './input-hash.ts';
import { createStamper, type StampSetup } from './stamp.ts';

export interface StampBatch {
  id: number;
  kind: 'page' | 'hub';
  models: string[];
}

export interface StampReply {
  id: number;
  fingerprints?: [string, string][];
  error?: string;
}

const stamp = createStamper(workerData as StampSetup);
parentPort!.on('message', async (batch: StampBatch) => {
  const reply: StampReply = { id: batch.id };
  try {
    const fingerprints: [string, string][] = [];
    for (const json of batch.models) {
      const model = JSON.parse(json) as { path: string };
      fingerprints.push([model.path, fingerprintJson(json)]);
      stamp({ kind: batch.kind, model } as Parameters<typeof stamp>[0]);
    }
    reply.fingerprints = fingerprints;
  } catch (e) {
    reply.error = (e as Error).stack ?? String(e);
  }
  parentPort!.postMessage(reply);
});
