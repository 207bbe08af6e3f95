// data/payers.yaml: the insurers and PBMs pages are written for.
import { z } from 'zod';
import { formerSlugs, httpsUrl, planLine, slug, text } from './primitives.ts';

export const payerSchema = z.strictObject({
  slug,
  /** Full name, e.g. "Cigna Healthcare". */
  name: text,
  /** Name used in titles and sentences, e.g. "Cigna". */
  shortName: text,
  /** Plan lines this payer runs; each adds its appeal-rights block to the page. */
  planLines: z.array(planLine).min(1),
  /** The payer's public coverage-policy library. */
  policyLibrary: z.strictObject({ name: text, url: httpsUrl }),
  /** How exceptions and prior-authorization requests reach this payer, in one or two sentences. */
  requests: text,
  formerSlugs,
});

export const payersSchema = z.array(payerSchema).min(1);
export type Payer = z.infer<typeof payerSchema>;
