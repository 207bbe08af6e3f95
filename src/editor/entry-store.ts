// The editor's entries as files: reads list rows, object files and angles for the form, and turns a saved form
// into the one file text it changes. Paths are checked by safe-path.ts before any file is read or written.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { stringify } from 'yaml';
import { angleForEditor, angleValues, writeAngle } from './angle-file.ts';
import { ANGLES_DIR, LIST_FILES, listFileOf, OBJECT_FILES, type ListFile } from './data-files.ts';
import type { DecapField } from './decap-fields.ts';
import { mergeFields } from './entry-values.ts';
import { checkPathShape, PathRefused, resolveSafePath } from './safe-path.ts';
import { deleteYaml, editYaml, parseYaml } from './yaml-edit.ts';

export interface Collection {
  name: string;
  folder?: string;
  extension?: string;
  format?: string;
  create?: boolean;
  delete?: boolean;
  fields?: DecapField[];
  files?: { name: string; file: string; fields: DecapField[] }[];
}

export interface EditorConfig {
  collections: Collection[];
}

/** One file's new text (`null`: the file is deleted). Paths are relative to the project root. */
export interface FileChange {
  file: string;
  text: string | null;
}

export interface EditorEntry {
  path: string;
  data: string;
}

export class EntryRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EntryRefused';
  }
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

async function readText(root: string, relative: string): Promise<string | undefined> {
  const file = await resolveSafePath(root, relative);
  return readFile(file, 'utf8').catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') return undefined;
    throw e;
  });
}

async function readRows(root: string, table: ListFile): Promise<{ text: string; rows: unknown[] }> {
  const text = await readText(root, table.file);
  if (text === undefined) throw new EntryRefused(`${table.file} does not exist.`);
  const rows = parseYaml(text).toJS() as unknown;
  if (!Array.isArray(rows))
    throw new EntryRefused(`${table.file} is not a list; fix it with npm run check first.`);
  return { text, rows };
}

const keyOf = (row: unknown, table: ListFile) => (isPlainObject(row) ? String(row[table.key] ?? '') : '');
const rowText = (row: unknown) => stringify(row, { lineWidth: 0 });

/** The entries of an editor folder: one per row of a list file, or the angle files of one layer. */
export async function listFolder(root: string, folder: string): Promise<EditorEntry[]> {
  const table = LIST_FILES.find((t) => t.folder === folder);
  if (table) {
    const { rows } = await readRows(root, table);
    return rows
      .filter((row) => keyOf(row, table))
      .map((row) => ({ path: `${table.folder}/${keyOf(row, table)}.yaml`, data: rowText(row) }));
  }
  if (!folder.startsWith(`${ANGLES_DIR}/`)) throw new PathRefused(folder, 'not an editor folder');
  const dir = await resolveSafePath(root, `${folder}/x.mdx`).then(path.dirname);
  const names = await readdir(dir).catch(() => [] as string[]);
  const entries: EditorEntry[] = [];
  for (const name of names.filter((n) => n.endsWith('.mdx')).sort()) {
    const entry = await readEntry(root, `${folder}/${name}`).catch(() => undefined);
    if (entry) entries.push(entry);
  }
  return entries;
}

/** One entry for the form, or undefined when it does not exist. */
export async function readEntry(root: string, requested: string): Promise<EditorEntry | undefined> {
  const relative = checkPathShape(requested);
  const list = listFileOf(relative);
  if (list) {
    const { rows } = await readRows(root, list.table);
    const row = rows.find((r) => keyOf(r, list.table) === list.key);
    return row === undefined ? undefined : { path: relative, data: rowText(row) };
  }
  const text = await readText(root, relative);
  if (text === undefined) return undefined;
  return { path: relative, data: relative.endsWith('.mdx') ? angleForEditor(text) : text };
}

function fieldsOf(collection: Collection): DecapField[] {
  const fields = collection.fields ?? collection.files?.[0]?.fields;
  if (!fields) throw new EntryRefused(`collection ${collection.name} has no fields`);
  return fields;
}

/** Which collection's form may save `relative`: its folder or file must be the path's. */
function assertBelongs(collection: Collection, relative: string): void {
  const inFolder = collection.folder !== undefined && path.posix.dirname(relative) === collection.folder;
  const isFile = collection.files?.some((f) => f.file === relative) ?? false;
  if (!inFolder && !isFile) throw new PathRefused(relative, `it is not part of ${collection.name}`);
  if (collection.folder && collection.extension && !relative.endsWith(`.${collection.extension}`))
    throw new PathRefused(relative, `${collection.name} holds .${collection.extension} files`);
}

/**
 * The file change that saving `data` (the form's values, as parsed from what it sent) for `relative` makes.
 * `isNew`: the form created the entry, so a list row is appended and an angle file must not exist yet.
 */
export async function planSave(
  root: string,
  collection: Collection,
  requested: string,
  data: Record<string, unknown>,
  isNew: boolean,
): Promise<FileChange> {
  const relative = checkPathShape(requested);
  assertBelongs(collection, relative);
  const fields = fieldsOf(collection);
  const list = listFileOf(relative);
  if (list) {
    const { text, rows } = await readRows(root, list.table);
    const index = isNew ? -1 : rows.findIndex((r) => keyOf(r, list.table) === list.key);
    if (!isNew && index === -1)
      throw new EntryRefused(`${list.key} is no longer in ${list.table.file}; reload the page.`);
    const old = index === -1 ? undefined : (rows[index] as Record<string, unknown>);
    const row = mergeFields(fields, data, old);
    return { file: list.table.file, text: editYaml(text, [index === -1 ? rows.length : index], row) };
  }
  const old = await readText(root, relative);
  if (relative.endsWith('.mdx')) {
    if (isNew && old !== undefined) throw new EntryRefused(`${relative} already exists; edit it instead.`);
    const { body, ...values } = data;
    const previous = old === undefined ? undefined : angleValues(old).data;
    const front = mergeFields(
      fields.filter((f) => f.name !== 'body'),
      values,
      previous,
    );
    return { file: relative, text: writeAngle(old, front, typeof body === 'string' ? body : '') };
  }
  if (!OBJECT_FILES.some((f) => f.file === relative) || old === undefined)
    throw new EntryRefused(`${relative} cannot be created from the editor.`);
  const current = parseYaml(old).toJS() as unknown;
  const next = mergeFields(fields, data, isPlainObject(current) ? current : undefined);
  return { file: relative, text: editYaml(old, [], next) };
}

/** The change that deleting an entry makes: a list row removed, or an angle file deleted. */
export async function planDelete(root: string, requested: string): Promise<FileChange> {
  const relative = checkPathShape(requested);
  const list = listFileOf(relative);
  if (list) {
    const { text, rows } = await readRows(root, list.table);
    const index = rows.findIndex((r) => keyOf(r, list.table) === list.key);
    if (index === -1) throw new EntryRefused(`${list.key} is not in ${list.table.file}.`);
    return { file: list.table.file, text: deleteYaml(text, [index]) };
  }
  if (!relative.startsWith(`${ANGLES_DIR}/`) || !relative.endsWith('.mdx'))
    throw new PathRefused(relative, 'only list rows and angles can be deleted');
  if ((await readText(root, relative)) === undefined) throw new EntryRefused(`${relative} does not exist.`);
  return { file: relative, text: null };
}

/** The form's values in what it sent: YAML for list rows and object files, frontmatter and body for angles. */
export function parseFormText(relative: string, raw: string): Record<string, unknown> {
  if (relative.endsWith('.mdx')) {
    const { data, body } = angleValues(raw);
    return { ...data, body };
  }
  const value = parseYaml(raw).toJS() as unknown;
  if (!isPlainObject(value)) throw new EntryRefused('the form sent something that is not an entry');
  return value;
}
