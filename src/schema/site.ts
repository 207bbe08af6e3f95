// data/site.yaml: origin, brand, checkout and prices, editorial, index policy. Prices and the promo code live only here.
import { z } from 'zod';
import { httpsUrl, itemKind, slug, text } from './primitives.ts';

export const reviewerSchema = z.strictObject({
  /** Referenced by angles' `reviewedBy`. */
  id: slug,
  /** Shown on pages: an editorial role or team, or a real person's name; never an invented one. */
  name: text,
  /** What this reviewer checks, shown beside the name and on the editorial policy page. */
  role: text,
  /** A real credential this reviewer holds (e.g. a licence), shown only when set; never invented. */
  credential: text.optional(),
});

/**
 * A fact about the business that only the business can state (its legal name, who drafts letters, refund terms):
 * null until it is set. `check` warns about each one still null, and a production build refuses to run.
 */
export const businessFact = text.nullable();

/** The pages every page's footer links to, each written in data/pages/{slug}.md. */
export const trustPageSchema = z.strictObject({
  slug,
  /** The link's text in the footer. */
  label: text,
});

export const siteSchema = z
  .strictObject({
    /** Absolute https origin the site is served from; canonical URLs and sitemaps use it. */
    origin: httpsUrl,
    /** Brand name shown in the header, titles and CTA. */
    brand: text,
    /** BCP 47 language tag for `<html lang>`. */
    locale: z.string().regex(/^[a-z]{2}(?:-[A-Z]{2})?$/, { error: 'must be a language tag like en-US' }),
    checkout: z.strictObject({
      /** Checkout page of the appeal-letter service; must be https. */
      url: httpsUrl,
      listPrice: z.number().positive(),
      firstLetterPrice: z.number().positive(),
      currency: z.enum(['USD']),
      promoCode: z.string().regex(/^[A-Z0-9]{3,20}$/, { error: 'must be 3–20 uppercase letters or digits' }),
      /**
       * Where the promo code shows: `checkout` (default) sends it in the checkout link only, so the checkout page
       * applies it; `page` also prints it beside the price on every page.
       */
      promoCodeShown: z.enum(['checkout', 'page']).default('checkout'),
      utm: z.strictObject({ source: slug, medium: slug, campaign: slug }),
      /** The `cta` parameter each checkout link carries, so the checkout can tell which one was used. */
      positions: z
        .strictObject({ top: slug, sticky: slug, end: slug })
        .default({ top: 'top', sticky: 'sticky', end: 'end' }),
    }),
    /** The business behind the site. Every field is the business's to set; nothing here may be invented. */
    business: z.strictObject({
      /** The company's legal name. */
      legalName: businessFact,
      /** Its postal address. */
      address: businessFact,
      /** Where readers send questions and corrections. */
      contactEmail: z.email().nullable(),
    }),
    /** What a buyer of the appeal letter gets; the CTA block and "What you get" print it. */
    offer: z.strictObject({
      /** What the letter includes, one line each. */
      includes: z.array(text).min(1),
      /** Who drafts the letter: a role, a team or a named person with a real credential. */
      preparedBy: businessFact,
      /** Who reviews it before the buyer receives it. */
      reviewedBy: businessFact,
      /** How soon the buyer receives it, e.g. "within two business days". */
      turnaround: businessFact,
      /** The refund terms in one sentence, as on the refunds page. */
      refund: businessFact,
    }),
    /** The trust pages (about, editorial policy, corrections, privacy, terms, refunds), linked from every page. */
    trustPages: z.array(trustPageSchema).min(1),
    editorial: z.strictObject({
      reviewers: z.array(reviewerSchema).min(1),
      /** Shown on every page: not legal or medical advice. */
      disclaimer: text,
      /** Who publishes the site. */
      publisher: text,
    }),
    index: z.strictObject({
      /** What to do with a combination page that is not indexable: build it with noindex (default), or skip it. */
      nonIndexable: z.enum(['noindex', 'skip']).default('noindex'),
      /**
       * Whether an item × reason angle with a payer × reason angle or a payer × item note may make a page
       * indexable without a full angle (the uniqueness measure still applies).
       */
      layeredAnglesIndexable: z.boolean(),
      /**
       * A page is indexable only if it shares less than this share of its five-word phrases with its closest
       * sibling (same payer and reason, or same item and reason), read on its visible text with names masked.
       */
      maxSiblingShare: z.number().gt(0).max(1).default(0.5),
      /** …and has at least this many five-word phrases that no sibling has. */
      minOwnPhrases: z.int().min(0).default(100),
    }),
    /**
     * Optional analytics, off unless set. Plausible (privacy-friendly, no cookies) or Google Analytics 4; the CSP
     * in _headers then allows exactly that provider's hosts, and CTA clicks send select_promotion and
     * begin_checkout events with the page's payer, item and reason.
     */
    analytics: z
      .discriminatedUnion('provider', [
        z.strictObject({ provider: z.literal('none') }),
        z.strictObject({
          provider: z.literal('plausible'),
          /** The site as registered in Plausible, e.g. "denialhelp.com". */
          domain: z
            .string()
            .regex(/^[a-z0-9.-]+\.[a-z]{2,}$/, { error: 'must be a domain like example.com' }),
        }),
        z.strictObject({
          provider: z.literal('ga4'),
          measurementId: z
            .string()
            .regex(/^G-[A-Z0-9]{4,16}$/, { error: 'must be a GA4 id like G-ABC123XYZ' }),
        }),
      ])
      .default({ provider: 'none' }),
    deploy: z.strictObject({
      /** Where dist/ is deployed; decides the dialect of _headers and the limits the build warns about. */
      host: z.enum(['cloudflare-pages', 'netlify', 's3-cloudfront']),
    }),
    /** Allowed length of an angle's body, in words; payer × item notes have their own range. */
    angleWords: z.strictObject({
      min: z.int().nonnegative(),
      max: z.int().positive(),
      payerItem: z
        .strictObject({ min: z.int().nonnegative(), max: z.int().positive() })
        .default({ min: 60, max: 300 }),
    }),
    /** What the content audit holds every page to. */
    audit: z
      .strictObject({
        /** A fact not checked against its source for this many months makes `check` warn. */
        factFreshnessMonths: z.int().positive().default(12),
        /**
         * Words that are wrong on a page about an item of this kind (a prescribing label on a test page, a
         * prescriber on a procedure page). Matched case-insensitively on the page's visible text.
         */
        kindWords: z.partialRecord(itemKind, z.array(text)).default({}),
      })
      .default({ factFreshnessMonths: 12, kindWords: {} }),
  })
  .refine((s) => s.checkout.firstLetterPrice <= s.checkout.listPrice, {
    error: 'checkout.firstLetterPrice must not exceed checkout.listPrice',
    path: ['checkout', 'firstLetterPrice'],
  });

export type Site = z.infer<typeof siteSchema>;
export type Reviewer = z.infer<typeof reviewerSchema>;
export type TrustPageLink = z.infer<typeof trustPageSchema>;
