// `npm run new -- payer|item`: appends a validated row to data/payers.yaml or data/items.yaml, keeping the
// file's comments and layout. The row is checked with the same zod schema the build uses.
import { appendFile, readFile } from 'node:fs/promises';
import path from 'node:path';
import { stringify } from 'yaml';
import type { z } from 'zod';
import { itemSchema, payerSchema } from '../schema/index.ts';
import { ScaffoldError } from './new-angle.ts';

export const ROW_TABLES = {
  payer: { file: 'payers.yaml', schema: payerSchema },
  item: { file: 'items.yaml', schema: itemSchema },
} as const;
export type RowKind = keyof typeof ROW_TABLES;

function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues.map((i) => `  ${i.path.join('.') || '(row)'}: ${i.message}`).join('\n');
}

export async function appendRow(
  dataDir: string,
  kind: RowKind,
  row: Record<string, unknown>,
): Promise<string> {
  const { file, schema } = ROW_TABLES[kind];
  const parsed = schema.safeParse(row);
  if (!parsed.success)
    throw new ScaffoldError(`The new ${kind} is not valid:\n${describeIssues(parsed.error.issues)}`);
  const target = path.join(dataDir, file);
  const existing = await readFile(target, 'utf8');
  const slugs = [...existing.matchAll(/^- slug: (\S+)/gm)].map((m) => m[1]);
  if (slugs.includes(parsed.data.slug)) {
    throw new ScaffoldError(
      `${file} already has a ${kind} with slug "${parsed.data.slug}"; nothing was written.`,
    );
  }
  const text = stringify([row], { lineWidth: 110 });
  await appendFile(target, `${existing.endsWith('\n') ? '' : '\n'}${text}`);
  return target;
}
