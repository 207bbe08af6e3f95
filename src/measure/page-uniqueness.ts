// The index measure: what a combination page says that its siblings do not. Each page is read as a crawler reads
// it (the visible text of <main>, see visible-text.ts), with its own payer's and item's names replaced by
// placeholders, so a name pasted into a shared sentence is not new content. Its siblings are the pages with the
// same payer and reason and the pages with the same item and reason. Per page:
//   share  — the share of its five-word phrases found on its closest sibling (the one that shares the most);
//   unique — how many of its five-word phrases no sibling has.
// site.yaml's index.maxSiblingShare and index.minOwnPhrases are the thresholds (plan/index-policy.ts).
import { groupBy } from '../plan/siblings.ts';
import { shingleListOfWords, wordHashes } from './shingles.ts';

/** A page as measured: its place in the matrix and its phrases (sorted, distinct five-word shingle hashes). */
export interface MeasuredPage {
  path: string;
  payer: string;
  item: string;
  reason: string;
  phrases: Uint32Array;
}

export interface Uniqueness {
  path: string;
  /** The sibling that shares the most phrases with the page (undefined when it has no sibling). */
  closest: string | undefined;
  /** Share of the page's phrases found on `closest`, 0–1. */
  share: number;
  /** Phrases of the page found on no sibling. */
  unique: number;
  /** Distinct phrases of the page. */
  phrases: number;
}

/** The words of each name a page's payer or item goes by, as word hashes (see shingles.ts). */
export interface PageNames {
  payer: readonly string[];
  item: readonly string[];
}

const PAYER_WORD = wordHashes('thepayer')[0]!;
const ITEM_WORD = wordHashes('theitem')[0]!;

/**
 * The page's words with each of its names (longest first, whole words, any case) replaced by one placeholder word,
 * so "Cigna Healthcare" and "Aetna" read the same. Works on word hashes: no text is rebuilt.
 */
export function maskedWords(words: Uint32Array, names: PageNames): Uint32Array {
  const sequences = [
    ...names.payer.map((name) => ({ words: wordHashes(name), as: PAYER_WORD })),
    ...names.item.map((name) => ({ words: wordHashes(name), as: ITEM_WORD })),
  ]
    .filter((n) => n.words.length > 0)
    .sort((a, b) => b.words.length - a.words.length);
  const out = new Uint32Array(words.length);
  let n = 0;
  next: for (let i = 0; i < words.length; i++) {
    for (const name of sequences) {
      const w = name.words;
      if (i + w.length > words.length) continue;
      let match = true;
      for (let j = 0; j < w.length && match; j++) match = words[i + j] === w[j];
      if (match) {
        out[n++] = name.as;
        i += w.length - 1;
        continue next;
      }
    }
    out[n++] = words[i]!;
  }
  return out.subarray(0, n);
}

/** The phrases of a page's visible text, with its names masked: sorted, distinct five-word shingle hashes. */
export function pagePhrases(visible: string, names: PageNames): Uint32Array {
  return sortedDistinct(shingleListOfWords([maskedWords(wordHashes(visible), names)]));
}

function sortedDistinct(list: Uint32Array): Uint32Array {
  list.sort();
  let n = 0;
  for (let i = 0; i < list.length; i++) if (i === 0 || list[i] !== list[i - 1]) list[n++] = list[i]!;
  return list.slice(0, n);
}

/** Counts the phrases `a` and `b` (both sorted) share, and marks them in `seenA` and `seenB`. */
function shared(a: Uint32Array, b: Uint32Array, seenA: Uint8Array, seenB: Uint8Array): number {
  let i = 0;
  let j = 0;
  let count = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x < y) i++;
    else if (x > y) j++;
    else {
      count++;
      seenA[i++] = 1;
      seenB[j++] = 1;
    }
  }
  return count;
}

/**
 * Measures every page against its siblings among `pages`. Exact: each pair of siblings is merged once, and both
 * pages take the count (the shared phrases are the same either way; each page divides by its own size).
 */
export function measureUniqueness(pages: readonly MeasuredPage[]): Uniqueness[] {
  const index = new Map(pages.map((p, i) => [p, i]));
  const seen = pages.map((p) => new Uint8Array(p.phrases.length));
  const best = pages.map(() => ({ count: -1, closest: undefined as string | undefined }));
  const consider = (i: number, count: number, sibling: MeasuredPage) => {
    const b = best[i]!;
    if (count > b.count || (count === b.count && sibling.path < b.closest!)) {
      b.count = count;
      b.closest = sibling.path;
    }
  };
  for (const key of [
    (p: MeasuredPage) => `${p.payer}|${p.reason}`,
    (p: MeasuredPage) => `${p.item}|${p.reason}`,
  ]) {
    for (const group of groupBy(pages, key).values()) {
      for (let x = 0; x < group.length; x++) {
        for (let y = x + 1; y < group.length; y++) {
          const [p, q] = [group[x]!, group[y]!];
          const [i, j] = [index.get(p)!, index.get(q)!];
          const count = shared(p.phrases, q.phrases, seen[i]!, seen[j]!);
          consider(i, count, q);
          consider(j, count, p);
        }
      }
    }
  }
  return pages.map((page, i) => {
    let unique = 0;
    for (const mark of seen[i]!) if (!mark) unique++;
    const phrases = page.phrases.length;
    const { count, closest } = best[i]!;
    return { path: page.path, closest, share: phrases && count > 0 ? count / phrases : 0, unique, phrases };
  });
}
