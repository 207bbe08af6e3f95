// The editor's commands: `new` scaffolds without overwriting, `report` ranks what to write next.
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
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
    const { site, errors } = await checkSite({ root: fixture.root, today: '2026-12-04' });
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

describe('npm run report', () => {
  it('ranks the missing angle that would make the most pages indexable first', async () => {
    const { site } = await checkSite({ root: fixture.root, today: '2026-12-04' });
    const report = buildReport(site!, renderSite(site!));
    // beta × step-therapy exists and gene-panel × step-therapy exists; wonderdrug × step-therapy would make
    // /beta/wonderdrug/step-therapy/ indexable, and acme × step-therapy would make /acme/gene-panel/step-therapy/ so.
    expect(report.missing[0]).toMatchObject({ unlocks: 1 });
    const top = report.missing.filter((m) => m.unlocks === 1 && m.layer !== 'payer × item × reason');
    expect(top.map((m) => `${m.layer}:${m.payer ?? m.item}:${m.reason}`).sort()).toEqual([
      'item × reason:wonderdrug:step-therapy',
      'payer × reason:acme:step-therapy',
    ]);
    expect(report.totals).toMatchObject({ indexable: 3, noindex: 7, inapplicable: 2, angles: 4 });
    expect(
      report.matrix.find((m) => m.payer === 'beta' && m.item === 'gene-panel' && m.reason === 'step-therapy'),
    ).toMatchObject({
      layers: 'item×reason + payer×reason',
      status: 'indexable',
    });
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
    expect(stdout).toContain('next angles to write');
    const html = await readFile(out, 'utf8');
    expect(html).toContain('<h2>Most valuable missing angles</h2>');
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
