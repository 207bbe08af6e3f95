// Near-duplicate measure: the share of one text's five-word phrases (shingles) that also occur in another.

export function words(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/<[^>]+>/g, ' ')
    .replace(/&[a-z#0-9]+;/g, ' ')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

export function shingles(text: string, size = 5): Set<string> {
  const w = words(text);
  const out = new Set<string>();
  for (let i = 0; i + size <= w.length; i++) out.add(w.slice(i, i + size).join(' '));
  return out;
}

/** Share of `a`'s shingles found in `b` (0–1). Asymmetric on purpose: "how much of this page is elsewhere". */
export function containment(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0) return 0;
  let shared = 0;
  for (const s of a) if (b.has(s)) shared++;
  return shared / a.size;
}

export function median(values: readonly number[]): number {
  if (!values.length) return 0;
  const sorted = [...values].sort((x, y) => x - y);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/**
 * Each word of `text` as a 32-bit FNV-1a hash of its lower-cased letters, with the same word rules as words():
 * markup and entities are skipped, letters and digits of any script form words. One pass, no strings built.
 */
export function wordHashes(text: string): Uint32Array {
  const out: number[] = [];
  let h = 0x811c9dc5;
  let inWord = false;
  const end = () => {
    if (inWord) out.push(h >>> 0);
    inWord = false;
    h = 0x811c9dc5;
  };
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c === 60 /* < */) {
      const close = text.indexOf('>', i);
      if (close !== -1) {
        end();
        i = close;
        continue;
      }
    }
    if (c === 38 /* & */) {
      const m = /^&[a-z#0-9]+;/.exec(text.slice(i, i + 12));
      if (m) {
        end();
        i += m[0].length - 1;
        continue;
      }
    }
    const word =
      (c >= 97 && c <= 122) ||
      (c >= 65 && c <= 90) ||
      (c >= 48 && c <= 57) ||
      (c > 127 && LETTER_OR_DIGIT.test(text[i]!));
    if (!word) {
      end();
      continue;
    }
    if (c >= 65 && c <= 90) c += 32;
    else if (c > 127) c = text[i]!.toLowerCase().charCodeAt(0);
    h = Math.imul(h ^ c, 0x01000193);
    inWord = true;
  }
  end();
  return Uint32Array.from(out);
}

/** A 32-bit FNV-1a word hasher fed one character at a time: the words of a text as numbers, no strings built. */
export class WordHasher {
  private readonly out: number[] = [];
  private h = 0x811c9dc5;
  private inWord = false;

  /** Feeds the UTF-16 unit `c` of `text` at `i` (the text is needed only outside ASCII). */
  char(c: number, text: string, i: number): void {
    const word =
      (c >= 97 && c <= 122) ||
      (c >= 65 && c <= 90) ||
      (c >= 48 && c <= 57) ||
      (c > 127 && LETTER_OR_DIGIT.test(text[i]!));
    if (!word) return this.end();
    if (c >= 65 && c <= 90) c += 32;
    else if (c > 127) c = text[i]!.toLowerCase().charCodeAt(0);
    this.h = Math.imul(this.h ^ c, 0x01000193);
    this.inWord = true;
  }

  /** Ends the current word, if any (a tag or a space does). */
  end(): void {
    if (this.inWord) this.out.push(this.h >>> 0);
    this.inWord = false;
    this.h = 0x811c9dc5;
  }

  words(): Uint32Array {
    this.end();
    return Uint32Array.from(this.out);
  }
}

/** The words of plain text (a name, a title) as hashes, by the same rules as the words of a page. */
export function textWords(text: string): Uint32Array {
  const hasher = new WordHasher();
  for (let i = 0; i < text.length; i++) hasher.char(text.charCodeAt(i), text, i);
  return hasher.words();
}

/** Five-word shingles as numbers, sorted and unique: compact, and compared by a linear merge. */
export function shingleHashes(text: string, size = 5): Uint32Array {
  const out = shingleList(wordHashes(text), size);
  out.sort();
  let n = 0;
  for (let i = 0; i < out.length; i++) if (i === 0 || out[i] !== out[i - 1]) out[n++] = out[i]!;
  return out.slice(0, n);
}

/**
 * The shingles of the texts whose word hashes are `arrays`, joined by spaces, unsorted and possibly repeated
 * (callers that need a set sort them, as shingleHashes() does). Callers hash each distinct text once.
 */
export function shingleListOfWords(arrays: readonly Uint32Array[], size = 5): Uint32Array {
  const words = new Uint32Array(arrays.reduce((n, a) => n + a.length, 0));
  let at = 0;
  for (const a of arrays) {
    words.set(a, at);
    at += a.length;
  }
  return shingleList(words, size);
}

function shingleList(w: Uint32Array, size: number): Uint32Array {
  const out = new Uint32Array(Math.max(0, w.length - size + 1));
  for (let i = 0; i + size <= w.length; i++) {
    let h = 0x811c9dc5;
    for (let j = 0; j < size; j++) h = Math.imul(h ^ w[i + j]!, 0x01000193) ^ (h >>> 15);
    out[i] = h >>> 0;
  }
  return out;
}

/** containment() for sorted hash arrays. */
export function containmentSorted(a: Uint32Array, b: Uint32Array): number {
  if (a.length === 0) return 0;
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    if (a[i]! < b[j]!) i++;
    else if (a[i]! > b[j]!) j++;
    else {
      shared++;
      i++;
      j++;
    }
  }
  return shared / a.length;
}
