import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { didYouMean, editDistance, findClosest } from '../../src/errors/did-you-mean.ts';

describe('editDistance', () => {
  it('counts insertions, deletions and substitutions', () => {
    expect(editDistance('cigna', 'cigna')).toBe(0);
    expect(editDistance('cigna', 'cignaa')).toBe(1);
    expect(editDistance('cigna', 'signa')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });

  it('is a metric: zero only for equal strings, symmetric, triangle inequality', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 12 }),
        fc.string({ maxLength: 12 }),
        fc.string({ maxLength: 12 }),
        (a, b, c) => {
          expect(editDistance(a, b) === 0).toBe(a === b);
          expect(editDistance(a, b)).toBe(editDistance(b, a));
          expect(editDistance(a, c)).toBeLessThanOrEqual(editDistance(a, b) + editDistance(b, c));
        },
      ),
    );
  });
});

describe('findClosest', () => {
  const slugs = ['cigna', 'aetna', 'unitedhealthcare'];
  it('suggests the nearest slug for a typo', () => {
    expect(findClosest('cignaa', slugs)).toBe('cigna');
    expect(findClosest('united-healthcare', slugs)).toBe('unitedhealthcare');
    expect(didYouMean('aetan', slugs, 'x')).toBe('Did you mean "aetna"?');
  });
  it('suggests nothing when no candidate is close', () => {
    expect(findClosest('kaiser', slugs)).toBeUndefined();
    expect(didYouMean('kaiser', slugs, 'fallback')).toBe('fallback');
  });
});
