import { describe, expect, it } from 'vitest';
import { decidePage, NEAR_DUPLICATE_WHY } from '../../src/plan/index-policy.ts';
import { joinData, resolveAngles } from '../../src/plan/join.ts';
import type { Angle, ValidData } from '../../src/content/validate.ts';
import type { Item, Payer, Reason, Site } from '../../src/schema/index.ts';

function angle(file: string, keys: Partial<Pick<Angle, 'payer' | 'item' | 'reason'>>): Angle {
  return {
    ...keys,
    file,
    hash: file,
    reviewedBy: 'editorial-desk',
    reviewed: '2026-11-23',
    sources: [],
    evidence: [],
    compiled: { code: '', factUses: [], words: 200 },
  };
}

const full = angle('full.mdx', { payer: 'cigna', item: 'keytruda', reason: 'step-therapy' });
const itemReason = angle('item-reason.mdx', { item: 'keytruda', reason: 'step-therapy' });
const payerItem = angle('payer-item.mdx', { payer: 'cigna', item: 'keytruda' });
const itemOnly = angle('item.mdx', { item: 'keytruda' });
const payerReason = angle('payer-reason.mdx', { payer: 'cigna', reason: 'step-therapy' });
const payerOnly = angle('payer.mdx', { payer: 'cigna' });
const reasonOnly = angle('reason.mdx', { reason: 'step-therapy' });

describe('resolveAngles precedence', () => {
  it('item slot: full > item × reason > item only', () => {
    expect(resolveAngles([itemOnly, itemReason, full]).itemAngle).toBe(full);
    expect(resolveAngles([itemOnly, itemReason]).itemAngle).toBe(itemReason);
    expect(resolveAngles([itemOnly]).itemAngle).toBe(itemOnly);
  });
  it('payer slot: payer × reason > payer only; angles naming the item never fill it', () => {
    expect(resolveAngles([payerOnly, payerReason, full]).payerAngle).toBe(payerReason);
    expect(resolveAngles([full]).payerAngle).toBeUndefined();
  });
  it('a tie at the same specificity within a slot is reported', () => {
    expect(resolveAngles([itemReason, payerItem]).ties).toEqual([
      [payerItem, itemReason].sort((a, b) => a.file.localeCompare(b.file)) as [Angle, Angle],
    ]);
    expect(resolveAngles([payerOnly, reasonOnly]).ties).toHaveLength(1);
    expect(resolveAngles([full, itemReason, payerItem]).ties).toHaveLength(0);
  });
});

const site = { index: { nonIndexable: 'noindex', layeredAnglesIndexable: true } } as Site;

const page = (itemAngle?: Angle, payerAngle?: Angle) => ({ itemAngle, payerAngle });

describe('decidePage (index policy)', () => {
  it('indexes a page with a full angle', () => {
    expect(decidePage(page(full), site.index).status).toBe('indexable');
  });
  it('indexes item × reason plus payer × reason only when site.yaml allows layering', () => {
    expect(decidePage(page(itemReason, payerReason), site.index).status).toBe('indexable');
    const strict = { ...site.index, layeredAnglesIndexable: false };
    expect(decidePage(page(itemReason, payerReason), strict).status).toBe('noindex');
    expect(decidePage(page(itemReason, payerOnly), site.index).status).toBe('noindex');
  });
  it('skips instead of noindex when configured', () => {
    const skip = { ...site.index, nonIndexable: 'skip' as const };
    expect(decidePage(page(), skip)).toEqual({ status: 'skipped', why: 'no angle' });
    expect(decidePage(page(itemOnly), skip)).toEqual({
      status: 'skipped',
      why: 'no combination-specific angle',
    });
  });
  it('takes a near-duplicate out of the index, whatever its angles', () => {
    const measures = { nearDuplicateOf: { sibling: '/cigna/other/step-therapy/', overlap: 0.8 } };
    expect(decidePage(page(full), site.index, measures)).toEqual({
      status: 'noindex',
      why: NEAR_DUPLICATE_WHY,
    });
    expect(decidePage(page(full), site.index, {}).status).toBe('indexable');
    expect(decidePage(page(), site.index, measures).why).toBe('no angle');
  });
});

describe('joinData', () => {
  const payer = {
    slug: 'cigna',
    shortName: 'Cigna',
    kinds: ['drug', 'test', 'procedure', 'device'],
  } as Payer;
  const drug = { slug: 'keytruda', kind: 'drug', evidence: { benefit: 'medical' } } as Item;
  const procedure = { slug: 'knee', kind: 'procedure' } as Item;
  const step = { slug: 'step-therapy', appliesTo: ['drug'] } as Reason;
  const data = {
    site,
    payers: [payer],
    items: [drug, procedure],
    reasons: [step],
    facts: new Map(),
    angles: [full, payerReason],
  } as ValidData;

  it('produces a page only where the reason applies to the item kind, and says why not', () => {
    const result = joinData(data);
    expect(result.combinations.map((c) => c.path)).toEqual(['/cigna/keytruda/step-therapy/']);
    expect(result.inapplicable).toEqual([
      {
        payer: 'cigna',
        item: 'knee',
        reason: 'step-therapy',
        why: 'step-therapy does not apply to a procedure',
      },
    ]);
    expect(result.combinations[0]).toMatchObject({ itemAngle: full, payerAngle: payerReason });
  });

  it('reports a tie once, on the file that lost the tie-break', () => {
    const result = joinData({ ...data, angles: [itemReason, payerItem] });
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({ name: 'AngleTie', file: 'payer-item.mdx', line: 1, column: 1 });
    expect(result.errors[0]?.message).toContain('item-reason.mdx');
  });
});

describe('payer kinds', () => {
  it('gives a pharmacy benefit manager no page for a procedure, and says why', () => {
    const site = { index: { nonIndexable: 'noindex', layeredAnglesIndexable: true } } as Site;
    const pbm = { slug: 'express-scripts', kinds: ['drug'] } as Payer;
    const data = {
      site,
      payers: [pbm],
      items: [
        { slug: 'keytruda', kind: 'drug', evidence: { benefit: 'medical' } } as Item,
        { slug: 'knee', kind: 'procedure' } as Item,
      ],
      reasons: [{ slug: 'prior-authorization', appliesTo: ['drug', 'procedure'] } as Reason],
      facts: new Map(),
      angles: [],
    } as unknown as ValidData;
    const result = joinData(data);
    expect(result.combinations.map((c) => c.path)).toEqual([
      '/express-scripts/keytruda/prior-authorization/',
    ]);
    expect(result.inapplicable[0]?.why).toBe('express-scripts does not decide on a procedure');
  });
});
