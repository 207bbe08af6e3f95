// Which rules hold on a page: the payer's plan lines that cover the item (Part D only for pharmacy drugs, Medicare
// Advantage's own rules only for the medical side), the item's kind and the benefit that pays for it. A fact is
// shown on a page only when its `appliesTo` meets this scope.
import type { Benefit, Fact, Item, ItemKind, Payer, PlanLine, PlanLineInfo, Scope } from '../schema/index.ts';

export interface PageScope {
  /** The payer's plan lines whose rules reach this item, in the payer's order. */
  lines: PlanLine[];
  kind: ItemKind;
  benefits: Benefit[];
}

/** The benefits that can pay for an item: a clinic-given drug the medical one, a pharmacy drug the pharmacy one. */
export function itemBenefits(item: Item): Benefit[] {
  if (item.kind === 'drug')
    return item.evidence.benefit === 'medical-or-pharmacy'
      ? ['medical', 'pharmacy']
      : [item.evidence.benefit];
  if (item.kind === 'device') {
    const benefit = item.evidence.benefit;
    if (benefit === 'pharmacy') return ['pharmacy'];
    return benefit === 'dme-or-pharmacy' ? ['medical', 'pharmacy'] : ['medical'];
  }
  return ['medical'];
}

const meets = <T>(allowed: readonly T[] | undefined, present: readonly T[]) =>
  !allowed || allowed.some((value) => present.includes(value));

export function pageScope(
  payer: Pick<Payer, 'planLines'>,
  item: Item,
  planLines: readonly PlanLineInfo[],
): PageScope {
  const kind = item.kind;
  const benefits = itemBenefits(item);
  const info = new Map(planLines.map((line) => [line.id, line]));
  const lines = payer.planLines.filter((line) => {
    const covers = info.get(line)?.covers;
    return meets(covers?.kinds, [kind]) && meets(covers?.benefits, benefits);
  });
  return { lines, kind, benefits };
}

/**
 * The scope of every page of one payer about one kind of item, whichever benefit pays for it: what a payer's hub
 * shows for that kind.
 */
export function kindScope(
  payer: Pick<Payer, 'planLines'>,
  kind: ItemKind,
  planLines: readonly PlanLineInfo[],
): PageScope {
  // As itemBenefits(): tests and procedures are medical; drugs and devices may be either.
  const benefits: Benefit[] = kind === 'test' || kind === 'procedure' ? ['medical'] : ['medical', 'pharmacy'];
  const info = new Map(planLines.map((line) => [line.id, line]));
  const lines = payer.planLines.filter((line) => {
    const covers = info.get(line)?.covers;
    return meets(covers?.kinds, [kind]) && meets(covers?.benefits, benefits);
  });
  return { lines, kind, benefits };
}

/** Whether a rule scoped to `applies` holds on a page with `scope`. */
export function holdsOn(applies: Scope, scope: PageScope): boolean {
  return (
    meets(applies.planLines, scope.lines) &&
    meets(applies.kinds, [scope.kind]) &&
    meets(applies.benefits, scope.benefits)
  );
}

export function factHolds(fact: Pick<Fact, 'appliesTo'>, scope: PageScope): boolean {
  return holdsOn(fact.appliesTo, scope);
}

/** A short key of everything scope depends on, to check each distinct scope once. */
export function scopeKey(scope: PageScope): string {
  return `${scope.lines.join(',')}|${scope.kind}|${scope.benefits.join(',')}`;
}
