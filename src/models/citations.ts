// Numbers facts in the order a page first cites them, and prints the marker that links to the sources list.
// Templates (through their fact helpers) and angles (through <Fact>, <Value> and <Cite>) print facts with it.
// It knows the page's scope, so citing a rule that does not hold on the page is an error, never a page.
import type { FactMarkup } from '../content/template-helpers.ts';
import type { AngleComponents } from '../html/angle-render.ts';
import { escapeAttr, escapeHtml, safeUrl } from '../html/escape.ts';
import { trusted } from '../html/markup.ts';
import { factHolds, holdsOn, scopeKey, type PageScope } from '../plan/page-scope.ts';
import type { Fact, PlanLineInfo, TimeUnit } from '../schema/index.ts';

export class UnknownFactError extends Error {
  readonly factId: string;
  constructor(factId: string) {
    super(`Unknown fact id "${factId}"`);
    this.name = 'UnknownFactError';
    this.factId = factId;
  }
}

/** A page cited a fact whose appliesTo does not meet the page's scope (plan lines, kind, benefit). */
export class FactOutOfScopeError extends Error {
  readonly factId: string;
  constructor(fact: Fact, scope: PageScope) {
    const lines = fact.appliesTo.planLines.join(', ');
    super(
      `fact "${fact.id}" holds for ${lines}${fact.appliesTo.kinds ? ` (${fact.appliesTo.kinds.join(', ')})` : ''}, ` +
        `but this page is for ${scope.lines.join(', ') || 'no plan line'} (${scope.kind}, ${scope.benefits.join(' or ')} benefit)`,
    );
    this.name = 'FactOutOfScopeError';
    this.factId = fact.id;
  }
}

/** "180 calendar days", "4 months", "72 hours". */
export function amountText(amount: number, unit: TimeUnit): string {
  return `${amount} ${unit.replace('-', ' ')}`;
}

/** "a", "a or b", "a, b or c". */
function orList(names: readonly string[]): string {
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} or ${names.at(-1)}` : (names[0] ?? '');
}

/**
 * The fact's statement with "{plans}" printed as the plan lines it names that `scope` has (all of them without a
 * scope), each by its singular name, in the order of data/plan-lines.yaml.
 */
export function statementFor(fact: Fact, planLines: readonly PlanLineInfo[], scope?: PageScope): string {
  if (!fact.statement.includes('{plans}')) return fact.statement;
  return fact.statement.replaceAll('{plans}', plansFor(fact, planLines, scope));
}

/** "an employer plan or an individual or Marketplace plan": the fact's plan lines that `scope` has. */
export function plansFor(fact: Fact, planLines: readonly PlanLineInfo[], scope?: PageScope): string {
  const names = planLines
    .filter((l) => fact.appliesTo.planLines.includes(l.id) && (!scope || scope.lines.includes(l.id)))
    .map((l) => l.singular);
  return orList([...new Set(names)]);
}

export class Citations implements FactMarkup {
  private readonly order: string[];
  private readonly facts: ReadonlyMap<string, Fact>;
  private readonly scope: PageScope | undefined;
  private readonly planLines: readonly PlanLineInfo[];

  /** Without a scope (hubs, reports), every fact may be cited. */
  constructor(
    facts: ReadonlyMap<string, Fact>,
    scope?: PageScope,
    planLines: readonly PlanLineInfo[] = [],
    order: string[] = [],
  ) {
    this.facts = facts;
    this.scope = scope;
    this.planLines = planLines;
    this.order = order;
  }

  /**
   * The same numbering seen through another scope: a hub that shows a payer's angle once per kind of item numbers
   * its footnotes once, while each rendering shows only what holds for its kind.
   */
  rescoped(scope: PageScope): Citations {
    return new Citations(this.facts, scope, this.planLines, this.order);
  }

  get(id: string): Fact {
    const fact = this.facts.get(id);
    if (!fact) throw new UnknownFactError(id);
    return fact;
  }

  /** What decides which <IfRule> parts show: pages with equal keys render an angle alike. */
  scopeKey(): string {
    return this.scope ? scopeKey(this.scope) : '';
  }

  /** Whether the fact holds on this page. */
  holds(id: string): boolean {
    return !this.scope || factHolds(this.get(id), this.scope);
  }

  /** Footnote number of a fact on this page, assigned on first use. */
  number(id: string): number {
    const fact = this.get(id);
    if (this.scope && !factHolds(fact, this.scope)) throw new FactOutOfScopeError(fact, this.scope);
    let index = this.order.indexOf(id);
    if (index === -1) index = this.order.push(id) - 1;
    return index + 1;
  }

  marker(id: string): string {
    const n = this.number(id);
    const fact = this.get(id);
    return `<sup class="cite"><a href="#source-${n}" aria-label="Source ${n}: ${escapeHtml(fact.citation)}">[${n}]</a></sup>`;
  }

  /**
   * A short link to the fact's official source, in place of a numbered footnote: for a line that names where to
   * get help, whose reader wants the program's page itself. It must hold on the page, as a footnote must.
   */
  sourceLink(id: string): string {
    const fact = this.get(id);
    if (this.scope && !factHolds(fact, this.scope)) throw new FactOutOfScopeError(fact, this.scope);
    return ` <a class="cite" href="${escapeAttr(safeUrl(fact.url))}" data-fact="${escapeAttr(fact.id)}" aria-label="Source: ${escapeAttr(fact.citation)}">(source)</a>`;
  }

  /** The fact's statement as this page prints it ("{plans}" filled in for the page's payer). */
  text(id: string): string {
    return statementFor(this.get(id), this.planLines, this.scope);
  }

  plans(id: string): string {
    return plansFor(this.get(id), this.planLines, this.scope);
  }

  /** Statement of the fact followed by its marker. */
  statement(id: string): string {
    return `${escapeHtml(this.text(id))}${this.marker(id)}`;
  }

  /** "180 calendar days" followed by the marker; the statement when the fact has no amount. */
  value(id: string): string {
    const fact = this.get(id);
    if (fact.amount === undefined || fact.unit === undefined) return this.statement(id);
    return `${escapeHtml(amountText(fact.amount, fact.unit))}${this.marker(id)}`;
  }

  /** The angle components, printing into this page's numbering. */
  components(): AngleComponents {
    return {
      Fact: ({ id }) => trusted(this.statement(id)),
      Value: ({ id }) => trusted(this.value(id)),
      Cite: ({ id }) => trusted(this.marker(id)),
      IfRule: ({ id }) => this.holds(id),
      OnlyFor: (only) => {
        const scope = this.scope;
        if (!scope) return true;
        const list = (value?: string) => value?.split(/[\s,]+/).filter(Boolean);
        const kinds = list(only.kinds) as PageScope['kind'][] | undefined;
        const benefits = list(only.benefits) as PageScope['benefits'] | undefined;
        const lines = list(only.planLines) as PageScope['lines'] | undefined;
        return holdsOn(
          { planLines: lines ?? scope.lines, ...(kinds && { kinds }), ...(benefits && { benefits }) },
          scope,
        );
      },
    };
  }

  /** Facts cited so far, in footnote order. */
  used(): Fact[] {
    return this.order.map((id) => this.get(id));
  }

  /** Ids cited so far, in footnote order: with it, a fragment's markup is a function of its source. */
  state(): readonly string[] {
    return this.order;
  }

  /** Cites `ids` in order, as rendering a fragment that cites them would. */
  cite(ids: readonly string[]): void {
    for (const id of ids) this.number(id);
  }
}
