// A combination page as the uniqueness measure reads it: the visible text of its <main> (breadcrumb and guide, as
// blocks/guide-page.ts renders them for the layout), with its own payer's and item's names masked.
import { guideMainHtml } from '../blocks/guide-page.ts';
import { pagePhrases, type MeasuredPage, type PageNames } from '../measure/page-uniqueness.ts';
import type { PageModel } from '../models/page-model.ts';
import type { Combination } from '../plan/join.ts';
import type { Site } from '../schema/index.ts';

/** The names a page's payer and item go by: the payer's full and short name, the item's name and generic name. */
export function namesOf(combo: Combination): PageNames {
  const evidence = combo.item.evidence as { genericName?: string };
  return {
    payer: [combo.payer.name, combo.payer.shortName],
    item: [combo.item.name, ...(evidence.genericName ? [evidence.genericName] : [])],
  };
}

export function measuredPage(site: Site, combo: Combination, page: PageModel): MeasuredPage {
  return {
    path: combo.path,
    payer: combo.payer.slug,
    item: combo.item.slug,
    reason: combo.reason.slug,
    phrases: pagePhrases(guideMainHtml(site, page), namesOf(combo)),
  };
}
