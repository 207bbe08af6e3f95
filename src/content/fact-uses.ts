// One use of a fact by a template or an angle, checked against data/facts.yaml: the same rule for both.
import { createError, type DataError, type SourceLocation } from '../errors/data-error.ts';
import { didYouMean } from '../errors/did-you-mean.ts';
import type { Fact } from '../schema/index.ts';
import type { FactUse } from './angle-compile.ts';

/**
 * One template's or angle's use of a fact: the fact must exist, and a value (<Value>, {{value}}) can only be
 * printed from a fact that has one; otherwise the whole statement would land in the middle of a sentence.
 */
export function factUseErrors(
  use: FactUse,
  facts: ReadonlyMap<string, Fact>,
  at: SourceLocation,
): DataError[] {
  const fact = facts.get(use.id);
  if (!fact)
    return [
      createError('UnknownFact', at, {
        message: `Fact "${use.id}" is not defined in data/facts.yaml.`,
        hint: didYouMean(
          use.id,
          facts.keys(),
          'Add the fact to data/facts.yaml with its citation and source.',
        ),
        // A fact that is in facts.yaml but failed its own checks is the cause: this error folds under it.
        refersTo: `fact:${use.id}`,
      }),
    ];
  if (use.how.toLowerCase() === 'value' && (fact.amount === undefined || fact.unit === undefined))
    return [
      createError('FactWithoutValue', at, {
        message: `Fact "${use.id}" has no amount and unit, so there is no value to print here.`,
      }),
    ];
  return [];
}
