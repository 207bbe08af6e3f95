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
const rules = (site: RenderedSite, path: string) =>
  page(site, path)!.deadlines.map((r) => `${r.plan} | ${r.label} | ${r.amount} ${r.unit} | ${r.from}`);

describe('deadline rules a page offers', () => {
  it('follow the payer’s plan lines and the item’s kind, from the rule blocks in data/facts.yaml', async () => {
    const site = await render();
    const employer = [
      'Plan through an employer | File the internal appeal | 180 days | the day you received the denial',
      'Plan through an employer | An urgent appeal is decided within | 72 hours | the plan receiving it',
      'Plan through an employer | Ask for external review (non-grandfathered plans) | 4 months | the final internal denial',
    ];
    // Beta runs commercial plans only.
    expect(rules(site, '/beta/knee-scope/prior-authorization/')).toEqual(employer);
    const acme = [
      ...employer,
      'Medicare Advantage | Ask for a reconsideration | 65 days | the date on the notice',
      'Medicare Advantage | An expedited reconsideration is decided within | 72 hours | the plan receiving it',
      'Medicaid managed care | Appeal to the plan | 60 days | the date on the notice',
      'Medicaid managed care | An expedited appeal is decided within | 72 hours | the plan receiving it',
      'Federal employees (FEHB) | Ask the carrier to reconsider | 6 months | the date of the denial notice',
    ];
    // Acme runs every plan line; its Part D rule is for drugs only.
    expect(rules(site, '/acme/gene-panel/step-therapy/')).toEqual(acme);
    expect(rules(site, '/acme/wonderdrug/step-therapy/')).toEqual([
      ...acme.slice(0, 5),
      'Medicare Part D | Ask for a redetermination | 65 days | the date on the notice',
      ...acme.slice(5),
    ]);
  });

  it('come from data: a rule block added to a fact appears on exactly the pages it holds for', async () => {
    await fixture.edit('data/facts.yaml', (text) =>
      text.replace(
        /(- id: fehb-carrier-decision\n(?: {2}.*\n)*?)( {2}verified:)/,
        '$1  rule:\n    planLines: [fehb]\n    plan: Federal employees (FEHB)\n    label: The carrier decides within\n    countsFrom: your request\n$2',
      ),
    );
    const site = await render();
    expect(rules(site, '/acme/gene-panel/step-therapy/').at(-1)).toBe(
      'Federal employees (FEHB) | The carrier decides within | 30 days | your request',
    );
    expect(rules(site, '/beta/knee-scope/prior-authorization/')).toHaveLength(3);
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
  it('offers a pharmacy benefit manager’s Part D rule on its drug pages only', async () => {
    const site = await render(PROJECT_ROOT);
    const caremark = site.pages.filter((p) => p.payer.slug === 'cvs-caremark');
    expect(caremark.length).toBeGreaterThan(0);
    for (const p of caremark)
      expect(
        p.deadlines.some((r) => r.plan === 'Medicare Part D'),
        p.path,
      ).toBe(p.item.kind === 'drug');
  }, 120_000);
});
