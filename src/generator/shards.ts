// Sharded builds: `--shard i/n` builds every n-th page (and every hub and asset); `npm run merge` combines the
// shard outputs into one site after checking they are the complete set, built from the same inputs.
import { cp } from 'node:fs/promises';
import path from 'node:path';
import { BuildError } from '../errors/build-error.ts';
import { MANIFEST, readManifest } from './manifest.ts';

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
