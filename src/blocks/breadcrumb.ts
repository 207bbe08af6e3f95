// The visible breadcrumb; the BreadcrumbList JSON-LD is built from the same crumbs.
import { markup, url, type Html } from '../html/markup.ts';
import type { Crumb } from '../models/structured-data.ts';

/** Nothing for the home page and other one-crumb pages. */
export function renderBreadcrumb(crumbs: readonly Crumb[]): Html {
  if (crumbs.length < 2) return markup``;
  const last = crumbs.length - 1;
  return markup`<nav aria-label="Breadcrumb" class="breadcrumb"><ol>${crumbs.map((c, i) =>
    i === last
      ? markup`<li aria-current="page">${c.name}</li>`
      : markup`<li><a href="${url(c.path)}">${c.name}</a></li>`,
  )}</ol></nav>`;
}
