// A short table of contents, only for pages long enough to need one.
import { markup, url, type Html } from '../html/markup.ts';
import { LONG_PAGE_WORDS, type PageModel } from '../models/page-model.ts';

export function renderToc(page: PageModel): Html {
  if (page.words <= LONG_PAGE_WORDS) return markup``;
  return markup`<nav class="toc" aria-labelledby="toc-heading"><h2 id="toc-heading">On this page</h2><ol>${page.toc.map(
    (entry) => markup`<li><a href="${url(entry.href)}">${entry.label}</a></li>`,
  )}</ol></nav>`;
}
