// Appeal deadlines and decision times: which rules a page offers (from the facts that carry a `rule`, for the
// payer's plan lines and the item's kind), and the date arithmetic, shared by the build (the table) and the
// browser (the calculator island). Dates are calendar dates (YYYY-MM-DD) handled in UTC so no time zone can shift
// a day.
import type { Fact, Item, Payer } from '../schema/index.ts';

export interface DeadlineRule {
  /** Plan type shown to the visitor, e.g. "Employer plan". */
  plan: string;
  /** What the deadline is for, e.g. "File the internal appeal". */
  label: string;
  /** Counted from what, e.g. "the date you received the denial". */
  from: string;
  amount: number;
  /** Hours are decision times, shown as they are; days and months are counted from the date entered. */
  unit: 'days' | 'months' | 'hours';
  /** Footnote number on the page and the citation text. */
  cite: { n: number; citation: string };
}

/** A fact's unit as the calculator counts it; undefined when it cannot count it. */
function countingUnit(unit: string | undefined): DeadlineRule['unit'] | undefined {
  if (unit?.includes('day')) return 'days';
  if (unit === 'months' || unit === 'hours') return unit;
  return undefined;
}

/**
 * The deadline rules that hold for this payer and item, in the order of data/facts.yaml; `number` gives each
 * fact's footnote number on the page (and cites it).
 */
export function deadlineRules(
  facts: Iterable<Fact>,
  payer: Pick<Payer, 'planLines'>,
  item: Pick<Item, 'kind'>,
  number: (id: string) => number,
): DeadlineRule[] {
  const rules: DeadlineRule[] = [];
  for (const fact of facts) {
    const rule = fact.rule;
    if (!rule || !rule.planLines.some((line) => payer.planLines.includes(line))) continue;
    if (rule.kinds && !rule.kinds.includes(item.kind)) continue;
    const unit = countingUnit(fact.unit);
    if (fact.value === undefined || !unit) continue;
    rules.push({
      plan: rule.plan,
      label: rule.label,
      from: rule.countsFrom,
      amount: fact.value,
      unit,
      cite: { n: number(fact.id), citation: fact.citation },
    });
  }
  return rules;
}

function parse(date: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new Error(`Not a YYYY-MM-DD date: ${date}`);
  const d = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  if (d.toISOString().slice(0, 10) !== date) throw new Error(`No such date: ${date}`);
  return d;
}

const format = (d: Date) => d.toISOString().slice(0, 10);

/** `days` calendar days after `date`. */
export function addDays(date: string, days: number): string {
  const d = parse(date);
  d.setUTCDate(d.getUTCDate() + days);
  return format(d);
}

/**
 * `months` months after `date`: the same day of the month, or, when that month has no such day, the first day of
 * the month after (the rule 29 CFR 2590.715-2719(d)(2)(i) states for the four-month external-review window).
 */
export function addMonths(date: string, months: number): string {
  const d = parse(date);
  const targetMonth = d.getUTCMonth() + months;
  const result = new Date(Date.UTC(d.getUTCFullYear(), targetMonth, d.getUTCDate()));
  if (result.getUTCDate() !== d.getUTCDate()) {
    return format(new Date(Date.UTC(d.getUTCFullYear(), targetMonth + 1, 1)));
  }
  return format(result);
}

export function deadline(rule: Pick<DeadlineRule, 'amount' | 'unit'>, from: string): string | undefined {
  if (rule.unit === 'hours') return undefined;
  return rule.unit === 'days' ? addDays(from, rule.amount) : addMonths(from, rule.amount);
}

/** "July 30, 2026" for display. */
export function formatLong(date: string): string {
  return parse(date).toLocaleDateString('en-US', {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    timeZone: 'UTC',
  });
}
