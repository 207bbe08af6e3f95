// The models of a whole site, against expected values: which deadline rules each page offers (from the facts in
// data), where the rules for each plan line live, and what the uniqueness measure does with pages that differ only
// by names (related links, hubs, sitemap, redirects) under both `index.nonIndexable` settings.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderSite, type RenderedSite } from '../../src/generator/site-models.ts';
import { checkSite } from '../../src/plan/check-site.ts';
import { makeFixture, PROJECT_ROOT, type Fixture } from '../helpers/fixture.ts';

let fixture: Fixture;
beforeEach(async () => (fixture = await makeFixture()));
afterEach(() => fixture.cleanup());

async function render(root = fixture.root): Promise<RenderedSite> {
  const { site, errors } = await checkSite({ root });
  expect(errors.filter((e) => e.severity === 'error')).toEqual([]);
  return renderSite(site!);
}

const page = (site: RenderedSite, path: string) => site.pages.find((p) => p.path === path);
/** The calculator's options on a page: each plan group with its rows, as text. */
const plans = (site: RenderedSite, path: string) =>
  page(site, path)!.deadlines.map(
    (plan) =>
      `${plan.name}: ${plan.rows.map((r) => `${r.label} ${r.amount} ${r.unit} from ${r.countsFrom}`).join('; ')}`,
  );

describe('deadline rules a page offers', () => {
  const employer =
    'File the internal appeal 180 calendar-days from notice-receipt; ' +
    'Ask for independent external review 4 months from appeal-decision-receipt; ' +
    'An urgent appeal is decided within 72 hours from request-receipt; ' +
    'An appeal about care not yet received is decided within 30 calendar-days from request-receipt; ' +
    'An appeal about paying for care already received is decided within 60 calendar-days from request-receipt; ' +
    'A standard external review is decided within 45 calendar-days from request-receipt; ' +
    'An expedited external review is decided within 72 hours from request-receipt';

  it('follow the payer’s plan lines, the item’s kind and benefit, from data/facts.yaml', async () => {
    const site = await render();
    // Beta runs insured employer plans only.
    expect(plans(site, '/beta/knee-scope/prior-authorization/')).toEqual([
      `Employer plan, insured: ${employer}`,
    ]);
    const test = plans(site, '/acme/gene-panel/step-therapy/');
    // Acme runs every line but individual; employer lines share their rows; Part D covers pharmacy drugs only,
    // and Medicare Advantage's own rules the medical side.
    expect(test.map((p) => p.split(':')[0])).toEqual([
      'Employer plan, insured or self-funded',
      'Medicare Advantage plan',
      'Medicaid managed care plan',
      'Federal employee plan (FEHB)',
    ]);
    expect(test[1]).toContain('A standard prior-authorization request is decided within 7 calendar-days');
    const drug = plans(site, '/acme/wonderdrug/step-therapy/');
    expect(drug.map((p) => p.split(':')[0])).toEqual([
      'Employer plan, insured or self-funded',
      'Medicare Part D drug plan',
      'Medicaid managed care plan',
      'Federal employee plan (FEHB)',
    ]);
    expect(drug[1]).toContain('Ask the plan for a redetermination 65 calendar-days from notice-date');
    expect(drug[1]).toContain('Ask the independent review entity 60 calendar-days from appeal-decision-date');
    // No prior-authorization decision times for a drug: the 2026 rule leaves drugs out.
    expect(drug.join()).not.toContain('prior-authorization request');
  });

  it('come from data: a calculator block added to a fact appears on exactly the pages it holds for', async () => {
    await fixture.edit('data/facts.yaml', (text) =>
      text.replace(
        /(- id: ma-late-good-cause\n(?: {2}.*\n)*?)( {2}citation:)/,
        '$1  amount: 1\n  unit: calendar-days\n  countsFrom: request-receipt\n  calculator: { label: A test row, kind: decision }\n$2',
      ),
    );
    const site = await render();
    expect(plans(site, '/acme/gene-panel/step-therapy/')[1]).toContain('A test row 1 calendar-days');
    expect(plans(site, '/beta/knee-scope/prior-authorization/').join()).not.toContain('A test row');
  });

  it('link each plan line the page’s payer runs to that line’s hub, where its rules for the reason are', async () => {
    const site = await render();
    expect(page(site, '/acme/wonderdrug/step-therapy/')!.planLinks.map((l) => l.href)).toEqual([
      '/plans/employer-insured/#step-therapy',
      '/plans/employer-self-funded/#step-therapy',
      '/plans/part-d/#step-therapy',
      '/plans/medicaid-managed-care/',
      '/plans/fehb/',
    ]);
    expect(page(site, '/beta/gene-panel/step-therapy/')!.planLinks.map((l) => l.label)).toEqual([
      'Employer plan, insured',
    ]);
    const section = (slug: string) =>
      site.hubs
        .find((h) => h.path === `/plans/${slug}/`)!
        .rules!.sections.find((s) => s.id === 'step-therapy')
        ?.rules.map((r) => r.statement.split(',')[0]);
    // Step therapy on a Part D drug: the exception rule; on an employer plan: no federal exception law.
    expect(section('part-d')).toEqual(['On a Medicare Part D drug plan']);
    expect(section('employer-insured')).toEqual(['On an employer plan']);
    expect(section('fehb')).toBeUndefined();
  });
});

describe('two pages that differ only by names', () => {
  /**
   * Adds Gamma, a payer that is Beta under another name, with Beta's full knee-scope angle under Gamma's name: its
   * page and Beta's then say the same thing about different payers.
   */
  async function addNamesOnlyTwin(nonIndexable: 'noindex' | 'skip') {
    await fixture.edit('data/payers.yaml', (text) => {
      const beta = text.slice(text.indexOf('- slug: beta'));
      return `${text}${beta.replace('slug: beta', 'slug: gamma').replaceAll('Beta Insurance', 'Gamma Assurance').replaceAll('Beta', 'Gamma').replace('https://beta.example/', 'https://gamma.example/')}`;
    });
    const angle = await fixture.read('data/angles/beta--knee-scope--prior-authorization.mdx');
    await fixture.write(
      'data/angles/gamma--knee-scope--prior-authorization.mdx',
      angle.replace('payer: beta', 'payer: gamma').replaceAll('Beta', 'Gamma'),
    );
    await fixture.edit('data/site.yaml', (text) =>
      text.replace(/nonIndexable: \w+/, `nonIndexable: ${nonIndexable}`),
    );
    return render();
  }

  const BETA = '/beta/knee-scope/prior-authorization/';
  const TWIN = '/gamma/knee-scope/prior-authorization/';

  it('are both indexable apart, and neither is once the other exists: each finds the other its closest sibling', async () => {
    expect(page(await render(), BETA)?.robots).toBe('index, follow');
    const site = await addNamesOnlyTwin('noindex');
    const measure = (path: string) => site.measures.find((m) => m.path === path)!;
    for (const [path, other] of [
      [BETA, TWIN],
      [TWIN, BETA],
    ] as const) {
      expect(measure(path).closest).toBe(other);
      expect(measure(path).share).toBeGreaterThan(0.9);
      expect(measure(path).unique).toBeLessThan(8);
      expect(page(site, path)?.robots).toBe('noindex, follow');
    }
    const decision = site.decisions.find((d) => d.combo.path === TWIN)!.decision;
    expect(decision).toEqual({
      status: 'noindex',
      why: 'shares too much of its text with a sibling (index.maxSiblingShare)',
    });
  });

  it('with noindex: are built noindex, still linked from their siblings and hubs, and left out of the sitemap', async () => {
    const site = await addNamesOnlyTwin('noindex');
    expect(
      page(site, '/acme/knee-scope/prior-authorization/')!.related.sameReasonOtherPayers.map((l) => l.href),
    ).toEqual([BETA, TWIN]);
    const payerHub = site.hubs.find((h) => h.path === '/gamma/')!;
    expect(payerHub.others.flatMap((g) => g.links).map((l) => l.href)).toContain(TWIN);
    expect(site.sitemap.map((e) => e.path)).not.toContain(TWIN);
    expect(site.sitemap.map((e) => e.path)).not.toContain(BETA);
  });

  it('with skip: are not built, and no page, hub, sitemap or redirect points at them', async () => {
    const site = await addNamesOnlyTwin('skip');
    for (const path of [BETA, TWIN]) {
      expect(page(site, path)).toBeUndefined();
      const links = site.pages.flatMap((p) => [
        ...p.related.sameItemOtherReasons,
        ...p.related.sameReasonOtherPayers,
      ]);
      expect(links.map((l) => l.href)).not.toContain(path);
      const hubLinks = site.hubs.flatMap((h) => [...h.groups, ...h.others].flatMap((g) => g.links));
      expect(hubLinks.map((l) => l.href)).not.toContain(path);
      expect(site.sitemap.map((e) => e.path)).not.toContain(path);
      expect(site.redirects.map((r) => r.to)).not.toContain(path);
      expect(site.decisions.find((d) => d.combo.path === path)!.decision.status).toBe('skipped');
    }
  });
});

describe('the real data', () => {
  it('offers a pharmacy benefit manager’s Part D rules on its pharmacy drug pages only', async () => {
    const site = await render(PROJECT_ROOT);
    const { data } = (await checkSite({ root: PROJECT_ROOT })).site!;
    const pharmacy = new Set(
      data.items.filter((i) => i.kind === 'drug' && i.evidence.benefit !== 'medical').map((i) => i.slug),
    );
    const caremark = site.pages.filter((p) => p.payer.slug === 'cvs-caremark');
    expect(caremark.length).toBeGreaterThan(0);
    for (const p of caremark)
      expect(
        p.deadlines.some((plan) => plan.lines.includes('part-d')),
        p.path,
      ).toBe(pharmacy.has(p.item.slug));
  }, 120_000);
});
