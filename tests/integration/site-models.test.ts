// The models of a whole site, against expected values: which deadline rules each page offers (from the facts in
// data), and what a near-duplicate does to the pages around it (related links, hubs, sitemap, redirects) under
// both `index.nonIndexable` settings.
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

  it('list the reason’s rules that hold for the page, and only those', async () => {
    const site = await render();
    const rules = (path: string) => page(site, path)!.rules.map((r) => r.statement.split(',')[0]);
    // Step therapy on a Part D drug: the exception rule; on an employer plan: no federal exception law.
    expect(rules('/acme/wonderdrug/step-therapy/')).toEqual([
      'On a Medicare Part D drug plan',
      'On an employer plan',
    ]);
    // Beta runs employer plans only; the test page gets no drug rule.
    expect(rules('/beta/gene-panel/step-therapy/')).toEqual([]);
  });
});

describe('a near-duplicate page', () => {
  /** Makes /beta/wonderdrug/step-therapy/ indexable with the very words of /beta/gene-panel/step-therapy/. */
  async function addDuplicate(nonIndexable: 'noindex' | 'skip') {
    const copy = (await fixture.read('data/angles/gene-panel--step-therapy.mdx')).replace(
      'item: gene-panel',
      'item: wonderdrug',
    );
    await fixture.write('data/angles/wonderdrug--step-therapy.mdx', copy);
    await fixture.edit('data/site.yaml', (text) =>
      text
        .replace(/nonIndexable: \w+/, `nonIndexable: ${nonIndexable}`)
        .replace(
          'layeredAnglesIndexable: true',
          'layeredAnglesIndexable: true\n  nearDuplicateThreshold: 0.6',
        ),
    );
    return render();
  }

  const DUPLICATE = '/beta/wonderdrug/step-therapy/';

  it('is found against the earlier sibling with the same payer and reason', async () => {
    const site = await addDuplicate('noindex');
    expect(site.nearDuplicates.map((d) => [d.path, d.sibling])).toEqual([
      [DUPLICATE, '/beta/gene-panel/step-therapy/'],
    ]);
    expect(site.nearDuplicates[0]!.overlap).toBeGreaterThan(0.6);
  });

  it('with noindex: is built noindex, still linked from its siblings and its hubs, and left out of the sitemap', async () => {
    const site = await addDuplicate('noindex');
    expect(page(site, DUPLICATE)?.robots).toBe('noindex, follow');
    expect(
      page(site, '/acme/wonderdrug/step-therapy/')!.related.sameReasonOtherPayers.map((l) => l.href),
    ).toContain(DUPLICATE);
    expect(
      page(site, '/beta/wonderdrug/prior-authorization/')!.related.sameItemOtherReasons.map((l) => l.href),
    ).toEqual([DUPLICATE]);
    const payerHub = site.hubs.find((h) => h.path === '/beta/')!;
    expect(payerHub.others.map((l) => l.href)).toContain(DUPLICATE);
    expect(site.sitemap.map((e) => e.path)).not.toContain(DUPLICATE);
    const decision = site.decisions.find((d) => d.combo.path === DUPLICATE)!.decision;
    expect(decision).toEqual({
      status: 'noindex',
      why: 'near-duplicate of an indexable sibling with the same payer and reason',
    });
  });

  it('with skip: is not built, and no page, hub, sitemap or redirect points at it', async () => {
    const site = await addDuplicate('skip');
    expect(page(site, DUPLICATE)).toBeUndefined();
    const links = site.pages.flatMap((p) => [
      ...p.related.sameItemOtherReasons,
      ...p.related.sameReasonOtherPayers,
    ]);
    expect(links.map((l) => l.href)).not.toContain(DUPLICATE);
    expect(page(site, '/acme/wonderdrug/step-therapy/')!.related.sameReasonOtherPayers).toEqual([]);
    const hubLinks = site.hubs.flatMap((h) => [...h.groups.flatMap((g) => g.links), ...h.others]);
    expect(hubLinks.map((l) => l.href)).not.toContain(DUPLICATE);
    expect(site.sitemap.map((e) => e.path)).not.toContain(DUPLICATE);
    expect(site.redirects.map((r) => r.to)).not.toContain(DUPLICATE);
    expect(site.decisions.find((d) => d.combo.path === DUPLICATE)!.decision.status).toBe('skipped');
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
