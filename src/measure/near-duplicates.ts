// The near-duplicate half of the index policy. Pages that share payer and reason are compared on their main
// content; a page that repeats too much of an already indexable sibling is not indexable itself.
import { createHash } from 'node:crypto';
import type { PageContent } from '../models/page-model.ts';
import { groupBy, payerReasonKey } from '../plan/siblings.ts';
import { shingleListOfWords, wordHashes } from './shingles.ts';

/** Main content: what a visitor reads as the answer, without navigation, tools (calculator), CTA or sources. */
export function mainContent(page: PageContent): string {
  return mainParts(page).join(' ');
}

/** mainContent() before joining: the parts are often the very strings other pages hold too. */
export function mainParts(page: PageContent): string[] {
  const { hook, rights, requirements, payerAngle, angle, nextSteps } = page.html;
  return [
    page.title,
    hook.__html,
    rights.__html,
    requirements.__html,
    payerAngle?.__html ?? '',
    angle?.__html ?? '',
    nextSteps.__html,
    ...page.checklist,
  ];
}

export interface NearDuplicate {
  path: string;
  /** The indexable sibling it repeats most. */
  sibling: string;
  overlap: number;
}

/** Pages compared with each other: the same payer and reason. */
export const groupKey = payerReasonKey;

/**
 * A group's result from an earlier build, reused when nothing it depends on changed (the key hashes the threshold
 * and each page's rank, path and main content): a rebuild after one edit compares only the edited groups.
 */
export interface NearDuplicateMemo {
  previous: Readonly<Record<string, NearDuplicate[]>>;
  /** Filled with this run's groups, for the next build. */
  next: Record<string, NearDuplicate[]>;
}

/** A page as compared: its rank, its path and its main content as ids into a PartTable. */
export interface ComparedPage {
  path: string;
  rank: number;
  parts: number[];
}

/**
 * Distinct strings of main content, numbered: pages repeat the same template paragraphs and angles, so each is
 * hashed once per build, and only its number travels to a comparing thread.
 */
export class PartTable {
  private readonly ids = new Map<string, number>();
  private fresh: string[] = [];

  idsOf(parts: readonly string[]): number[] {
    return parts.map((part) => {
      let id = this.ids.get(part);
      if (id === undefined) {
        this.ids.set(part, (id = this.ids.size));
        this.fresh.push(part);
      }
      return id;
    });
  }

  /** The strings numbered since the last call, in number order: what the comparer has not seen yet. */
  takeNew(): string[] {
    const taken = this.fresh;
    this.fresh = [];
    return taken;
  }
}

/**
 * Compares payer × reason groups of ComparedPages. It keeps the part strings it was given (addParts, in the
 * PartTable's order) with each part's digest and word hashes, so shared paragraphs are read once per build.
 */
export class GroupComparer {
  private readonly parts: string[] = [];
  private readonly digests: string[] = [];
  private readonly words: Uint32Array[] = [];

  private readonly threshold: number;
  private readonly memo: NearDuplicateMemo | undefined;

  constructor(threshold: number, memo?: NearDuplicateMemo) {
    this.threshold = threshold;
    this.memo = memo;
  }

  addParts(parts: readonly string[]): void {
    for (const part of parts) this.parts.push(part);
  }

  private digest(id: number): string {
    return (this.digests[id] ??= createHash('sha1').update(this.parts[id]!).digest('base64url'));
  }

  private wordsOf(id: number): Uint32Array {
    return (this.words[id] ??= wordHashes(this.parts[id]!));
  }

  /** The group's near-duplicates, from the memo when the group is unchanged. Sorts `group` in priority order. */
  compare(group: ComparedPage[]): NearDuplicate[] {
    group.sort((a, b) => a.rank - b.rank || a.path.localeCompare(b.path));
    const key = this.memo && this.memoKey(group);
    const known = key === undefined ? undefined : this.memo!.previous[key];
    const found = known ?? keepFirstOfNearDuplicates(group, this.threshold, (page) => this.shingles(page));
    if (key !== undefined) this.memo!.next[key] = found;
    return found;
  }

  /** Hashes the threshold and each page's rank, path and main content. */
  private memoKey(group: readonly ComparedPage[]): string {
    const hash = createHash('sha1').update(String(this.threshold));
    for (const page of group)
      hash.update(`\0${page.rank}\0${page.path}\0${page.parts.map((id) => this.digest(id)).join(' ')}`);
    return hash.digest('base64url');
  }

  private shingles(page: ComparedPage): Uint32Array {
    return shingleListOfWords(page.parts.map((id) => this.wordsOf(id)));
  }
}

/**
 * The group's shingles as an inverted index: each distinct shingle is a run of the pages that contain it (in page
 * order), and each page lists the runs of its distinct shingles (`sets` may hold repeats, in any order). Built
 * with a stable radix sort of (shingle, page) pairs taken in page order, so the whole index is typed arrays and
 * two counting passes, with no hash map of shingles.
 */
function invertedIndex(sets: readonly Uint32Array[]) {
  let total = 0;
  for (const set of sets) total += set.length;
  let keys = new Uint32Array(total);
  let pages = new Int32Array(total);
  let at = 0;
  sets.forEach((set, page) => {
    keys.set(set, at);
    pages.fill(page, at, at + set.length);
    at += set.length;
  });
  // Two stable passes on 16 bits each: equal shingles end up adjacent and still in page order.
  let keysOut = new Uint32Array(total);
  let pagesOut = new Int32Array(total);
  const counts = new Int32Array(0x10000);
  for (const shift of [0, 16]) {
    counts.fill(0);
    for (let k = 0; k < total; k++) counts[(keys[k]! >>> shift) & 0xffff]!++;
    let sum = 0;
    for (let b = 0; b < 0x10000; b++) {
      const c = counts[b]!;
      counts[b] = sum;
      sum += c;
    }
    for (let k = 0; k < total; k++) {
      const to = counts[(keys[k]! >>> shift) & 0xffff]!++;
      keysOut[to] = keys[k]!;
      pagesOut[to] = pages[k]!;
    }
    [keys, keysOut] = [keysOut, keys];
    [pages, pagesOut] = [pagesOut, pages];
  }
  // A page can repeat a phrase: keep one pair per (shingle, page), so each page counts its distinct shingles.
  let unique = 0;
  for (let k = 0; k < total; k++) {
    if (k > 0 && keys[k] === keys[k - 1] && pages[k] === pages[k - 1]) continue;
    keys[unique] = keys[k]!;
    pages[unique++] = pages[k]!;
  }
  total = unique;
  const pageOf = pages.subarray(0, total);
  const runStart: number[] = [];
  const perPage = new Int32Array(sets.length);
  const runOfPair = new Int32Array(total);
  for (let k = 0; k < total; k++) {
    if (k === 0 || keys[k] !== keys[k - 1]) runStart.push(k);
    runOfPair[k] = runStart.length - 1;
    perPage[pageOf[k]!]!++;
  }
  runStart.push(total);
  // Each page's runs, in one flat array sliced by offsets.
  const offsets = new Int32Array(sets.length + 1);
  for (let p = 0; p < sets.length; p++) offsets[p + 1] = offsets[p]! + perPage[p]!;
  const fill = offsets.slice(0, sets.length);
  const runsOfPage = new Int32Array(total);
  for (let k = 0; k < total; k++) runsOfPage[fill[pageOf[k]!]!++] = runOfPair[k]!;
  return { pageOf, runStart: Int32Array.from(runStart), offsets, runsOfPage };
}

/**
 * Walks a group in priority order (lower `rank` first, then path) and keeps a page only if its overlap with every
 * page kept before it stays below the threshold. Of two near-duplicates, the one with the more specific angle (or
 * the earlier path) stays indexable.
 *
 * Exact, and fast on large groups: one inverted index of the group's shingles, counted into a typed array, with
 * phrases every page of the group shares (templates, the payer's angle) counted once.
 */
function keepFirstOfNearDuplicates(
  group: readonly ComparedPage[],
  threshold: number,
  shingles: (page: ComparedPage) => Uint32Array,
): NearDuplicate[] {
  const found: NearDuplicate[] = [];
  const n = group.length;
  const { pageOf, runStart, offsets, runsOfPage } = invertedIndex(group.map(shingles));
  const kept = new Uint8Array(n);
  const counts = new Int32Array(n);
  let keptCount = 0;
  for (let i = 0; i < n; i++) {
    counts.fill(0, 0, i);
    let universal = 0;
    for (let r = offsets[i]!; r < offsets[i + 1]!; r++) {
      const run = runsOfPage[r]!;
      const from = runStart[run]!;
      const to = runStart[run + 1]!;
      if (to - from === n) {
        universal++;
        continue;
      }
      // The run is in page order: the pages before this one come first.
      for (let k = from; k < to && pageOf[k]! < i; k++) if (kept[pageOf[k]!]) counts[pageOf[k]!]!++;
    }
    const size = offsets[i + 1]! - offsets[i]!;
    if (keptCount && size) {
      let sibling = -1;
      for (let j = 0; j < i; j++)
        if (kept[j] && (sibling === -1 || counts[j]! > counts[sibling]!)) sibling = j;
      const overlap = Math.min(1, (universal + counts[sibling]!) / size);
      if (overlap >= threshold) {
        found.push({ path: group[i]!.path, sibling: group[sibling]!.path, overlap });
        continue;
      }
    }
    kept[i] = 1;
    keptCount++;
  }
  return found;
}

/** Orders near-duplicates by path, as every caller reports them. */
export const byPath = (a: NearDuplicate, b: NearDuplicate) => a.path.localeCompare(b.path);

/** The near-duplicates among `pages`, group by group (see GroupComparer), in one thread. */
export function findNearDuplicates(
  pages: readonly PageContent[],
  threshold: number,
  rank: (page: PageContent) => number,
  memo?: NearDuplicateMemo,
): NearDuplicate[] {
  const table = new PartTable();
  const comparer = new GroupComparer(threshold, memo);
  const groups = groupBy(pages, groupKey);
  const compared = [...groups.values()].map((group) =>
    group.map((page) => ({ path: page.path, rank: rank(page), parts: table.idsOf(mainParts(page)) })),
  );
  comparer.addParts(table.takeNew());
  return compared.flatMap((group) => comparer.compare(group)).sort(byPath);
}
