// Calls to action: the checkout button (label from templates/cta-button.hbs, URL from data/site.yaml with the
// link's own `cta` place), the short offer after the deadlines, the "What you get" section near the end, and the
// phone bar that only JavaScript shows.
import { markup, url, type Html } from '../html/markup.ts';
import type { PageModel } from '../models/page-model.ts';
import type { CtaPlace } from '../plan/urls.ts';
import type { Site } from '../schema/index.ts';

export function renderCtaButton(page: PageModel, place: CtaPlace): Html {
  return markup`<a class="cta-button" href="${url(page.ctaHrefs[place])}" rel="nofollow" data-cta-position="${place}" data-payer="${page.payer.slug}" data-item="${page.item.slug}" data-reason="${page.reason.slug}">${page.ctaLabel}</a>`;
}

/** After the deadlines: the button alone (its label has the price); the offer itself is further down. */
export function renderTopCta(page: PageModel): Html {
  return markup`<aside class="cta-block cta-top" aria-label="Appeal letter service"><p class="cta-action">${renderCtaButton(page, 'top')}</p></aside>`;
}

/** The business facts of the offer that are set, as label and value; unset ones are left out, never guessed. */
export function offerDetails(offer: Site['offer']): { label: string; value: string }[] {
  const details: [string, string | null][] = [
    ['Who drafts it', offer.preparedBy],
    ['Who reviews it', offer.reviewedBy],
    ['When you get it', offer.turnaround],
    ['Refunds', offer.refund],
  ];
  return details.flatMap(([label, value]) => (value === null ? [] : [{ label, value }]));
}

/** "What you get": the letter for this denial, what it includes, who makes it and how fast, and the button. */
export function renderOffer(site: Site, page: PageModel): Html {
  const details = offerDetails(site.offer);
  return markup`<section aria-labelledby="offer" class="offer cta-block cta-end"><h2 id="offer">What you get</h2>${page.html.cta}<ul class="offer-includes">${site.offer.includes.map(
    (line) => markup`<li>${line}</li>`,
  )}</ul>${
    details.length > 0 &&
    markup`<dl class="offer-details">${details.map((d) => markup`<dt>${d.label}</dt><dd>${d.value}</dd>`)}</dl>`
  }${page.html.ctaPrice}<p class="cta-action">${renderCtaButton(page, 'end')}</p></section>`;
}

/**
 * On phones, a compact bar fixed to the bottom of the screen. It is built hidden and only the page script shows
 * it, so without JavaScript the page has its two in-page buttons and no third; the script also hides it while
 * the calculator's results, a form field or the offer is on screen.
 */
export function renderStickyCta(page: PageModel): Html {
  return markup`<div class="sticky-cta" role="complementary" aria-label="Appeal letter offer" hidden>${renderCtaButton(page, 'sticky')}</div>`;
}
