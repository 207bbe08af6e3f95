// The uniqueness measure of an edit rebuild, redone only where the edit can reach. A page's figures depend on its
// own text and on the texts of its two sibling groups (same payer and reason, same item and reason), so when no
// page of either group changed (and no page joined or left them) its figures are the last build's. Each page's
// text is known by its key: the fingerprint of its content and the names the measure masks. The pages that must be
// measured again are measured with every member of both their groups, which is exactly what the full measure
// compares them with, so the result is the full measure's (tested against it).
import { measureUniqueness, type MeasuredPage, type Uniqueness } from '../measure/page-uniqueness.ts';

/** What the last build measured, by path: [key, payer, item, reason, closest ('' for none), share, unique, phrases]. */
export type MeasureRecord = Record<string, StoredMeasure>;
type StoredMeasure = [string, string, string, string, string, number, number, number];

/** A page to measure: its place in the matrix, the key of its text, and how to read its phrases if needed. */
export interface MeasureInput {
  path: string;
  payer: string;
  item: string;
  reason: string;
  key: string;
  read: () => MeasuredPage;
}

export interface IncrementalMeasure {
  /** Every input's figures, in the inputs' order. */
  measures: Uniqueness[];
  /** The record the next build starts from. */
  record: MeasureRecord;
  /** How many pages' phrases were read this time (all of them without a usable record). */
  read: number;
}

const groupsOf = (p: { payer: string; item: string; reason: string }) => [
  `payer ${p.payer}|${p.reason}`,
  `item ${p.item}|${p.reason}`,
];

function stored(input: MeasureInput, u: Uniqueness): StoredMeasure {
  return [input.key, input.payer, input.item, input.reason, u.closest ?? '', u.share, u.unique, u.phrases];
}

function fromStored(path: string, s: StoredMeasure): Uniqueness {
  return { path, closest: s[4] || undefined, share: s[5], unique: s[6], phrases: s[7] };
}

/** The pages whose figures may differ from the record: members of a group that gained, lost or changed a page. */
function affected(inputs: readonly MeasureInput[], previous: MeasureRecord): MeasureInput[] {
  const touched = new Set<string>();
  const current = new Set<string>();
  for (const input of inputs) {
    current.add(input.path);
    if (previous[input.path]?.[0] !== input.key) for (const g of groupsOf(input)) touched.add(g);
  }
  for (const [path, [, payer, item, reason]] of Object.entries(previous))
    if (!current.has(path)) for (const g of groupsOf({ payer, item, reason })) touched.add(g);
  return inputs.filter((input) => groupsOf(input).some((g) => touched.has(g)));
}

/** Measures `inputs`, reading again only the pages an edit since `previous` can reach. */
export function measureIncrementally(
  inputs: readonly MeasureInput[],
  previous: MeasureRecord | undefined,
): IncrementalMeasure {
  const redo = previous ? affected(inputs, previous) : inputs;
  // Everything the pages to redo are compared with: every member of each of their groups.
  const groups = new Set(redo.flatMap(groupsOf));
  const needed = redo === inputs ? inputs : inputs.filter((i) => groupsOf(i).some((g) => groups.has(g)));
  const fresh = new Map<string, Uniqueness>();
  const results = measureUniqueness(needed.map((input) => input.read()));
  const redone = new Set(redo.map((r) => r.path));
  for (const u of results) if (redone.has(u.path)) fresh.set(u.path, u);
  const record: MeasureRecord = {};
  const measures = inputs.map((input) => {
    const u = fresh.get(input.path) ?? fromStored(input.path, previous![input.path]!);
    record[input.path] = stored(input, u);
    return u;
  });
  return { measures, record, read: needed.length };
}
