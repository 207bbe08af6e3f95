// `npm run new -- angle`: a new angle file with the right frontmatter for a payer × item × reason (or a wider
// layer), after checking the slugs against the data. Never overwrites a file.
import { access, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { didYouMean } from '../errors/did-you-mean.ts';
import type { ValidData } from '../content/validate.ts';

export interface AngleRequest {
  payer?: string | undefined;
  item?: string | undefined;
  reason?: string | undefined;
}

export class ScaffoldError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ScaffoldError';
  }
}

/** Conventional location of an angle, by layer. */
export function anglePath(req: AngleRequest): string {
  const keys = [req.payer, req.item, req.reason].filter(Boolean).join('--');
  const layer =
    req.payer && req.item && req.reason
      ? 'full'
      : [req.payer && 'payer', req.item && 'item', req.reason && 'reason'].filter(Boolean).join('-');
  return `angles/${layer}/${keys}.mdx`;
}

export function validateAngleRequest(data: ValidData, req: AngleRequest): void {
  if (!req.payer && !req.item && !req.reason) {
    throw new ScaffoldError('Name at least one of --payer, --item or --reason.');
  }
  const tables = { payer: data.payers, item: data.items, reason: data.reasons } as const;
  for (const key of ['payer', 'item', 'reason'] as const) {
    const value = req[key];
    const slugs = tables[key].map((row) => row.slug);
    if (value && !slugs.includes(value)) {
      throw new ScaffoldError(
        `"${value}" is not ${key === 'item' ? 'an' : 'a'} ${key} slug. ${didYouMean(value, slugs, `Known: ${slugs.join(', ')}.`)}`,
      );
    }
  }
  const item = data.items.find((i) => i.slug === req.item);
  const reason = data.reasons.find((r) => r.slug === req.reason);
  if (item && reason && !reason.appliesTo.includes(item.kind)) {
    throw new ScaffoldError(
      `"${reason.slug}" does not apply to a ${item.kind}, so no page would use this angle.`,
    );
  }
  const same = data.angles.find(
    (a) => a.payer === req.payer && a.item === req.item && a.reason === req.reason,
  );
  if (same) throw new ScaffoldError(`${same.file} already covers this combination; edit it instead.`);
}

export function angleTemplate(data: ValidData, req: AngleRequest): string {
  const payer = data.payers.find((p) => p.slug === req.payer);
  const item = data.items.find((i) => i.slug === req.item);
  const reason = data.reasons.find((r) => r.slug === req.reason);
  const reviewer = data.site.editorial.reviewers[0]!;
  const who = payer?.shortName ?? 'the payer';
  const what = item?.name ?? 'this item';
  const why = reason?.name.toLowerCase() ?? 'this reason';
  const frontmatter = [
    '---',
    ...(req.payer ? [`payer: ${req.payer}`] : []),
    ...(req.item ? [`item: ${req.item}`] : []),
    ...(req.reason ? [`reason: ${req.reason}`] : []),
    `reviewedBy: ${reviewer.id}`,
    '# Set `reviewed` to the day you actually check this angle against its sources (YYYY-MM-DD).',
    'reviewed: TODO',
    'sources: []',
    '---',
  ];
  const { min, max } = data.site.angleWords;
  return `${frontmatter.join('\n')}

## Why ${who} denies ${what} for ${why}

TODO: ${min}–${max} words in your own words. What ${who}'s policy asks for here, and why requests fail.

## What answers it

TODO: the evidence that answers this denial for this kind of item. State every deadline or right through a
Fact, Value or Cite component with an id from data/facts.yaml (see docs/editing.md), never as typed numbers.
`;
}

/** Writes the scaffold; returns its project-relative path. */
export async function createAngle(data: ValidData, dataDir: string, req: AngleRequest): Promise<string> {
  validateAngleRequest(data, req);
  const target = path.join(dataDir, anglePath(req));
  const exists = await access(target).then(
    () => true,
    () => false,
  );
  if (exists) throw new ScaffoldError(`${target} already exists; nothing was written.`);
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(target, angleTemplate(data, req), { flag: 'wx' });
  return target;
}
