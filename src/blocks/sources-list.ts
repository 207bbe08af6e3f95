// Numbered facts the page cited (with citation and verification date), then further sources.
import { markup, url, type Html } from '../html/markup.ts';
import type { PageSource } from '../models/page-model.ts';

export function renderSourcesList(sources: readonly PageSource[]): Html {
  const cited = sources.filter((s) => s.n !== undefined);
  const further = sources.filter((s) => s.n === undefined);
  return markup`<section aria-labelledby="sources-heading" class="sources"><h2 id="sources-heading">Sources</h2>${
    cited.length > 0 &&
    markup`<ol>${cited.map(
      (s) =>
        markup`<li id="source-${s.n}" data-fact="${s.fact}"><a href="${url(s.url)}">${s.citation}</a>${
          s.checked && markup` <span class="verified">(checked ${s.checked})</span>`
        }</li>`,
    )}</ol>`
  }${
    further.length > 0 &&
    markup`<h3>Further reading</h3><ul>${further.map((s) => markup`<li><a href="${url(s.url)}">${s.title}</a></li>`)}</ul>`
  }</section>`;
}
