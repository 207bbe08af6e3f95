// The only helpers templates may call (Handlebars runs with strict: true and knownHelpersOnly: true).
import Handlebars from 'handlebars';

/** Helpers whose first argument is a fact id; their uses are checked against data/facts.yaml. */
export const FACT_HELPERS = ['fact', 'value', 'cite', 'source', 'ifRule', 'rulePlans'] as const;

/**
 * What the fact helpers print, supplied per render by the page being built (models/citations.ts): markup for a
 * fact's statement, its value and its footnote marker, each numbered in the page's sources.
 */
export interface FactMarkup {
  statement(id: string): string;
  value(id: string): string;
  marker(id: string): string;
  /** A short link to the fact's official source, for a line naming where to get help. */
  sourceLink(id: string): string;
  /** Whether the fact holds on the page being rendered (its plan lines, item kind and benefit). */
  holds(id: string): boolean;
  /** The fact's plan lines that reach this page, as a statement's "{plans}" prints them. */
  plans(id: string): string;
}

type HelperOptions = { data: { facts: FactMarkup } };

const moneyFormats = new Map<string, Intl.NumberFormat>();

/** "$40", "$29.50". Formatters are built once: creating one per page was a measurable share of a 10k build. */
export function formatMoney(amount: number, currency: string): string {
  const key = `${currency}|${Number.isInteger(amount)}`;
  let format = moneyFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat('en-US', {
      style: 'currency',
      currency,
      minimumFractionDigits: Number.isInteger(amount) ? 0 : 2,
    });
    moneyFormats.set(key, format);
  }
  return format.format(amount);
}

export function createHandlebars(): typeof Handlebars {
  const hbs = Handlebars.create();
  const builtinEach = hbs.helpers['each']!;
  hbs.registerHelper({
    /**
     * {{#each list}}: Handlebars' own, but only over a list. Over a map it would print every field of, say, the
     * payer, including ones no template means to show.
     */
    each(
      this: unknown,
      list: unknown,
      options: Handlebars.HelperOptions & { loc?: { start: { line: number; column: number } } },
    ) {
      if (!Array.isArray(list)) {
        const at = options.loc ? ` - ${options.loc.start.line}:${options.loc.start.column}` : '';
        throw new Error(`{{#each}} goes over a list, and this value is not one${at}`);
      }
      return builtinEach.call(this, list, options);
    },
    /** {{fact "id"}}: the fact's statement with its citation marker. */
    fact: (id: string, options: HelperOptions) => new hbs.SafeString(options.data.facts.statement(id)),
    /** {{value "id"}}: "180 days" with its citation marker. */
    value: (id: string, options: HelperOptions) => new hbs.SafeString(options.data.facts.value(id)),
    /** {{cite "id"}}: the citation marker alone, after a sentence of your own. */
    cite: (id: string, options: HelperOptions) => new hbs.SafeString(options.data.facts.marker(id)),
    /** {{source "id"}}: a "(source)" link to the fact's official page, for a line that names where to get help. */
    source: (id: string, options: HelperOptions) => new hbs.SafeString(options.data.facts.sourceLink(id)),
    /** {{rulePlans "id"}}: "an employer plan or an individual or Marketplace plan", the lines of the rule on this page. */
    rulePlans: (id: string, options: HelperOptions) => options.data.facts.plans(id),
    /** {{money site.checkout.listPrice}}: "$40". */
    money: (amount: number) => formatMoney(amount, 'USD'),
    /**
     * {{#ifRule "id"}}…{{/ifRule}}: the block only where the fact holds on the page (the payer runs a plan line it
     * applies to, for this kind of item): a sentence that states a rule is shown only where the rule is law.
     */
    ifRule(this: unknown, id: string, options: HelperOptions & Handlebars.HelperOptions) {
      return options.data.facts.holds(id) ? options.fn(this) : options.inverse(this);
    },
  });
  return hbs;
}

export const KNOWN_HELPERS = Object.fromEntries([...FACT_HELPERS, 'money'].map((name) => [name, true]));
