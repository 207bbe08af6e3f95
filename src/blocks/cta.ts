// Calls to action: the checkout button (label from templates/cta-button.hbs, URL from data/site.yaml), the price
// blocks around it, and the phone-only sticky bar.
import { markup, url, type Html } from '../html/markup.ts';
import type { PageModel } from '../models/page-model.ts';

export type CtaPosition = 'top' | 'after-angle' | 'sticky';

export function renderCtaButton(page: PageModel, position: CtaPosition): Html {
  return markup`<a class="cta-button" href="${url(page.ctaHref)}" rel="nofollow" data-cta-position="${position}" data-payer="${page.payer.slug}" data-item="${page.item.slug}" data-reason="${page.reason.slug}">${page.ctaLabel}</a>`;
}

/** "top" sits right after the hook; "after-angle" also says what the visitor gets. */
export function renderCtaBlock(page: PageModel, position: 'top' | 'after-angle'): Html {
  return markup`<aside class="cta-block cta-${position}" aria-label="Appeal letter service">${
    position === 'after-angle' && page.html.cta
  }${page.html.ctaPrice}<p class="cta-action">${renderCtaButton(page, position)}</p></aside>`;
}

/**
 * On phones, a compact bar fixed to the bottom of the screen. The page reserves its height (padding and
 * scroll-padding), so the bar never covers the end of the page or a focused element.
 */
export function renderStickyCta(page: PageModel): Html {
  return markup`<div class="sticky-cta" role="complementary" aria-label="Appeal letter offer">${renderCtaButton(page, 'sticky')}</div>`;
}
