// Where the editor may read and write: relative paths under data/, ending in .yaml or .mdx, that stay inside the
// project even through symlinks. Everything else is refused before any file is touched.
import { lstat, realpath } from 'node:fs/promises';
import path from 'node:path';

export class PathRefused extends Error {
  constructor(requested: string, why: string) {
    super(`Refused "${requested}": ${why}.`);
    this.name = 'PathRefused';
  }
}

/** Folders (relative to the project root) the editor writes in. */
export const WRITABLE_ROOTS = ['data'] as const;
const EXTENSIONS = ['.yaml', '.mdx'];

/** Checks the shape of a requested path without touching the disk; returns it normalised (forward slashes). */
export function checkPathShape(requested: unknown): string {
  if (typeof requested !== 'string' || requested === '') throw new PathRefused(String(requested), 'no path');
  if (requested.includes('\0')) throw new PathRefused(requested, 'the path contains a NUL byte');
  if (requested.includes('\\')) throw new PathRefused(requested, 'use forward slashes');
  if (path.posix.isAbsolute(requested) || /^[a-zA-Z]:/.test(requested))
    throw new PathRefused(requested, 'absolute paths are not allowed');
  const parts = requested.split('/');
  if (parts.some((p) => p === '..' || p === '.' || p === ''))
    throw new PathRefused(requested, '"..", "." and empty path segments are not allowed');
  if (!WRITABLE_ROOTS.includes(parts[0] as (typeof WRITABLE_ROOTS)[number]) || parts.length < 2)
    throw new PathRefused(requested, `only files inside ${WRITABLE_ROOTS.join('/, ')}/ can be edited`);
  if (parts.some((p) => p.startsWith('.')))
    throw new PathRefused(requested, 'hidden files and folders are not edited');
  if (!EXTENSIONS.some((e) => requested.endsWith(e)))
    throw new PathRefused(requested, `only ${EXTENSIONS.join(' and ')} files can be edited`);
  return requested;
}

/**
 * The absolute path for `requested` under `root`, after checking that neither the file (if it exists) nor any
 * folder on the way is a symlink leading outside the writable roots. Symlinks inside are followed, so a write
 * lands on the real file.
 */
export async function resolveSafePath(root: string, requested: unknown): Promise<string> {
  const relative = checkPathShape(requested);
  const realRoot = await realpath(root);
  const allowed = WRITABLE_ROOTS.map((r) => path.join(realRoot, r));
  const target = path.join(realRoot, relative);
  // Walk up to the nearest existing ancestor; the real path of everything that exists must stay inside.
  let existing = target;
  for (;;) {
    const stat = await lstat(existing).catch(() => undefined);
    if (stat) break;
    const parent = path.dirname(existing);
    if (parent === existing) break;
    existing = parent;
  }
  const real = await realpath(existing);
  const inside = allowed.some((a) => real === a || real.startsWith(a + path.sep));
  if (!inside) throw new PathRefused(relative, 'it leads outside the data folder (a symlink?)');
  const resolved = path.join(real, path.relative(existing, target));
  const stat = await lstat(resolved).catch(() => undefined);
  if (stat && !stat.isFile()) throw new PathRefused(relative, 'it is not a file');
  return resolved;
}
