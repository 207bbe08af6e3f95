// Shared command-line flags: --data, --templates and --out point a command at another site (fixtures, benches);
// --verbose shows the full cause of a failure. A malformed option is a usage error (exit code 2).
import { parseArgs } from 'node:util';
import { BuildError } from '../errors/build-error.ts';
import { parseShard } from '../generator/shards.ts';

function parse(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      options: {
        data: { type: 'string' },
        templates: { type: 'string' },
        out: { type: 'string' },
        force: { type: 'boolean' },
        production: { type: 'boolean' },
        shard: { type: 'string' },
        verbose: { type: 'boolean' },
      },
      allowPositionals: true,
      strict: true,
    });
  } catch (e) {
    throw new BuildError('UsageError', (e as Error).message, { cause: e });
  }
}

export function readSiteArgs(argv = process.argv.slice(2)) {
  const { values, positionals } = parse(argv);
  return {
    root: process.cwd(),
    ...(values.data && { dataDir: values.data }),
    ...(values.templates && { templatesDir: values.templates }),
    ...(values.out && { outDir: values.out }),
    ...(values.force && { force: true }),
    ...(values.production && { production: true }),
    ...(values.shard && { shard: parseShard(values.shard) }),
    verbose: Boolean(values.verbose),
    /** Extra arguments: the shard folders for npm run merge. */
    positionals,
  };
}
