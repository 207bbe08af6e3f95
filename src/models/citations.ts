// Numbers facts in the order a page first cites them, and prints the marker that links to the sources list.
// Templates (through their fact helpers) and angles (through <Fact>, <Value> and <Cite>) print facts with it.
import type { FactMarkup } from '../content/template-helpers.ts';
import type { AngleComponents } from '../html/angle-render.ts';
import { escapeHtml } from '../html/escape.ts';
import { trusted } from '../html/markup.ts';
import type { Fact } from '../schema/index.ts';

export class UnknownFactError extends Error {
  readonly factId: string;
  constructor(factId: string) {
    super(`Unknown fact id "${factId}"`);
    this.factId = factId;
    this.name = 'UnknownFactError';
  }
}

export class Citations implements FactMarkup {
  private readonly order: string[] = [];

  private readonly facts: ReadonlyMap<string, Fact>;

  constructor(facts: ReadonlyMap<string, Fact>) {
    this.facts = facts;
  }

  get(id: string): Fact {
    const fact = this.facts.get(id);
    if (!fact) throw new UnknownFactError(id);
    return fact;
  }

  /** Footnote number of a fact on this page, assigned on first use. */
  number(id: string): number {
    this.get(id);
    let index = this.order.indexOf(id);
    if (index === -1) index = this.order.push(id) - 1;
    return index + 1;
  }

  marker(id: string): string {
    const n = this.number(id);
    const fact = this.get(id);
    return `<sup class="cite"><a href="#source-${n}" aria-label="Source ${n}: ${escapeHtml(fact.citation)}">[${n}]</a></sup>`;
  }

  /** Statement of the fact followed by its marker. */
  statement(id: string): string {
    return `${escapeHtml(this.get(id).statement)}${this.marker(id)}`;
  }

  /** "180 days" followed by the marker; falls back to the statement when the fact has no value. */
  value(id: string): string {
    const fact = this.get(id);
    if (fact.value === undefined) return this.statement(id);
    const unit = fact.unit ? ` ${fact.unit}` : '';
    return `${escapeHtml(`${fact.value}${unit}`)}${this.marker(id)}`;
  }

  /** The angle components, printing into this page's numbering. */
  components(): AngleComponents {
    return {
      Fact: ({ id }) => trusted(this.statement(id)),
      Value: ({ id }) => trusted(this.value(id)),
      Cite: ({ id }) => trusted(this.marker(id)),
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
