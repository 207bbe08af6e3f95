// A hub (home, payer, item or reason) as the parts its layout places: its heading, description and the guides
// under it in groups (home: the hubs, each with a short summary).
import type { Site } from '../schema/index.ts';
import { headTags } from './head.ts';
import { markup, url, type Html } from '../html/markup.ts';
import type { HubModel } from '../models/hub-models.ts';
import type { HubRules } from '../models/hub-rules.ts';
import { renderDeadlineTables } from './deadline-calculator.ts';
import { renderSourcesList } from './sources-list.ts';
import { renderBreadcrumb } from './breadcrumb.ts';
import type { PageParts } from './guide-page.ts';

/** Where and how to send an appeal, per plan line, as the payer's own pages say; and the payer's published figures. */
function renderRoutes(rules: HubRules): Html {
  const detail = (label: string, value: string | undefined) =>
    value !== undefined && markup`<dt>${label}</dt><dd>${value}</dd>`;
  const routes =
    rules.routes.length > 0 &&
    markup`<section aria-labelledby="appeal-routes"><h2 id="appeal-routes">Where to send an appeal</h2><p>Your denial letter says where to send your appeal, and it controls. The routes below are what the payer's own pages say, for the plans named.</p>${rules.routes.map(
      (route) =>
        markup`<h3>${route.lines}</h3>${route.scope !== undefined && markup`<p class="route-scope">For: ${route.scope}</p>`}<p>${route.how}</p><dl class="route">${detail('Phone', route.phone)}${detail('Mail', route.mail)}${detail('Fax', route.fax)}${detail('Forms', route.forms.length ? route.forms.join('; ') : undefined)}</dl><p class="route-source">Source: <a href="${url(route.url)}">the payer's page</a> (read ${route.checked})</p>`,
    )}</section>`;
  const figures =
    rules.figures.length > 0 &&
    markup`<section aria-labelledby="figures"><h2 id="figures">Published figures</h2><ul>${rules.figures.map(
      (figure) =>
        markup`<li>${figure.statement} <a href="${url(figure.url)}">${figure.citation}</a> (read ${figure.checked})</li>`,
    )}</ul></section>`;
  return markup`${routes}${figures}`;
}

/** A payer's or plan line's rules: who it is for, links on, the deadline tables and the rules per denial reason. */
function renderHubRules(rules: HubRules): Html {
  const cite = (rule: { n: number; citation: string }) =>
    markup`<sup class="cite"><a href="${url(`#source-${rule.n}`)}" aria-label="Source ${rule.n}: ${rule.citation}">[${rule.n}]</a></sup>`;
  return markup`${rules.intro.map((p) => markup`<p>${p}</p>`)}${
    rules.links.links.length > 0 &&
    markup`<section aria-labelledby="hub-links"><h2 id="hub-links">${rules.links.heading}</h2><ul class="hub-links">${rules.links.links.map(
      (l) => markup`<li><a href="${url(l.href)}">${l.label}</a></li>`,
    )}</ul></section>`
  }${renderRoutes(rules)}${renderDeadlineTables(rules.deadlines)}${rules.sections.map(
    (section) =>
      markup`<section aria-labelledby="${section.id}"><h2 id="${section.id}">${section.heading}</h2>${
        section.rules.length > 0 &&
        markup`<ul class="rules">${section.rules.map((rule) => markup`<li>${rule.statement}${cite(rule)}</li>`)}</ul>`
      }${section.parts.map((part) => markup`${part.heading !== undefined && markup`<h3>${part.heading}</h3>`}${part.html}`)}</section>`,
  )}`;
}

export function hubParts(site: Site, hub: HubModel): PageParts {
  const groups = hub.groups.map(
    (group) =>
      markup`<section><h2>${group.heading}</h2><ul class="${group.links.some((l) => l.summary !== undefined) ? 'hub-list' : 'hub-list hub-links'}">${group.links.map(
        (link) =>
          markup`<li><a href="${url(link.href)}">${link.title}</a>${link.summary !== undefined && markup`<p>${link.summary}</p>`}</li>`,
      )}</ul></section>`,
  );
  const empty = hub.groups.length === 0 && markup`<p>No reviewed guides are published here yet.</p>`;
  const others =
    hub.others.length > 0 &&
    markup`<section aria-labelledby="awaiting"><h2 id="awaiting">Guides awaiting a specific review</h2>${hub.others.map(
      (group) =>
        markup`<h3>${group.heading}</h3><ul class="hub-links">${group.links.map(
          (link) => markup`<li><a href="${url(link.href)}">${link.title}</a></li>`,
        )}</ul>`,
    )}</section>`;
  const rules = hub.rules && renderHubRules(hub.rules);
  const sources = hub.rules && hub.rules.sources.length > 0 && renderSourcesList(hub.rules.sources);
  const main = markup`<h1>${hub.h1}</h1><p class="lede">${hub.description}</p>${rules}${groups}${hub.kind === 'plan' ? '' : empty}${others}${sources}`;
  return {
    head: headTags(site, hub),
    breadcrumb: renderBreadcrumb(hub.breadcrumb).__html,
    main: main.__html,
    sticky: '',
  };
}
