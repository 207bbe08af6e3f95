// npm run editor:config: regenerate the editor's Decap CMS configuration (src/editor/decap-config.json) from the
// zod schemas; a test fails when the committed file is stale.
import { writeFile } from 'node:fs/promises';
import { DECAP_CONFIG_FILE, generateEditorConfig } from '../src/editor/decap-config.ts';

await writeFile(DECAP_CONFIG_FILE, generateEditorConfig());
process.stdout.write(`wrote ${DECAP_CONFIG_FILE}\n`);
