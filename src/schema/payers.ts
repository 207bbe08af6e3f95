// data/payers.yaml: the insurers and PBMs pages are written for.
import { z } from 'zod';
import { formerSlugs, httpsUrl, ITEM_KINDS, itemKind, planLine, slug, text } from './primitives.ts';

export const payerSchema = z.strictObject({
  slug,
  /** Full name, e.g. "Cigna Healthcare". */
  name: text,
  /** Name used in titles and sentences, e.g. "Cigna". */
  shortName: text,
  /**
   * Item kinds this payer decides on; combinations with other kinds get no page. A pharmacy benefit manager
   * covers drugs only. Defaults to every kind.
   */
  kinds: z
    .array(itemKind)
    .min(1)
    .default([...ITEM_KINDS]),
  /** Plan lines this payer runs; each adds its appeal-rights block to the page. */
  planLines: z.array(planLine).min(1),
  /** The payer's public coverage-policy library. */
  policyLibrary: z.strictObject({ name: text, url: httpsUrl }),
  /**
   * How prior-authorization and exception requests reach this payer, by benefit. Leave one out when it is not
   * documented: pages then tell the reader to ask the doctor's office instead of guessing.
   */
  requests: z.strictObject({
    /** Services, tests, procedures and drugs given in a clinic (the medical benefit). */
    medical: text.optional(),
    /** Drugs from a pharmacy (the pharmacy benefit, often run by a PBM). */
    pharmacy: text.optional(),
  }),
  formerSlugs,
});

export const payersSchema = z.array(payerSchema).min(1);
export type Payer = z.infer<typeof payerSchema>;
