// What `check` (and every build) verifies by rendering, before any page is written: that no template sentence
// and no angle states a rule on a page where it does not hold. Each distinct page scope is rendered once, and a
// rule out of place is reported at the template's or angle's fact use, naming a page where it would show.
import { TemplateRenderError, type HtmlTemplateName, type TextTemplateName } from '../content/templates.ts';
import { HTML_TEMPLATES } from '../content/templates.ts';
import { createError, type DataError } from '../errors/data-error.ts';
import { renderAngleBody } from '../html/angle-render.ts';
import type { CheckedSite } from '../plan/check-site.ts';
import type { Combination } from '../plan/join.ts';
import { pageScope, scopeKey, type PageScope } from '../plan/page-scope.ts';
import { Citations, FactOutOfScopeError } from './citations.ts';
import { hubTemplateUses } from './hub-models.ts';
import { templateContext } from './template-context.ts';

type ValidAngle = CheckedSite['data']['angles'][number];

function outOfScope(e: unknown): FactOutOfScopeError | undefined {
  for (let cause: unknown = e; cause; cause = (cause as { cause?: unknown }).cause)
    if (cause instanceof FactOutOfScopeError) return cause;
  return undefined;
}

function describeScope(combo: Combination, scope: PageScope): string {
  const lines = scope.lines.join(', ') || 'no plan line';
  return `${combo.path} (${combo.payer.slug} runs ${lines} for this ${scope.kind})`;
}

/** Every angle, in each distinct scope it is shown in; one error per angle and fact. */
function auditAngles(site: CheckedSite, scopes: Map<Combination, PageScope>): DataError[] {
  const shownOn = new Map<ValidAngle, Combination[]>();
  for (const combo of site.join.combinations)
    for (const angle of [combo.itemAngle, combo.payerAngle])
      if (angle) shownOn.set(angle, [...(shownOn.get(angle) ?? []), combo]);
  const errors: DataError[] = [];
  for (const [angle, combos] of shownOn) {
    const reported = new Set<string>();
    const seen = new Set<string>();
    for (const combo of combos) {
      const scope = scopes.get(combo)!;
      const key = scopeKey(scope);
      if (seen.has(key)) continue;
      seen.add(key);
      try {
        renderAngleBody(
          angle.compiled,
          new Citations(site.data.facts, scope, site.data.planLines).components(),
        );
      } catch (e) {
        const wrong = outOfScope(e);
        if (!wrong) throw e;
        if (reported.has(wrong.factId)) continue;
        reported.add(wrong.factId);
        errors.push(angleError(angle, wrong, describeScope(combo, scope)));
      }
    }
  }
  return errors;
}

function angleError(angle: ValidAngle, wrong: FactOutOfScopeError, where: string): DataError {
  const use = angle.compiled.factUses.find((u) => u.id === wrong.factId) ?? { line: 1, column: 1 };
  return createError(
    'FactOutOfScope',
    { file: angle.file, line: use.line, column: use.column },
    { message: `This angle states "${wrong.factId}" on ${where}: ${wrong.message}.` },
  );
}

/** Every HTML template, once per distinct set of inputs a citation could depend on. */
function auditTemplates(site: CheckedSite, scopes: Map<Combination, PageScope>): DataError[] {
  const errors: DataError[] = [];
  const reported = new Set<string>();
  const seen = new Set<string>();
  for (const combo of site.join.combinations) {
    const scope = scopes.get(combo)!;
    const key = [
      combo.payer.slug,
      combo.reason.slug,
      scopeKey(scope),
      JSON.stringify(combo.item.evidence),
      Boolean(combo.payerAngle?.payer && combo.payerAngle.reason),
      Boolean(combo.itemAngle?.payer && combo.itemAngle.reason),
    ].join('|');
    if (seen.has(key)) continue;
    seen.add(key);
    const context = templateContext(site.data, combo, scope);
    for (const name of PAGE_TEXT_TEMPLATES) {
      const problem = auditText(site, name, context, combo.path);
      if (problem && !reported.has(problem.file)) errors.push(problem);
      if (problem) reported.add(problem.file);
    }
    for (const name of HTML_TEMPLATES as readonly HtmlTemplateName[]) {
      if (name.startsWith('requirements/') && name !== `requirements/${combo.item.kind}`) continue;
      try {
        site.templates.renderHtml(name, context, new Citations(site.data.facts, scope, site.data.planLines));
      } catch (e) {
        if (!(e instanceof TemplateRenderError)) throw e;
        const wrong = outOfScope(e);
        if (!wrong) {
          if (!reported.has(e.file)) errors.push(templateError(e, combo.path));
          reported.add(e.file);
          continue;
        }
        const id = `${e.file}|${wrong.factId}`;
        if (reported.has(id)) continue;
        reported.add(id);
        const use = site.templates.factUses.find((u) => u.file === e.file && u.id === wrong.factId);
        errors.push(
          createError('FactOutOfScope', use ?? { file: e.file, line: 1, column: 1 }, {
            message: `This template states "${wrong.factId}" on ${describeScope(combo, scope)}: ${wrong.message}.`,
          }),
        );
      }
    }
  }
  return errors;
}

/** A template that fails to render (strict mode: a field it names does not exist), at the line Handlebars names. */
function templateError(e: TemplateRenderError, path: string): DataError {
  const cause = (e.cause as Error | undefined)?.message ?? e.message;
  const at = / - (\d+):(\d+)/.exec(cause);
  const location = { file: e.file, line: Number(at?.[1] ?? 1), column: Number(at?.[2] ?? 0) + 1 };
  return createError('TemplateError', location, {
    message: `Rendering ${path} failed: ${cause.split('\n')[0]!.replace(/ - \d+:\d+$/, '')}`,
  });
}

/** The text templates of a guide page; each must write something on every page. */
const PAGE_TEXT_TEMPLATES = ['title', 'description', 'cta-button'] as const satisfies TextTemplateName[];

/** A text template that fails, or writes nothing, with this context. */
function auditText(site: CheckedSite, name: TextTemplateName, context: object, path: string) {
  try {
    if (site.templates.renderText(name, context)) return undefined;
    return createError(
      'TemplateEmpty',
      { file: site.templates.fileOf(name), line: 1, column: 1 },
      { message: `On ${path} this template writes nothing, so the page would have an empty ${name}.` },
    );
  } catch (e) {
    if (!(e instanceof TemplateRenderError)) throw e;
    return templateError(e, path);
  }
}

/** Every hub's title and description, rendered as the build renders them. */
function auditHubTemplates(site: CheckedSite): DataError[] {
  const errors: DataError[] = [];
  const reported = new Set<string>();
  for (const use of hubTemplateUses(site.data))
    for (const name of [`hubs/${use.kind}-title`, `hubs/${use.kind}-description`] as const) {
      const problem = auditText(site, name, use.context, use.path);
      if (problem && !reported.has(problem.file)) errors.push(problem);
      if (problem) reported.add(problem.file);
    }
  return errors;
}

export function auditContent(site: CheckedSite): DataError[] {
  const scopes = new Map(
    site.join.combinations.map((c) => [c, pageScope(c.payer, c.item, site.data.planLines)] as const),
  );
  return [...auditAngles(site, scopes), ...auditTemplates(site, scopes), ...auditHubTemplates(site)];
}
