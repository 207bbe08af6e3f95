// The deadline calculator island: turns the dates on the reader's letters into last days to act, for the plan type
// they pick, from the rows the page embeds as JSON. Each deadline counts from the date its rule names; decision
// times are shown as they are. Each line links to its rule's source. Without JavaScript the form stays hidden and
// the page links to the payer's tables of rules.
import {
  deadlineFrom,
  formatLong,
  isDate,
  type DeadlinePlan,
  type DeadlineRow,
} from '../../models/deadlines.ts';
import type { Holidays, TimeEvent } from '../../schema/index.ts';

interface Embedded {
  plans: DeadlinePlan[];
  holidays: Pick<Holidays, 'holidays' | 'observeWeekendHolidays'>;
  events: Record<TimeEvent, string>;
}

type Dates = Partial<Record<'notice' | 'received' | 'decision' | 'decisionReceived', string>>;

const unitText = (row: DeadlineRow) => `${row.amount} ${row.unit.replace('-', ' ')}`;

/** Today in the reader's own time zone, as YYYY-MM-DD. */
function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The date a row counts from, and a note when it fell back to an earlier date the reader gave. */
function startOf(event: TimeEvent, dates: Dates): { from?: string | undefined; note?: string } {
  switch (event) {
    case 'notice-date':
      return { from: dates.notice };
    case 'notice-receipt':
      if (dates.received) return { from: dates.received };
      return dates.notice
        ? {
            from: dates.notice,
            note: 'counted from the date on the notice; enter the day it arrived if that was later',
          }
        : {};
    case 'appeal-decision-date':
      return { from: dates.decision };
    case 'appeal-decision-receipt':
      if (dates.decisionReceived) return { from: dates.decisionReceived };
      return dates.decision
        ? {
            from: dates.decision,
            note: 'counted from the date on the decision; enter the day it arrived if that was later',
          }
        : {};
    default:
      return {};
  }
}

/** One row of the result as text: a date to act by, or the time the plan has to decide. */
function describe(row: DeadlineRow, dates: Dates, data: Embedded, now: string): string {
  if (row.kind === 'decision') return `${row.label} ${unitText(row)} of ${data.events[row.countsFrom]}.`;
  const { from, note } = startOf(row.countsFrom, dates);
  if (!from)
    return `${row.label}: ${unitText(row)} from ${data.events[row.countsFrom]}; enter that date to work it out.`;
  const result = deadlineFrom(row, from, data.holidays);
  if (!result) return `${row.label}: ${unitText(row)} from ${data.events[row.countsFrom]}.`;
  const last = result.moved ?? result.due;
  let text = `${row.label}: by ${formatLong(result.due)}`;
  if (result.moved)
    text += ` (a weekend or federal holiday, so the rule moves it to ${formatLong(result.moved)})`;
  text += ` — ${unitText(row)}`;
  if (note) text += `, ${note}`;
  text += '.';
  if (last < now)
    text +=
      ' This date has passed: ask the plan at once whether it will still accept your request, and say why it is late.';
  return text;
}

/** Problems with what the reader typed, in plain words; empty when the dates can be used. */
function problems(form: HTMLFormElement, dates: Dates): string[] {
  const found: string[] = [];
  for (const name of ['notice', 'received', 'decision', 'decisionReceived'] as const) {
    const input = form.elements.namedItem(name) as HTMLInputElement;
    if (input.validity.badInput || (input.value && !isDate(input.value)))
      found.push(
        `“${input.labels?.[0]?.textContent?.trim() ?? name}” is not a full date. Enter day, month and year.`,
      );
  }
  if (dates.notice && dates.received && dates.received < dates.notice)
    found.push('The day you received the notice cannot be before the date on it.');
  if (dates.notice && dates.decision && dates.decision < dates.notice)
    found.push('The decision on your appeal cannot be dated before the denial notice.');
  if (dates.decision && dates.decisionReceived && dates.decisionReceived < dates.decision)
    found.push('The day you received the decision cannot be before the date on it.');
  return found;
}

function render(doc: Document, form: HTMLFormElement, result: HTMLElement, data: Embedded): void {
  const value = (name: string) =>
    (form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement).value;
  const dates: Dates = {};
  for (const name of ['notice', 'received', 'decision', 'decisionReceived'] as const)
    if (isDate(value(name))) dates[name] = value(name);
  const choice = value('plan');
  const plans = choice === 'unsure' ? data.plans : [data.plans[Number(choice)]!];
  result.replaceChildren();
  const issues = problems(form, dates);
  if (issues.length) {
    const list = doc.createElement('ul');
    list.className = 'calculator-problems';
    for (const issue of issues) list.append(Object.assign(doc.createElement('li'), { textContent: issue }));
    result.append(list);
    return;
  }
  fillChecklist(doc, dates, plans, data);
  const now = today();
  for (const plan of plans) {
    if (choice === 'unsure') {
      result.append(Object.assign(doc.createElement('h3'), { textContent: plan.name }));
      for (const hint of plan.howToTell)
        result.append(Object.assign(doc.createElement('p'), { textContent: hint }));
    }
    const list = doc.createElement('ul');
    for (const row of plan.rows) {
      const item = doc.createElement('li');
      item.textContent = describe(row, dates, data, now);
      const link = Object.assign(doc.createElement('a'), {
        href: row.cite.url,
        textContent: row.cite.citation,
        className: 'cite',
      });
      item.append(' (', link, ')');
      list.append(item);
    }
    result.append(list);
  }
}

/**
 * Copies the letter's date and, for one chosen plan type, its first deadline into the checklist's fields, unless
 * the reader typed their own there.
 */
function fillChecklist(doc: Document, dates: Dates, plans: readonly DeadlinePlan[], data: Embedded): void {
  const fields = doc.querySelector('.checklist-fill');
  if (!fields) return;
  const set = (name: string, value: string | undefined) => {
    const input = fields.querySelector<HTMLInputElement>(`input[name="${name}"]`);
    if (!input || (input.value && input.dataset['filled'] !== 'calculator')) return;
    input.value = value ?? '';
    if (value) input.dataset['filled'] = 'calculator';
    else delete input.dataset['filled'];
  };
  set('letterDate', dates.notice);
  const first = plans.length === 1 ? plans[0]!.rows.find((row) => row.kind === 'deadline') : undefined;
  const from = first && startOf(first.countsFrom, dates).from;
  const due = first && from ? deadlineFrom(first, from, data.holidays) : undefined;
  set('deadline', due && (due.moved ?? due.due));
}

export function enableCalculators(doc: Document): void {
  for (const section of doc.querySelectorAll<HTMLElement>('.deadlines')) {
    const form = section.querySelector<HTMLFormElement>('[data-calculator]');
    const embedded = section.querySelector('[data-deadline-calendar]');
    if (!form || !embedded) continue;
    const data = JSON.parse(embedded.textContent ?? '{}') as Embedded;
    const result = form.querySelector<HTMLElement>('.calculator-result')!;
    const update = () => render(doc, form, result, data);
    form.addEventListener('input', update);
    form.addEventListener('change', update);
    form.addEventListener('submit', (event) => event.preventDefault());
    // The form opens on the reader's request, so its height never shifts the page as it loads.
    const open = section.querySelector<HTMLAnchorElement>('[data-calculator-open]');
    const reveal = () => {
      form.hidden = false;
      if (open) open.hidden = true;
      update();
    };
    if (open)
      open.addEventListener('click', (event) => {
        event.preventDefault();
        reveal();
        form.querySelector<HTMLElement>('select, input')?.focus();
      });
    else reveal();
  }
}
