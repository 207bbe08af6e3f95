// data/items.yaml: drugs, tests, procedures and devices. Each kind carries the evidence that applies to it,
// so a test never gets a "prescribing label" and a procedure speaks of codes and medical policies.
import { z } from 'zod';
import { formerSlugs, slug, text } from './primitives.ts';

const itemBase = {
  slug,
  /** Name as a person searches it, e.g. "Keytruda". */
  name: text,
  /** Class or category, e.g. "PD-1 checkpoint inhibitor". */
  class: text,
  /** Other names or members of the class. */
  examples: z.array(text).default([]),
  specialty: text,
  formerSlugs,
};

const list = z.array(text).default([]);

export const drugSchema = z.strictObject({
  ...itemBase,
  kind: z.literal('drug'),
  evidence: z.strictObject({
    /** Generic (non-proprietary) name, shown beside the brand. */
    genericName: text,
    /** Which benefit usually pays: infused drugs often go through the medical benefit. */
    benefit: z.enum(['medical', 'pharmacy', 'medical-or-pharmacy']),
    /** Compendia and guidelines that support uses, e.g. "NCCN Drugs & Biologics Compendium". */
    compendia: list,
  }),
});

export const testSchema = z.strictObject({
  ...itemBase,
  kind: z.literal('test'),
  evidence: z.strictObject({
    /** What the test does; the requirements template words the records to show by category. */
    category: z.enum(['tumor-molecular', 'germline-genetic', 'imaging', 'sleep']),
    /** FDA status of typical versions of the test; tests have no prescribing label. */
    regulatoryStatus: z.enum([
      'fda-approved',
      'fda-cleared',
      'companion-diagnostic',
      'lab-developed',
      'varies',
    ]),
    /** Medicare national or local coverage determinations, e.g. "NCD 90.2". */
    medicareCoverage: list,
    guidelines: list,
  }),
});

export const procedureSchema = z.strictObject({
  ...itemBase,
  kind: z.literal('procedure'),
  evidence: z.strictObject({
    codeSystem: z.enum(['CPT', 'HCPCS', 'CPT-or-HCPCS']),
    /** Licensed criteria sets payers apply, e.g. InterQual, MCG. */
    criteriaSets: list,
    guidelines: list,
  }),
});

export const deviceSchema = z.strictObject({
  ...itemBase,
  kind: z.literal('device'),
  evidence: z.strictObject({
    regulatoryStatus: z.enum(['fda-approved', 'fda-cleared', 'varies']),
    benefit: z.enum(['dme', 'pharmacy', 'medical', 'dme-or-pharmacy']),
    medicareCoverage: list,
  }),
});

export const itemSchema = z.discriminatedUnion('kind', [
  drugSchema,
  testSchema,
  procedureSchema,
  deviceSchema,
]);
export const itemsSchema = z.array(itemSchema).min(1);
export type Item = z.infer<typeof itemSchema>;
