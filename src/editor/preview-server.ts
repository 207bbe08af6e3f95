// The preview behind the editor's "Preview page" links: `astro dev` (what `npm run dev` runs) on the same data
// and templates, started on first use, on 127.0.0.1 only, and stopped with the editor.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function waitUntilUp(url: string, child: ChildProcess, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (child.exitCode !== null) throw new Error(`the preview server stopped (exit ${child.exitCode})`);
    const up = await fetch(url, { signal: AbortSignal.timeout(5000) }).then(
      () => true,
      () => false,
    );
    if (up) return;
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error('the preview server did not start in time');
}

/** The editor's environment without what would put Astro in another mode (a test runner's NODE_ENV, say). */
function devEnvironment(): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(process.env).filter(
      ([key]) => key !== 'NODE_ENV' && key !== 'TEST' && !key.startsWith('VITEST'),
    ),
  );
}

export class PreviewServer {
  private started: Promise<string> | undefined;
  private child: ChildProcess | undefined;
  private readonly root: string;
  private readonly codeRoot: string;

  /** `root` holds data/ and templates/; `codeRoot` is the project whose Astro app renders them. */
  constructor(root: string, codeRoot: string) {
    this.root = root;
    this.codeRoot = codeRoot;
  }

  /** The preview's origin, starting `astro dev` the first time. */
  origin(): Promise<string> {
    this.started ??= this.start().catch((e: unknown) => {
      this.started = undefined;
      throw e;
    });
    return this.started;
  }

  private async start(): Promise<string> {
    const port = await freePort();
    const child = spawn(
      process.execPath,
      [
        path.join(this.codeRoot, 'node_modules/astro/bin/astro.mjs'),
        'dev',
        '--port',
        String(port),
        '--host',
        '127.0.0.1',
      ],
      {
        cwd: this.codeRoot,
        env: {
          ...devEnvironment(),
          DENIAL_PAGES_DATA: path.join(this.root, 'data'),
          DENIAL_PAGES_TEMPLATES: path.join(this.root, 'templates'),
          ASTRO_TELEMETRY_DISABLED: '1',
        },
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    this.child = child;
    child.stderr?.on('data', (chunk: Buffer) => process.stderr.write(chunk));
    const origin = `http://127.0.0.1:${port}`;
    // A static file answers as soon as the server is up, without rendering the site as a page would.
    await waitUntilUp(`${origin}/favicon.svg`, child, 120_000);
    return origin;
  }

  stop(): void {
    this.child?.kill('SIGTERM');
    this.child = undefined;
    this.started = undefined;
  }
}
