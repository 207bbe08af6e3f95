// The editor's commands: `new` scaffolds without overwriting, `report` ranks what to write next.
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { currentDate } from '../../src/content/validate.ts';
import { renderSite } from '../../src/generator/site-models.ts';
import { checkSite } from '../../src/plan/check-site.ts';
import { buildReport } from '../../src/report/build-report.ts';
import { containment, shingles } from '../../src/measure/shingles.ts';
import { makeFixture, PROJECT_ROOT, type Fixture } from '../helpers/fixture.ts';

const run = promisify(execFile);
let fixture: Fixture;
beforeEach(async () => {
  fixture = await makeFixture();
});
afterEach(async () => {
  await fixture.cleanup();
});

async function npmNew(args: string[], input?: string) {
  const child = run(
    path.join(PROJECT_ROOT, 'node_modules/.bin/node'),
    ['scripts/new.ts', ...args, '--data', fixture.dataDir],
    {
      cwd: PROJECT_ROOT,
    },
  );
  if (input !== undefined) {
    child.child.stdin?.end(input);
  } else {
    child.child.stdin?.end();
  }
  try {
    const { stdout, stderr } = await child;
    return { code: 0, out: stdout + stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, out: err.stdout + err.stderr };
  }
}

describe('npm run new', () => {
  it('scaffolds a full angle with frontmatter for the combination, and refuses to overwrite it', async () => {
    const created = await npmNew([
      'angle',
      '--payer',
      'beta',
      '--item',
      'wonderdrug',
      '--reason',
      'prior-authorization',
    ]);
    expect(created.code, created.out).toBe(0);
    const text = await fixture.read('data/angles/full/beta--wonderdrug--prior-authorization.mdx');
    expect(text).toMatch(
      /^---\npayer: beta\nitem: wonderdrug\nreason: prior-authorization\nreviewedBy: editorial-desk\n/,
    );
    expect(text).toContain('reviewed: TODO');
    const again = await npmNew([
      'angle',
      '--payer',
      'beta',
      '--item',
      'wonderdrug',
      '--reason',
      'prior-authorization',
    ]);
    expect(again.code).toBe(1);
    expect(again.out).toContain('already exists; nothing was written');
    expect(await fixture.read('data/angles/full/beta--wonderdrug--prior-authorization.mdx')).toBe(text);
  });

  it('checks slugs against the data with a did-you-mean, and refuses angles no page could use', async () => {
    const typo = await npmNew(['angle', '--payer', 'betta', '--reason', 'step-therapy']);
    expect(typo.code).toBe(1);
    expect(typo.out).toContain('"betta" is not a payer slug. Did you mean "beta"?');
    const inapplicable = await npmNew(['angle', '--item', 'knee-scope', '--reason', 'step-therapy']);
    expect(inapplicable.code).toBe(1);
    expect(inapplicable.out).toContain('does not apply to a procedure');
    const existing = await npmNew(['angle', '--item', 'gene-panel', '--reason', 'step-therapy']);
    expect(existing.out).toContain('already covers this combination');
  });

  it('asks interactively when no flags are given', async () => {
    const created = await npmNew([], 'angle\nacme\n\nprior-authorization\n');
    expect(created.code, created.out).toBe(0);
    expect(await fixture.read('data/angles/payer-reason/acme--prior-authorization.mdx')).toMatch(
      /^---\npayer: acme\nreason: prior-authorization\n/,
    );
  });

  it('appends a validated payer row that the build accepts', async () => {
    const created = await npmNew([
      'payer',
      '--slug',
      'gamma',
      '--name',
      'Gamma Health',
      '--short-name',
      'Gamma',
      '--plan-lines',
      'employer-insured,fehb',
      '--policy-name',
      'Gamma Medical Policies',
      '--policy-url',
      'https://gamma.example/policies',
      '--medical-requests',
      'Online portal.',
    ]);
    expect(created.code, created.out).toBe(0);
    const { site, errors } = await checkSite({ root: fixture.root, today: currentDate() });
    expect(errors.filter((e) => e.severity === 'error')).toEqual([]);
    expect(site!.data.payers.map((p) => p.slug)).toContain('gamma');
    const bad = await npmNew([
      'payer',
      '--slug',
      'delta',
      '--name',
      'Delta',
      '--short-name',
      'Delta',
      '--plan-lines',
      'employer-insured',
      '--policy-name',
      'P',
      '--policy-url',
      'javascript:alert(1)',
    ]);
    expect(bad.code).toBe(1);
    expect(bad.out).toContain('policyLibraries.0.url');
    expect(await fixture.read('data/payers.yaml')).not.toContain('delta');
  });
});

/** A fixture note of the usual length (about 130 words): what a payer's policy for one item asks for. */
const PAYER_ITEM_NOTE = [
  'Acme files its sequencing panels under a laboratory policy that names three conditions for coverage.',
  'The ordering oncologist must show the tumour type and stage, the panel must be run by a laboratory',
  'certified for high-complexity testing, and the result must be able to change the treatment plan.',
  'The policy lists which cancers it counts as eligible and asks for the pathology report with the request.',
  'It also limits a repeat panel on the same tumour to cases where the disease has progressed since the',
  'first one. When a request is turned down, the letter usually points to one of these three conditions,',
  'so the appeal should answer that condition directly: the stage from the pathology report, the',
  'laboratory certificate, or a note from the oncologist on the decision the result will guide. Ask the',
  'laboratory for its certificate number early, since offices rarely keep it on file.',
].join(' ');

describe('npm run report', () => {
  it('queues first the note that would make the most pages indexable, and writing it does', async () => {
    const { site } = await checkSite({ root: fixture.root, today: currentDate() });
    const report = buildReport(site!, renderSite(site!));
    expect(report.totals).toMatchObject({ indexable: 3, noindex: 7, inapplicable: 2, angles: 4 });
    // Acme's gene-panel pages: the step-therapy one has an item × reason angle (the angle rule is met) but shares
    // too much with Beta's; a note on Acme's policy for the gene panel would be on both of Acme's gene-panel pages.
    expect(report.queue[0]).toMatchObject({
      layer: 'payer × item',
      file: 'data/angles/payer-item/acme--gene-panel.mdx',
      pages: 2,
      unlocks: 1,
    });
    const unlocks = report.queue.map((q) => q.unlocks);
    expect(unlocks).toEqual([...unlocks].sort((a, b) => b - a));
    expect(report.uniqueness.falling.map((f) => f.path)).toContain('/acme/gene-panel/step-therapy/');

    // The fixture keeps its angles in one folder; the folder is a convention, the frontmatter decides.
    await fixture.write(
      'data/angles/acme--gene-panel.mdx',
      `---\npayer: acme\nitem: gene-panel\nreviewedBy: editorial-desk\nreviewed: 2026-11-05\nsources: []\n---\n\n${PAYER_ITEM_NOTE}\n`,
    );
    const after = (await checkSite({ root: fixture.root, today: currentDate() })).site!;
    const rendered = renderSite(after);
    const status = (path: string) => rendered.decisions.find((d) => d.combo.path === path)!.decision.status;
    expect(status('/acme/gene-panel/step-therapy/')).toBe('indexable');
    expect(status('/acme/gene-panel/prior-authorization/')).toBe('noindex');
  });

  it('writes an HTML report and a terminal summary', async () => {
    const out = path.join(fixture.root, 'report.html');
    const { stdout } = await run(
      path.join(PROJECT_ROOT, 'node_modules/.bin/node'),
      ['scripts/report.ts', '--data', fixture.dataDir, '--out', out],
      {
        cwd: PROJECT_ROOT,
      },
    );
    expect(stdout).toContain('report: 10 combinations → 3 indexable, 7 noindex');
    expect(stdout).toContain('notes to write next');
    const html = await readFile(out, 'utf8');
    expect(html).toContain('<h2>Notes to write next</h2>');
    expect(html).toContain('<h3>Not indexable (7), worst first</h3>');
    expect(html).toContain('<h2>Coverage matrix</h2>');
    expect(html).not.toContain('<script>alert(1)</script>');
  });
});

describe('five-word overlap', () => {
  it('measures the share of one text’s five-word phrases found in another', () => {
    const a = shingles('one two three four five six');
    const b = shingles('zero one two three four five');
    expect(a.size).toBe(2);
    expect(containment(a, b)).toBe(0.5);
    expect(containment(a, a)).toBe(1);
    expect(containment(new Set(), b)).toBe(0);
  });
});
