// data/states.yaml: for each of the 50 states and DC, the public offices that help with a health-plan appeal,
// each value read on an official page (listed in `sources` with the day it was read). A value no official page
// gave is left out, never guessed; the state's page then says what is not yet confirmed.
import { z } from 'zod';
import { httpsUrl, isoDate, slug, text } from './primitives.ts';

/** A phone number as the office prints it, e.g. "1-800-342-3736" or "(907) 269-7900". */
const phone = z.string().regex(/^[0-9()+. -]{7,20}(?: ?(?:x|ext\.?) ?\d{1,6})?$/, {
  error: 'must be a phone number as printed, like 1-800-342-3736',
});

export const officeSchema = z.strictObject({
  name: text,
  url: httpsUrl,
  phone: phone.optional(),
});

export const stateSchema = z.strictObject({
  slug,
  name: text,
  /** The two-letter postal code. */
  code: z.string().regex(/^[A-Z]{2}$/, { error: 'must be a two-letter postal code like NY' }),
  /** The state office that takes complaints about insured health plans (usually its insurance department). */
  insuranceDepartment: officeSchema.optional(),
  /** The state's health insurance consumer assistance program or ombudsman. */
  consumerAssistance: officeSchema.optional(),
  /** The office that runs external review of health-plan denials. */
  externalReview: officeSchema.optional(),
  /** The State Health Insurance Assistance Program: free Medicare counseling. */
  ship: officeSchema.optional(),
  /** The pages every value above was read on. */
  sources: z.array(z.strictObject({ title: text, url: httpsUrl, checked: isoDate })).default([]),
});

export const statesSchema = z.array(stateSchema);

export type State = z.infer<typeof stateSchema>;
export type Office = z.infer<typeof officeSchema>;
export const OFFICE_KINDS = ['insuranceDepartment', 'consumerAssistance', 'externalReview', 'ship'] as const;
