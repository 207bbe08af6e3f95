import { describe, expect, it } from 'vitest';
import { decidePage, TOO_FEW_OWN_WHY, TOO_SHARED_WHY } from '../../src/plan/index-policy.ts';
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
  it('payer × item slot: the note naming payer and item, beside the item angle', () => {
    const both = resolveAngles([itemReason, payerItem, full]);
    expect(both.payerItemNote).toBe(payerItem);
    expect(both.itemAngle).toBe(full);
    expect(resolveAngles([itemReason, payerItem]).itemAngle).toBe(itemReason);
  });
  it('a tie at the same specificity within a slot is reported', () => {
    const otherItemReason = angle('item-reason-2.mdx', { item: 'keytruda', reason: 'step-therapy' });
    expect(resolveAngles([itemReason, otherItemReason]).ties).toEqual([[otherItemReason, itemReason]]);
    expect(resolveAngles([payerOnly, reasonOnly]).ties).toHaveLength(1);
    expect(resolveAngles([full, itemReason, payerItem]).ties).toHaveLength(0);
    const otherPayerItem = angle('payer-item-2.mdx', { payer: 'cigna', item: 'keytruda' });
    expect(resolveAngles([payerItem, otherPayerItem]).ties).toHaveLength(1);
  });
});

const site = {
  index: { nonIndexable: 'noindex', layeredAnglesIndexable: true, maxSiblingShare: 0.5, minOwnPhrases: 100 },
} as Site;

const page = (itemAngle?: Angle, payerAngle?: Angle, payerItemNote?: Angle) => ({
  itemAngle,
  payerAngle,
  payerItemNote,
});

describe('decidePage (index policy)', () => {
  it('indexes a page with a full angle', () => {
    expect(decidePage(page(full), site.index).status).toBe('indexable');
  });
  it('indexes item × reason plus payer × reason only when site.yaml allows layering', () => {
    expect(decidePage(page(itemReason, payerReason), site.index).status).toBe('indexable');
    const strict = { ...site.index, layeredAnglesIndexable: false };
    expect(decidePage(page(itemReason, payerReason), strict).status).toBe('noindex');
    expect(decidePage(page(itemReason, payerOnly), site.index).status).toBe('noindex');
    expect(decidePage(page(itemReason, undefined, payerItem), site.index).status).toBe('indexable');
  });
  it('skips instead of noindex when configured', () => {
    const skip = { ...site.index, nonIndexable: 'skip' as const };
    expect(decidePage(page(), skip)).toEqual({ status: 'skipped', why: 'no angle' });
    expect(decidePage(page(itemOnly), skip)).toEqual({
      status: 'skipped',
      why: 'no combination-specific angle',
    });
  });
  it('takes a page out of the index when it shares too much or has too few phrases of its own', () => {
    const measured = (share: number, unique: number) => ({ uniqueness: { share, unique } });
    expect(decidePage(page(full), site.index, measured(0.5, 400))).toEqual({
      status: 'noindex',
      why: TOO_SHARED_WHY,
    });
    expect(decidePage(page(full), site.index, measured(0.3, 99))).toEqual({
      status: 'noindex',
      why: TOO_FEW_OWN_WHY,
    });
    expect(decidePage(page(full), site.index, measured(0.49, 100)).status).toBe('indexable');
    expect(decidePage(page(), site.index, measured(0.1, 900)).why).toBe('no angle');
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
    const second = angle('item-reason-b.mdx', { item: 'keytruda', reason: 'step-therapy' });
    const result = joinData({ ...data, angles: [itemReason, second] });
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({ name: 'AngleTie', file: 'item-reason.mdx', line: 1, column: 1 });
    expect(result.errors[0]?.message).toContain('item-reason-b.mdx');
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
