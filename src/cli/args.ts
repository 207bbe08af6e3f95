// Shared command-line flags: --data, --templates and --out point a command at another site (fixtures, benches).
import { parseArgs } from 'node:util';
import { parseShard } from '../generator/shards.ts';

export function readSiteArgs(argv = process.argv.slice(2)) {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      data: { type: 'string' },
      templates: { type: 'string' },
      out: { type: 'string' },
      force: { type: 'boolean' },
      shard: { type: 'string' },
    },
    allowPositionals: true,
    strict: true,
  });
  return {
    root: process.cwd(),
    ...(values.data && { dataDir: values.data }),
    ...(values.templates && { templatesDir: values.templates }),
    ...(values.out && { outDir: values.out }),
    ...(values.force && { force: true }),
    ...(values.shard && { shard: parseShard(values.shard) }),
    /** Extra arguments: the shard folders for npm run merge. */
    positionals,
  };
}
