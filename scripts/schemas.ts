// npm run schemas: regenerate the editor JSON Schemas in src/schema/json/ from the zod schemas.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { generateJsonSchemas, JSON_SCHEMA_DIR } from '../src/schema/json-schemas.ts';

await mkdir(JSON_SCHEMA_DIR, { recursive: true });
for (const [file, text] of Object.entries(generateJsonSchemas())) {
  await writeFile(path.join(JSON_SCHEMA_DIR, file), text);
  process.stdout.write(`wrote ${path.join(JSON_SCHEMA_DIR, file)}\n`);
}
