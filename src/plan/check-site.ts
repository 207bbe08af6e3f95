// The site as checked data: load and validate every file, then join the matrix. What `npm run check` runs, and
// the first step of every build; it never renders.
import path from 'node:path';
import { checkFactUsage } from '../content/fact-usage.ts';
import { foldFollowOns } from '../content/follow-ons.ts';
import { loadData } from '../content/load.ts';
import { loadTemplates, type LoadedTemplates } from '../content/templates.ts';
import { validateData, type ValidateOptions, type ValidData } from '../content/validate.ts';
import { hasErrors, sortErrors, type DataError } from '../errors/data-error.ts';
import { joinData, type JoinResult } from './join.ts';

export interface PipelineOptions extends ValidateOptions {
  /** Project root; error paths are relative to it. */
  root: string;
  /** Defaults to <root>/data. */
  dataDir?: string;
  /** Defaults to <root>/templates. */
  templatesDir?: string;
}

export interface CheckedSite {
  data: ValidData;
  templates: LoadedTemplates;
  join: JoinResult;
}

export interface CheckResult {
  site?: CheckedSite;
  /** Errors and warnings, sorted by file, line and column. */
  errors: DataError[];
}

/** Load, validate and join without rendering: what `npm run check` runs. */
export async function checkSite(options: PipelineOptions): Promise<CheckResult> {
  const root = path.resolve(options.root);
  const dataDir = path.resolve(root, options.dataDir ?? 'data');
  const templatesDir = path.resolve(root, options.templatesDir ?? 'templates');
  const [loaded, loadedTemplates] = await Promise.all([
    loadData(root, dataDir),
    loadTemplates(root, templatesDir),
  ]);
  const { data, errors } = await validateData(loaded, options);
  errors.push(...loadedTemplates.errors);
  if (data && loadedTemplates.templates) {
    errors.push(...checkFactUsage(data, loadedTemplates.templates, loaded.tables.facts));
  }
  // Every reference error is in by now: each folds under the rejected entry it points at, if there is one.
  const ordered = foldFollowOns(errors);
  if (!data || !loadedTemplates.templates || hasErrors(ordered)) return { errors: sortErrors(ordered) };
  const join = joinData(data);
  ordered.push(...join.errors);
  if (hasErrors(ordered)) return { errors: sortErrors(ordered) };
  return { site: { data, templates: loadedTemplates.templates, join }, errors: sortErrors(ordered) };
}
