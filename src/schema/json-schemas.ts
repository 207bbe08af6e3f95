// JSON Schemas for editors, generated from the zod schemas (the single source of truth). `npm run schemas`
// writes them to src/schema/json/; a test fails when the committed files are stale.
import { z } from 'zod';
import { angleFrontmatterSchema } from './angle.ts';
import { factsSchema } from './facts.ts';
import { holidaysSchema } from './holidays.ts';
import { planLinesSchema } from './plan-lines.ts';
import { itemsSchema } from './items.ts';
import { payersSchema } from './payers.ts';
import { reasonsSchema } from './reasons.ts';
import { pageFrontmatterSchema } from './pages.ts';
import { siteSchema } from './site.ts';
import { statesSchema } from './states.ts';

export const JSON_SCHEMA_DIR = 'src/schema/json';

const SCHEMAS = {
  'site.schema.json': { schema: siteSchema, title: 'Denial Pages data/site.yaml' },
  'payers.schema.json': { schema: payersSchema, title: 'Denial Pages data/payers.yaml' },
  'items.schema.json': { schema: itemsSchema, title: 'Denial Pages data/items.yaml' },
  'reasons.schema.json': { schema: reasonsSchema, title: 'Denial Pages data/reasons.yaml' },
  'facts.schema.json': { schema: factsSchema, title: 'Denial Pages data/facts.yaml' },
  'plan-lines.schema.json': { schema: planLinesSchema, title: 'Denial Pages data/plan-lines.yaml' },
  'holidays.schema.json': { schema: holidaysSchema, title: 'Denial Pages data/holidays.yaml' },
  'states.schema.json': { schema: statesSchema, title: 'Denial Pages data/states.yaml' },
  'angle-frontmatter.schema.json': {
    schema: angleFrontmatterSchema,
    title: 'Denial Pages angle frontmatter',
  },
  'page-frontmatter.schema.json': {
    schema: pageFrontmatterSchema,
    title: 'Denial Pages trust page frontmatter (data/pages/*.md)',
  },
} as const;

/** File name → JSON text, exactly as committed. */
export function generateJsonSchemas(): Record<string, string> {
  return Object.fromEntries(
    Object.entries(SCHEMAS).map(([file, { schema, title }]) => {
      // `io: 'input'` describes what editors write (defaults make fields optional there).
      const json = { title, ...z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) };
      return [file, `${JSON.stringify(json, null, 2)}\n`];
    }),
  );
}
