// Markup written in TypeScript. The markup`` tag escapes every interpolated value unless it is already Html, so a
// block cannot forget to escape; hrefs go through url(), which refuses anything but https, site paths and #.
// (Named `markup`, not `html`, so Prettier leaves the literals exactly as written.)
import { hrefAttr } from './escape.ts';
import { Html, renderChildren, type Child } from './html-runtime.ts';

export { Html };

/** A fragment of markup: literal parts as written, values escaped (text and quoted attributes alike). */
export function markup(strings: TemplateStringsArray, ...values: Child[]): Html {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += renderChildren(values[i]!) + strings[i + 1]!;
  return new Html(out);
}

/** Markup that is already safe: the pipeline's own rendered templates and angles. */
export function raw(markup: string): Html {
  return new Html(markup);
}

/** An href value: checked (https, a site path or a fragment) and escaped. */
export function url(href: string): Html {
  return new Html(hrefAttr(href));
}
