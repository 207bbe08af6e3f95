// Facts against their uses: a template or angle citing a fact that does not exist is an error, and a fact that
// nothing cites, lists or offers in the calculator is a warning.
import { createError, type DataError } from '../errors/data-error.ts';
import { factUseErrors } from './fact-uses.ts';
import type { LoadedTemplates } from './templates.ts';
import type { ValidData } from './validate.ts';
import { fileStart, locate, type YamlSource } from './yaml-source.ts';

export function checkFactUsage(
  data: ValidData,
  templates: LoadedTemplates,
  factsSource?: YamlSource,
): DataError[] {
  const errors: DataError[] = [];
  // Cited by an angle, listed among a reason's rules, or a row of the deadline calculator.
  const used = new Set<string>([
    ...data.angles.flatMap((a) => a.compiled.factUses.map((u) => u.id)),
    ...data.reasons.flatMap((r) => r.rules),
    ...[...data.facts.values()].filter((f) => f.calculator).map((f) => f.id),
  ]);
  for (const use of templates.factUses) {
    used.add(use.id);
    errors.push(...factUseErrors(use, data.facts, use));
  }
  const factRows: unknown = factsSource?.doc.toJS();
  for (const [id] of data.facts) {
    if (used.has(id)) continue;
    const index = Array.isArray(factRows) ? factRows.findIndex((f: { id?: unknown }) => f?.id === id) : -1;
    const at = factsSource ? locate(factsSource, [index, 'id']) : fileStart('data/facts.yaml');
    errors.push(
      createError('UnusedFact', at, {
        severity: 'warning',
        field: id,
        message: `Fact "${id}" is not cited by any template or angle.`,
      }),
    );
  }
  return errors;
}
