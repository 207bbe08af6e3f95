// Links to sibling pages: the same payer and item with other reasons, the same item and reason at other payers.
import { markup, url, type Html } from '../html/markup.ts';
import type { PageModel } from '../models/page-model.ts';

export function renderRelatedLinks(page: PageModel): Html {
  const groups = [
    {
      heading: `Other ${page.payer.shortName} denials of ${page.item.name}`,
      links: page.related.sameItemOtherReasons,
    },
    {
      heading: `${page.item.name} denied for ${page.reason.name.toLowerCase()} by other payers`,
      links: page.related.sameReasonOtherPayers,
    },
  ].filter((g) => g.links.length > 0);
  if (!groups.length) return markup``;
  return markup`<nav aria-labelledby="related-heading" class="related"><h2 id="related-heading">Related pages</h2>${groups.map(
    (g) =>
      markup`<h3>${g.heading}</h3><ul class="hub-links">${g.links.map((l) => markup`<li><a href="${url(l.href)}">${l.label}</a></li>`)}</ul>`,
  )}</nav>`;
}
