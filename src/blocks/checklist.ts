// "Documents to gather": the angle's evidence list (or the reason's, when the angle has none), with fields for the
// claim number, the letter's date and the deadline, printable on its own. The print button appears only when the script runs; without it, the browser's print uses the page's
// print styles.
import { markup, type Html } from '../html/markup.ts';
import type { PageModel } from '../models/page-model.ts';

/**
 * The fields a printed checklist needs filled in by hand or before printing: the claim number, the date on the
 * denial letter and the deadline (the calculator fills the last two when the reader has entered the date).
 */
function renderBlanks(): Html {
  const field = (label: string, name: string, type: string) =>
    markup`<p><label>${label} <input type="${type}" name="${name}" autocomplete="off"></label></p>`;
  return markup`<div class="checklist-fill">${field('Claim or reference number', 'claim', 'text')}${field('Date on the denial letter', 'letterDate', 'date')}${field('Appeal deadline', 'deadline', 'date')}</div>`;
}

export function renderChecklist(page: PageModel): Html {
  return markup`<section aria-labelledby="checklist" class="checklist" data-checklist><h3 id="checklist">Documents to gather</h3><p class="print-only">For an appeal of ${page.payer.shortName}'s denial of ${page.item.name} (${page.reason.name.toLowerCase()}).</p>${renderBlanks()}<ul>${page.checklist.map(
    (entry) => markup`<li>${entry}</li>`,
  )}</ul><p><button type="button" class="print-button" data-print-checklist hidden>Print this checklist</button></p></section>`;
}
