// Files in an output folder: scanning it (sizes and stamps in one walk), checking a staged build is complete, and
// moving or copying files between folders.
import { constants, readdirSync, statSync } from 'node:fs';
import { copyFile, cp, mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { SITEMAP_INDEX } from '../plan/urls.ts';
import { listFiles } from './shells.ts';
import type { RenderedSite } from './site-models.ts';

/**
 * What a file's metadata says about its bytes without reading them. A file with the size, modification time and
 * inode the build recorded still holds what the build wrote: an edit changes the time, a replacement the inode.
 */
export interface FileStamp {
  size: number;
  mtimeMs: number;
  ino: number;
}

export const sameStamp = (a: FileStamp, b: FileStamp) =>
  a.size === b.size && a.mtimeMs === b.mtimeMs && a.ino === b.ino;

export function stampOf(file: string): FileStamp {
  const { size, mtimeMs, ino } = statSync(file);
  return { size, mtimeMs, ino };
}

/** Every file under `dir` (relative path) with its stamp, in one synchronous walk: a few syscalls per file. */
export function scanFolder(dir: string): Map<string, FileStamp> {
  const files = new Map<string, FileStamp>();
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    files.set(path.relative(dir, file), stampOf(file));
  }
  return files;
}

/** Files and total bytes of a scanFolder() result, the two numbers host limits care about. */
export function totals(files: ReadonlyMap<string, { size: number }>): { files: number; bytes: number } {
  let bytes = 0;
  for (const { size } of files.values()) bytes += size;
  return { files: files.size, bytes };
}

export async function folderSize(dir: string): Promise<{ files: number; bytes: number }> {
  return totals(scanFolder(dir));
}

/** Every page, hub, redirect and host file must exist and be non-empty before staging may replace the output. */
export function verifyOutput(
  rendered: RenderedSite,
  files: ReadonlyMap<string, { size: number }>,
  hostFiles = true,
): string | undefined {
  const redirects = hostFiles ? rendered.redirects.map((r) => ({ path: r.from })) : [];
  const expected = [
    ...[...rendered.hubs, ...rendered.pages, ...redirects].map((p) =>
      path.join(p.path.slice(1), 'index.html'),
    ),
    '404.html',
    ...(hostFiles ? ['robots.txt', '_headers', SITEMAP_INDEX] : []),
  ];
  for (const file of expected) if (!files.get(file)?.size) return `expected file ${file} was not written`;
  return undefined;
}

/** rename() a file or folder, or copy and delete it when the two paths are on different filesystems. */
async function move(from: string, to: string): Promise<void> {
  try {
    await rename(from, to);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EXDEV') throw e;
    await cp(from, to, { recursive: true });
    await rm(from, { recursive: true });
  }
}

/** Moves every file of `from` into `to`, merging folders; a file already in `to` is replaced. */
export async function mergeInto(from: string, to: string): Promise<void> {
  await mkdir(to, { recursive: true });
  for (const entry of await readdir(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.isDirectory()) {
      const existing = await stat(target).catch(() => undefined);
      if (existing?.isDirectory()) await mergeInto(source, target);
      else await move(source, target);
    } else {
      await move(source, target);
    }
  }
  await rm(from, { recursive: true, force: true });
}

/**
 * Copies each file of `from` into `to`, replacing a file already there. A copy, never a hard link: a tool that
 * edits the output in place must not reach the cache it came from (a reflink, where the disk has them, is a copy).
 */
export async function placeFiles(from: string, to: string): Promise<void> {
  for (const file of await listFiles(from)) {
    const target = path.join(to, file);
    await mkdir(path.dirname(target), { recursive: true });
    await rm(target, { force: true });
    await copyFile(path.join(from, file), target, constants.COPYFILE_FICLONE);
  }
}
