// The site's own pages, beside the guides and hubs: the trust pages (data/pages/*.md, with the blocks site.yaml
// fills: reviewers, the business's facts, the offer, what the analytics measure) and the help offices of each
// state (data/states.yaml). Only what the data says is shown; a business fact not yet set says so.
import type { TrustPage, ValidData } from '../content/validate.ts';
import { renderAngleBody } from '../html/angle-render.ts';
import { markup, trusted, url, type Html } from '../html/markup.ts';
import type { PageScope } from '../plan/page-scope.ts';
import { statePath } from '../plan/urls.ts';
import type { Office, PageBlock, Site, State } from '../schema/index.ts';
import { Citations } from './citations.ts';
import { numberedSources } from './hub-rules.ts';
import type { PageSource } from './page-model.ts';

const TO_BE_SET = 'not yet set';

/** A business fact as a definition: its value, or a plain "not yet set" (a production build refuses those). */
function fact(label: string, value: string | null): Html {
  return markup`<dt>${label}</dt><dd>${value ?? markup`<em class="unset">${TO_BE_SET}</em>`}</dd>`;
}

function reviewersBlock(site: Site): Html {
  return markup`<section aria-labelledby="reviewers"><h2 id="reviewers">Who reviews the pages</h2><ul class="reviewers">${site.editorial.reviewers.map(
    (r) =>
      markup`<li><strong>${r.name}</strong>${r.credential !== undefined && markup` (${r.credential})`}: ${r.role}</li>`,
  )}</ul><p>Each guide names the reviewer who signed off its angle and the day they did, under its title.</p></section>`;
}

function businessBlock(site: Site): Html {
  const { legalName, address, contactEmail } = site.business;
  return markup`<section aria-labelledby="business"><h2 id="business">The business behind ${site.brand}</h2><dl class="facts-list">${fact('Company', legalName)}${fact('Address', address)}${fact('Email', contactEmail)}</dl></section>`;
}

function offerBlock(site: Site): Html {
  const { offer } = site;
  return markup`<section aria-labelledby="offer-terms"><h2 id="offer-terms">The appeal letter</h2><ul>${offer.includes.map(
    (line) => markup`<li>${line}</li>`,
  )}</ul><dl class="facts-list">${fact('Who drafts it', offer.preparedBy)}${fact('Who reviews it', offer.reviewedBy)}${fact('When you get it', offer.turnaround)}${fact('Refunds', offer.refund)}</dl></section>`;
}

/** What the site measures, read from the analytics setting the build uses (html/analytics.ts). */
function analyticsBlock(site: Site): Html {
  const { analytics } = site;
  const provider = analytics.provider;
  const body =
    provider === 'none'
      ? markup`<p>This site runs no analytics: its pages load nothing from other sites and set no cookies. Like any website, the server that delivers the pages may keep ordinary request logs.</p>`
      : markup`<p>This site counts visits with ${provider === 'plausible' ? 'Plausible Analytics' : 'Google Analytics 4'}. When you choose the button to start an appeal letter, the page also reports which button it was (its place on the page) and the insurer, item and denial reason of the page; nothing you type on the page is sent.</p>`;
  return markup`<section aria-labelledby="analytics"><h2 id="analytics">What this site measures</h2>${body}<p>The deadline calculator works in your browser only: the dates you enter are not sent anywhere.</p></section>`;
}

const BLOCKS: Record<PageBlock, (site: Site) => Html> = {
  reviewers: reviewersBlock,
  business: businessBlock,
  offer: offerBlock,
  analytics: analyticsBlock,
};

/** A page that speaks for the whole site: a fact it cites holds wherever any payer's plan lines reach. */
function siteCitations(data: ValidData): Citations {
  const scope: PageScope = {
    lines: [...new Set(data.payers.flatMap((p) => p.planLines))],
    kind: 'drug',
    benefits: ['medical', 'pharmacy'],
  };
  return new Citations(data.facts, scope, data.planLines);
}

/** A trust page's text (its ## headings as <h2>, under the page's <h1>), then the blocks it asks for. */
export function trustPageBody(data: ValidData, page: TrustPage): { body: Html; sources: PageSource[] } {
  const citations = siteCitations(data);
  const text = renderAngleBody(page.compiled, citations.components(), { underSection: false });
  return {
    body: markup`${text}${page.show.map((block) => BLOCKS[block](data.site))}`,
    sources: numberedSources(data, citations),
  };
}

/** What each kind of office is, as a state's page names it. */
export const OFFICE_LABELS: Record<
  'insuranceDepartment' | 'consumerAssistance' | 'externalReview' | 'ship',
  string
> = {
  insuranceDepartment: 'Complaints about an insured plan',
  consumerAssistance: 'Consumer assistance program',
  externalReview: 'External review of a denial',
  ship: 'Medicare counseling (SHIP)',
};

function officeBlock(label: string, office: Office): Html {
  return markup`<h3>${label}</h3><p><a href="${url(office.url)}">${office.name}</a>${office.phone !== undefined && markup`, phone ${office.phone}`}</p>`;
}

/** A state's page: each office an official page confirmed, what is not confirmed yet, and where it was read. */
export function statePageBody(state: State): Html {
  const kinds = Object.keys(OFFICE_LABELS) as (keyof typeof OFFICE_LABELS)[];
  const found = kinds.filter((k) => state[k] !== undefined);
  const missing = kinds.filter((k) => state[k] === undefined);
  return markup`<section aria-labelledby="offices"><h2 id="offices">Offices</h2>${
    found.length
      ? found.map((k) => officeBlock(OFFICE_LABELS[k], state[k]!))
      : markup`<p>We have not yet confirmed any of ${state.name}'s offices on an official page.</p>`
  }${
    missing.length > 0 &&
    markup`<p class="note">Not yet confirmed on an official page for ${state.name}: ${missing.map((k) => OFFICE_LABELS[k].toLowerCase()).join('; ')}. Your denial letter names the office that handles external review for your plan.</p>`
  }</section>${
    state.sources.length > 0 &&
    markup`<section aria-labelledby="state-sources"><h2 id="state-sources">Where this was read</h2><ul>${state.sources.map(
      (s) => markup`<li><a href="${url(s.url)}">${s.title}</a> (read ${s.checked})</li>`,
    )}</ul></section>`
  }`;
}

/** The public help each guide's "Free help" lists, said in full once, on the list of states (data/facts.yaml). */
const HELP_FACTS = ['cap-help', 'ebsa-help', 'ship-help', 'medicare-line'];

export function statesIntro(data: ValidData): { body: Html; sources: PageSource[] } {
  const citations = siteCitations(data);
  const known = HELP_FACTS.filter((id) => data.facts.has(id));
  const body = markup`<section aria-labelledby="public-help"><h2 id="public-help">Public help with an appeal</h2><ul>${known.map(
    (id) => markup`<li>${trusted(citations.statement(id))}</li>`,
  )}</ul><p>Each state's page lists the offices an official page confirmed, with where it was read.</p></section>`;
  return { body, sources: numberedSources(data, citations) };
}

/** The states, each linked, for the /states/ list. */
export function stateGroups(
  states: readonly State[],
): { heading: string; links: { href: string; title: string }[] }[] {
  return [{ heading: 'States', links: states.map((s) => ({ href: statePath(s.slug), title: s.name })) }];
}

export function hasOffices(state: State): boolean {
  return Object.keys(OFFICE_LABELS).some((k) => state[k as keyof typeof OFFICE_LABELS] !== undefined);
}
