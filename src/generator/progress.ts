// Build progress: one rewritten line per stage on a terminal, plain lines (every 10% or 5 s) in CI and logs.

export interface Progress {
  stage(name: string, total?: number): void;
  tick(count?: number): void;
  done(): void;
}

/** A message the renderer process sends its parent for each page it renders (see astro/site-data.ts). */
export const RENDERED_MESSAGE = 'denial-pages:rendered';

export function createProgress(
  stream: NodeJS.WriteStream = process.stderr,
  interactive = Boolean(stream.isTTY) && !process.env['CI'],
): Progress {
  let name = '';
  let total: number | undefined;
  let done = 0;
  let started = 0;
  let lastPrinted = 0;
  let lastShare = -1;
  const line = () => {
    const seconds = (performance.now() - started) / 1000;
    const rate = seconds > 0 ? Math.round(done / seconds) : 0;
    const count = total ? `${done}/${total}` : `${done}`;
    return `${name}: ${count} (${rate}/s, ${seconds.toFixed(1)}s)`;
  };
  return {
    stage(stageName, stageTotal) {
      name = stageName;
      total = stageTotal;
      done = 0;
      started = performance.now();
      lastPrinted = started;
      lastShare = -1;
      if (!interactive) stream.write(`${name}${total ? ` (${total})` : ''}…\n`);
    },
    tick(count = 1) {
      done += count;
      const now = performance.now();
      if (interactive) {
        if (now - lastPrinted > 100) {
          stream.write(`\r\x1b[K${line()}`);
          lastPrinted = now;
        }
        return;
      }
      const share = total ? Math.floor((done / total) * 10) : -1;
      if ((share > lastShare && share < 10) || now - lastPrinted > 5000) {
        stream.write(`  ${line()}\n`);
        lastShare = share;
        lastPrinted = now;
      }
    },
    done() {
      stream.write(interactive ? `\r\x1b[K${line()}\n` : `  ${line()}\n`);
    },
  };
}

/** Progress that prints nothing (tests, library use). */
export const silentProgress: Progress = { stage() {}, tick() {}, done() {} };
