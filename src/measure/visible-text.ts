// The text a reader sees in a built page's HTML, as a crawler without JavaScript reads it: no scripts, styles,
// templates or elements marked hidden; tags become spaces; entities are decoded. The pages are our own
// well-formed output, so a small scanner is enough. visibleWords() reads the same text straight into word hashes
// for the uniqueness measure, in one pass.
import { WordHasher } from './shingles.ts';

const SKIPPED = new Set(['script', 'style', 'template', 'noscript']);
const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
]);
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (all, ref: string) => {
    if (ref[0] === '#')
      return String.fromCodePoint(
        ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : Number(ref.slice(1)),
      );
    return NAMED[ref.toLowerCase()] ?? all;
  });
}

/** Visible text of `html`, whitespace collapsed. Pass a fragment or a whole document. */
export function visibleText(html: string): string {
  const out: string[] = [];
  // Open elements whose content is not shown, by tag name; while any is open, text is skipped.
  const hiddenStack: string[] = [];
  const tag = /<(\/?)([a-zA-Z][\w-]*)([^>]*)>|<!--[\s\S]*?-->/g;
  let at = 0;
  for (let m = tag.exec(html); m; m = tag.exec(html)) {
    if (!hiddenStack.length) out.push(html.slice(at, m.index));
    at = tag.lastIndex;
    out.push(' ');
    if (!m[2]) continue; // a comment
    const name = m[2].toLowerCase();
    const closing = m[1] === '/';
    const selfClosing = VOID.has(name) || m[3]!.trimEnd().endsWith('/');
    if (closing) {
      if (hiddenStack.at(-1) === name) hiddenStack.pop();
      else if (hiddenStack.length && hiddenStack.includes(name)) {
        // Nested element of the same name inside a hidden one: only the innermost matching entry closes.
        hiddenStack.splice(hiddenStack.lastIndexOf(name), 1);
      }
      continue;
    }
    if (selfClosing) continue;
    const hidden =
      SKIPPED.has(name) || /\shidden(?:[\s=>/]|$)/.test(m[3]!) || /aria-hidden="true"/.test(m[3]!);
    if (hidden || hiddenStack.length) hiddenStack.push(name);
  }
  if (!hiddenStack.length) out.push(html.slice(at));
  return decode(out.join('')).replace(/\s+/g, ' ').trim();
}

/** The visible text of the page's <main> element. */
export function mainText(html: string): string {
  const start = html.indexOf('<main');
  const end = html.lastIndexOf('</main>');
  return visibleText(start === -1 || end === -1 ? html : html.slice(start, end + 7));
}

const ENTITY = /&(#x[0-9a-f]+|#\d+|[a-z]+);/iy;

/**
 * The words of the visible text of `html` as hashes: exactly the words of textWords(visibleText(html)), read in one
 * pass with no strings built (the measure reads every page of every build).
 */
export function visibleWords(html: string): Uint32Array {
  const hasher = new WordHasher();
  const hiddenStack: string[] = [];
  const tag = /<(\/?)([a-zA-Z][\w-]*)([^>]*)>|<!--[\s\S]*?-->/y;
  for (let i = 0; i < html.length; i++) {
    const c = html.charCodeAt(i);
    if (c === 60 /* < */) {
      tag.lastIndex = i;
      const m = tag.exec(html);
      if (m) {
        hasher.end();
        i = tag.lastIndex - 1;
        if (!m[2]) continue;
        const name = m[2].toLowerCase();
        if (m[1] === '/') {
          if (hiddenStack.at(-1) === name) hiddenStack.pop();
          else if (hiddenStack.length && hiddenStack.includes(name))
            hiddenStack.splice(hiddenStack.lastIndexOf(name), 1);
          continue;
        }
        if (VOID.has(name) || m[3]!.trimEnd().endsWith('/')) continue;
        const hidden =
          SKIPPED.has(name) || /\shidden(?:[\s=>/]|$)/.test(m[3]!) || /aria-hidden="true"/.test(m[3]!);
        if (hidden || hiddenStack.length) hiddenStack.push(name);
        continue;
      }
    }
    if (hiddenStack.length) {
      // Nothing inside a hidden element is read: go straight to its next tag.
      const next = html.indexOf('<', i + 1);
      if (next === -1) break;
      i = next - 1;
      continue;
    }
    if (c === 38 /* & */) {
      ENTITY.lastIndex = i;
      const m = ENTITY.exec(html);
      const decoded = m && decode(m[0]);
      if (m && decoded !== m[0]) {
        for (let k = 0; k < decoded!.length; k++) hasher.char(decoded!.charCodeAt(k), decoded!, k);
        i += m[0].length - 1;
        continue;
      }
    }
    hasher.char(c, html, i);
  }
  return hasher.words();
}
