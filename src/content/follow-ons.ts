// Errors in order: when an entry is rejected (a payer whose slug is invalid, a fact whose URL is unsafe), every
// reference to it fails too. Those follow-on errors are folded under the one that causes them, so an editor sees
// the cause first and is not sent to fix 99 "unknown fact" lines that go away with it.
import type { DataError } from '../errors/data-error.ts';
import { slugify } from './schema-issues.ts';

const split = (tag: string) => {
  const at = tag.indexOf(':');
  return [tag.slice(0, at), tag.slice(at + 1)] as const;
};

/** A reference `ref` ("payer:beta") could be meant for the rejected entry `about` ("payer:Beta Health"). */
export function couldMean(about: string, ref: string): boolean {
  const [table, written] = split(about);
  const [refTable, wanted] = split(ref);
  if (table !== refTable) return false;
  if (written === wanted) return true;
  if (table === 'fact') return false;
  const fixed = slugify(written);
  return fixed === wanted || fixed.startsWith(`${wanted}-`) || wanted.startsWith(`${fixed}-`);
}

/** Moves each reference error under the first rejected entry it could mean; the rest stay as they are. */
export function foldFollowOns(errors: readonly DataError[]): DataError[] {
  const roots = errors.filter((e) => e.about && e.severity === 'error');
  const out: DataError[] = [];
  const followOns = new Map<DataError, DataError[]>();
  for (const e of errors) {
    const root = e.refersTo && roots.find((r) => couldMean(r.about!, e.refersTo!));
    if (root) followOns.set(root, [...(followOns.get(root) ?? []), e]);
    else out.push(e);
  }
  return out.map((e) =>
    followOns.has(e) ? { ...e, followOn: [...(e.followOn ?? []), ...followOns.get(e)!] } : e,
  );
}

/** Tags a rejected table row's errors with the entry they are about, so references to it can fold under them. */
export function tagRow(errors: DataError[], about: string | undefined): DataError[] {
  return about ? errors.map((e) => ({ ...e, about })) : errors;
}
