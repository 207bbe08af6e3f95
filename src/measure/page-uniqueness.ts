// The index measure: what a combination page says that its siblings do not. Each page is read as a crawler reads
// it (the visible text of <main>, see visible-text.ts), with its own payer's and item's names replaced by
// placeholders, so a name pasted into a shared sentence is not new content. Its siblings are the pages with the
// same payer and reason and the pages with the same item and reason. Per page:
//   share  — the share of its five-word phrases found on its closest sibling (the one that shares the most);
//   unique — how many of its five-word phrases no sibling has.
// site.yaml's index.maxSiblingShare and index.minOwnPhrases are the thresholds (plan/index-policy.ts).
import { groupBy } from '../plan/siblings.ts';
import { shingleListOfWords, textWords } from './shingles.ts';
import { visibleWords } from './visible-text.ts';

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

const PAYER_WORD = textWords('thepayer')[0]!;
const ITEM_WORD = textWords('theitem')[0]!;

/**
 * The page's words with each of its names (longest first, whole words, any case) replaced by one placeholder word,
 * so "Cigna Healthcare" and "Aetna" read the same. Works on word hashes: no text is rebuilt.
 */
export function maskedWords(words: Uint32Array, names: PageNames): Uint32Array {
  const sequences = [
    ...names.payer.map((name) => ({ words: textWords(name), as: PAYER_WORD })),
    ...names.item.map((name) => ({ words: textWords(name), as: ITEM_WORD })),
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

/** The phrases of a page's visible text (read from its HTML), names masked: sorted, distinct five-word shingles. */
export function pagePhrases(html: string, names: PageNames): Uint32Array {
  return sortedDistinct(shingleListOfWords([maskedWords(visibleWords(html), names)]));
}

function sortedDistinct(list: Uint32Array): Uint32Array {
  list.sort();
  let n = 0;
  for (let i = 0; i < list.length; i++) if (i === 0 || list[i] !== list[i - 1]) list[n++] = list[i]!;
  return list.slice(0, n);
}

/**
 * For one group of siblings: how many phrases each pair shares (`shared[a * n + b]`, a < b), and a mark on every
 * phrase of a page that another page of the group also has. Exact, and fast on real pages: the phrases are sorted
 * into runs of pages that have them, and runs with the same pages (the shared template text, mostly) are counted
 * once, so a pair is visited once per distinct set of pages, not once per phrase.
 */
function countGroup(group: readonly MeasuredPage[], marks: readonly Uint8Array[]): Int32Array {
  const n = group.length;
  const shared = new Int32Array(n * n);
  let total = 0;
  for (const page of group) total += page.phrases.length;
  const phrases = new Uint32Array(total);
  const owners = new Uint32Array(total);
  let k = 0;
  group.forEach((page, index) => {
    phrases.set(page.phrases, k);
    owners.fill(index, k, k + page.phrases.length);
    k += page.phrases.length;
  });
  radixSort(phrases, owners);
  // Runs of pages with the same phrase, each page's in turn (each page's phrases are sorted, so the next one of a
  // page is always the next in its list). Runs with the same pages are one set, counted by how often it recurs: a
  // set is found by a hash of its pages, then compared in full.
  const cursor = new Int32Array(n);
  const sets = new Map<number, { pages: Int32Array; weight: number }[]>();
  const pages = new Int32Array(n);
  for (let start = 0; start < total;) {
    const phrase = phrases[start]!;
    let end = start + 1;
    while (end < total && phrases[end] === phrase) end++;
    const size = end - start;
    if (size === 1) {
      cursor[owners[start]!]!++;
    } else {
      let h = size;
      for (let j = 0; j < size; j++) {
        const index = owners[start + j]!;
        pages[j] = index;
        h = Math.imul(h ^ index, 0x01000193);
        marks[index]![cursor[index]!++] = 1;
      }
      const bucket = sets.get(h);
      const same = bucket?.find(
        (set) => set.pages.length === size && set.pages.every((v, j) => v === pages[j]),
      );
      if (same) same.weight++;
      else if (bucket) bucket.push({ pages: pages.slice(0, size), weight: 1 });
      else sets.set(h, [{ pages: pages.slice(0, size), weight: 1 }]);
    }
    start = end;
  }
  for (const bucket of sets.values())
    for (const { pages: members, weight } of bucket)
      for (let x = 0; x < members.length; x++) {
        const row = members[x]! * n;
        for (let y = x + 1; y < members.length; y++) shared[row + members[y]!]! += weight;
      }
  return shared;
}

/**
 * Sorts `keys` (32-bit) ascending and moves `values` with them, keeping equal keys in their order: four passes of
 * eight bits (least significant first), linear in the length.
 */
function radixSort(keys: Uint32Array, values: Uint32Array): void {
  const n = keys.length;
  let fromKeys: Uint32Array = keys;
  let fromValues: Uint32Array = values;
  let toKeys: Uint32Array = new Uint32Array(n);
  let toValues: Uint32Array = new Uint32Array(n);
  const counts = new Uint32Array(256);
  for (let shift = 0; shift < 32; shift += 8) {
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[(fromKeys[i]! >>> shift) & 255]!++;
    let sum = 0;
    for (let b = 0; b < 256; b++) {
      const c = counts[b]!;
      counts[b] = sum;
      sum += c;
    }
    for (let i = 0; i < n; i++) {
      const key = fromKeys[i]!;
      const at = counts[(key >>> shift) & 255]!++;
      toKeys[at] = key;
      toValues[at] = fromValues[i]!;
    }
    [fromKeys, toKeys] = [toKeys, fromKeys];
    [fromValues, toValues] = [toValues, fromValues];
  }
  // Four passes end where they started: `keys` and `values` hold the result.
}

/**
 * Measures every page against its siblings among `pages`. Exact: every pair of siblings is counted, and both pages
 * take the count (the shared phrases are the same either way; each page divides by its own size). Ties for the
 * closest sibling go to the first path in sort order.
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
      const at = group.map((p) => index.get(p)!);
      const shared = countGroup(
        group,
        at.map((i) => seen[i]!),
      );
      const n = group.length;
      for (let x = 0; x < n; x++)
        for (let y = x + 1; y < n; y++) {
          const count = shared[x * n + y]!;
          consider(at[x]!, count, group[y]!);
          consider(at[y]!, count, group[x]!);
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
