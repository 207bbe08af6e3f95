// The trust pages (data/pages/{slug}.md): each one's frontmatter against its schema, its Markdown body against the
// angle rules (no raw HTML, no scripts, https or site-relative links only, headings in order), its reviewer and
// review date, the facts it cites; and that every page site.yaml's footer links to exists.
import path from 'node:path';
import { createError, type DataError } from '../errors/data-error.ts';
import { didYouMean } from '../errors/did-you-mean.ts';
import { pageFrontmatterSchema, type Fact, type PageFrontmatter, type Site } from '../schema/index.ts';
import { compileAngle, type CompiledAngle } from './angle-compile.ts';
import { factUseErrors } from './fact-uses.ts';
import type { LoadedAngle } from './load.ts';
import { issuesToErrors } from './schema-issues.ts';
import { checkDate } from './validate-tables.ts';
import { fileStart, locate, type YamlSource } from './yaml-source.ts';

export interface TrustPage extends PageFrontmatter {
  slug: string;
  file: string;
  compiled: CompiledAngle;
}

interface PageContext {
  site: Site | undefined;
  facts: ReadonlyMap<string, Fact> | undefined;
  today: string;
}

async function validatePage(
  loaded: LoadedAngle,
  ctx: PageContext,
): Promise<{ page?: TrustPage; errors: DataError[] }> {
  const { file, frontmatter: fm } = loaded;
  if (!fm)
    return {
      errors: [
        createError('MissingField', fileStart(file), {
          message: 'The page has no frontmatter block.',
          hint: 'Start the file with --- on line 1, then title, description, reviewedBy and reviewed, then ---.',
        }),
      ],
    };
  if (fm.doc.errors.length) return { errors: [] }; // reported when it was loaded
  const parsed = pageFrontmatterSchema.safeParse(fm.doc.toJS() ?? {});
  const compiled = await compileAngle(file, loaded.body, loaded.bodyLine, loaded.hash);
  const errors = [
    ...(parsed.success ? [] : issuesToErrors(fm, pageFrontmatterSchema, parsed.error.issues)),
    ...compiled.errors,
    ...(parsed.success ? checkReferences(fm, parsed.data, ctx) : []),
    ...(compiled.angle && ctx.facts
      ? compiled.angle.factUses.flatMap((use) =>
          factUseErrors(use, ctx.facts!, { file, line: use.line, column: use.column }),
        )
      : []),
  ];
  if (!parsed.success || !compiled.angle || errors.some((e) => e.severity === 'error')) return { errors };
  const slug = path.basename(file, '.md');
  return { page: { ...parsed.data, slug, file, compiled: compiled.angle }, errors };
}

function checkReferences(fm: YamlSource, data: PageFrontmatter, ctx: PageContext): DataError[] {
  const errors: DataError[] = [];
  const reviewerIds = ctx.site?.editorial.reviewers.map((r) => r.id) ?? [];
  if (ctx.site && !reviewerIds.includes(data.reviewedBy))
    errors.push(
      createError('UnknownSlug', locate(fm, ['reviewedBy']), {
        field: 'reviewedBy',
        message: `"${data.reviewedBy}" is not a reviewer id in data/site.yaml (editorial.reviewers).`,
        hint: didYouMean(data.reviewedBy, reviewerIds, 'Use a reviewer id from data/site.yaml.'),
      }),
    );
  checkDate(data.reviewed, ctx.today, locate(fm, ['reviewed']), 'reviewed', errors);
  return errors;
}

/** Every trust page, checked; and an error at site.yaml's footer entry for each page that has no file. */
export async function validatePages(
  loaded: readonly LoadedAngle[],
  ctx: PageContext,
  siteSource: YamlSource | undefined,
): Promise<{ pages: TrustPage[]; errors: DataError[] }> {
  const results = await Promise.all(loaded.map((page) => validatePage(page, ctx)));
  const pages = results.flatMap((r) => (r.page ? [r.page] : []));
  const errors = results.flatMap((r) => r.errors);
  const written = new Set(loaded.map((p) => path.basename(p.file, '.md')));
  ctx.site?.trustPages.forEach((link, i) => {
    if (written.has(link.slug)) return;
    errors.push(
      createError(
        'TrustPageMissing',
        siteSource ? locate(siteSource, ['trustPages', i, 'slug']) : fileStart('data/site.yaml'),
        {
          field: `trustPages › ${link.slug}`,
          message: `Every page's footer links to /${link.slug}/, but data/pages/${link.slug}.md does not exist.`,
        },
      ),
    );
  });
  for (const page of loaded) {
    const slug = path.basename(page.file, '.md');
    if (ctx.site && !ctx.site.trustPages.some((l) => l.slug === slug))
      errors.push(
        createError('TrustPageUnlisted', fileStart(page.file), {
          severity: 'warning',
          message: `${page.file} is built at /${slug}/, but no footer links to it.`,
        }),
      );
  }
  return { pages, errors };
}
