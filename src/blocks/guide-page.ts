// A combination page (/{payer}/{item}/{reason}/) as the parts its layout places: everything that differs from
// one guide to the next. The route hands them to BaseLayout; the build fills them into the layout's shell.
import type { Site } from '../schema/index.ts';
import { headTags } from './head.ts';
import { markup, url, type Html } from '../html/markup.ts';
import type { PageModel } from '../models/page-model.ts';
import { payerHubPath } from '../plan/urls.ts';
import { renderBreadcrumb } from './breadcrumb.ts';
import { renderChecklist } from './checklist.ts';
import { renderOffer, renderStickyCta, renderTopCta } from './cta.ts';
import { renderDeadlineCalculator } from './deadline-calculator.ts';
import { renderRelatedLinks } from './related-links.ts';
import { renderSourcesList } from './sources-list.ts';
import { renderToc } from './toc.ts';

/** The per-page parts of a page, in layout order; each is finished HTML. */
export interface PageParts {
  head: string;
  breadcrumb: string;
  main: string;
  /** Navigation after <main>: a guide's links to its sibling guides. */
  related: string;
  sticky: string;
}

export const PART_NAMES = [
  'head',
  'breadcrumb',
  'main',
  'related',
  'sticky',
] as const satisfies readonly (keyof PageParts)[];

/** A titled section of the guide; nothing when the page has no such block. */
function section(id: string, heading: string, body: Html | undefined, className = ''): Html {
  if (body === undefined) return markup``;
  const classes = className ? markup` class="${className}"` : '';
  return markup`<section aria-labelledby="${id}"${classes}><h2 id="${id}">${heading}</h2>${body}</section>`;
}

/** The plan lines whose rules reach this page, each linked to its hub's rules for this kind of denial. */
function renderPlanLinks(page: PageModel): Html {
  if (!page.planLinks.length) return markup``;
  return markup`<ul class="hub-links plan-links">${page.planLinks.map(
    (link) => markup`<li><a href="${url(link.href)}">${link.label}</a></li>`,
  )}</ul>`;
}

/**
 * The guide in the order a reader needs it: the answer, the deadlines, what the payer needs, the angle, next steps,
 * where else to get help, the offer, and the sources.
 */
function renderGuide(site: Site, page: PageModel): Html {
  const { payer, item, reason, review } = page;
  const reviewed = review
    ? markup`<p class="review">Last reviewed <time datetime="${review.date}">${review.date}</time> by ${review.reviewer.name}</p>`
    : markup`<p class="review">This combination has not had its own editorial review yet.</p>`;
  const reasonName = reason.name.toLowerCase();
  return markup`<article class="guide"><header class="guide-head"><h1>${page.title}</h1>${reviewed}</header>${[
    page.html.hook,
    renderToc(page),
    renderDeadlineCalculator(page, payerHubPath(payer.slug)),
    renderTopCta(page),
    section(
      'rights',
      'Your appeal rights',
      markup`${page.html.rights}${renderPlanLinks(page)}${
        page.payerAngleLink &&
        markup`<p><a href="${url(page.payerAngleLink.href)}">${page.payerAngleLink.label}</a>, with the routes and rules that apply there, is on ${payer.shortName}'s appeal page.</p>`
      }`,
    ),
    section('requirements', `What ${payer.shortName} typically requires`, page.html.requirements),
    section('payer-item', `${payer.shortName}'s policy for ${item.name}`, page.html.payerItem),
    section('angle', `${item.name}: the ${reasonName} angle`, page.html.angle, 'angle'),
  ]}<section aria-labelledby="next-steps" class="next-steps"><h2 id="next-steps">Next steps</h2>${page.html.nextSteps}${renderChecklist(page)}</section>${section(
    'free-help',
    'Free help',
    page.html.freeHelp,
    'free-help',
  )}${renderOffer(site, page)}${renderSourcesList(page.sources)}</article>`;
}

/**
 * What <main> holds on a guide page: the breadcrumb and the guide (the uniqueness measure reads this). The links to
 * sibling guides are navigation, placed after <main>.
 */
export function guideMainHtml(site: Site, page: PageModel): string {
  return `${renderBreadcrumb(page.breadcrumb).__html}${renderGuide(site, page).__html}`;
}

export function guideParts(site: Site, page: PageModel): PageParts {
  return {
    head: headTags(site, page, 'guide'),
    breadcrumb: renderBreadcrumb(page.breadcrumb).__html,
    main: renderGuide(site, page).__html,
    related: renderRelatedLinks(page).__html,
    sticky: renderStickyCta(page).__html,
  };
}
