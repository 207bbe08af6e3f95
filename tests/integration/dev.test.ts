// `npm run dev`: edits to YAML, templates and angles show on the next request, without a restart.
import { spawn, type ChildProcess } from 'node:child_process';
import { openSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeFixture, PROJECT_ROOT, type Fixture } from '../helpers/fixture.ts';

let fixture: Fixture;
let server: ChildProcess;
const port = 4400 + Math.floor(Math.random() * 500);
const url = `http://127.0.0.1:${port}/acme/wonderdrug/step-therapy/`;

const fetchPage = async () => (await fetch(url, { signal: AbortSignal.timeout(5000) })).text();

async function eventually(check: () => Promise<boolean>, ms = 15_000): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check().catch(() => false)) return true;
    await new Promise((r) => setTimeout(r, 200));
  }
  return false;
}

beforeAll(async () => {
  fixture = await makeFixture();
  const log = openSync(path.join(fixture.root, 'dev.log'), 'w');
  server = spawn(
    path.join(PROJECT_ROOT, 'node_modules/.bin/node'),
    [
      path.join(PROJECT_ROOT, 'node_modules/astro/bin/astro.mjs'),
      'dev',
      '--port',
      String(port),
      '--host',
      '127.0.0.1',
      '--force',
    ],
    {
      cwd: PROJECT_ROOT,
      env: {
        PATH: process.env['PATH'],
        HOME: process.env['HOME'],
        DENIAL_PAGES_DATA: fixture.dataDir,
        DENIAL_PAGES_TEMPLATES: path.join(fixture.root, 'templates'),
      },
      stdio: ['ignore', log, log],
    },
  );
  const up = await eventually(
    async () => (await fetch(url, { signal: AbortSignal.timeout(5000) })).ok,
    60_000,
  );
  expect(up, await fixture.read('dev.log')).toBe(true);
});

afterAll(async () => {
  server?.kill('SIGTERM');
  await fixture?.cleanup();
});

describe('dev server', () => {
  it('shows YAML, template and angle edits on the next request', async () => {
    expect(await fetchPage()).toContain('Wonderdrug denied for failing step therapy');
    await fixture.edit('data/items.yaml', (t) => t.replace('name: Wonderdrug', 'name: Marveldrug'));
    expect(
      await eventually(async () =>
        (await fetchPage()).includes('Marveldrug denied for failing step therapy'),
      ),
    ).toBe(true);
    await fixture.edit('templates/cta-button.hbs', (t) => t.replace('Start my appeal', 'Begin my appeal'));
    expect(await eventually(async () => (await fetchPage()).includes('Begin my appeal'))).toBe(true);
    await fixture.edit('data/angles/acme--wonderdrug--step-therapy.mdx', (t) =>
      t.replace('## Why Acme asks', '## Why Acme really asks'),
    );
    expect(await eventually(async () => (await fetchPage()).includes('Why Acme really asks'))).toBe(true);
  });
});
