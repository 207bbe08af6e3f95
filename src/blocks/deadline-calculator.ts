// Appeal deadlines. On a payer's hub, for each plan type it runs, a table of the deadlines and decision times with
// their footnotes (what a visitor without JavaScript reads). On a guide page, a form the guide script turns into the
// reader's own dates, counted from the dates each rule names, from the same rows embedded as JSON; without
// JavaScript the guide links to its payer's tables. Both come from the same rows, with the same citations.
import { json, markup, url, type Html } from '../html/markup.ts';
import { amountText } from '../models/citations.ts';
import type { DeadlinePlan, DeadlineRow } from '../models/deadlines.ts';
import type { PageContent } from '../models/page-model.ts';
import type { TimeEvent } from '../schema/index.ts';

/** How the table says what a time counts from. */
export const EVENT_TEXT: Record<TimeEvent, string> = {
  'notice-date': 'the date on the denial notice',
  'notice-receipt': 'the day you receive the denial notice',
  'appeal-decision-date': 'the date on the decision on your appeal',
  'appeal-decision-receipt': 'the day you receive the decision on your appeal',
  'request-receipt': 'the plan or reviewer receiving the request',
};

function cite(row: DeadlineRow): Html {
  const { n, citation, url: source } = row.cite;
  return n === undefined
    ? markup` <a class="cite" href="${url(source)}">${citation}</a>`
    : markup`<sup class="cite"><a href="${url(`#source-${n}`)}" aria-label="Source ${n}: ${citation}">[${n}]</a></sup>`;
}

function renderRow(row: DeadlineRow): Html {
  const moved = row.nextBusinessDay
    ? markup`<span class="rule-note"> A deadline on a weekend or federal holiday moves to the next business day.</span>`
    : '';
  return markup`<tr><th scope="row">${row.label}</th><td>${amountText(row.amount, row.unit)}${cite(row)}</td><td>${EVENT_TEXT[row.countsFrom]}${moved}</td></tr>`;
}

function renderPlanTable(plan: DeadlinePlan, index: number): Html {
  const id = `deadline-plan-${index + 1}`;
  const hints = plan.howToTell.map((hint) => markup`<p class="how-to-tell">${hint}</p>`);
  return markup`<div class="deadline-plan" data-plan="${index}"><h3 id="${id}">${plan.name}</h3>${hints}<table class="deadline-rules" aria-labelledby="${id}"><thead><tr><th scope="col">What</th><th scope="col">Time</th><th scope="col">Counted from</th></tr></thead><tbody>${plan.rows.map(renderRow)}</tbody></table></div>`;
}

function renderForm(plans: readonly DeadlinePlan[]): Html {
  const options = plans.map(
    (plan, i) => markup`<option value="${i}" data-lines="${plan.lines.join(' ')}">${plan.name}</option>`,
  );
  return markup`<form class="calculator" data-calculator hidden><p><label>Your plan type <select name="plan">${options}<option value="unsure">Not sure</option></select></label></p><fieldset><legend>The denial you are appealing</legend><p><label>Date on the notice <input type="date" name="notice"></label></p><p><label>Day you received it, if later <input type="date" name="received"></label></p></fieldset><fieldset><legend>The decision on your appeal, once you have it</legend><p><label>Date on that decision <input type="date" name="decision"></label></p><p><label>Day you received it, if later <input type="date" name="decisionReceived"></label></p></fieldset><div class="calculator-result" aria-live="polite"></div></form>`;
}

/** The tables of every plan type's rules, as a payer's hub shows them. */
export function renderDeadlineTables(plans: readonly DeadlinePlan[]): Html {
  if (!plans.length) return markup``;
  return markup`<section aria-labelledby="deadlines" class="deadlines"><h2 id="deadlines">Appeal deadlines by plan type</h2><p>Each kind of plan has its own deadlines and decision times. Count from the dates on your own letters.</p>${plans.map(renderPlanTable)}<p class="note">When a date is missing, file by the earliest date that could apply, and keep proof of when you sent your appeal. Your plan documents may allow more time.</p></section>`;
}

/**
 * A guide's calculator: the form, with the page's rows and the holiday calendar as JSON for the guide script. The
 * form opens when the reader asks for it (a link that, without JavaScript, goes to the payer's tables instead), so
 * it never pushes the page down while it loads.
 */
export function renderDeadlineCalculator(
  page: Pick<PageContent, 'deadlines' | 'holidays' | 'payer'>,
  tablesHref: string,
): Html {
  const plans = page.deadlines;
  if (!plans.length) return markup``;
  return markup`<section aria-labelledby="deadlines" class="deadlines"><h2 id="deadlines">Your appeal deadlines</h2><p>Enter the dates on your letters to work out your own deadlines. Every rule, with its source, is in the <a href="${url(`${tablesHref}#deadlines`)}">table of ${page.payer.shortName}'s appeal deadlines</a>.</p><p><a class="calculator-open" href="${url(`${tablesHref}#deadlines`)}" data-calculator-open>Work out my deadlines</a></p>${renderForm(plans)}<script type="application/json" data-deadline-calendar>${json({ holidays: page.holidays, events: EVENT_TEXT, plans })}</script></section>`;
}
