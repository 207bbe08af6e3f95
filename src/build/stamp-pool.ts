// Stamping threads: page and hub models go in as JSON batches, pages come out on disk, and each model's
// fingerprint comes back. Models may arrive before the layout shells are ready (they wait here), and `drain()`
// holds the sender back while every thread has enough queued, so memory holds a few hundred pages, not the site.
import { Worker } from 'node:worker_threads';
import type { HubModel } from '../render/hubs.ts';
import type { PageModel } from '../render/page.ts';
import type { Progress } from './progress.ts';
import type { StampSetup } from './stamp.ts';
import type { StampBatch, StampReply } from './stamp-worker.ts';

/** Models per message to a thread: few messages, little held in flight. */
const BATCH = 64;
/** Batches queued per thread before the sender waits. */
const QUEUED_PER_THREAD = 8;

type Kind = StampBatch['kind'];

export class StampPool {
  /** Fingerprint of every model written, by path; a model written again replaces its entry. */
  readonly fingerprints = new Map<string, string>();
  private workers: Worker[] = [];
  private readonly queued: number[];
  private readonly waiting = new Map<number, { thread: number; done: () => void }>();
  private readonly held: { kind: Kind; models: string[] }[] = [];
  private batch: { kind: Kind; models: string[] } = { kind: 'page', models: [] };
  private failure: Error | undefined;
  private wake: (() => void) | undefined;
  private ready = false;
  private lastId = 0;
  private next = 0;
  private readonly progress: Progress;
  private readonly threads: number;

  constructor(setup: Promise<StampSetup>, threads: number, progress: Progress) {
    this.threads = threads;
    this.progress = progress;
    this.queued = Array.from({ length: threads }, () => 0);
    setup.then(
      (ready) => this.start(ready),
      (e: Error) => this.fail(e),
    );
  }

  private start(setup: StampSetup): void {
    if (this.failure) return;
    this.workers = Array.from({ length: this.threads }, (_, thread) => {
      const worker = new Worker(new URL('./stamp-worker.ts', import.meta.url), { workerData: setup });
      worker.on('error', (e) => this.fail(e));
      worker.on('message', (reply: StampReply) => {
        const entry = this.waiting.get(reply.id)!;
        this.waiting.delete(reply.id);
        if (reply.error) return this.fail(new Error(`writing pages failed: ${reply.error}`));
        for (const [page, fp] of reply.fingerprints!) this.fingerprints.set(page, fp);
        this.progress.tick(reply.fingerprints!.length);
        this.queued[thread]!--;
        entry.done();
      });
      return worker;
    });
    this.ready = true;
    for (const batch of this.held.splice(0)) this.post(batch);
    this.signal();
  }

  private fail(e: Error): void {
    this.failure ??= e;
    this.signal();
  }

  private signal(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }

  private post(batch: { kind: Kind; models: string[] }): void {
    const thread = this.next++ % this.threads;
    const id = ++this.lastId;
    this.queued[thread]!++;
    this.waiting.set(id, { thread, done: () => this.signal() });
    this.workers[thread]!.postMessage({ id, kind: batch.kind, models: batch.models } satisfies StampBatch);
  }

  private flush(): void {
    if (!this.batch.models.length) return;
    if (this.ready) this.post(this.batch);
    else this.held.push(this.batch);
    this.batch = { kind: this.batch.kind, models: [] };
  }

  add(kind: 'page', model: PageModel): void;
  add(kind: 'hub', model: HubModel): void;
  add(kind: Kind, model: PageModel | HubModel): void {
    if (kind !== this.batch.kind) {
      this.flush();
      this.batch.kind = kind;
    }
    this.batch.models.push(JSON.stringify(model));
    if (this.batch.models.length >= BATCH) this.flush();
  }

  private async until(done: () => boolean): Promise<void> {
    while (!this.failure && !done()) await new Promise<void>((resolve) => (this.wake = resolve));
    if (this.failure) throw this.failure;
  }

  /** Waits while the threads have enough queued (not before they start: models wait here meanwhile). */
  async drain(): Promise<void> {
    if (!this.ready) {
      if (this.failure) throw this.failure;
      return;
    }
    await this.until(() => this.queued.every((n) => n < QUEUED_PER_THREAD));
  }

  /** Writes what is left and waits until every model so far is on disk. */
  async settle(): Promise<void> {
    this.flush();
    await this.until(() => this.ready && this.held.length === 0 && this.waiting.size === 0);
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
