// Sharded builds: `--shard i/n` builds every n-th page (and every hub and asset); `npm run merge` combines the
// shard outputs into one site after checking they are the complete set, built from the same inputs.
import { createHash } from 'node:crypto';
import { cp, readFile } from 'node:fs/promises';
import path from 'node:path';
import { BuildError } from '../errors/build-error.ts';
import { MANIFEST, readManifest } from './manifest.ts';
import { listFiles } from './shells.ts';

export interface Shard {
  index: number;
  count: number;
}

/** "2/4" → the second of four shards. */
export function parseShard(spec: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(spec);
  const index = Number(m?.[1]);
  const count = Number(m?.[2]);
  if (!m || count < 1 || index < 1 || index > count)
    throw new BuildError('ShardSpec', `--shard expects i/n with 1 ≤ i ≤ n, for example 1/4 (got "${spec}")`);
  return { index: index - 1, count };
}

export const shardLabel = (shard: Shard | undefined) =>
  shard ? `${shard.index + 1}/${shard.count}` : undefined;

/** A shard's deterministic share of the pages: every n-th. */
export function shareOf<T>(pages: readonly T[], shard: Shard | undefined): T[] {
  return shard ? pages.filter((_, i) => i % shard.count === shard.index) : [...pages];
}

/** sha256 of each of `files` (relative to `dir`), keyed by path with forward slashes. */
export async function hashFiles(dir: string, files: readonly string[]): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const file of [...files].sort())
    out[file.split(path.sep).join('/')] = createHash('sha256')
      .update(await readFile(path.join(dir, file)))
      .digest('hex');
  return out;
}

/** The shard folder holds exactly the files its build recorded, byte for byte. */
async function checkShardFiles(shardDir: string, label: string, recorded: Record<string, string>) {
  const present = (await listFiles(shardDir)).filter((f) => f !== MANIFEST);
  const found = await hashFiles(shardDir, present);
  for (const [file, hash] of Object.entries(found)) {
    if (recorded[file] === hash) continue;
    throw new BuildError(
      'ShardSet',
      recorded[file]
        ? `${path.join(shardDir, file)} (shard ${label}) was changed after its build wrote it`
        : `${path.join(shardDir, file)} (shard ${label}) was not written by its build`,
    );
  }
  const missing = Object.keys(recorded).find((f) => !(f in found));
  if (missing)
    throw new BuildError('ShardSet', `${path.join(shardDir, missing)} (shard ${label}) is missing`);
}

/** The output folder must not be one of the shards, or inside or around one: merging would overwrite its input. */
export function checkOutOfShards(dirs: readonly string[], outDir: string): void {
  const out = path.resolve(outDir);
  for (const dir of dirs.map((d) => path.resolve(d))) {
    const inside = (a: string, b: string) => a === b || a.startsWith(b + path.sep);
    if (inside(out, dir) || inside(dir, out))
      throw new BuildError(
        'ShardSet',
        `--out ${outDir} is the shard folder ${dir}, or holds it or lies in it`,
        {
          hint: 'Merge into a new folder (the default is dist/), not into one of the shard folders.',
        },
      );
  }
}

/** Copies shard outputs into `dir` after checking they are the complete set, built from these inputs. */
export async function copyShards(dirs: readonly string[], dir: string, inputs: string): Promise<void> {
  const seen = new Map<number, string>();
  let count: number | undefined;
  for (const shardDir of dirs) {
    const manifest = await readManifest(shardDir);
    const label = manifest?.shard;
    if (!manifest || !label)
      throw new BuildError(
        'ShardSet',
        `${shardDir} is not the output of a sharded build (no shard manifest)`,
      );
    if (manifest.inputs !== inputs)
      throw new BuildError(
        'ShardSet',
        `${shardDir} (shard ${label}) was built from other data, templates or code than this checkout`,
      );
    const { index, count: n } = parseShard(label);
    if (count !== undefined && n !== count)
      throw new BuildError('ShardSet', `shards of different splits: ${label} and …/${count}`);
    count = n;
    if (seen.has(index))
      throw new BuildError('ShardSet', `shard ${label} given twice: ${seen.get(index)} and ${shardDir}`);
    seen.set(index, shardDir);
    if (!manifest.files)
      throw new BuildError('ShardSet', `${shardDir} (shard ${label}) records no file hashes; build it again`);
    await checkShardFiles(shardDir, label, manifest.files);
    await cp(shardDir, dir, {
      recursive: true,
      force: true,
      filter: (source) => path.relative(shardDir, source) !== MANIFEST,
    });
  }
  const missing = Array.from({ length: count ?? 0 }, (_, i) => i).filter((i) => !seen.has(i));
  if (!count || missing.length)
    throw new BuildError(
      'ShardSet',
      `missing shard(s): ${missing.map((i) => `${i + 1}/${count}`).join(', ') || 'none given'}`,
    );
}
