// Building blocks shared by every data schema: slugs, https URLs, ISO dates, the closed sets.
import { z } from 'zod';

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const SLUG_MESSAGE = 'must be a slug: lowercase a-z, 0-9 and single hyphens';

export const slug = z.string().regex(SLUG_PATTERN, { error: SLUG_MESSAGE });

/** Absolute https URL. `javascript:`, `http:` and relative links are rejected here, at the data edge. */
export const httpsUrl = z.url({
  protocol: /^https$/,
  hostname: z.regexes.domain,
  error: 'must be an absolute https:// URL',
});

export const isoDate = z.iso.date({ error: 'must be a date written YYYY-MM-DD' });

export const text = z.string().trim().min(1);

export const ITEM_KINDS = ['drug', 'test', 'procedure', 'device'] as const;
export const itemKind = z.enum(ITEM_KINDS);
export type ItemKind = z.infer<typeof itemKind>;

/** Plan lines a payer runs; each maps to one appeal-rights block. */
export const PLAN_LINES = [
  'commercial',
  'employer-self-funded',
  'marketplace',
  'medicare-advantage',
  'part-d',
  'medicaid-managed-care',
  'fehb',
] as const;
export const planLine = z.enum(PLAN_LINES);
export type PlanLine = z.infer<typeof planLine>;

export const formerSlugs = z.array(slug).default([]);
