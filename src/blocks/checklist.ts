// "Documents to gather": the angle's evidence list (or the reason's, when the angle has none), printable on its
// own. The print button appears only when the script runs; without it, the browser's print uses the page's
// print styles.
import { markup, type Html } from '../html/markup.ts';
import type { PageModel } from '../models/page-model.ts';

export function renderChecklist(page: PageModel): Html {
  return markup`<section aria-labelledby="checklist" class="checklist" data-checklist><h3 id="checklist">Documents to gather</h3><p class="print-only">For an appeal of a ${page.payer.shortName} denial of ${page.item.name} (${page.reason.name.toLowerCase()}).</p><ul>${page.checklist.map(
    (entry) => markup`<li>${entry}</li>`,
  )}</ul><p><button type="button" class="print-button" data-print-checklist hidden>Print this checklist</button></p></section>`;
}
