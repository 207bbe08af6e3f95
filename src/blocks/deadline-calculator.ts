// The appeal-deadline calculator: a plain table of the rules (what a visitor without JavaScript sees), and a form
// the guide script turns into last days to file from the date on the denial letter, with the same citations.
import type { DeadlineRule } from '../models/deadlines.ts';
import { json, markup, url, type Html } from '../html/markup.ts';

const amount = (r: DeadlineRule) => `${r.amount} ${r.unit === 'days' ? 'calendar days' : r.unit}`;

export function renderDeadlineCalculator(rules: readonly DeadlineRule[]): Html {
  if (!rules.length) return markup``;
  const plans = [...new Set(rules.map((r) => r.plan))];
  const rows = rules.map(
    (r) =>
      markup`<tr><td>${r.plan}</td><td>${r.label}</td><td>${amount(r)}<sup class="cite"><a href="${url(`#source-${r.cite.n}`)}" aria-label="Source ${r.cite.n}: ${r.cite.citation}">[${r.cite.n}]</a></sup></td><td>${r.from}</td></tr>`,
  );
  return markup`<section aria-labelledby="deadlines" class="deadlines"><h2 id="deadlines">Your appeal deadline</h2><form class="calculator" data-calculator hidden><p><label>Plan type <select name="plan">${plans.map(
    (plan) => markup`<option>${plan}</option>`,
  )}</select></label></p><p><label>Date on the denial letter <input type="date" name="date" required></label></p><div class="calculator-result" aria-live="polite"></div></form><table class="deadline-rules"><caption>Deadlines by plan type</caption><thead><tr><th scope="col">Plan type</th><th scope="col">What</th><th scope="col">Time</th><th scope="col">Counted from</th></tr></thead><tbody>${rows}</tbody></table><p class="note">Deadlines count from the date shown; if you received the letter later, keep proof of when. Your plan documents may allow more time.</p><script type="application/json" data-deadline-rules>${json(rules)}</script></section>`;
}
