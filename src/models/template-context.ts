// What the page templates see: the payer, item and reason with their sentence forms, flags for the plan lines
// whose rules reach this page and for the item's kind, the payer's policy library for this kind of item, and the
// checkout settings. Templates decide wording from these flags; sentences that state a rule use {{#ifRule}}.
import type { ValidData } from '../content/validate.ts';
import type { Combination } from '../plan/join.ts';
import { STATES_PATH } from '../plan/urls.ts';
import type { PageScope } from '../plan/page-scope.ts';
import type { Item, Payer, PlanLine, PlanLineInfo, PolicyLibrary } from '../schema/index.ts';

const camel = (slug: string) => slug.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/** Which request route applies: the pharmacy benefit for pharmacy drugs and devices, otherwise the medical one. */
export function requestRoute(payer: Payer, scope: PageScope): string | null {
  const routes = scope.benefits.map((b) => payer.requests[b]);
  const known = routes.filter((r): r is string => Boolean(r));
  return known.length ? known.join(' ') : null;
}

/** A name as it reads mid-sentence: common nouns lose their capital ("tumor genomic profiling"), brands and acronyms keep it. */
export function nameInSentence(name: string, properNoun: boolean): string {
  return properNoun || !/^[A-Z][a-z]/.test(name) ? name : name[0]!.toLowerCase() + name.slice(1);
}

/** "a, b and c". */
export function listInSentence(names: readonly string[]): string {
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : (names[0] ?? '');
}

/**
 * "runs insured employer plans and Medicare Advantage plans"; a PBM "manages drug benefits for …". Only the lines
 * whose rules reach this item are named (Part D only on pharmacy drug pages).
 */
export function linesInSentence(
  payer: Payer,
  lines: readonly PlanLine[],
  planLines: readonly PlanLineInfo[],
): string {
  const names = lines.map((l) => planLines.find((p) => p.id === l)?.inSentence ?? l);
  const pbm = payer.kinds.length === 1 && payer.kinds[0] === 'drug';
  return `${pbm ? 'manages drug benefits for' : 'runs'} ${listInSentence(names)}`;
}

/** The payer's first policy library that fits this page (kind, benefit, plan line); libraries are most specific first. */
export function policyLibraryFor(payer: Payer, scope: PageScope): PolicyLibrary | undefined {
  return payer.policyLibraries.find(
    (lib) =>
      (!lib.kinds || lib.kinds.includes(scope.kind)) &&
      (!lib.benefits || lib.benefits.some((b) => scope.benefits.includes(b))) &&
      (!lib.planLines || lib.planLines.some((l) => scope.lines.includes(l))),
  );
}

/** Who does the paperwork for each kind of item, as the templates name them. */
const KIND_ROLE: Record<Item['kind'], { helper: string }> = {
  drug: { helper: 'the prescriber' },
  test: { helper: 'the ordering doctor' },
  procedure: { helper: "the surgeon's office" },
  device: { helper: 'the prescriber and the supplier' },
};

export function templateContext(data: ValidData, combo: Combination, scope: PageScope) {
  const { payer, item, reason, itemAngle } = combo;
  const kind = Object.fromEntries(['drug', 'test', 'procedure', 'device'].map((k) => [k, item.kind === k]));
  const category = Object.fromEntries(
    ['tumor-molecular', 'germline-genetic', 'imaging', 'sleep'].map((c) => [
      camel(c),
      item.kind === 'test' && item.evidence.category === c,
    ]),
  );
  return {
    payer: { ...payer, linesInSentence: linesInSentence(payer, scope.lines, data.planLines) },
    policyLibrary: policyLibraryFor(payer, scope) ?? null,
    angle: { hook: itemAngle?.hook ?? '' },
    reasonIs: Object.fromEntries(data.reasons.map((r) => [camel(r.slug), r.slug === reason.slug])),
    category,
    kindRole: KIND_ROLE[item.kind],
    item: { ...item, inSentence: nameInSentence(item.name, item.kind === 'drug' || item.kind === 'device') },
    reason: { ...reason, inSentence: nameInSentence(reason.name, false) },
    requestRoute: requestRoute(payer, scope),
    site: { brand: data.site.brand, checkout: data.site.checkout },
    /** Whether the promo code is printed on the page (site.yaml's checkout.promoCodeShown), not only sent along. */
    promoOnPage: data.site.checkout.promoCodeShown === 'page',
    links: { states: STATES_PATH },
    /** The plan lines whose rules reach this page. */
    lines: Object.fromEntries(data.planLines.map((l) => [camel(l.id), scope.lines.includes(l.id)])),
    benefit: { medical: scope.benefits.includes('medical'), pharmacy: scope.benefits.includes('pharmacy') },
    kind,
    hasFullAngle: Boolean(itemAngle && itemAngle.payer && itemAngle.reason),
    /** A payer × reason angle explains the payer's request route itself, so the template need not repeat it. */
    hasPayerAngle: Boolean(combo.payerAngle?.payer && combo.payerAngle.reason),
  };
}
