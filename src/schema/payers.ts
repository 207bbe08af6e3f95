// data/payers.yaml: the insurers and PBMs pages are written for.
import { z } from 'zod';
import {
  benefit,
  formerSlugs,
  httpsUrl,
  isoDate,
  ITEM_KINDS,
  itemKind,
  planLine,
  slug,
  text,
} from './primitives.ts';

/** A public library of the payer's coverage policies, and which pages it is the right one for. */
export const policyLibrarySchema = z.strictObject({
  name: text,
  url: httpsUrl,
  /** Only for these item kinds, benefits or plan lines; everywhere when left out. The first that fits a page is used. */
  kinds: z.array(itemKind).min(1).optional(),
  benefits: z.array(benefit).min(1).optional(),
  planLines: z.array(planLine).min(1).optional(),
});

/** How a member sends an appeal on some of the payer's plan lines, as the payer's own page states it. */
export const appealRouteSchema = z.strictObject({
  planLines: z.array(planLine).min(1),
  /** Which plans of those lines the route is for, when the page is narrower (a state, a plan name). */
  scope: text.optional(),
  /** One or two sentences in our words: online, by mail or fax, whom to call. No deadlines here. */
  how: text,
  /** The payer's own page that states the route. */
  url: httpsUrl,
  phone: text.optional(),
  mail: text.optional(),
  fax: text.optional(),
  forms: z.array(text).default([]),
  /** The day the route was read on that page. */
  checked: isoDate,
});

/** A figure published about this payer (a denial rate, say), with its source. */
export const payerFigureSchema = z.strictObject({
  statement: text,
  citation: text,
  url: httpsUrl,
  checked: isoDate,
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
  /** Where and how to send an appeal, per plan line, where the payer's own page says so. */
  appeals: z.array(appealRouteSchema).default([]),
  /** Published figures about the payer, each cited. */
  figures: z.array(payerFigureSchema).default([]),
  formerSlugs,
});

export const payersSchema = z.array(payerSchema).min(1);
export type Payer = z.infer<typeof payerSchema>;
export type PolicyLibrary = z.infer<typeof policyLibrarySchema>;
export type AppealRoute = z.infer<typeof appealRouteSchema>;
export type PayerFigure = z.infer<typeof payerFigureSchema>;
