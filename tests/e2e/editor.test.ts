// `npm run edit` in a real browser: Decap CMS on the editor's own backend, on a temporary copy of the data kept
// in a git repository. One payer field edited leaves a one-line `git diff`; a drug and a full angle for it added
// through the forms give a page in the next build; what `check` would reject shows in the form and is not saved;
// the preview link opens the page. With EDITOR_DOCS_SCREENSHOTS=1 the copy is of this checkout's real data, and
// the screenshots also go to docs/screenshots/ for docs/editing.md.
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEditor, type RunningEditor } from '../../src/editor/editor-server.ts';
import { runBuild } from '../helpers/build.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { makeFixture, PROJECT_ROOT, type Fixture } from '../helpers/fixture.ts';

const run = promisify(execFile);
const DOCS = process.env['EDITOR_DOCS_SCREENSHOTS'] === '1';
const SHOTS = [
  path.join(PROJECT_ROOT, 'tests/artifacts/screenshots'),
  ...(DOCS ? [path.join(PROJECT_ROOT, 'docs/screenshots')] : []),
];

let fixture: Fixture;
let editor: RunningEditor;
let browser: Browser;
let page: Page;
let payers: { slug: string; name: string }[];
const external: string[] = [];

async function realDataCopy(): Promise<Fixture> {
  const root = await mkdtemp(path.join(tmpdir(), 'denial-pages-editor-'));
  for (const dir of ['data', 'templates'])
    await cp(path.join(PROJECT_ROOT, dir), path.join(root, dir), { recursive: true });
  const abs = (r: string) => path.join(root, r);
  return {
    root,
    dataDir: abs('data'),
    read: (r) => readFile(abs(r), 'utf8'),
    write: async () => undefined,
    edit: async () => undefined,
    cleanup: () => rm(root, { recursive: true, force: true }),
  };
}

const git = async (...args: string[]) =>
  (
    await run('git', ['-c', 'user.name=Editor test', '-c', 'user.email=editor@test.example', ...args], {
      cwd: fixture.root,
    })
  ).stdout;

async function shot(name: string, target: Page = page): Promise<void> {
  for (const dir of SHOTS) {
    await mkdir(dir, { recursive: true });
    await target.screenshot({ path: path.join(dir, `editor-${name}.png`), fullPage: name === 'failure' });
  }
}

const exists = (file: string) =>
  stat(path.join(fixture.root, file)).then(
    () => true,
    () => false,
  );

/** The pane beside each form where the editor shows what `check` would say. */
const checkPane = () => page.frameLocator('#preview-pane').getByTestId('entry-check');

/** Opens a route of the editor (Decap routes live after the #). */
async function open(route: string): Promise<void> {
  await page.goto('about:blank');
  await page.goto(`${editor.url}#${route}`);
  if (route.startsWith('/collections/') && route.split('/').length > 3) await checkPane().waitFor();
  else await page.getByRole('heading', { name: 'Collections' }).waitFor();
}

async function save(): Promise<void> {
  await page.getByRole('button', { name: 'Publish' }).click();
  await page.getByText('Publish now').click();
}

/** Picks an option in a select or relation field (react-select): type to search, then take the match. */
async function pick(label: string, search: string, option: string | RegExp): Promise<void> {
  const input = page.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(search);
  await page.getByRole('option', { name: option }).first().click();
}

/** Waits until the Check panel has checked the current values and shows `text`. */
async function checkPanelShows(text: string | RegExp): Promise<void> {
  const panel = checkPane();
  await panel
    .getByText(text)
    .first()
    .waitFor({ timeout: 30_000 })
    .catch(async (e: Error) => {
      await shot('failure');
      throw new Error(
        `${e.message}\nThe Check panel says: ${await panel.innerText().catch(() => '(nothing)')}`,
      );
    });
}

beforeAll(async () => {
  fixture = DOCS ? await realDataCopy() : await makeFixture();
  if (!DOCS)
    await fixture.edit(
      'data/payers.yaml',
      (t) =>
        `# yaml-language-server: $schema=../src/schema/json/payers.schema.json\n# Kept by the editor.\n${t}`,
    );
  payers = (parse(await fixture.read('data/payers.yaml')) as { slug: string; name: string }[]).slice(0, 2);
  await git('init', '-q');
  await git('add', '-A');
  await git('commit', '-qm', 'before the editor');
  editor = await startEditor({ root: fixture.root });
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  // The editor loads nothing from another host (checked in the last test).
  await page.context().route(/^(?!http:\/\/127\.0\.0\.1[:/])/, (route) => {
    external.push(route.request().url());
    return route.abort();
  });
});

afterAll(async () => {
  await browser?.close();
  await editor?.close();
  await fixture?.cleanup();
});

describe('the browser editor', () => {
  it('edits one payer field, and git diff shows only that line changed', async () => {
    const payer = payers[1]!;
    await open('/collections/payers');
    await shot('collections');
    await page.getByText(payer.slug, { exact: true }).click();
    const shortName = page.getByLabel('Short name', { exact: true });
    await shortName.waitFor();
    await checkPanelShows(/No problems/);
    await shot('payer-form');
    await shortName.fill('Renamed Short');
    await save();
    await page.getByText('Saved to the file').waitFor();
    const diff = await git('diff', '-U0', '--no-color');
    const changed = diff.split('\n').filter((l) => /^[-+](?![-+])/.test(l));
    expect(changed).toEqual([expect.stringMatching(/^-\s+shortName: /), '+  shortName: Renamed Short']);
    expect(await git('diff', '--stat')).toMatch(/data\/payers\.yaml \| 2 \+-/);
    await git('commit', '-qam', 'payer renamed');
  });

  it('adds a drug and a full angle for it through the forms; the build then has its page', async () => {
    await open('/collections/items-drug/new');
    await page.getByLabel('Slug', { exact: true }).fill('testumab');
    await page.getByLabel('Name', { exact: true }).fill('Testumab');
    await page.getByLabel('Class', { exact: true }).fill('PD-1 checkpoint inhibitor');
    await page.getByLabel('Specialty', { exact: true }).fill('oncology');
    await page.getByLabel('Generic name', { exact: true }).fill('testumabum');
    await pick('Benefit', 'medical', 'medical');
    await checkPanelShows(/No problems/);
    await save();
    await page.getByText('Saved to the file').waitFor();
    const items = parse(await fixture.read('data/items.yaml')) as { slug: string; kind: string }[];
    expect(items.at(-1)).toMatchObject({
      slug: 'testumab',
      kind: 'drug',
      evidence: { genericName: 'testumabum', benefit: 'medical' },
    });

    const payer = payers[0]!;
    await open('/collections/angles-full/new');
    await pick('Payer', payer.slug, new RegExp(payer.name.slice(0, 4)));
    await pick('Item', 'testumab', 'Testumab');
    await pick('Reason', 'step', /Step therapy/);
    await pick('Reviewed by', 'editorial', /editorial desk/i);
    await page.getByLabel('Reviewed', { exact: true }).fill('2026-11-20');
    const body = [
      '## Why a step rule meets Testumab',
      '',
      'Testumab is usually given after an earlier line of treatment, so a step denial tends to mean the reviewer',
      'could not find that earlier line in the chart. Ask the oncologist to send the treatment timeline, each',
      "regimen's dates and why it stopped, and the policy section the plan applied to this request.",
      '',
      'A short letter that lines each policy step up against that record answers most of these denials.',
      'Where a step was skipped, it says why the earlier option was unsafe or unsuitable for this patient.',
      '',
      '## What to gather before the appeal',
      '',
      'Start with the denial letter itself, because it names who made the decision and which policy they used.',
      'Then collect the chart notes for every earlier treatment, with start and stop dates, the dose, and the',
      'reason each one ended, whether that was progression, side effects or a contraindication. Add any test',
      'results that tie this diagnosis to the use being requested, and a short letter from the treating doctor',
      'that explains why waiting for another step would put the patient at risk. Keep copies of everything you',
      'send, note the date it went out, and ask the plan to confirm in writing when it was received.',
      'Testumab editor end-to-end marker sentence.',
    ].join('\n');
    await page.getByLabel('Text', { exact: true }).fill(body);
    await checkPanelShows(/No problems/);
    await page.getByText('Payer', { exact: true }).scrollIntoViewIfNeeded();
    await shot('angle-form');
    await save();
    await page
      .getByText('Saved to the file')
      .waitFor()
      .catch(async (e: Error) => {
        await shot('failure');
        throw e;
      });
    const file = `data/angles/full/${payer.slug}--testumab--step-therapy.mdx`;
    const written = await fixture.read(file);
    expect(written).toContain(`payer: ${payer.slug}\nitem: testumab\nreason: step-therapy\n`);
    expect(written).toContain('\n---\n\n## Why a step rule meets Testumab\n');

    const build = await runBuild(fixture);
    expect(build.code, build.stderr).toBe(0);
    const html = await readFile(
      path.join(build.outDir, payer.slug, 'testumab', 'step-therapy', 'index.html'),
      'utf8',
    );
    expect(html).toContain('Testumab editor end-to-end marker sentence.');
    expect(html).toContain('Why a step rule meets Testumab');
  });

  it('shows what check would reject before saving, in words, and refuses the save', async () => {
    const payer = payers[0]!;
    await open('/collections/angles-full/new');
    await pick('Payer', payer.slug, new RegExp(payer.name.slice(0, 4)));
    await pick('Item', 'testumab', 'Testumab');
    await pick('Reason', 'prior', /Prior authorization/i);
    await pick('Reviewed by', 'editorial', /editorial desk/i);
    await page.getByLabel('Reviewed', { exact: true }).fill('2026-11-20');
    const text = page.getByLabel('Text', { exact: true });
    await text.fill('## A short note\n\nIt cites <Cite id="no-such-fact" />, a fact that does not exist.');
    const panel = checkPane();
    await checkPanelShows(/Unknown fact/i);
    const said = await panel.innerText();
    expect(said).toMatch(/no-such-fact/);
    expect(said).toMatch(/words/);
    expect(said).toMatch(/Saving is refused/);
    await shot('error-before-save');
    await text.fill('### A heading that skips a level\n\nAn angle starts its headings at level two.');
    await checkPanelShows(/heading/i);
    expect(await panel.locator('[data-severity="error"]').first().innerText()).toMatch(/Use ## here/);
    await save();
    await page
      .getByText(/^Not saved\./)
      .first()
      .waitFor();
    expect(await exists(`data/angles/full/${payer.slug}--testumab--prior-authorization.mdx`)).toBe(false);
    expect(await git('status', '--porcelain')).not.toContain('prior-authorization');
  });

  it(
    'opens a preview of the saved page from the editor',
    async () => {
      const payer = payers[0]!;
      await open(`/collections/angles-full/entries/${payer.slug}--testumab--step-therapy`);
      await checkPanelShows(/No problems/);
      const [preview] = await Promise.all([
        page.waitForEvent('popup', { timeout: DOCS ? 500_000 : 60_000 }),
        checkPane()
          .getByRole('link', { name: /Preview the page as saved/ })
          .click(),
      ]);
      await preview.waitForURL(new RegExp(`/${payer.slug}/testumab/step-therapy/$`), {
        timeout: DOCS ? 500_000 : 100_000,
      });
      await preview
        .getByRole('heading', { level: 1 })
        .waitFor({ timeout: DOCS ? 500_000 : 60_000 })
        .catch(async (e: Error) => {
          await shot('failure', preview);
          throw new Error(`${e.message}\n${preview.url()}\n${(await preview.content()).slice(0, 2000)}`);
        });
      expect(await preview.getByRole('heading', { level: 1 }).innerText()).toMatch(/Testumab denied/);
      expect(await preview.content()).toContain('Testumab editor end-to-end marker sentence.');
      await shot('preview', preview);
      await preview.close();
      // On the real data (docs screenshots) `astro dev` renders the whole site for its first page.
    },
    DOCS ? 600_000 : 120_000,
  );
});
