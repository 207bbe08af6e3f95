// Step 1 of 4: read data/*.yaml and data/angles/**.mdx from disk, keeping positions for every value.
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import matter from 'gray-matter';
import { createError, relativeFile, type DataError } from '../errors/data-error.ts';
import { fileStart, parseYamlSource, type YamlSource } from './yaml-source.ts';

export const TABLES = [
  'site',
  'payers',
  'items',
  'reasons',
  'facts',
  'plan-lines',
  'holidays',
  'states',
] as const;
export type TableName = (typeof TABLES)[number];

export interface LoadedAngle {
  file: string;
  /** Undefined when the file has no frontmatter block. */
  frontmatter: YamlSource | undefined;
  body: string;
  /** 1-based line of the body's first line in the file. */
  bodyLine: number;
  /** Content hash of the whole file, for caching rendered output. */
  hash: string;
}

export interface LoadedData {
  root: string;
  tables: Partial<Record<TableName, YamlSource>>;
  angles: LoadedAngle[];
  /** The trust pages, data/pages/*.md: frontmatter and a Markdown body, read like angles. */
  pages: LoadedAngle[];
  errors: DataError[];
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

async function readText(root: string, absolute: string, errors: DataError[]): Promise<string | undefined> {
  const file = relativeFile(root, absolute);
  let bytes: Buffer;
  try {
    bytes = await readFile(absolute);
  } catch (e) {
    errors.push(createError('FileUnreadable', fileStart(file), { message: (e as Error).message }));
    return undefined;
  }
  try {
    return utf8.decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    const bad = firstInvalidUtf8(bytes);
    errors.push(
      createError(
        'InvalidEncoding',
        { file, ...bad },
        { message: 'The file contains bytes that are not valid UTF-8.' },
      ),
    );
    return undefined;
  }
}

/** Line and column of the first byte sequence that does not decode as UTF-8. */
function firstInvalidUtf8(bytes: Buffer): { line: number; column: number } {
  const lenient = new TextDecoder('utf-8');
  let lineStart = 0;
  for (let line = 1; lineStart <= bytes.length; line++) {
    const end = bytes.indexOf(0x0a, lineStart);
    const slice = bytes.subarray(lineStart, end === -1 ? bytes.length : end);
    try {
      utf8.decode(slice);
    } catch {
      return { line, column: lenient.decode(slice).indexOf('\uFFFD') + 1 || 1 };
    }
    if (end === -1) break;
    lineStart = end + 1;
  }
  return { line: 1, column: 1 };
}

async function listMdx(dir: string, extension = '.mdx'): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true, recursive: true });
  } catch {
    return [];
  }
  return entries
    .filter((e) => e.isFile() && e.name.endsWith(extension))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

export function splitAngle(file: string, text: string): { angle: LoadedAngle; errors: DataError[] } {
  const hash = createHash('sha256').update(text).digest('hex').slice(0, 16);
  if (!/^---\r?\n/.test(text)) {
    return { angle: { file, frontmatter: undefined, body: text, bodyLine: 1, hash }, errors: [] };
  }
  const parsed = matter(text, { engines: { yaml: () => ({}) } });
  const bodyStartIndex = text.length - parsed.content.length;
  const bodyLine = text.slice(0, bodyStartIndex).split('\n').length;
  const { source, errors } = parseYamlSource(file, parsed.matter.replace(/^\r?\n/, ''), 1);
  return { angle: { file, frontmatter: source, body: parsed.content, bodyLine, hash }, errors };
}

export async function loadData(root: string, dataDir: string): Promise<LoadedData> {
  const errors: DataError[] = [];
  const tables: LoadedData['tables'] = {};
  await Promise.all(
    TABLES.map(async (name) => {
      const absolute = path.join(dataDir, `${name}.yaml`);
      const text = await readText(root, absolute, errors);
      if (text === undefined) return;
      const file = relativeFile(root, absolute);
      const { source, errors: yamlErrors } = parseYamlSource(file, text);
      errors.push(...yamlErrors);
      // A file with a syntax error is not validated further: its structure cannot be trusted.
      if (source.doc.errors.length) return;
      if (source.doc.contents === null) {
        errors.push(createError('EmptyFile', fileStart(file), { message: `${file} has no entries.` }));
        return;
      }
      tables[name] = source;
    }),
  );
  const readNotes = async (files: string[]) => {
    const notes: LoadedAngle[] = [];
    await Promise.all(
      files.map(async (absolute) => {
        const text = await readText(root, absolute, errors);
        if (text === undefined) return;
        const { angle, errors: fmErrors } = splitAngle(relativeFile(root, absolute), text);
        errors.push(...fmErrors);
        notes.push(angle);
      }),
    );
    return notes.sort((a, b) => a.file.localeCompare(b.file));
  };
  const angles = await readNotes(await listMdx(path.join(dataDir, 'angles')));
  const pages = await readNotes(await listMdx(path.join(dataDir, 'pages'), '.md'));
  return { root, tables, angles, pages, errors };
}
