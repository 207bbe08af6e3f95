// A comparing thread: receives payer × reason groups while the build process is still rendering the other pages,
// compares each as it arrives, and answers with every near-duplicate (and the memo for the next build) at the end.
import { parentPort, workerData } from 'node:worker_threads';
import {
  GroupComparer,
  type ComparedPage,
  type NearDuplicate,
  type NearDuplicateMemo,
} from './near-duplicates.ts';

export interface CompareSetup {
  threshold: number;
  previous: NearDuplicateMemo['previous'];
}

/** New part strings (in PartTable order) and the groups that use them; `done` once every group was sent. */
export type CompareMessage = { parts: string[]; groups: ComparedPage[][] } | { done: true };

export type CompareReply = { found: NearDuplicate[]; next: NearDuplicateMemo['next'] } | { error: string };

const { threshold, previous } = workerData as CompareSetup;
const memo: NearDuplicateMemo = { previous, next: {} };
const comparer = new GroupComparer(threshold, memo);
const found: NearDuplicate[] = [];
let failed = false;

parentPort!.on('message', (message: CompareMessage) => {
  if (failed) return;
  try {
    if ('done' in message) {
      parentPort!.postMessage({ found, next: memo.next } satisfies CompareReply);
      return;
    }
    comparer.addParts(message.parts);
    for (const group of message.groups) found.push(...comparer.compare(group));
  } catch (e) {
    failed = true;
    parentPort!.postMessage({ error: (e as Error).stack ?? String(e) } satisfies CompareReply);
  }
});
