// Frontmatter of data/pages/{slug}.md: the trust pages every footer links to (about, editorial policy, corrections,
// privacy, terms, refunds). The body is Markdown, checked by the same rules as an angle's.
import { z } from 'zod';
import { isoDate, slug, text } from './primitives.ts';

/**
 * Blocks the build adds after a trust page's text, from data/site.yaml, so the page always says what the settings
 * say: `reviewers` (each reviewer, what they check, a credential only where one is given), `business` (the
 * company's own facts), `offer` (what a buyer gets and the refund terms), `analytics` (what the site measures).
 */
export const PAGE_BLOCKS = ['reviewers', 'business', 'offer', 'analytics'] as const;
export type PageBlock = (typeof PAGE_BLOCKS)[number];

export const pageFrontmatterSchema = z.strictObject({
  /** The page's H1 and title. */
  title: text,
  /** The meta description, and the lede under the H1. */
  description: text,
  /** Reviewer id from data/site.yaml `editorial.reviewers`. */
  reviewedBy: slug,
  /** The day the page was last checked. */
  reviewed: isoDate,
  show: z.array(z.enum(PAGE_BLOCKS)).default([]),
});

export type PageFrontmatter = z.infer<typeof pageFrontmatterSchema>;
