// `astro build` in a child process: Astro's memory is returned when it exits, an interrupt can stop it before the
// staging folder is removed, and pages report progress over IPC.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { BuildError } from '../errors/build-error.ts';
import type { StagedOutput } from './atomic-output.ts';
import { RENDERED_MESSAGE, type Progress } from './progress.ts';
import { MODEL_ENV } from './model-file.ts';

export interface AstroRun {
  root: string;
  dataDir: string;
  templatesDir: string;
  progress?: Progress;
  staged?: StagedOutput;
  /** Stops the build (the data check failed, say); the returned promise then rejects. */
  signal?: AbortSignal;
}

/** Builds the Astro project at `root` into `outDir`, its routes reading the models in `modelFile`. */
export function runAstro(outDir: string, modelFile: string, options: AstroRun): Promise<void> {
  if (options.signal?.aborted) return Promise.reject(new Error('astro build stopped'));
  const astro = path.join(options.root, 'node_modules/astro/bin/astro.mjs');
  const child = spawn(
    process.execPath,
    [astro, 'build', '--outDir', outDir, '--root', options.root, '--silent'],
    {
      cwd: options.root,
      env: {
        ...process.env,
        [MODEL_ENV]: modelFile,
        DENIAL_PAGES_DATA: options.dataDir,
        DENIAL_PAGES_TEMPLATES: options.templatesDir,
      },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.on('message', (message) => {
    if (message === RENDERED_MESSAGE) options.progress?.tick();
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  options.staged?.onInterrupt(async () => {
    child.kill('SIGKILL');
    await exited;
  });
  const stop = () => child.kill('SIGKILL');
  options.signal?.addEventListener('abort', stop, { once: true });
  return exited.then((code) => {
    options.signal?.removeEventListener('abort', stop);
    if (options.signal?.aborted) throw new Error('astro build stopped');
    if (code !== 0)
      throw new BuildError(
        'AstroFailed',
        `astro build exited with code ${code}:\n${output.trim().split('\n').slice(-15).join('\n')}`,
      );
  });
}
