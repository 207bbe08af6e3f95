// Who is behind the pages and what a buyer gets: the trust pages every footer links to, the offer as site.yaml
// states it (and only what it states), the business facts a production build insists on, and the help offices by
// state, each only as far as an official page confirmed it.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCommand, runBuild, type BuildRun } from '../helpers/build.ts';
import { meta, readBuiltPages, type BuiltPage } from '../helpers/dist.ts';
import { makeFixture, PROJECT_ROOT, type Fixture } from '../helpers/fixture.ts';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);
let fixture: Fixture;
let build: BuildRun;
let pages: BuiltPage[];
const byPath = (p: string) => pages.find((page) => page.path === p)!;

beforeAll(async () => {
  fixture = await makeFixture();
  build = await runBuild(fixture);
  pages = await readBuiltPages(build.outDir);
}, 120_000);
afterAll(() => fixture.cleanup());

describe('trust pages', () => {
  it('are built from data/pages and linked from the footer of every page', () => {
    expect(build.code, build.stderr).toBe(0);
    expect(byPath('/about/').dom.querySelector('h1')?.text).toBe('About FixtureHelp');
    expect(meta(byPath('/about/'), 'robots')).toBe('index, follow');
    for (const page of pages.filter((p) => !p.html.includes('http-equiv') && p.path !== '/404.html')) {
      const footer = page.dom.querySelectorAll('footer nav a').map((a) => a.getAttribute('href'));
      expect(footer, page.path).toEqual(['/about/', '/privacy/']);
    }
  });

  it('fill their blocks from site.yaml: the business, the reviewers and what each checks, the offer, the analytics', () => {
    const about = byPath('/about/').dom;
    expect(about.querySelector('#business')).not.toBeNull();
    expect(about.querySelectorAll('.facts-list dd').map((d) => d.text)).toEqual([
      'Fixture Help Ltd.',
      '1 Example Street, Exampleton',
      'help@fixture.example',
    ]);
    expect(about.querySelector('.reviewers li')?.text).toBe(
      'Fixture editorial desk: Checks facts against sources.',
    );
    // Its ## headings sit right under the page's h1.
    expect(about.querySelector('h2')?.text).toBe('What they are');
    const privacy = byPath('/privacy/').dom;
    expect(privacy.querySelector('section[aria-labelledby="analytics"] p')?.text).toContain(
      'runs no analytics',
    );
    // offer.reviewedBy is null in the fixture: said to be not yet set, never guessed.
    const terms = privacy
      .querySelectorAll('section[aria-labelledby="offer-terms"] dt')
      .map((dt) => [dt.text, dt.nextElementSibling?.text]);
    expect(terms).toContainEqual(['Who reviews it', 'not yet set']);
    expect(terms).toContainEqual(['When you get it', 'Within two fixture days']);
  });
});

describe('the offer on each guide', () => {
  it('says what the letter includes and the business facts that are set, and leaves out the one that is not', () => {
    const offer = byPath('/acme/wonderdrug/step-therapy/').dom.querySelector('section.offer')!;
    expect(offer.querySelectorAll('.offer-includes li').map((li) => li.text)).toEqual([
      'A fixture letter for this denial',
      'A list of documents to attach',
    ]);
    expect(offer.querySelectorAll('.offer-details dt').map((dt) => dt.text)).toEqual([
      'Who drafts it',
      'When you get it',
      'Refunds',
    ]);
  });

  it('comes after the free help, which lists the help for the payer’s plan lines, each cited', () => {
    const guide = byPath('/acme/wonderdrug/step-therapy/');
    const help = guide.dom.querySelectorAll('.free-help li');
    // Acme runs employer, Part D, Medicaid and FEHB plans: member services, the state's program, the Labor
    // Department, SHIP, the Medicaid agency and OPM; every item but the first links its fact's official source.
    expect(help.map((li) => li.querySelector('strong, a')?.text ?? li.text.split(',')[0])).toHaveLength(6);
    expect(help.slice(1).every((li) => li.querySelector('a.cite[data-fact][href^="https://"]'))).toBe(true);
    const beta = byPath('/beta/wonderdrug/step-therapy/');
    expect(beta.html).not.toContain('SHIP');
    expect(guide.html.indexOf('id="free-help"')).toBeLessThan(guide.html.indexOf('id="offer"'));
    expect(guide.html.indexOf('id="offer"')).toBeLessThan(guide.html.indexOf('id="sources-heading"'));
  });
});

describe('business facts', () => {
  it('a production build refuses to run while one is still null, naming it; a normal build warns', async () => {
    expect(build.stderr).toMatch(/data\/site\.yaml:\d+:\d+ warning BusinessFactUnset/);
    const [node, args] = buildCommand(fixture, path.join(fixture.root, 'prod'));
    const refused = await run(node, [...args, '--production'], { cwd: PROJECT_ROOT }).catch(
      (e: { code: number; stdout: string; stderr: string }) => e,
    );
    expect((refused as { code?: number }).code).toBe(1);
    expect(refused.stderr).toMatch(/data\/site\.yaml:23:15 error BusinessFactUnset/);
    expect(refused.stderr).toContain('offer.reviewedBy is not set');
    await fixture.edit('data/site.yaml', (t) =>
      t.replace('  reviewedBy: null', '  reviewedBy: A fixture reviewer'),
    );
    const { stdout } = await run(node, [...args, '--production'], { cwd: PROJECT_ROOT });
    expect(stdout).toContain('build complete');
  }, 120_000);
});

describe('help by state', () => {
  it('lists every state; a state page shows only confirmed offices, says what is not confirmed, and where it was read', () => {
    const states = byPath('/states/');
    expect(states.dom.querySelectorAll('.hub-list a').map((a) => a.getAttribute('href'))).toEqual([
      '/states/new-fixture/',
      '/states/south-fixture/',
    ]);
    expect(states.dom.querySelector('#public-help')).not.toBeNull();
    const known = byPath('/states/new-fixture/');
    expect(known.dom.querySelector('section[aria-labelledby="offices"] a')?.getAttribute('href')).toBe(
      'https://insurance.fixture.example/consumers',
    );
    expect(known.dom.querySelector('section[aria-labelledby="offices"]')?.text).toContain(
      'phone 1-800-555-0100',
    );
    expect(known.dom.querySelector('section[aria-labelledby="offices"] .note')?.text).toContain(
      'consumer assistance program',
    );
    expect(known.dom.querySelector('section[aria-labelledby="state-sources"] li')?.text).toContain(
      '(read 2026-11-01)',
    );
    expect(meta(known, 'robots')).toBe('index, follow');
    // Nothing confirmed yet: said so, and kept out of search results.
    const unknown = byPath('/states/south-fixture/');
    expect(unknown.dom.querySelector('section[aria-labelledby="offices"]')?.text).toContain(
      'not yet confirmed any',
    );
    expect(meta(unknown, 'robots')).toBe('noindex, follow');
  });
});
