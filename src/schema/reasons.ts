// data/reasons.yaml: why a claim was denied, the phrase titles use, and which item kinds it can apply to.
import { z } from 'zod';
import { formerSlugs, itemKind, slug, text } from './primitives.ts';

export const reasonSchema = z.strictObject({
  slug,
  name: text,
  /** Completes "{Item} denied for … by {Payer}?", e.g. "failing step therapy". */
  phrase: text,
  /** One sentence: what usually makes this kind of denial flip. */
  hook: text,
  /** Item kinds this reason can apply to; other combinations produce no page. */
  appliesTo: z.array(itemKind).min(1),
  /** Evidence that usually answers this denial; becomes the page's checklist. */
  evidence: z.array(text).min(1),
  /**
   * Facts (data/facts.yaml ids) that bear on this kind of denial, in the order a page lists them. A page shows
   * only those that hold for its payer's plan lines, its item's kind and benefit.
   */
  rules: z.array(slug).default([]),
  formerSlugs,
});

export const reasonsSchema = z.array(reasonSchema).min(1);
export type Reason = z.infer<typeof reasonSchema>;
