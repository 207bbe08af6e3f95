// data/payers.yaml: the insurers and PBMs pages are written for.
import { z } from 'zod';
import { benefit, formerSlugs, httpsUrl, ITEM_KINDS, itemKind, planLine, slug, text } from './primitives.ts';

/** A public library of the payer's coverage policies, and which pages it is the right one for. */
export const policyLibrarySchema = z.strictObject({
  name: text,
  url: httpsUrl,
  /** Only for these item kinds, benefits or plan lines; everywhere when left out. The first that fits a page is used. */
  kinds: z.array(itemKind).min(1).optional(),
  benefits: z.array(benefit).min(1).optional(),
  planLines: z.array(planLine).min(1).optional(),
});

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
  /** Plan lines this payer runs; each brings its own appeal rules (data/facts.yaml) and calculator rows. */
  planLines: z.array(planLine).min(1),
  /**
   * The payer's public coverage-policy libraries, most specific first: a page names the first whose kinds,
   * benefits and plan lines fit it, so a test page never points at a Part B drug list.
   */
  policyLibraries: z.array(policyLibrarySchema).min(1),
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
export type PolicyLibrary = z.infer<typeof policyLibrarySchema>;
