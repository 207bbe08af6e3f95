// A deterministic sample of a built site for the gates that are too slow to run on every page (a browser, the Nu
// HTML Checker): one page of every kind a reader can land on, then evenly spaced combination pages up to `size`.
// Every entry says why it was picked, so the printed list explains itself.
import type { CheckedSite } from '../../src/plan/check-site.ts';
import type { Combination } from '../../src/plan/join.ts';
import { isRedirectStub, meta, type BuiltPage } from './dist.ts';

export interface SampledPage {
  page: BuiltPage;
  why: string;
}

/** A hub's shape: its path with the slugs replaced, so /cigna/ and /aetna/ are one kind and /items/x/ another. */
function hubShape(path: string, slugs: ReadonlySet<string>): string {
  return path
    .split('/')
    .map((part) => (slugs.has(part) ? '{slug}' : part))
    .join('/');
}

function angleLayer(combo: Combination): string {
  const item = combo.itemAngle;
  const itemLayer = !item
    ? 'no item angle'
    : item.payer && item.reason
      ? 'full angle'
      : item.reason
        ? 'item × reason angle'
        : 'item angle';
  return `${itemLayer}, ${combo.payerAngle ? 'payer angle' : 'no payer angle'}`;
}

export function samplePages(site: CheckedSite, pages: readonly BuiltPage[], size = 60): SampledPage[] {
  const combos = new Map(site.join.combinations.map((c) => [c.path, c]));
  const slugs = new Set([
    ...site.data.payers.map((p) => p.slug),
    ...site.data.items.map((i) => i.slug),
    ...site.data.reasons.map((r) => r.slug),
    ...site.data.planLines.map((l) => l.slug),
    ...site.data.states.map((s) => s.slug),
  ]);
  const picked = new Map<string, SampledPage>();
  const pick = (page: BuiltPage | undefined, why: string) => {
    if (!page) return;
    const already = picked.get(page.path);
    if (already) already.why += `; ${why}`;
    else picked.set(page.path, { page, why });
  };
  const real = pages.filter((p) => !isRedirectStub(p));
  const guides = real.filter((p) => combos.has(p.path));
  const firstGuide = (test: (c: Combination, p: BuiltPage) => boolean) =>
    guides.find((p) => test(combos.get(p.path)!, p));

  pick(
    real.find((p) => p.path === '/'),
    'home',
  );
  pick(
    real.find((p) => p.path === '/404.html'),
    '404 page',
  );
  const shapes = new Set<string>(['/', '/404.html']);
  for (const page of real.filter((p) => !combos.has(p.path) && p.path !== '/')) {
    const shape = hubShape(page.path, slugs);
    if (!shapes.has(shape)) pick(page, `hub ${shape}`);
    shapes.add(shape);
  }
  for (const kind of new Set(site.data.items.map((i) => i.kind)))
    pick(
      firstGuide((c) => c.item.kind === kind),
      `a ${kind} page`,
    );
  for (const lines of new Set(site.data.payers.map((p) => p.planLines.join(' '))))
    pick(
      firstGuide((c) => c.payer.planLines.join(' ') === lines),
      `plan lines ${lines}`,
    );
  for (const layer of new Set([...combos.values()].map(angleLayer)))
    pick(
      firstGuide((c) => angleLayer(c) === layer),
      layer,
    );
  pick(
    firstGuide((_, p) => /noindex/.test(meta(p, 'robots') ?? '')),
    'a noindex page',
  );
  pick(pages.find(isRedirectStub), 'a redirect page');

  const stride = Math.max(1, Math.floor(guides.length / Math.max(1, size - picked.size)));
  for (let i = 0; i < guides.length && picked.size < size; i += stride)
    if (!picked.has(guides[i]!.path)) pick(guides[i], 'evenly spaced');
  return [...picked.values()];
}
