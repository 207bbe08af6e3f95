// A hub (home, payer, item, reason or plan line) as the parts its layout places: its heading, description and the
// guides under it in groups (home: the hubs, each with a short summary). Trust pages and state pages use the same
// layout with their own text.
import type { Site } from '../schema/index.ts';
import { headTags } from './head.ts';
import { cardKindOfHub } from './social-cards.ts';
import { markup, url, type Html } from '../html/markup.ts';
import type { HubGroup, HubModel } from '../models/hub-models.ts';
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

function renderGroup(group: HubGroup, level: 'h2' | 'h3'): Html {
  const list = markup`<ul class="${group.links.some((l) => l.summary !== undefined) ? 'hub-list' : 'hub-list hub-links'}">${group.links.map(
    (link) =>
      markup`<li><a href="${url(link.href)}">${link.title}</a>${link.summary !== undefined && markup`<p>${link.summary}</p>`}</li>`,
  )}</ul>`;
  return level === 'h2'
    ? markup`<section><h2>${group.heading}</h2>${list}</section>`
    : markup`<h3>${group.heading}</h3>${list}`;
}

const sectionId = (name: string) => `guides-${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;

/**
 * The hub's guide lists: groups that name a section (a payer's items by kind) sit under that section's heading,
 * the others each under their own.
 */
function renderGroups(groups: readonly HubGroup[]): Html {
  const out: Html[] = [];
  for (let i = 0; i < groups.length;) {
    const section = groups[i]!.section;
    if (section === undefined) {
      out.push(renderGroup(groups[i++]!, 'h2'));
      continue;
    }
    const members: HubGroup[] = [];
    while (i < groups.length && groups[i]!.section === section) members.push(groups[i++]!);
    const id = sectionId(section);
    out.push(
      markup`<section aria-labelledby="${id}" class="hub-section"><h2 id="${id}">${section}</h2>${members.map((g) => renderGroup(g, 'h3'))}</section>`,
    );
  }
  return markup`${out}`;
}

/**
 * A long hub's table of contents: its rules' sections and its guide sections, so a phone reader can jump, and a
 * filter box (shown by the hub script) that narrows the lists to what the reader types.
 */
function renderJumpLinks(hub: HubModel): Html {
  const links = [
    ...(hub.rules?.routes.length ? [{ href: '#appeal-routes', label: 'Where to send an appeal' }] : []),
    ...(hub.rules?.deadlines.length ? [{ href: '#deadlines', label: 'Deadlines by plan type' }] : []),
    // The denial reasons' sections follow one another: the first stands for them all.
    ...(hub.rules?.sections.slice(0, 1).map((s) => ({ href: `#${s.id}`, label: 'Each kind of denial' })) ??
      []),
    ...[...new Set(hub.groups.flatMap((g) => (g.section === undefined ? [] : [g.section])))].map((name) => ({
      href: `#${sectionId(name)}`,
      label: `Guides: ${name.toLowerCase()}`,
    })),
  ];
  if (links.length < 4) return markup``;
  return markup`<nav class="toc jump" aria-labelledby="jump-heading"><h2 id="jump-heading">On this page</h2><ul class="hub-links">${links.map(
    (l) => markup`<li><a href="${url(l.href)}">${l.label}</a></li>`,
  )}</ul></nav>`;
}

/** The filter box for a hub with many guides: hidden without JavaScript (the grouped lists and jump links remain). */
function renderFilter(hub: HubModel): Html {
  const guides =
    hub.groups.reduce((n, g) => n + g.links.length, 0) + hub.others.reduce((n, g) => n + g.links.length, 0);
  if (guides < 20) return markup``;
  return markup`<p class="hub-filter" data-hub-filter hidden><label>Find a guide <input type="search" name="filter" autocomplete="off" placeholder="A drug, test, insurer or reason"></label> <span class="hub-filter-count" aria-live="polite"></span></p>`;
}

export function hubParts(site: Site, hub: HubModel): PageParts {
  const groups = renderGroups(hub.groups);
  const empty = hub.groups.length === 0 && markup`<p>No reviewed guides are published here yet.</p>`;
  const others =
    hub.others.length > 0 &&
    markup`<section aria-labelledby="awaiting"><h2 id="awaiting">Guides awaiting a specific review</h2>${hub.others.map(
      (group) =>
        markup`<h3>${group.heading}</h3><ul class="hub-others">${group.links.map(
          (link) => markup`<li><a href="${url(link.href)}">${link.title}</a></li>`,
        )}</ul>`,
    )}</section>`;
  const rules = hub.rules && renderHubRules(hub.rules);
  const cited = [...(hub.rules?.sources ?? []), ...(hub.sources ?? [])];
  const sources = cited.length > 0 && renderSourcesList(cited);
  const listsGuides = !['plan', 'page', 'state'].includes(hub.kind);
  const main = markup`<h1>${hub.h1}</h1><p class="lede">${hub.description}</p>${renderJumpLinks(hub)}${renderFilter(hub)}${hub.body}${rules}${groups}${listsGuides ? empty : ''}${others}${sources}`;
  return {
    head: headTags(site, hub, cardKindOfHub(hub.kind)),
    breadcrumb: renderBreadcrumb(hub.breadcrumb).__html,
    main: main.__html,
    related: '',
    sticky: '',
  };
}
