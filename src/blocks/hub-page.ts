// A hub (home, payer, item or reason) as the parts its layout places: its heading, description and the guides
// under it in groups (home: the hubs, each with a short summary).
import type { Site } from '../schema/index.ts';
import { headTags } from './head.ts';
import { markup, url } from '../html/markup.ts';
import type { HubModel } from '../models/hub-models.ts';
import { renderBreadcrumb } from './breadcrumb.ts';
import type { PageParts } from './guide-page.ts';

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
    markup`<section><h2>Guides awaiting a specific review</h2><ul>${hub.others.map(
      (link) => markup`<li><a href="${url(link.href)}">${link.title}</a></li>`,
    )}</ul></section>`;
  const main = markup`<h1>${hub.h1}</h1><p class="lede">${hub.description}</p>${groups}${empty}${others}`;
  return {
    head: headTags(site, hub),
    breadcrumb: renderBreadcrumb(hub.breadcrumb).__html,
    main: main.__html,
    sticky: '',
  };
}
