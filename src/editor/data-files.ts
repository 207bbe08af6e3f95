// Which files the editor offers and how each is shown: a list file (payers.yaml…) as one entry per row under a
// folder that exists only in the editor, an object file (site.yaml) as one form, each angle layer as its folder.
import type { z } from 'zod';
import {
  angleFrontmatterSchema,
  factSchema,
  holidaysSchema,
  itemSchema,
  payerSchema,
  planLineSchema,
  reasonSchema,
  siteSchema,
  stateSchema,
} from '../schema/index.ts';

export interface ListFile {
  /** Collection name in the editor. */
  name: string;
  /** The real file, relative to the project root. */
  file: string;
  /** The folder the editor sees: one entry `<folder>/<key>.yaml` per row. Never created on disk. */
  folder: string;
  /** The field that names a row. */
  key: 'slug' | 'id';
  /** One row's schema. */
  schema: z.ZodType;
  /** Schema file whose header comment describes the collection. */
  schemaFile: string;
}

export interface ObjectFile {
  name: string;
  file: string;
  schema: z.ZodType;
  schemaFile: string;
}

export const LIST_FILES = [
  {
    name: 'payers',
    file: 'data/payers.yaml',
    folder: 'data/payers',
    key: 'slug',
    schema: payerSchema,
    schemaFile: 'payers',
  },
  {
    name: 'items',
    file: 'data/items.yaml',
    folder: 'data/items',
    key: 'slug',
    schema: itemSchema,
    schemaFile: 'items',
  },
  {
    name: 'reasons',
    file: 'data/reasons.yaml',
    folder: 'data/reasons',
    key: 'slug',
    schema: reasonSchema,
    schemaFile: 'reasons',
  },
  {
    name: 'facts',
    file: 'data/facts.yaml',
    folder: 'data/facts',
    key: 'id',
    schema: factSchema,
    schemaFile: 'facts',
  },
  {
    name: 'plan-lines',
    file: 'data/plan-lines.yaml',
    folder: 'data/plan-lines',
    key: 'id',
    schema: planLineSchema,
    schemaFile: 'plan-lines',
  },
  {
    name: 'states',
    file: 'data/states.yaml',
    folder: 'data/states',
    key: 'slug',
    schema: stateSchema,
    schemaFile: 'states',
  },
] as const satisfies readonly ListFile[];

export const OBJECT_FILES = [
  { name: 'site', file: 'data/site.yaml', schema: siteSchema, schemaFile: 'site' },
  { name: 'holidays', file: 'data/holidays.yaml', schema: holidaysSchema, schemaFile: 'holidays' },
] as const satisfies readonly ObjectFile[];

/** The angle layers, each a folder of data/angles/ named for the keys its angles set (docs/editing.md). */
export const ANGLE_LAYERS = [
  { layer: 'full', keys: ['payer', 'item', 'reason'] },
  { layer: 'item-reason', keys: ['item', 'reason'] },
  { layer: 'payer-item', keys: ['payer', 'item'] },
  { layer: 'payer-reason', keys: ['payer', 'reason'] },
] as const;

export const ANGLES_DIR = 'data/angles';
export const angleFolder = (layer: string) => `${ANGLES_DIR}/${layer}`;
export const angleSchema = angleFrontmatterSchema;

/** The list file whose editor folder holds `path` (data/payers/cigna.yaml → payers.yaml), and the row key. */
export function listFileOf(path: string): { table: ListFile; key: string } | undefined {
  for (const table of LIST_FILES) {
    const prefix = `${table.folder}/`;
    if (path.startsWith(prefix) && path.endsWith('.yaml')) {
      const key = path.slice(prefix.length, -'.yaml'.length);
      if (key && !key.includes('/')) return { table, key };
    }
  }
  return undefined;
}
