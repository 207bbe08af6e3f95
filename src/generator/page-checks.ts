// Checks the build runs on every page model before writing it, cheap enough for every page: no word from
// site.yaml's audit.kindWords for the item's kind, and no word naming a plan line the payer does not run
// (data/plan-lines.yaml `mentions`), and no markup fault in the data-made fragments (page-markup.ts). A fault
// names the page and the file responsible.
import { createError, type DataError } from '../errors/data-error.ts';
import type { Html } from '../html/markup.ts';
import type { PageModel } from '../models/page-model.ts';
import type { CheckedSite } from '../plan/check-site.ts';
import type { Combination } from '../plan/join.ts';
import { payerHubPath } from '../plan/urls.ts';
import type { HubModel } from '../models/hub-models.ts';
import { markupFaults, type MarkupFault } from './page-markup.ts';

/** Text of a fragment as a reader sees it: tags dropped, entities of quotes and ampersands undone. */
function visible(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/\s+/g, ' ');
}

const pattern = (words: readonly string[]) =>
  words.length
    ? new RegExp(`\\b(${words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})\\b`, 'i')
    : undefined;

/** The parts of a page, each with the file whose text it is. */
function parts(combo: Combination | undefined, page: PageModel): { file: string; text: string }[] {
  const fragment = (html: Html | undefined) => (html ? visible(html.__html) : '');
  const templates = 'templates/';
  return [
    {
      file: combo?.itemAngle?.hook ? `${combo.itemAngle.file} (hook)` : `${templates}hook.hbs`,
      text: fragment(page.html.hook),
    },
    { file: `${templates}rights.hbs`, text: fragment(page.html.rights) },
    { file: `${templates}requirements/${page.item.kind}.hbs`, text: fragment(page.html.requirements) },
    { file: combo?.payerItemNote?.file ?? 'the payer × item note', text: fragment(page.html.payerItem) },
    { file: combo?.itemAngle?.file ?? 'the angle', text: fragment(page.html.angle) },
    { file: `${templates}next-steps.hbs`, text: fragment(page.html.nextSteps) },
    { file: `${templates}cta.hbs`, text: fragment(page.html.cta) },
    { file: 'data/reasons.yaml or the angle (checklist)', text: page.checklist.join(' ') },
    {
      file: 'data/plan-lines.yaml (calculator)',
      text: page.deadlines.map((p) => `${p.name} ${p.howToTell.join(' ')}`).join(' '),
    },
    {
      file: "the angles' sources (further reading)",
      text: page.sources
        .filter((s) => s.n === undefined)
        .map((s) => s.title)
        .join(' '),
    },
  ];
}

/** Where a text is shown: the page, its payer's slug and plan lines, the kinds of item it speaks of. */
interface Place {
  path: string;
  payer: string;
  lines: readonly string[];
  kinds: readonly string[];
}

export function checkPages(
  site: CheckedSite,
  pages: readonly PageModel[],
  hubs: readonly HubModel[] = [],
): DataError[] {
  const denied = Object.fromEntries(
    Object.entries(site.data.site.audit.kindWords).map(([kind, words]) => [kind, pattern(words ?? [])]),
  );
  const mentions = site.data.planLines.map((line) => ({ line: line.id, pattern: pattern(line.mentions) }));
  const errors: DataError[] = [];
  const reported = new Set<string>();
  const report = (name: 'KindWord' | 'PlanLineMention', file: string, key: string, message: string) => {
    if (reported.has(key)) return;
    reported.add(key);
    errors.push(createError(name, { file: file.split(' ')[0]!, line: 1, column: 1 }, { message }));
  };
  const check = (place: Place, part: { file: string; text: string }) => {
    for (const kind of place.kinds) {
      const found = denied[kind]?.exec(part.text)?.[1];
      if (found)
        report(
          'KindWord',
          part.file,
          `${part.file}|${found.toLowerCase()}|${kind}`,
          `"${found}" appears on ${place.path}, in text for a ${kind} (from ${part.file}).`,
        );
    }
    for (const { line, pattern: mention } of mentions) {
      if (!mention || place.lines.includes(line)) continue;
      const named = mention.exec(part.text)?.[1];
      if (named)
        report(
          'PlanLineMention',
          part.file,
          `${part.file}|${line}|${place.payer}`,
          `"${named}" (${line}) appears on ${place.path}, but ${place.payer} runs no ${line} plans (from ${part.file}).`,
        );
    }
  };
  const combos = new Map(site.join.combinations.map((c) => [c.path, c]));
  for (const page of pages) {
    const combo = combos.get(page.path);
    const place = {
      path: page.path,
      payer: page.payer.slug,
      lines: combo?.payer.planLines ?? [],
      kinds: [page.item.kind],
    };
    for (const part of parts(combo, page)) check(place, part);
  }
  // A payer's hub shows its payer × reason angles, each rendered for the kinds of item it is about.
  const payers = new Map(site.data.payers.map((p) => [payerHubPath(p.slug), p]));
  for (const hub of hubs) {
    const payer = payers.get(hub.path);
    if (!payer || !hub.rules) continue;
    for (const section of hub.rules.sections)
      for (const part of section.parts)
        check(
          { path: hub.path, payer: payer.slug, lines: payer.planLines, kinds: part.kinds },
          { file: section.file ?? 'a payer angle', text: visible(part.html.__html) },
        );
  }
  return [...errors, ...markupErrors(combos, pages)];
}

/** Markup faults, one error per file and kind of fault, naming the first page and how many pages have it. */
function markupErrors(combos: Map<string, Combination>, pages: readonly PageModel[]): DataError[] {
  const groups = new Map<string, { fault: MarkupFault; pages: number }>();
  for (const page of pages) {
    const combo = combos.get(page.path);
    const files = {
      payerItem: combo?.payerItemNote?.file,
      angle: combo?.itemAngle?.file,
      hook: combo?.itemAngle?.hook ? combo.itemAngle.file : undefined,
    };
    for (const fault of markupFaults(page, files)) {
      const key = `${fault.file}|${fault.hint}`;
      const group = groups.get(key);
      if (group) group.pages++;
      else groups.set(key, { fault, pages: 1 });
    }
  }
  return [...groups.values()].map(({ fault, pages: count }) =>
    createError(
      'PageMarkup',
      { file: fault.file, line: 1, column: 1 },
      {
        message: count > 1 ? `${fault.message} (and ${count - 1} more page(s))` : fault.message,
        hint: fault.hint,
      },
    ),
  );
}
