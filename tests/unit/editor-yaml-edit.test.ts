import { readFile } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { writeAngle } from '../../src/editor/angle-file.ts';
import { deleteYaml, editYaml } from '../../src/editor/yaml-edit.ts';
import { PROJECT_ROOT } from '../helpers/fixture.ts';

const read = (file: string) => readFile(path.join(PROJECT_ROOT, file), 'utf8');

/** Lines of `after` that differ from `before`, as [removed, added] (the files keep their line count here). */
function changedLines(before: string, after: string): { removed: string[]; added: string[] } {
  const a = before.split('\n');
  const b = after.split('\n');
  let start = 0;
  while (start < a.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  return { removed: a.slice(start, endA), added: b.slice(start, endB) };
}

describe('yaml-edit on the real data files', () => {
  it('changes one field on one line, and keeps the modeline, comments and key order', async () => {
    const text = await read('data/payers.yaml');
    const rows = parse(text) as Record<string, unknown>[];
    const row = { ...rows[1]!, shortName: 'Aetna Health' };
    const out = editYaml(text, [1], row);
    expect(changedLines(text, out)).toEqual({
      removed: [`  shortName: ${String(rows[1]!['shortName'])}`],
      added: ['  shortName: Aetna Health'],
    });
    expect(out.split('\n')[0]).toBe('# yaml-language-server: $schema=../src/schema/json/payers.schema.json');
  });

  it('keeps a folded sentence folded and an inline list inline', async () => {
    const text = await read('data/payers.yaml');
    const rows = parse(text) as { planLines: string[]; requests: Record<string, string> }[];
    const row = {
      ...rows[0]!,
      planLines: rows[0]!.planLines.slice(0, 1),
      requests: { pharmacy: 'Changed request text.' },
    };
    const out = editYaml(text, [0], row);
    const before = new Set(text.split('\n'));
    const after = new Set(out.split('\n'));
    expect([...after].filter((l) => !before.has(l))).toEqual([
      `  planLines: [${rows[0]!.planLines[0]}]`,
      '      Changed request text.',
    ]);
    // The old list line and the old folded sentence's lines; the `pharmacy: >-` line stays.
    expect([...before].filter((l) => !after.has(l))).toHaveLength(3);
    expect(out).toContain('    pharmacy: >-\n      Changed request text.\n');
  });

  it('appends a new entry at the end and deletes one without touching its neighbours', async () => {
    const text = await read('data/reasons.yaml');
    const rows = parse(text) as Record<string, unknown>[];
    const added = editYaml(text, [rows.length], { ...rows[0]!, slug: 'new-reason' });
    expect(added.startsWith(text)).toBe(true);
    expect(parse(added)).toEqual([...rows, { ...rows[0]!, slug: 'new-reason' }]);
    const removed = deleteYaml(added, [rows.length]);
    expect(removed).toBe(text);
  });

  it('reads back as exactly the values written, for any change of text values (property)', async () => {
    const text = await read('data/items.yaml');
    const rows = parse(text) as Record<string, unknown>[];
    const keys = ['name', 'class', 'specialty'] as const;
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: rows.length - 1 }),
        fc.constantFrom(...keys),
        fc.string({ minLength: 1, maxLength: 140 }),
        (index, key, value) => {
          const row = { ...rows[index]!, [key]: value };
          const out = editYaml(text, [index], row);
          const expected = rows.map((r, i) => (i === index ? row : r));
          expect(parse(out)).toEqual(expected);
          // Everything before the edited entry is untouched.
          const before = text.slice(0, text.indexOf(`- slug: ${String(rows[index]!['slug'])}\n`));
          expect(out.startsWith(before)).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('angle files', () => {
  it('changes only the frontmatter line and keeps the body bytes when the text is unchanged', async () => {
    const text = await read('data/angles/full/cigna--keytruda--step-therapy.mdx');
    const front = parse(text.split('---\n')[1]!) as Record<string, unknown>;
    const body = text.slice(text.indexOf('\n---\n') + 5);
    const out = writeAngle(text, { ...front, reviewed: '2026-12-01' }, body.trimStart());
    expect(changedLines(text, out)).toEqual({
      removed: ['reviewed: 2026-11-23'],
      added: ['reviewed: 2026-12-01'],
    });
  });

  it('writes a new angle with a blank line after the frontmatter and one final newline', () => {
    const out = writeAngle(
      undefined,
      { payer: 'cigna', item: 'keytruda', reviewedBy: 'editorial-desk' },
      '## Hi\n\nText.',
    );
    expect(out).toBe(
      '---\npayer: cigna\nitem: keytruda\nreviewedBy: editorial-desk\n---\n\n## Hi\n\nText.\n',
    );
  });
});
