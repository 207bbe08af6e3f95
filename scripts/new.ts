// npm run new -- angle|payer|item [flags]: scaffold an angle file or a data row. Missing flags are asked for
// interactively; nothing existing is ever overwritten.
//   npm run new -- angle --payer cigna --item keytruda --reason step-therapy
//   npm run new -- angle --item keytruda --reason step-therapy        (an item × reason angle)
//   npm run new -- payer --slug humana --name Humana --short-name Humana --plan-lines employer-insured,medicare-advantage \
//                        --policy-name "Coverage Policies" --policy-url https://… [--medical-requests "…"] [--pharmacy-requests "…"]
//   npm run new -- item --slug ozempic --name Ozempic --kind drug --class "GLP-1 receptor agonist" --specialty endocrinology \
//                       --generic-name semaglutide --benefit pharmacy
import path from 'node:path';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { printErrors } from '../src/cli/report-errors.ts';
import { loadData } from '../src/content/load.ts';
import { validateData } from '../src/content/validate.ts';
import { createAngle, ScaffoldError } from '../src/scaffold/new-angle.ts';
import { appendRow } from '../src/scaffold/new-row.ts';
import { ITEM_KINDS, PLAN_LINES } from '../src/schema/index.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: Object.fromEntries(
    [
      'data',
      'templates',
      'payer',
      'item',
      'reason',
      'slug',
      'name',
      'short-name',
      'plan-lines',
      'policy-name',
      'policy-url',
      'medical-requests',
      'pharmacy-requests',
      'kind',
      'class',
      'specialty',
      'generic-name',
      'benefit',
    ].map((name) => [name, { type: 'string' as const }]),
  ),
});
const root = process.cwd();
const dataDir = path.resolve(root, values['data'] ?? 'data');

// With no flags at all the command asks for everything; with flags it asks for nothing and reports what is missing.
const interactive = Object.keys(values).every((k) => k === 'data' || k === 'templates');
const rl = createInterface({
  input: process.stdin,
  output: process.stderr,
  terminal: Boolean(process.stdin.isTTY),
});
const lines = rl[Symbol.asyncIterator]();
async function ask(question: string, fallback?: string, optional = false): Promise<string | undefined> {
  if (fallback !== undefined) return fallback;
  if (!interactive) {
    if (optional) return undefined;
    throw new ScaffoldError(
      `Missing a flag for "${question}" (see the top of scripts/new.ts for all flags).`,
    );
  }
  process.stderr.write(`${question}${optional ? ' (optional, Enter to skip)' : ''}: `);
  const next = await lines.next();
  if (next.done) {
    if (optional) return undefined;
    throw new ScaffoldError(
      `No answer for "${question}". Pass it as a flag (see the top of scripts/new.ts).`,
    );
  }
  const answer = String(next.value).trim();
  return answer || (optional ? undefined : ask(question));
}

async function main(): Promise<string> {
  const what = positionals[0] ?? (await ask('Create what? angle, payer or item'));
  if (what === 'angle') {
    // Only the tables need to be valid: other angles may be unfinished drafts.
    const { data, errors } = await validateData(await loadData(root, dataDir));
    if (!data) {
      printErrors(errors.filter((e) => !e.file.includes('/angles/')));
      throw new ScaffoldError(
        'Fix the errors in the data tables above first: slugs are checked against them.',
      );
    }
    return createAngle(data, dataDir, {
      payer: await ask('Payer slug (omit for every payer)', values['payer'], true),
      item: await ask('Item slug (omit for every item)', values['item'], true),
      reason: await ask('Reason slug (omit for every reason)', values['reason'], true),
    });
  }
  if (what === 'payer') {
    const medical = await ask(
      'How medical prior-authorization requests reach this payer',
      values['medical-requests'],
      true,
    );
    const pharmacy = await ask('How pharmacy requests reach this payer', values['pharmacy-requests'], true);
    return appendRow(dataDir, 'payer', {
      slug: await ask('Slug (a-z, 0-9, hyphens)', values['slug']),
      name: await ask('Full name', values['name']),
      shortName: await ask('Short name used in titles', values['short-name']),
      planLines: (await ask(`Plan lines, comma-separated (${PLAN_LINES.join(', ')})`, values['plan-lines']))!
        .split(',')
        .map((s) => s.trim()),
      policyLibraries: [
        {
          name: await ask('Policy library name', values['policy-name']),
          url: await ask('Policy library https URL', values['policy-url']),
        },
      ],
      requests: { ...(medical && { medical }), ...(pharmacy && { pharmacy }) },
    });
  }
  if (what === 'item') {
    const kind = await ask(`Kind (${ITEM_KINDS.join(', ')})`, values['kind']);
    const evidence =
      kind === 'drug'
        ? {
            genericName: await ask('Generic name', values['generic-name']),
            benefit: await ask('Benefit (medical, pharmacy, medical-or-pharmacy)', values['benefit']),
            compendia: [],
          }
        : kind === 'test'
          ? { regulatoryStatus: 'varies', medicareCoverage: [], guidelines: [] }
          : kind === 'procedure'
            ? { codeSystem: 'CPT', criteriaSets: [], guidelines: [] }
            : { regulatoryStatus: 'varies', benefit: values['benefit'] ?? 'dme', medicareCoverage: [] };
    return appendRow(dataDir, 'item', {
      slug: await ask('Slug (a-z, 0-9, hyphens)', values['slug']),
      name: await ask('Name as people search it', values['name']),
      kind,
      class: await ask('Class or category', values['class']),
      specialty: await ask('Specialty', values['specialty']),
      evidence,
    });
  }
  throw new ScaffoldError(`Unknown kind "${what}": use angle, payer or item.`);
}

try {
  const written = await main();
  process.stdout.write(
    `created ${path.relative(root, written)}\nNext: fill it in, then run npm run check.\n`,
  );
} catch (e) {
  if (!(e instanceof ScaffoldError)) throw e;
  process.stderr.write(`new: ${e.message}\n`);
  process.exitCode = 1;
} finally {
  rl.close();
}
