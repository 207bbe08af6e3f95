import { describe, expect, it } from 'vitest';
import {
  angleFrontmatterSchema,
  factSchema,
  itemSchema,
  payerSchema,
  siteSchema,
} from '../../src/schema/index.ts';

const drug = {
  slug: 'keytruda',
  name: 'Keytruda',
  kind: 'drug',
  class: 'PD-1 inhibitor',
  specialty: 'oncology',
  evidence: { genericName: 'pembrolizumab', benefit: 'medical', compendia: [] },
};

describe('item schema', () => {
  it('accepts a drug with drug evidence and fills defaults', () => {
    const parsed = itemSchema.parse(drug);
    expect(parsed.examples).toEqual([]);
    expect(parsed.formerSlugs).toEqual([]);
  });
  it('rejects drug evidence on a test: each kind carries its own evidence', () => {
    const result = itemSchema.safeParse({ ...drug, kind: 'test' });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toContain('evidence');
  });
  it('rejects slugs outside [a-z0-9-]', () => {
    for (const slug of ['Keytruda', 'key_truda', 'key truda', '-key', 'key--truda', 'kéy']) {
      expect(itemSchema.safeParse({ ...drug, slug }).success, slug).toBe(false);
    }
  });
  it('rejects unknown keys (strict objects)', () => {
    const result = itemSchema.safeParse({ ...drug, clas: 'x' });
    expect(result.error?.issues[0]?.code).toBe('unrecognized_keys');
  });
});

describe('URL fields', () => {
  const payer = {
    slug: 'cigna',
    name: 'Cigna',
    shortName: 'Cigna',
    planLines: ['employer-insured'],
    policyLibraries: [{ name: 'Policies', url: 'https://cigna.example/p' }],
    requests: { medical: 'Online.' },
  };
  it.each(['javascript:alert(1)', 'http://cigna.example/p', '/relative', 'https://'])('rejects %s', (url) => {
    expect(payerSchema.safeParse({ ...payer, policyLibraries: [{ name: 'P', url }] }).success).toBe(false);
  });
  it('accepts https', () => {
    expect(payerSchema.safeParse(payer).success).toBe(true);
  });
});

describe('facts and angles', () => {
  it('requires a scope, a citation, an https source and an ISO date it was checked', () => {
    const fact = {
      id: 'x',
      statement: 's',
      appliesTo: { planLines: ['fehb'] },
      citation: '29 CFR 1',
      url: 'https://www.ecfr.gov/x',
      checked: '2026-11-23',
    };
    expect(factSchema.safeParse(fact).success).toBe(true);
    expect(factSchema.safeParse({ ...fact, citation: undefined }).success).toBe(false);
    expect(factSchema.safeParse({ ...fact, checked: '23/11/2026' }).success).toBe(false);
    expect(factSchema.safeParse({ ...fact, appliesTo: { planLines: ['commercial'] } }).success).toBe(false);
    expect(factSchema.safeParse({ ...fact, appliesTo: { planLines: [] } }).success).toBe(false);
  });

  it('gives a deadline its amount, unit and the event it counts from, from closed sets', () => {
    const deadline = {
      id: 'x',
      statement: 's',
      appliesTo: { planLines: ['fehb'] },
      amount: 6,
      unit: 'months',
      countsFrom: 'notice-date',
      calculator: { label: 'Ask', kind: 'deadline' },
      citation: '5 CFR 890.105',
      url: 'https://www.ecfr.gov/x',
      checked: '2026-11-23',
    };
    expect(factSchema.safeParse(deadline).success).toBe(true);
    expect(factSchema.safeParse({ ...deadline, unit: 'weeks' }).success).toBe(false);
    expect(factSchema.safeParse({ ...deadline, countsFrom: 'the letter' }).success).toBe(false);
    expect(factSchema.safeParse({ ...deadline, countsFrom: undefined }).success).toBe(false);
    expect(factSchema.safeParse({ ...deadline, unit: undefined }).success).toBe(false);
  });
  it('angle frontmatter needs reviewer and review date; payer/item/reason are optional', () => {
    expect(
      angleFrontmatterSchema.safeParse({ reviewedBy: 'editorial-desk', reviewed: '2026-11-23', item: 'x' })
        .success,
    ).toBe(true);
    expect(angleFrontmatterSchema.safeParse({ item: 'x' }).success).toBe(false);
  });
});

describe('site schema', () => {
  it('rejects a first-letter price above the list price', () => {
    const site = {
      origin: 'https://a.example',
      brand: 'B',
      locale: 'en-US',
      checkout: {
        url: 'https://c.example',
        listPrice: 30,
        firstLetterPrice: 40,
        currency: 'USD',
        promoCode: 'SEO25',
        utm: { source: 's', medium: 'm', campaign: 'c' },
      },
      business: { legalName: null, address: null, contactEmail: null },
      offer: { includes: ['A letter'], preparedBy: null, reviewedBy: null, turnaround: null, refund: null },
      trustPages: [{ slug: 'about', label: 'About' }],
      editorial: { reviewers: [{ id: 'r', name: 'R', role: 'x' }], disclaimer: 'd', publisher: 'p' },
      index: { nonIndexable: 'noindex', layeredAnglesIndexable: true },
      deploy: { host: 'netlify' },
      angleWords: { min: 1, max: 2 },
    };
    const result = siteSchema.safeParse(site);
    expect(result.error?.issues[0]?.path).toEqual(['checkout', 'firstLetterPrice']);
  });
});
