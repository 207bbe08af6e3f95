// docs/reliability.md lists every bad input and fault the tests try, with what the user sees: this keeps it from
// falling behind the tests.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BAD_INPUTS } from '../helpers/bad-inputs.ts';
import { PROJECT_ROOT } from '../helpers/fixture.ts';

const doc = readFileSync(path.join(PROJECT_ROOT, 'docs/reliability.md'), 'utf8');
const rows = doc.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| ---'));
const firstCells = new Set(rows.map((l) => l.slice(2).split(' | ')[0]!.replace(/\\\|/g, '|')));

describe('docs/reliability.md', () => {
  it('has a row for every bad-input case', () => {
    expect(BAD_INPUTS.map((c) => c.name).filter((name) => !firstCells.has(name))).toEqual([]);
  });

  it('has a row for every fault tests/integration/reliability.test.ts tries', () => {
    const source = readFileSync(path.join(PROJECT_ROOT, 'tests/integration/reliability.test.ts'), 'utf8');
    const titles = [...source.matchAll(/\bit\(\s*'([^']+)'/g)].map((m) => m[1]!);
    expect(titles.length).toBeGreaterThan(10);
    expect(titles.filter((t) => !firstCells.has(t))).toEqual([]);
  });

  it('lists at least 100 of them', () => {
    expect(rows.length - 4).toBeGreaterThanOrEqual(100); // less the four header rows
  });
});
