// Frontmatter of data/angles/**.mdx. An omitted payer, item or reason is a wildcard.
import { z } from 'zod';
import { benefit, httpsUrl, isoDate, itemKind, slug, text } from './primitives.ts';

export const sourceSchema = z.strictObject({
  title: text,
  url: httpsUrl,
  /** Listed only on pages about these item kinds or benefits (an Express Scripts page only for pharmacy drugs). */
  kinds: z.array(itemKind).min(1).optional(),
  benefits: z.array(benefit).min(1).optional(),
});

export const angleFrontmatterSchema = z.strictObject({
  payer: slug.optional(),
  item: slug.optional(),
  reason: slug.optional(),
  /**
   * For angles without an item: the item kinds and benefits the angle is written for. A payer × reason angle
   * about pharmacy exceptions says `benefits: [pharmacy]`, so a procedure page never shows it.
   */
  kinds: z.array(itemKind).min(1).optional(),
  benefits: z.array(benefit).min(1).optional(),
  /** Reviewer id from data/site.yaml `editorial.reviewers`. */
  reviewedBy: slug,
  /** The day the angle was actually checked. */
  reviewed: isoDate,
  /**
   * One or two sentences that open the page in place of the reason's generic hook; for item-specific angles,
   * so the first thing a visitor reads is about their item and their denial.
   */
  hook: text.optional(),
  /** Documents to gather for this combination; printed ahead of the reason's generic list in the checklist. */
  evidence: z.array(text).default([]),
  /** Sources the angle relies on besides the facts it cites. */
  sources: z.array(sourceSchema).default([]),
});

export type AngleFrontmatter = z.infer<typeof angleFrontmatterSchema>;

/**
 * The components an angle may use; each takes one fact id from data/facts.yaml. <Fact>, <Value> and <Cite> print
 * the fact; <IfRule id="…">…</IfRule> wraps text that is true only where that fact holds (the payer's plan lines,
 * the item's kind and benefit), and shows it only there.
 */
export const ANGLE_COMPONENTS = ['Fact', 'Value', 'Cite', 'IfRule'] as const;
export type AngleComponentName = (typeof ANGLE_COMPONENTS)[number];

/**
 * <OnlyFor kinds="drug" benefits="pharmacy" planLines="part-d">…</OnlyFor> shows its children only on pages whose
 * item kind, benefit and the payer's plan lines match every attribute given (each a space-separated list).
 */
export const ONLY_FOR = 'OnlyFor';
export const ONLY_FOR_ATTRIBUTES = ['kinds', 'benefits', 'planLines'] as const;

/** The elements an angle's Markdown may produce: the only ones the check accepts and the renderer prints. */
export const ANGLE_ELEMENTS: ReadonlySet<string> = new Set([
  'p',
  'h2',
  'h3',
  'h4',
  'ul',
  'ol',
  'li',
  'a',
  'em',
  'strong',
  'code',
  'pre',
  'blockquote',
  'hr',
  'br',
  'del',
  'sup',
  'sub',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
]);
export type Source = z.infer<typeof sourceSchema>;
