// Appeal deadlines and decision times: the calculator's rows for a page (the facts with a `calculator` block that
// hold for the payer's plan lines, the item's kind and benefit), grouped by plan line, and the date arithmetic the
// build and the browser (the calculator island) share. Dates are calendar dates (YYYY-MM-DD) handled in UTC, so no
// time zone can shift a day.
import type {
  CalculatorRow,
  Fact,
  Holiday,
  Holidays,
  PlanLine,
  PlanLineInfo,
  TimeEvent,
  TimeUnit,
} from '../schema/index.ts';
import { factHolds, type PageScope } from '../plan/page-scope.ts';

export interface DeadlineRow extends Required<Pick<CalculatorRow, 'label' | 'kind' | 'expedited'>> {
  nextBusinessDay: boolean;
  monthOverflow: CalculatorRow['monthOverflow'];
  amount: number;
  unit: TimeUnit;
  countsFrom: TimeEvent;
  /** The citation, its source, and its footnote number where the page numbers it (hubs, in their tables). */
  cite: { n?: number; citation: string; url: string };
}

/** One option of the calculator: plan lines whose rows are the same, their name, and how to tell you have one. */
export interface DeadlinePlan {
  lines: PlanLine[];
  name: string;
  howToTell: string[];
  rows: DeadlineRow[];
}

/** "Employer plan, insured" + "Employer plan, self-funded" → "Employer plan, insured or self-funded". */
function groupName(names: readonly string[]): string {
  const heads = names.map((n) => n.split(', ')[0]);
  if (names.length > 1 && heads.every((h) => h === heads[0]) && names.every((n) => n.includes(', ')))
    return `${heads[0]}, ${names.map((n) => n.slice(heads[0]!.length + 2)).join(' or ')}`;
  return names.join(' or ');
}

/**
 * The calculator's options for a page, in the payer's order of plan lines. Facts are taken in the order of
 * data/facts.yaml; `number` gives each one's footnote number on the page (and cites it).
 */
export function deadlinePlans(
  facts: Iterable<Fact>,
  scope: PageScope,
  planLines: readonly PlanLineInfo[],
  number: (id: string) => number | undefined,
): DeadlinePlan[] {
  // Deadlines the reader must meet first, then the times the plan has to decide; each in data/facts.yaml order.
  const rowFacts = [...facts]
    .filter((f) => f.calculator && factHolds(f, scope))
    .sort((a, b) => Number(a.calculator!.kind === 'decision') - Number(b.calculator!.kind === 'decision'));
  const byLine = scope.lines.map((line) => ({
    line,
    facts: rowFacts.filter((f) => f.appliesTo.planLines.includes(line)),
  }));
  const info = new Map(planLines.map((l) => [l.id, l]));
  const plans: { lines: PlanLine[]; facts: Fact[] }[] = [];
  for (const { line, facts: own } of byLine) {
    if (!own.length) continue;
    const head = info.get(line)?.name.split(', ')[0];
    const same = plans.find(
      (p) =>
        p.facts.map((f) => f.id).join() === own.map((f) => f.id).join() &&
        info.get(p.lines[0]!)?.name.split(', ')[0] === head,
    );
    if (same) same.lines.push(line);
    else plans.push({ lines: [line], facts: own });
  }
  return plans.map(({ lines, facts: own }) => ({
    lines,
    name: groupName(lines.map((l) => info.get(l)?.name ?? l)),
    howToTell: lines.map((l) => info.get(l)?.howToTell ?? ''),
    rows: own.map((fact) => ({
      label: fact.calculator!.label,
      kind: fact.calculator!.kind,
      expedited: fact.calculator!.expedited,
      nextBusinessDay: fact.calculator!.nextBusinessDay,
      monthOverflow: fact.calculator!.monthOverflow,
      amount: fact.amount!,
      unit: fact.unit!,
      countsFrom: fact.countsFrom!,
      cite: { ...footnote(number(fact.id)), citation: fact.citation, url: fact.url },
    })),
  }));
}

const footnote = (n: number | undefined) => (n === undefined ? {} : { n });

// --- Date arithmetic ----------------------------------------------------------------------------------------------

/** Whether `date` is a real calendar date written YYYY-MM-DD. */
export function isDate(date: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return false;
  const d = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return d.toISOString().slice(0, 10) === date;
}

function parse(date: string): Date {
  if (!isDate(date)) throw new Error(`Not a calendar date written YYYY-MM-DD: ${date}`);
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
}

const format = (d: Date) => d.toISOString().slice(0, 10);
const ymd = (y: number, m: number, d: number) => format(new Date(Date.UTC(y, m - 1, d)));

/** `days` calendar days after `date`. */
export function addDays(date: string, days: number): string {
  const d = parse(date);
  d.setUTCDate(d.getUTCDate() + days);
  return format(d);
}

/**
 * `months` months after `date`: the same day of the month. When that month has no such day, the last day of that
 * month ('month-end', the earlier reading), or the first day of the month after ('next-month-first', the rule 29
 * CFR 2590.715-2719(d)(2)(i) states for external review).
 */
export function addMonths(
  date: string,
  months: number,
  overflow: DeadlineRow['monthOverflow'] = 'month-end',
): string {
  const d = parse(date);
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  if (d.getUTCDate() <= lastDay)
    return ymd(target.getUTCFullYear(), target.getUTCMonth() + 1, d.getUTCDate());
  return overflow === 'month-end'
    ? ymd(target.getUTCFullYear(), target.getUTCMonth() + 1, lastDay)
    : ymd(target.getUTCFullYear(), target.getUTCMonth() + 2, 1);
}

/** The date a holiday rule gives in `year`. */
function holidayDate(rule: Holiday, year: number): string {
  if ('day' in rule) return ymd(year, rule.month, rule.day);
  if (rule.nth === -1) {
    const last = new Date(Date.UTC(year, rule.month, 0));
    const back = (last.getUTCDay() - rule.weekday + 7) % 7;
    return ymd(year, rule.month, last.getUTCDate() - back);
  }
  const first = new Date(Date.UTC(year, rule.month - 1, 1)).getUTCDay();
  return ymd(year, rule.month, 1 + ((rule.weekday - first + 7) % 7) + (rule.nth - 1) * 7);
}

/** Federal holidays of `year`, with the observed weekday of a fixed-date holiday on a weekend. */
export function holidaysIn(
  holidays: Pick<Holidays, 'holidays' | 'observeWeekendHolidays'>,
  year: number,
): Set<string> {
  const days = new Set<string>();
  for (const rule of holidays.holidays) {
    const date = holidayDate(rule, year);
    days.add(date);
    if (holidays.observeWeekendHolidays && 'day' in rule) {
      const weekday = parse(date).getUTCDay();
      if (weekday === 6) days.add(addDays(date, -1));
      if (weekday === 0) days.add(addDays(date, 1));
    }
  }
  return days;
}

/** The first day on or after `date` that is not a Saturday, Sunday or federal holiday. */
export function nextBusinessDay(
  date: string,
  holidays: Pick<Holidays, 'holidays' | 'observeWeekendHolidays'>,
): string {
  let day = date;
  for (let guard = 0; guard < 14; guard++) {
    const weekday = parse(day).getUTCDay();
    const year = Number(day.slice(0, 4));
    // A January 1 on a Saturday is observed on December 31 of the year before.
    const off = holidaysIn(holidays, year).has(day) || holidaysIn(holidays, year + 1).has(day);
    if (weekday !== 0 && weekday !== 6 && !off) return day;
    day = addDays(day, 1);
  }
  return day;
}

/** The last day to act for a deadline row counted from `from`: the rule's own date, and the business-day one. */
export function deadlineFrom(
  row: Pick<DeadlineRow, 'amount' | 'unit' | 'monthOverflow' | 'nextBusinessDay'>,
  from: string,
  holidays: Pick<Holidays, 'holidays' | 'observeWeekendHolidays'>,
): { due: string; moved?: string } | undefined {
  if (row.unit === 'hours' || row.unit === 'business-days') return undefined;
  const due =
    row.unit === 'months' ? addMonths(from, row.amount, row.monthOverflow) : addDays(from, row.amount);
  if (!row.nextBusinessDay) return { due };
  const moved = nextBusinessDay(due, holidays);
  return moved === due ? { due } : { due, moved };
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
