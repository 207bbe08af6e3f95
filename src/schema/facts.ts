// data/facts.yaml: every legal or numeric claim a page states, with its citation, source and verification date.
import { z } from 'zod';
import { httpsUrl, isoDate, slug, text } from './primitives.ts';

export const factSchema = z.strictObject({
  /** Templates and angles cite facts by this id. */
  id: slug,
  /** Row id in shared/appeal-facts.md, for tracing the research. */
  ref: z
    .string()
    .regex(/^F\d+\.\d+$/, { error: 'must look like F2.01' })
    .optional(),
  /** The claim in plain words, as printed on pages. */
  statement: text,
  value: z.number().optional(),
  unit: text.optional(),
  /** The regulation or statute, with paragraph. */
  citation: text,
  /** Official source of the citation. */
  url: httpsUrl,
  /** The day this fact was last checked against its source. */
  verified: isoDate,
});

export const factsSchema = z.array(factSchema).min(1);
export type Fact = z.infer<typeof factSchema>;
