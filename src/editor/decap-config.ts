// The Decap CMS configuration, generated from the zod schemas and their comments (`npm run editor:config` writes
// src/editor/decap-config.json; a test fails when it is stale). No field list is written by hand.
import path from 'node:path';
import { ANGLE_COMPONENTS, ONLY_FOR, type ItemKind } from '../schema/index.ts';
import { FieldBuilder, labelFor, type Reference } from './decap-fields.ts';
import {
  ANGLE_LAYERS,
  angleFolder,
  angleSchema,
  LIST_FILES,
  OBJECT_FILES,
  type ListFile,
} from './data-files.ts';
import { readSchemaDocs } from './schema-docs.ts';

export const DECAP_CONFIG_FILE = 'src/editor/decap-config.json';
export const PROXY_PATH = '/api/v1';

/** Free-text fields that take a sentence or more: a multi-line box instead of a one-line one. */
const LONG_TEXT = new Set([
  'hook',
  'how',
  'statement',
  'disclaimer',
  'note',
  'howToTell',
  'role',
  'medical',
  'pharmacy',
  'mail',
]);

const PAYER: Reference = { collection: 'payers', valueField: 'slug', displayFields: ['name'] };
const ITEM: Reference = { collection: 'items', valueField: 'slug', displayFields: ['name'] };
const REASON: Reference = { collection: 'reasons', valueField: 'slug', displayFields: ['name'] };
const FACT: Reference = { collection: 'facts', valueField: 'id', displayFields: ['id'] };
const REVIEWER: Reference = {
  collection: 'site',
  file: 'site',
  valueField: 'editorial.reviewers.*.id',
  displayFields: ['editorial.reviewers.*.name'],
};

/** Which slug fields name an entry of another collection (shown as a picker of the existing ones). */
const REFERENCES: Record<string, Record<string, Reference>> = {
  angle: { payer: PAYER, item: ITEM, reason: REASON, reviewedBy: REVIEWER },
  reasons: { 'rules[]': FACT },
};

const KIND_COLLECTIONS: Record<ItemKind, string> = {
  drug: 'Drugs',
  test: 'Tests',
  procedure: 'Procedures',
  device: 'Devices',
};

function listCollection(table: ListFile, builder: FieldBuilder, description: string | undefined) {
  const fields = builder.objectFields(table.schema, '');
  return {
    name: table.name,
    label: labelFor(table.name),
    label_singular: labelFor(table.name).replace(/s$/, ''),
    ...(description && { description }),
    folder: table.folder,
    extension: 'yaml',
    format: 'yaml',
    create: table.name !== 'plan-lines',
    delete: table.name !== 'plan-lines',
    identifier_field: table.key,
    slug: `{{${table.key}}}`,
    summary: `{{${table.key}}}`,
    preview_path: `${table.name}/{{slug}}`,
    fields,
  };
}

/** The Decap configuration object. */
export function editorConfig(schemaDir = path.resolve(import.meta.dirname, '../schema')) {
  const { headers, fields: docs } = readSchemaDocs(schemaDir);
  const plain = new FieldBuilder({ docs, longText: LONG_TEXT });
  const collections: unknown[] = [];

  for (const file of OBJECT_FILES) {
    collections.push({
      name: file.name,
      label: file.name === 'site' ? 'Site settings' : labelFor(file.name),
      ...(headers.get(file.schemaFile) && { description: headers.get(file.schemaFile) }),
      files: [
        {
          name: file.name,
          label: labelFor(file.name),
          file: file.file,
          preview_path: file.name,
          fields: plain.objectFields(file.schema),
        },
      ],
    });
  }

  for (const table of LIST_FILES) {
    const builder = new FieldBuilder({ docs, longText: LONG_TEXT, references: REFERENCES[table.name] ?? {} });
    const description = headers.get(table.schemaFile);
    if (table.name !== 'items') {
      collections.push(listCollection(table, builder, description));
      continue;
    }
    // Items: one collection per kind, each with that kind's evidence fields, and a hidden one of every item
    // that angle forms pick from.
    const all = listCollection(table, builder, description);
    collections.push({
      ...all,
      hide: true,
      create: false,
      delete: false,
      fields: all.fields
        .filter((f) => ['slug', 'name', 'kind'].includes(f.name))
        .map((f) => ({ ...f, widget: 'string' })),
    });
    const variants = (table.schema as unknown as { options: unknown[] }).options;
    for (const variant of variants) {
      const fields = builder.objectFields(variant, '');
      const kind = fields.find((f) => f.name === 'kind')!.default as ItemKind;
      collections.push({
        ...all,
        name: `items-${kind}`,
        label: KIND_COLLECTIONS[kind],
        label_singular: labelFor(kind),
        filter: { field: 'kind', value: kind },
        fields,
      });
    }
  }

  const angleBuilder = new FieldBuilder({ docs, longText: LONG_TEXT, references: REFERENCES['angle'] ?? {} });
  const angleFields = angleBuilder.objectFields(angleSchema);
  const components = [...ANGLE_COMPONENTS.map((c) => `<${c} id="…" />`), `<${ONLY_FOR} …>`].join(', ');
  for (const { layer, keys } of ANGLE_LAYERS) {
    const slots = ['payer', 'item', 'reason'];
    const fields = angleFields
      .filter((f) => !slots.includes(f.name) || (keys as readonly string[]).includes(f.name))
      // kinds and benefits narrow angles that have no item; an angle with an item is already that narrow.
      .filter((f) => !(keys as readonly string[]).includes('item') || !['kinds', 'benefits'].includes(f.name))
      .map((f) => (slots.includes(f.name) ? { ...f, required: true } : f));
    collections.push({
      name: `angles-${layer}`,
      label: `Angles: ${keys.join(' × ')}`,
      label_singular: `${keys.join(' × ')} angle`,
      description:
        `Notes in ${angleFolder(layer)}/ for one ${keys.join(', ')} combination. ${headers.get('angle') ?? ''}`.trim(),
      folder: angleFolder(layer),
      extension: 'mdx',
      format: 'frontmatter',
      create: true,
      delete: true,
      slug: keys.map((k) => `{{${k}}}`).join('--'),
      summary: keys.map((k) => `{{${k}}}`).join(' × '),
      preview_path: `angles-${layer}/{{slug}}`,
      fields: [
        ...fields,
        {
          name: 'body',
          label: 'Text',
          widget: 'text',
          hint: `Markdown: headings start at ## and go one level deeper at a time. Legal and numeric claims come from facts through ${components}. No raw HTML, imports or JavaScript; links must be https://.`,
        },
      ],
    });
  }

  return {
    load_config_file: false,
    backend: { name: 'proxy', proxy_url: PROXY_PATH, branch: 'main' },
    // Required by Decap; the editor offers no media uploads and its backend refuses them.
    media_folder: 'data/.media',
    publish_mode: 'simple',
    // Published entries link to site_url + preview_path: the editor server's /preview/… redirects to the page.
    site_url: '/preview',
    show_preview_links: true,
    slug: { encoding: 'ascii', clean_accents: true, sanitize_replacement: '-' },
    // The preview pane beside each form shows what `check` would say (editor-client.ts), not a mock page.
    editor: { preview: true },
    collections,
  };
}

/** The committed configuration file's text. */
export function generateEditorConfig(): string {
  return `${JSON.stringify(editorConfig(), null, 2)}\n`;
}
