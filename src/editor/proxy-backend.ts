// Decap CMS's local "proxy" backend protocol (what decap-server implements: POST {action, params}), answered
// from the working tree: list rows shown as entries, saves merged into the files in place and refused when
// `check` would reject them, no media, nothing outside data/.
import { createHash } from 'node:crypto';
import { mkdir, rename, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { checkChanges, refusalMessage } from './entry-check.ts';
import {
  EntryRefused,
  listFolder,
  parseFormText,
  planDelete,
  planSave,
  readEntry,
  type Collection,
  type EditorConfig,
  type FileChange,
} from './entry-store.ts';
import { PathRefused, resolveSafePath } from './safe-path.ts';
import { YamlEditError } from './yaml-edit.ts';

export interface BackendContext {
  /** Holds data/ (and templates/). */
  root: string;
  config: EditorConfig;
  /** Base URL Decap puts each collection's preview_path after. */
  previewBase: string;
}

export interface Reply {
  status: number;
  json: unknown;
}

const sha = (text: string) => createHash('sha256').update(text).digest('hex');
const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

function param<T>(params: Record<string, unknown>, key: string, check: (v: unknown) => v is T): T {
  const value = params[key];
  if (!check(value)) throw new EntryRefused(`missing or malformed "${key}"`);
  return value;
}
const isString = (v: unknown): v is string => typeof v === 'string';
const isArray = (v: unknown): v is unknown[] => Array.isArray(v);

function collectionNamed(config: EditorConfig, name: unknown): Collection {
  const collection = config.collections.find((c) => c.name === name);
  if (!collection) throw new EntryRefused(`unknown collection ${String(name)}`);
  return collection;
}

/** The path a new entry will get: what Decap's slug template makes of the form's values. */
export function pathForNew(
  collection: Collection & { slug?: string },
  data: Record<string, unknown>,
): string {
  const file = collection.files?.[0]?.file;
  if (file) return file;
  const slug = (collection.slug ?? '{{slug}}').replace(
    /\{\{(\w+)\}\}/g,
    (_, key: string) => String(data[key] ?? '').trim() || 'new',
  );
  return `${collection.folder}/${slug}.${collection.extension}`;
}

let queue: Promise<unknown> = Promise.resolve();
/** Saves and deletions run one at a time, each on the files as the previous one left them. */
function serially<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task, task);
  queue = run.catch(() => undefined);
  return run;
}

async function applyChange(root: string, change: FileChange): Promise<void> {
  const target = await resolveSafePath(root, change.file);
  if (change.text === null) {
    await unlink(target);
    return;
  }
  // resolveSafePath has checked every existing folder on the way; a new angle layer folder may be missing.
  await mkdir(path.dirname(target), { recursive: true });
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.editor-${process.pid}.tmp`);
  await writeFile(temp, change.text, { flag: 'wx' });
  await rename(temp, target).catch(async (e: unknown) => {
    await unlink(temp).catch(() => undefined);
    throw e;
  });
}

async function commit(root: string, changes: FileChange[]): Promise<void> {
  const outcome = await checkChanges(root, changes);
  if (outcome.problems.some((p) => p.severity === 'error'))
    throw new EntryRefused(refusalMessage(outcome.problems));
  for (const change of changes) await applyChange(root, change);
}

/** What `check` would say about the form's values if saved now (the form's Check panel). */
export async function checkForm(ctx: BackendContext, body: unknown): Promise<Reply> {
  return answer(async () => {
    if (!isObject(body)) throw new EntryRefused('expected a JSON object');
    const collection = collectionNamed(ctx.config, body['collection']);
    const data = isObject(body['data']) ? body['data'] : {};
    const isNew = body['newRecord'] === true;
    const requested = isNew || !isString(body['path']) ? pathForNew(collection, data) : body['path'];
    const change = await planSave(ctx.root, collection, requested, data, isNew);
    return { ...(await checkChanges(ctx.root, [change])), path: requested };
  });
}

async function answer(task: () => Promise<unknown>): Promise<Reply> {
  try {
    return { status: 200, json: await task() };
  } catch (e) {
    if (e instanceof PathRefused) return { status: 403, json: { error: e.message } };
    if (e instanceof EntryRefused || e instanceof YamlEditError)
      return { status: 422, json: { error: e.message } };
    return { status: 500, json: { error: (e as Error).message } };
  }
}

/** Answers one Decap proxy request. */
export function handleProxy(ctx: BackendContext, body: unknown): Promise<Reply> {
  return answer(async () => {
    if (!isObject(body) || !isString(body['action'])) throw new EntryRefused('expected {action, params}');
    const params = isObject(body['params']) ? body['params'] : {};
    const { root } = ctx;
    switch (body['action']) {
      case 'info':
        return { repo: path.basename(root), publish_modes: ['simple'], type: 'local_fs' };
      case 'entriesByFolder': {
        const folder = param(params, 'folder', isString);
        const entries = await listFolder(root, folder);
        return entries.map((e) => ({ data: e.data, file: { path: e.path, id: sha(e.data) } }));
      }
      case 'entriesByFiles': {
        const files = param(params, 'files', isArray);
        return Promise.all(
          files.map(async (f) => {
            const file = isObject(f) && isString(f['path']) ? f['path'] : '';
            const label = isObject(f) && isString(f['label']) ? f['label'] : undefined;
            const entry = await readEntry(root, file);
            return {
              data: entry?.data ?? null,
              file: { path: file, label, id: entry ? sha(entry.data) : null },
            };
          }),
        );
      }
      case 'getEntry': {
        const file = param(params, 'path', isString);
        const entry = await readEntry(root, file);
        return { data: entry?.data ?? null, file: { path: file, id: entry ? sha(entry.data) : null } };
      }
      case 'persistEntry':
        return serially(async () => {
          const options = isObject(params['options']) ? params['options'] : {};
          const assets = isArray(params['assets']) ? params['assets'] : [];
          if (assets.length) throw new EntryRefused('the editor does not take uploads');
          const files = isArray(params['dataFiles']) ? params['dataFiles'] : [params['entry']];
          if (files.length !== 1 || !isObject(files[0])) throw new EntryRefused('expected one entry to save');
          const file = files[0];
          const requested = param(file, 'path', isString);
          const raw = param(file, 'raw', isString);
          if (file['newPath'] !== undefined && file['newPath'] !== requested)
            throw new PathRefused(String(file['newPath']), 'entries are not moved by the editor');
          const collection = collectionNamed(ctx.config, options['collectionName']);
          await resolveSafePath(root, requested);
          const data = parseFormText(requested, raw);
          const change = await planSave(root, collection, requested, data, options['newEntry'] === true);
          await commit(root, [change]);
          return { message: 'entry persisted' };
        });
      case 'deleteFile':
      case 'deleteFiles':
        return serially(async () => {
          const paths =
            body['action'] === 'deleteFile'
              ? [param(params, 'path', isString)]
              : param(params, 'paths', isArray);
          const changes: FileChange[] = [];
          for (const p of paths) changes.push(await planDelete(root, String(p)));
          if (new Set(changes.map((c) => c.file)).size !== changes.length)
            throw new EntryRefused('delete one row of a file at a time');
          await commit(root, changes);
          return { message: `deleted ${paths.length} file(s)` };
        });
      case 'getMedia':
        return [];
      case 'getMediaFile':
      case 'persistMedia':
        throw new EntryRefused('the editor does not take uploads');
      case 'getDeployPreview':
        return { url: ctx.previewBase, status: 'SUCCESS' };
      case 'unpublishedEntries':
        return [];
      default:
        throw new EntryRefused(`unsupported action ${body['action']}`);
    }
  });
}
