// Checks the build runs on every page model before writing it, cheap enough for every page: no word from
// site.yaml's audit.kindWords for the item's kind, and no word naming a plan line the payer does not run
// (data/plan-lines.yaml `mentions`), and no markup fault in the data-made fragments (page-markup.ts). A fault
// names the page and the file responsible.
import { createError, type DataError } from '../errors/data-error.ts';
import type { Html } from '../html/markup.ts';
import type { PageModel } from '../models/page-model.ts';
import type { CheckedSite } from '../plan/check-site.ts';
import type { Combination } from '../plan/join.ts';
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
    { file: combo?.payerAngle?.file ?? 'the payer angle', text: fragment(page.html.payerAngle) },
    { file: combo?.itemAngle?.file ?? 'the angle', text: fragment(page.html.angle) },
    { file: `${templates}next-steps.hbs`, text: fragment(page.html.nextSteps) },
    { file: `${templates}cta.hbs`, text: fragment(page.html.cta) },
    { file: 'data/facts.yaml (a reason rule)', text: page.rules.map((r) => r.statement).join(' ') },
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

export function checkPages(site: CheckedSite, pages: readonly PageModel[]): DataError[] {
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
  const combos = new Map(site.join.combinations.map((c) => [c.path, c]));
  for (const page of pages) {
    const combo = combos.get(page.path);
    const deny = denied[page.item.kind];
    const absent = mentions.filter((m) => m.pattern && !combo?.payer.planLines.includes(m.line));
    for (const part of parts(combo, page)) {
      const found = deny?.exec(part.text)?.[1];
      if (found)
        report(
          'KindWord',
          part.file,
          `${part.file}|${found.toLowerCase()}|${page.item.kind}`,
          `"${found}" appears on ${page.path}, a ${page.item.kind} page (from ${part.file}).`,
        );
      for (const { line, pattern: mention } of absent) {
        const named = mention!.exec(part.text)?.[1];
        if (named)
          report(
            'PlanLineMention',
            part.file,
            `${part.file}|${line}|${page.payer.slug}`,
            `"${named}" (${line}) appears on ${page.path}, but ${page.payer.slug} runs no ${line} plans (from ${part.file}).`,
          );
      }
    }
  }
  return [...errors, ...markupErrors(combos, pages)];
}

/** Markup faults, one error per file and kind of fault, naming the first page and how many pages have it. */
function markupErrors(combos: Map<string, Combination>, pages: readonly PageModel[]): DataError[] {
  const groups = new Map<string, { fault: MarkupFault; pages: number }>();
  for (const page of pages) {
    const combo = combos.get(page.path);
    const files = {
      payerAngle: combo?.payerAngle?.file,
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
