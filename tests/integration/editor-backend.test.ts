// The editor's backend, spoken to directly as a hostile page or a confused client would: writes outside data/,
// through symlinks, of other file types, with http:// links or from another origin are refused and change
// nothing; saving every entry unchanged leaves every file byte for byte; check's errors come back in words.
import { mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEditor, type RunningEditor } from '../../src/editor/editor-server.ts';
import { previewPath } from '../../src/editor/preview-pages.ts';
import { hashTree, makeFixture, type Fixture } from '../helpers/fixture.ts';

let fixture: Fixture;
let editor: RunningEditor;
let outside: string;

beforeAll(async () => {
  fixture = await makeFixture();
  outside = path.join(fixture.root, 'outside');
  await mkdir(outside);
  await writeFile(path.join(outside, 'secret.mdx'), 'outside the data folder\n');
  await mkdir(path.join(fixture.dataDir, 'angles/full'), { recursive: true });
  await symlink(path.join(outside, 'secret.mdx'), path.join(fixture.dataDir, 'angles/full/link-out.mdx'));
  await symlink(outside, path.join(fixture.dataDir, 'angles/payer-item'));
  editor = await startEditor({ root: fixture.root });
});

afterAll(async () => {
  await editor?.close();
  await fixture?.cleanup();
});

async function post(body: unknown, init: { path?: string; headers?: Record<string, string> } = {}) {
  const response = await fetch(new URL(init.path ?? '/api/v1', editor.url), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...init.headers },
    body: JSON.stringify(body),
  });
  return {
    status: response.status,
    json: (await response.json().catch(() => ({}))) as Record<string, unknown>,
  };
}

const persist = (file: string, raw: string, collectionName: string, newEntry = false) =>
  post({
    action: 'persistEntry',
    params: {
      branch: 'main',
      dataFiles: [{ path: file, slug: 'x', raw }],
      assets: [],
      options: { collectionName, commitMessage: 'edit', useWorkflow: false, status: '', newEntry },
    },
  });

const ANGLE =
  '---\nitem: wonderdrug\nreason: step-therapy\nreviewedBy: editorial-desk\nreviewed: 2026-11-01\n---\nSome words.\n';

describe('editor backend: refused writes change nothing', () => {
  const attempts: [string, () => ReturnType<typeof post>][] = [
    ['a path with ..', () => persist('data/angles/full/../../../package.json', ANGLE, 'angles-full')],
    ['an absolute path', () => persist('/etc/passwd.mdx', ANGLE, 'angles-full')],
    ['a file outside data/', () => persist('templates/cta.mdx', ANGLE, 'angles-full')],
    ['a file type the editor does not write', () => persist('data/angles/full/x.js', ANGLE, 'angles-full')],
    [
      'a symlinked file leading outside',
      () => persist('data/angles/full/link-out.mdx', ANGLE, 'angles-full'),
    ],
    [
      'a symlinked folder leading outside',
      () => persist('data/angles/payer-item/new.mdx', ANGLE, 'angles-payer-item', true),
    ],
    ['a path of another collection', () => persist('data/site.yaml', 'brand: X\n', 'angles-full')],
    [
      'a move to another path',
      () =>
        post({
          action: 'persistEntry',
          params: {
            dataFiles: [{ path: 'data/site.yaml', newPath: '../site.yaml', slug: 'site', raw: 'brand: X\n' }],
            assets: [],
            options: { collectionName: 'site' },
          },
        }),
    ],
    [
      'an upload',
      () =>
        post({
          action: 'persistMedia',
          params: { asset: { path: 'data/x.yaml', content: 'eDogMQo=', encoding: 'base64' }, options: {} },
        }),
    ],
    [
      'a deletion through ..',
      () => post({ action: 'deleteFiles', params: { paths: ['data/../package.json'] } }),
    ],
    ['a read through ..', () => post({ action: 'getEntry', params: { path: 'data/../package.json' } })],
    [
      'a request from another site',
      () =>
        post(
          { action: 'deleteFiles', params: { paths: ['data/angles/acme--wonderdrug--step-therapy.mdx'] } },
          { headers: { Origin: 'http://evil.example' } },
        ),
    ],
  ];

  for (const [what, attempt] of attempts) {
    it(`refuses ${what}`, async () => {
      const before = await hashTree(fixture.root);
      const outsideBefore = await readFile(path.join(outside, 'secret.mdx'), 'utf8');
      const { status, json } = await attempt();
      expect(status, JSON.stringify(json)).toBe(what === 'an upload' ? 422 : 403);
      expect(await hashTree(fixture.root)).toEqual(before);
      expect(await readFile(path.join(outside, 'secret.mdx'), 'utf8')).toBe(outsideBefore);
    });
  }

  it('refuses a page whose Host is not its own (DNS rebinding)', async () => {
    const { request } = await import('node:http');
    const url = new URL(editor.url);
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(
        { host: url.hostname, port: url.port, path: '/config.json', headers: { Host: 'attacker.example' } },
        (res) => resolve(res.statusCode ?? 0),
      );
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(403);
  });

  it('refuses an http:// link with the reason check gives, and leaves the file as it was', async () => {
    const before = await fixture.read('data/payers.yaml');
    const row = {
      slug: 'beta',
      name: 'Beta Insurance',
      shortName: 'Beta',
      planLines: ['employer-insured'],
      policyLibraries: [{ name: 'Library', url: 'http://policies.beta.example/' }],
      requests: {},
    };
    const { status, json } = await persist('data/payers/beta.yaml', stringify(row), 'payers');
    expect(status).toBe(422);
    expect(String(json['error'])).toMatch(/^Not saved: .*https:\/\//);
    expect(String(json['error'])).toMatch(/Policy libraries 1 › URL/);
    expect(await fixture.read('data/payers.yaml')).toBe(before);
  });
});

describe('editor backend: same files', () => {
  it('saving every entry unchanged leaves every file byte for byte', async () => {
    const before = await hashTree(fixture.dataDir);
    const folders: [string, string][] = [
      ['data/payers', 'payers'],
      ['data/items', 'items'],
      ['data/reasons', 'reasons'],
      ['data/facts', 'facts'],
      ['data/plan-lines', 'plan-lines'],
      ['data/states', 'states'],
    ];
    let saved = 0;
    for (const [folder, collection] of folders) {
      const { json } = await post({
        action: 'entriesByFolder',
        params: { folder, extension: 'yaml', depth: 1 },
      });
      for (const entry of json as unknown as { data: string; file: { path: string } }[]) {
        const reply = await persist(entry.file.path, entry.data, collection);
        expect(reply.status, JSON.stringify(reply.json)).toBe(200);
        saved++;
      }
    }
    for (const [file, collection] of [
      ['data/site.yaml', 'site'],
      ['data/holidays.yaml', 'holidays'],
    ] as const) {
      const { json } = await post({ action: 'getEntry', params: { path: file } });
      expect((await persist(file, String(json['data']), collection)).status).toBe(200);
    }
    expect(saved).toBeGreaterThan(60);
    expect(await hashTree(fixture.dataDir)).toEqual(before);
  });

  it('adds a row at the end of its file and deletes it again, leaving the file as it was', async () => {
    const before = await fixture.read('data/payers.yaml');
    const row = {
      slug: 'gamma',
      name: 'Gamma Health',
      shortName: 'Gamma',
      planLines: ['individual'],
      policyLibraries: [{ name: 'Gamma policies', url: 'https://gamma.example/policies' }],
      requests: {},
    };
    const added = await persist('data/payers/gamma.yaml', stringify(row), 'payers', true);
    expect(added.status, JSON.stringify(added.json)).toBe(200);
    const text = await fixture.read('data/payers.yaml');
    expect(text.startsWith(before)).toBe(true);
    expect(text.slice(before.length)).toBe(
      '- slug: gamma\n  name: Gamma Health\n  shortName: Gamma\n  planLines: [individual]\n  policyLibraries:\n' +
        '    - name: Gamma policies\n      url: https://gamma.example/policies\n  requests: {}\n',
    );
    const deleted = await post({
      action: 'deleteFiles',
      params: { paths: ['data/payers/gamma.yaml'], options: {} },
    });
    expect(deleted.status, JSON.stringify(deleted.json)).toBe(200);
    expect(await fixture.read('data/payers.yaml')).toBe(before);
  });

  it('refuses to delete a row that angles still use, naming what would break', async () => {
    const before = await hashTree(fixture.dataDir);
    const { status, json } = await post({
      action: 'deleteFiles',
      params: { paths: ['data/items/wonderdrug.yaml'] },
    });
    expect(status).toBe(422);
    expect(String(json['error'])).toMatch(/wonderdrug/);
    expect(await hashTree(fixture.dataDir)).toEqual(before);
  });

  it('lists a list file as one entry per row, under a folder that is not on disk', async () => {
    const { json } = await post({
      action: 'entriesByFolder',
      params: { folder: 'data/items', extension: 'yaml', depth: 1 },
    });
    const paths = (json as unknown as { file: { path: string } }[]).map((e) => e.file.path);
    expect(paths).toEqual([
      'data/items/wonderdrug.yaml',
      'data/items/gene-panel.yaml',
      'data/items/knee-scope.yaml',
    ]);
  });
});

describe('editor backend: errors before save', () => {
  it("tells the form what check would reject, in check's words, before anything is written", async () => {
    const before = await hashTree(fixture.dataDir);
    const { status, json } = await post(
      {
        collection: 'angles-full',
        newRecord: true,
        data: {
          payer: 'acmee',
          item: 'wonderdrug',
          reason: 'step-therapy',
          reviewedBy: 'editorial-desk',
          reviewed: '2026-11-01',
          body: 'Words <Cite id="no-such-fact" /> here.',
        },
      },
      { path: '/api/check' },
    );
    expect(status).toBe(200);
    const problems = json['problems'] as { title: string; message: string; hint: string; severity: string }[];
    const said = problems.map((p) => `${p.title}: ${p.message} ${p.hint}`).join('\n');
    expect(said).toMatch(/acmee/);
    expect(said).toMatch(/Did you mean "acme"\?/);
    expect(said).toMatch(/no-such-fact/);
    expect(problems.every((p) => p.severity === 'error')).toBe(true);
    expect(json['path']).toBe('data/angles/full/acmee--wonderdrug--step-therapy.mdx');
    expect(await hashTree(fixture.dataDir)).toEqual(before);
  });
});

describe('editor backend: preview links', () => {
  it('point at the page that shows the entry', async () => {
    expect(await previewPath(fixture.root, 'payers', 'acme')).toBe('/acme/');
    expect(await previewPath(fixture.root, 'items-drug', 'wonderdrug')).toBe('/items/wonderdrug/');
    expect(await previewPath(fixture.root, 'reasons', 'step-therapy')).toBe('/reasons/step-therapy/');
    expect(await previewPath(fixture.root, 'angles-full', 'acme--wonderdrug--step-therapy')).toBe(
      '/acme/wonderdrug/step-therapy/',
    );
    expect(await previewPath(fixture.root, 'site', 'site')).toBe('/');
    expect(await previewPath(fixture.root, 'payers', '..%2Fx')).toBe('/');
  });
});
