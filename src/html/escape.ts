// Escaping at the edge: one helper each for HTML text, attributes, URLs and JSON-LD. Every template and
// component goes through these; nothing else writes data-derived text into markup.

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '`': '&#96;',
  '=': '&#61;',
};

/** Text content of an element. */
export function escapeHtml(value: string | number): string {
  return String(value).replace(/[&<>"'`=]/g, (c) => HTML_ESCAPES[c]!);
}

/** A quoted attribute value; the same rules as text, named for where it is used. */
export const escapeAttr = escapeHtml;

export class UnsafeUrlError extends Error {
  readonly url: string;
  constructor(url: string) {
    super(
      `Refusing unsafe URL "${url}": only https:// links, site paths starting with "/" and "#" fragments are allowed.`,
    );
    this.name = 'UnsafeUrlError';
    this.url = url;
  }
}

/**
 * A URL for an href. Only absolute https URLs, root-relative site paths and fragments pass; `javascript:`,
 * `data:`, `http:` and protocol-relative `//host` are rejected. The result still needs `escapeAttr`.
 */
export function safeUrl(url: string): string {
  const trimmed = url.trim();
  if (trimmed.startsWith('#') || (trimmed.startsWith('/') && !trimmed.startsWith('//'))) return trimmed;
  let parsed: URL;
  try {
    parsed = new URL(trimmed);
  } catch {
    throw new UnsafeUrlError(url);
  }
  if (parsed.protocol !== 'https:' || !parsed.hostname) throw new UnsafeUrlError(url);
  return parsed.href;
}

const URL_ATTR_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '"': '&quot;',
  "'": '&#39;',
  '<': '&lt;',
  '>': '&gt;',
};

/**
 * A quoted href attribute value, checked and escaped. Only the characters that could end the attribute or start
 * markup are escaped, so query strings stay readable (`a=1&amp;b=2`, not `a&#61;1&amp;b&#61;2`).
 */
export function hrefAttr(url: string): string {
  return safeUrl(url).replace(/[&"'<>]/g, (c) => URL_ATTR_ESCAPES[c]!);
}

/** JSON for a `<script type="application/ld+json">` body: nothing in data can close the script element. */
export function jsonLd(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
