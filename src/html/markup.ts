// Markup written in TypeScript. The markup`` tag escapes every interpolated value unless it is already Html, so a
// block cannot forget to escape; hrefs go through url(), which refuses anything but https, site paths and #.
// (Named `markup`, not `html`, so Prettier leaves the literals exactly as written.)
import { hrefAttr, jsonLd } from './escape.ts';
import { renderChildren, trusted, type Child, type Html } from './html-runtime.ts';

export { trusted, type Html };

/** A fragment of markup: literal parts as written, values escaped (text and quoted attributes alike). */
export function markup(strings: TemplateStringsArray, ...values: Child[]): Html {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += renderChildren(values[i]!) + strings[i + 1]!;
  return trusted(out);
}

/** A value as the body of a JSON <script> (JSON-LD or data for a script): nothing in it can close the element. */
export function json(value: unknown): Html {
  return trusted(jsonLd(value));
}

/** An href value: checked (https, a site path or a fragment) and escaped. */
export function url(href: string): Html {
  return trusted(hrefAttr(href));
}
