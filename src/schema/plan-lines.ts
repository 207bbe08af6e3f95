// data/plan-lines.yaml: how each plan line is named to readers, how to tell which one you have, and where its
// rules come from. One row per plan line; the rules themselves are facts (data/facts.yaml) scoped to lines.
import { z } from 'zod';
import { benefit, itemKind, planLine, slug, text } from './primitives.ts';

export const planLineSchema = z.strictObject({
  id: planLine,
  /** As the calculator and headings name it, e.g. "Employer plan, insured". */
  name: text,
  /** Mid-sentence, plural, e.g. "insured employer plans". */
  inSentence: text,
  /** One or two sentences: how a reader can tell that their plan is of this kind. */
  howToTell: text,
  /** One plan of the line, as a statement's "{plans}" prints it: "an employer plan". */
  singular: text,
  /**
   * Words that name this line in a page's text. A page whose payer does not run the line (or whose item the
   * line's rules do not reach) must not contain them; the content audit checks every built page.
   */
  mentions: z.array(text).default([]),
  /** The law the line's appeals follow, in a few words, e.g. "ERISA and the Affordable Care Act". */
  law: text,
  /** URL segment of the plan line's hub page, e.g. "employer-insured". */
  slug,
  /**
   * What the line's appeal rules cover, when narrower than every item: Medicare Part D covers drugs from the
   * pharmacy; Medicare Advantage's own rules (Part C) cover the medical side, drugs given in a clinic included.
   */
  covers: z
    .strictObject({
      kinds: z.array(itemKind).min(1).optional(),
      benefits: z.array(benefit).min(1).optional(),
    })
    .optional(),
});

export const planLinesSchema = z.array(planLineSchema).min(1);
export type PlanLineInfo = z.infer<typeof planLineSchema>;
