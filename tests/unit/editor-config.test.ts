import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DECAP_CONFIG_FILE, editorConfig, generateEditorConfig } from '../../src/editor/decap-config.ts';
import type { DecapField } from '../../src/editor/decap-fields.ts';
import { PLAN_LINES } from '../../src/schema/index.ts';
import { PROJECT_ROOT } from '../helpers/fixture.ts';

type Collection = {
  name: string;
  fields?: DecapField[];
  files?: { fields: DecapField[] }[];
  filter?: unknown;
};
const collections = editorConfig().collections as Collection[];
const fieldsOf = (name: string) => {
  const c = collections.find((x) => x.name === name)!;
  return c.fields ?? c.files![0]!.fields;
};
const field = (fields: DecapField[], ...names: string[]): DecapField => {
  let current: DecapField | undefined;
  let list = fields;
  for (const name of names) {
    current = list.find((f) => f.name === name);
    if (!current) throw new Error(`no field ${names.join('.')}`);
    list = current.fields ?? [];
  }
  return current!;
};

describe('editor configuration', () => {
  it('is up to date with the zod schemas (run `npm run editor:config` if this fails)', async () => {
    const committed = await readFile(path.join(PROJECT_ROOT, DECAP_CONFIG_FILE), 'utf8').catch(() => '');
    expect(committed, `${DECAP_CONFIG_FILE} is stale: run npm run editor:config`).toBe(
      generateEditorConfig(),
    );
  });

  it('offers payers, each item kind, reasons, facts, site settings and every angle layer', () => {
    expect(collections.map((c) => c.name)).toEqual(
      expect.arrayContaining([
        'site',
        'payers',
        'items-drug',
        'items-test',
        'items-procedure',
        'items-device',
        'reasons',
        'facts',
        'angles-full',
        'angles-item-reason',
        'angles-payer-reason',
        'angles-payer-item',
      ]),
    );
  });

  it('takes required flags, enums, patterns and help text from the schemas', () => {
    const payers = fieldsOf('payers');
    expect(field(payers, 'slug').pattern).toEqual([
      '^[a-z0-9]+(?:-[a-z0-9]+)*$',
      'must be a slug: lowercase a-z, 0-9 and single hyphens',
    ]);
    expect(field(payers, 'planLines')).toMatchObject({
      widget: 'select',
      multiple: true,
      options: [...PLAN_LINES],
      min: 1,
    });
    expect(field(payers, 'shortName').hint).toBe('Name used in titles and sentences, e.g. "Cigna".');
    expect(field(payers, 'appeals').required).toBe(false);
    expect(field(payers, 'policyLibraries', 'url').pattern?.[1]).toBe('must be an absolute https:// URL');
    expect(new RegExp(field(payers, 'policyLibraries', 'url').pattern![0]).test('http://x.example/')).toBe(
      false,
    );
    // A drug's evidence is the drug's, not a test's.
    const drug = fieldsOf('items-drug');
    expect(field(drug, 'evidence').fields!.map((f) => f.name)).toEqual([
      'genericName',
      'benefit',
      'compendia',
    ]);
    expect(field(drug, 'kind')).toMatchObject({ widget: 'hidden', default: 'drug' });
    expect(collections.find((c) => c.name === 'items-drug')!.filter).toEqual({
      field: 'kind',
      value: 'drug',
    });
  });

  it("picks an angle's payer, item, reason and reviewer from the existing entries", () => {
    const full = fieldsOf('angles-full');
    expect(field(full, 'payer')).toMatchObject({
      widget: 'relation',
      collection: 'payers',
      value_field: 'slug',
      required: true,
    });
    expect(field(full, 'item')).toMatchObject({
      widget: 'relation',
      collection: 'items',
      value_field: 'slug',
    });
    expect(field(full, 'reason')).toMatchObject({ widget: 'relation', collection: 'reasons' });
    expect(field(full, 'reviewedBy')).toMatchObject({
      collection: 'site',
      file: 'site',
      value_field: 'editorial.reviewers.*.id',
    });
    expect(field(full, 'body').widget).toBe('text');
    const itemReason = fieldsOf('angles-item-reason').map((f) => f.name);
    expect(itemReason).not.toContain('payer');
    expect(fieldsOf('angles-payer-reason').map((f) => f.name)).toEqual(
      expect.arrayContaining(['kinds', 'benefits']),
    );
  });
});
