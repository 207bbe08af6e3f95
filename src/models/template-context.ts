// What the page templates see: the payer, item and reason with their sentence forms, flags for the payer's plan
// lines and the item's kind, and the checkout settings. Templates decide wording from these flags.
import type { ValidData } from '../content/validate.ts';
import type { Combination } from '../plan/join.ts';
import type { Item, Payer, PlanLine } from '../schema/index.ts';

const LINE_FLAGS = {
  commercial: 'commercial',
  employerSelfFunded: 'employer-self-funded',
  marketplace: 'marketplace',
  medicareAdvantage: 'medicare-advantage',
  partD: 'part-d',
  medicaidManagedCare: 'medicaid-managed-care',
  fehb: 'fehb',
} as const;

/** Which request route applies: the pharmacy benefit for pharmacy drugs and devices, otherwise the medical one. */
export function requestRoute(payer: Payer, item: Item): string | null {
  const benefit = item.kind === 'drug' || item.kind === 'device' ? item.evidence.benefit : 'medical';
  const routes =
    benefit === 'pharmacy'
      ? [payer.requests.pharmacy]
      : benefit === 'medical' || benefit === 'dme'
        ? [payer.requests.medical]
        : [payer.requests.medical, payer.requests.pharmacy];
  const known = routes.filter((r): r is string => Boolean(r));
  return known.length ? known.join(' ') : null;
}

/** A name as it reads mid-sentence: common nouns lose their capital ("tumor genomic profiling"), brands and acronyms keep it. */
export function nameInSentence(name: string, properNoun: boolean): string {
  return properNoun || !/^[A-Z][a-z]/.test(name) ? name : name[0]!.toLowerCase() + name.slice(1);
}

const LINE_NAMES: Record<PlanLine, string> = {
  commercial: 'employer and individual plans',
  'employer-self-funded': 'self-funded employer plans',
  marketplace: 'Marketplace plans',
  'medicare-advantage': 'Medicare Advantage plans',
  'part-d': 'Medicare Part D drug plans',
  'medicaid-managed-care': 'Medicaid managed care plans',
  fehb: 'plans for federal employees (FEHB)',
};

/** "runs employer and individual plans and Medicare Advantage plans"; a PBM "manages drug benefits for …". */
export function linesInSentence(payer: Payer, kind: Item['kind']): string {
  // Part D covers drugs only, so it is not named on other pages.
  const names = payer.planLines.filter((l) => l !== 'part-d' || kind === 'drug').map((l) => LINE_NAMES[l]);
  const list = names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : (names[0] ?? '');
  const pbm = payer.kinds.length === 1 && payer.kinds[0] === 'drug';
  return `${pbm ? 'manages drug benefits for' : 'runs'} ${list}`;
}

/** Who does the paperwork for each kind of item, as the templates name them. */
const KIND_ROLE: Record<Item['kind'], { helper: string }> = {
  drug: { helper: 'the prescriber' },
  test: { helper: 'the ordering doctor' },
  procedure: { helper: "the surgeon's office" },
  device: { helper: 'the prescriber and the supplier' },
};

const camel = (slug: string) => slug.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());

export function templateContext(data: ValidData, combo: Combination) {
  const { payer, item, reason, itemAngle } = combo;
  const lines = Object.fromEntries(
    Object.entries(LINE_FLAGS).map(([flag, line]) => [flag, payer.planLines.includes(line)]),
  ) as Record<keyof typeof LINE_FLAGS, boolean>;
  const kind = {
    drug: item.kind === 'drug',
    test: item.kind === 'test',
    procedure: item.kind === 'procedure',
    device: item.kind === 'device',
  };
  const category = Object.fromEntries(
    ['tumor-molecular', 'germline-genetic', 'imaging', 'sleep'].map((c) => [
      camel(c),
      item.kind === 'test' && item.evidence.category === c,
    ]),
  );
  return {
    payer: { ...payer, linesInSentence: linesInSentence(payer, item.kind) },
    angle: { hook: itemAngle?.hook ?? '' },
    reasonIs: Object.fromEntries(data.reasons.map((r) => [camel(r.slug), r.slug === reason.slug])),
    category,
    kindRole: KIND_ROLE[item.kind],
    item: { ...item, inSentence: nameInSentence(item.name, item.kind === 'drug' || item.kind === 'device') },
    reason: { ...reason, inSentence: nameInSentence(reason.name, false) },
    requestRoute: requestRoute(payer, item),
    site: { brand: data.site.brand, checkout: data.site.checkout },
    lines: {
      ...lines,
      employerOrAca: lines.commercial || lines.employerSelfFunded || lines.marketplace,
      partDForDrug: lines.partD && kind.drug,
      /** Plan types under the federal prior-authorization rule, which leaves drugs out. */
      cms0057: !kind.drug && (lines.medicareAdvantage || lines.medicaidManagedCare || lines.marketplace),
    },
    kind,
    hasFullAngle: Boolean(itemAngle && itemAngle.payer && itemAngle.reason),
    /** A payer × reason angle explains the payer's request route itself, so the template need not repeat it. */
    hasPayerAngle: Boolean(combo.payerAngle?.payer && combo.payerAngle.reason),
  };
}
