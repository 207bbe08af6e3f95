import { describe, expect, it } from 'vitest';
import type { DecapField } from '../../src/editor/decap-fields.ts';
import { mergeFields } from '../../src/editor/entry-values.ts';

const fields: DecapField[] = [
  { name: 'name', label: 'Name', widget: 'string' },
  { name: 'note', label: 'Note', widget: 'text', required: false },
  { name: 'legalName', label: 'Legal name', widget: 'string', required: false },
  {
    name: 'tags',
    label: 'Tags',
    widget: 'list',
    required: false,
    field: { name: 'tags', label: 'Tags', widget: 'string' },
  },
  { name: 'expedited', label: 'Expedited', widget: 'boolean', required: false, default: false },
  { name: 'amount', label: 'Amount', widget: 'number', required: false },
];

describe('what a saved form means for the file', () => {
  it('keeps keys the form does not show, and the file’s nulls and empty lists', () => {
    const old = { name: 'A', legalName: null, tags: [], futureKey: { kept: true } };
    const next = { name: 'B', legalName: '', tags: [], note: '' };
    expect(mergeFields(fields, next, old)).toEqual({
      name: 'B',
      legalName: null,
      tags: [],
      futureKey: { kept: true },
    });
  });

  it('leaves out empty answers and checkboxes left at their default, and removes a cleared value', () => {
    const old = { name: 'A', note: 'old note', amount: 3 };
    const next = { name: 'A', note: '', expedited: false, amount: '', tags: ['', 'x'] };
    expect(mergeFields(fields, next, old)).toEqual({ name: 'A', tags: ['x'] });
  });

  it('keeps a checkbox the file already sets, even to its default', () => {
    expect(mergeFields(fields, { name: 'A', expedited: false }, { name: 'A', expedited: false })).toEqual({
      name: 'A',
      expedited: false,
    });
  });
});
