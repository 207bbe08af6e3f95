import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateJsonSchemas, JSON_SCHEMA_DIR } from '../../src/schema/json-schemas.ts';
import { PROJECT_ROOT } from '../helpers/fixture.ts';

describe('editor JSON Schemas', () => {
  it('are up to date with the zod schemas (run `npm run schemas` if this fails)', async () => {
    for (const [file, text] of Object.entries(generateJsonSchemas())) {
      const committed = await readFile(path.join(PROJECT_ROOT, JSON_SCHEMA_DIR, file), 'utf8').catch(
        () => '',
      );
      expect(committed, `${JSON_SCHEMA_DIR}/${file} is stale: run npm run schemas`).toBe(text);
    }
  });

  it('describe the closed sets and strictness editors need for completion', () => {
    const payers = JSON.parse(generateJsonSchemas()['payers.schema.json']!) as {
      items: { additionalProperties: boolean; properties: { planLines: { items: { enum: string[] } } } };
    };
    expect(payers.items.additionalProperties).toBe(false);
    expect(payers.items.properties.planLines.items.enum).toContain('medicare-advantage');
  });

  it('are referenced by a modeline in every data file', async () => {
    for (const name of ['site', 'payers', 'items', 'reasons', 'facts']) {
      const text = await readFile(path.join(PROJECT_ROOT, 'data', `${name}.yaml`), 'utf8');
      expect(text.split('\n')[0]).toBe(
        `# yaml-language-server: $schema=../${JSON_SCHEMA_DIR}/${name}.schema.json`,
      );
    }
  });
});
