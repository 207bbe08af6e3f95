// Frontmatter of data/angles/**.mdx. An omitted payer, item or reason is a wildcard.
import { z } from 'zod';
import { httpsUrl, isoDate, slug, text } from './primitives.ts';

export const sourceSchema = z.strictObject({ title: text, url: httpsUrl });

export const angleFrontmatterSchema = z.strictObject({
  payer: slug.optional(),
  item: slug.optional(),
  reason: slug.optional(),
  /** Reviewer id from data/site.yaml `editorial.reviewers`. */
  reviewedBy: slug,
  /** The day the angle was actually checked. */
  reviewed: isoDate,
  /** Sources the angle relies on besides the facts it cites. */
  sources: z.array(sourceSchema).default([]),
});

export type AngleFrontmatter = z.infer<typeof angleFrontmatterSchema>;
export type Source = z.infer<typeof sourceSchema>;
