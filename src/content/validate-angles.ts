// Checks one angle: its frontmatter against the schema, its compiled body against the angle rules, and every
// reference it makes (payer, item and reason slugs, reviewer, facts), plus its length and review date.
import { didYouMean } from '../errors/did-you-mean.ts';
import { factUseErrors } from './fact-uses.ts';
import { createError, type DataError } from '../errors/data-error.ts';
import {
  angleFrontmatterSchema,
  type AngleFrontmatter,
  type Fact,
  type Item,
  type Reason,
  type Site,
} from '../schema/index.ts';
import { compileAngle, type CompiledAngle } from './angle-compile.ts';
import type { LoadedAngle } from './load.ts';
import { issuesToErrors } from './schema-issues.ts';
import { checkDate } from './validate-tables.ts';
import { fileStart, locate, type YamlSource } from './yaml-source.ts';

export type AngleKey = 'payer' | 'item' | 'reason';
export const ANGLE_KEYS: readonly AngleKey[] = ['payer', 'item', 'reason'];

export interface Angle extends AngleFrontmatter {
  file: string;
  hash: string;
  compiled: CompiledAngle;
}

/** What an angle is checked against. `slugsOf` holds every slug written in a table (undefined: unreadable). */
export interface AngleContext {
  slugsOf: Record<AngleKey, string[] | undefined>;
  items: readonly Item[];
  reasons: readonly Reason[];
  /** Undefined when data/facts.yaml could not be read, so fact ids are not checked. */
  facts: ReadonlyMap<string, Fact> | undefined;
  site: Site | undefined;
  today: string;
}

const TABLE_OF: Record<AngleKey, string> = {
  payer: 'data/payers.yaml',
  item: 'data/items.yaml',
  reason: 'data/reasons.yaml',
};

/** The frontmatter's references: slugs, reviewer, review date, and that its reason applies to its item. */
function checkReferences(
  fm: YamlSource,
  data: AngleFrontmatter,
  ctx: AngleContext,
  file: string,
): DataError[] {
  const errors: DataError[] = [];
  if (!ANGLE_KEYS.some((k) => data[k]))
    errors.push(
      createError('EmptyAngle', fileStart(file, 1), { message: 'None of payer, item or reason is set.' }),
    );
  for (const key of ANGLE_KEYS) {
    const value = data[key];
    const known = ctx.slugsOf[key];
    if (!value || !known || known.includes(value)) continue;
    errors.push(
      createError('UnknownSlug', locate(fm, [key]), {
        field: key,
        message: `"${value}" is not ${key === 'item' ? 'an' : 'a'} ${key} slug in ${TABLE_OF[key]}.`,
        hint: didYouMean(value, known, `Use a slug from ${TABLE_OF[key]}.`),
        refersTo: `${key}:${value}`,
      }),
    );
  }
  const reviewerIds = ctx.site?.editorial.reviewers.map((r) => r.id) ?? [];
  if (ctx.site && !reviewerIds.includes(data.reviewedBy)) {
    errors.push(
      createError('UnknownSlug', locate(fm, ['reviewedBy']), {
        field: 'reviewedBy',
        message: `"${data.reviewedBy}" is not a reviewer id in data/site.yaml (editorial.reviewers).`,
        hint: didYouMean(data.reviewedBy, reviewerIds, 'Use a reviewer id from data/site.yaml.'),
      }),
    );
  }
  checkDate(data.reviewed, ctx.today, locate(fm, ['reviewed']), 'reviewed', errors);
  const item = ctx.items.find((i) => i.slug === data.item);
  const reason = ctx.reasons.find((r) => r.slug === data.reason);
  if (item && reason && !reason.appliesTo.includes(item.kind)) {
    errors.push(
      createError('InapplicableAngle', locate(fm, ['reason']), {
        field: 'reason',
        message: `"${reason.slug}" applies to ${reason.appliesTo.join(', ')}, but "${item.slug}" is a ${item.kind}.`,
      }),
    );
  }
  return errors;
}

/** The compiled body's fact ids and its length. */
function checkBody(
  compiled: CompiledAngle,
  ctx: AngleContext,
  file: string,
  bodyLine: number,
  payerItem: boolean,
): DataError[] {
  const errors: DataError[] = [];
  const facts = ctx.facts;
  if (facts)
    for (const use of compiled.factUses)
      errors.push(...factUseErrors(use, facts, { file, line: use.line, column: use.column }));
  if (ctx.site) {
    // A payer × item note says what one policy says, so it has its own, shorter range.
    const { min, max } = payerItem ? ctx.site.angleWords.payerItem : ctx.site.angleWords;
    if (compiled.words < min || compiled.words > max) {
      errors.push(
        createError(
          'AngleLength',
          { file, line: bodyLine, column: 1 },
          { message: `The angle has ${compiled.words} words; the allowed range is ${min}–${max}.` },
        ),
      );
    }
  }
  return errors;
}

/** One angle, checked; the angle itself only when it has no error. */
const isPayerItem = (
  fm: { payer?: string | undefined; item?: string | undefined; reason?: string | undefined } | undefined,
) => Boolean(fm?.payer && fm.item && !fm.reason);

export async function validateAngle(
  loaded: LoadedAngle,
  ctx: AngleContext,
): Promise<{ angle?: Angle; errors: DataError[] }> {
  const { file, frontmatter: fm } = loaded;
  if (!fm) {
    const hint =
      'Start the file with --- on line 1, then payer/item/reason, reviewedBy, reviewed and sources, then ---.';
    return {
      errors: [
        createError('MissingField', fileStart(file), {
          message: 'The angle has no frontmatter block.',
          hint,
        }),
      ],
    };
  }
  // A frontmatter the YAML parser refused was reported when it was loaded; nothing in it can be checked.
  if (fm.doc.errors.length) return { errors: [] };
  const parsed = angleFrontmatterSchema.safeParse(fm.doc.toJS() ?? {});
  const compiled = await compileAngle(file, loaded.body, loaded.bodyLine, loaded.hash);
  const errors = [
    ...(parsed.success ? [] : issuesToErrors(fm, angleFrontmatterSchema, parsed.error.issues)),
    ...compiled.errors,
    ...(parsed.success ? checkReferences(fm, parsed.data, ctx, file) : []),
    ...(compiled.angle
      ? checkBody(compiled.angle, ctx, file, loaded.bodyLine, isPayerItem(parsed.data))
      : []),
  ];
  if (!parsed.success || !compiled.angle || errors.some((e) => e.severity === 'error')) return { errors };
  return { angle: { ...parsed.data, file, hash: loaded.hash, compiled: compiled.angle }, errors };
}
