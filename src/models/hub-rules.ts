// The rules that live on hubs rather than on every guide: a payer's hub has the deadline tables of the plan lines it
// runs; a plan line's hub has that line's tables and, for each denial reason, the rules that bear on it. Guides
// link here with one line each (see templates/rights.hbs and blocks/guide-page.ts).
import type { Angle, ValidData } from '../content/validate.ts';
import { renderAngleBody } from '../html/angle-render.ts';
import type { Html } from '../html/markup.ts';
import { kindScope, type PageScope } from '../plan/page-scope.ts';
import { planHubPath } from '../plan/urls.ts';
import type {
  AppealRoute,
  Fact,
  ItemKind,
  Payer,
  PayerFigure,
  PlanLine,
  PlanLineInfo,
  Reason,
} from '../schema/index.ts';
import { Citations, statementFor } from './citations.ts';
import { deadlinePlans, type DeadlinePlan } from './deadlines.ts';
import { freshDate, type PageLink, type PageRule, type PageSource } from './page-model.ts';

export interface HubRules {
  /** Paragraphs before the tables: who the line is for, how to tell, the law. */
  intro: string[];
  /** Plan-line hubs (on a payer's hub) or payer hubs (on a plan line's hub). */
  links: { heading: string; links: PageLink[] };
  deadlines: DeadlinePlan[];
  /**
   * Per denial reason: on a plan line's hub, the rules that bear on it on that line; on a payer's hub, how the payer
   * handles it (its payer × reason angle, once per kind of item when it reads differently for each).
   */
  sections: {
    id: string;
    heading: string;
    rules: PageRule[];
    /** The angle shown, once per distinct rendering, with the kinds of item each rendering is for. */
    parts: { heading?: string; html: Html; kinds: ItemKind[] }[];
    /** The file of the angle shown, for the build's checks. */
    file?: string;
  }[];
  sources: PageSource[];
  /** How to send an appeal on each plan line, where the payer's own page says so (payer hubs). */
  routes: (AppealRoute & { lines: string })[];
  /** Figures published about the payer, each cited (payer hubs). */
  figures: PayerFigure[];
}

/**
 * A scope for a hub's tables: the given lines, every benefit, and a drug (the kind with the most rules: Part D's
 * and the drug exception rows); rules of a line hold for every kind unless a fact narrows them.
 */
function hubScope(lines: PlanLine[]): PageScope {
  return { lines, kind: 'drug', benefits: ['medical', 'pharmacy'] };
}

/** The facts a page cited, numbered in the order it cited them, each with the day it was checked if recent. */
export function numberedSources(data: ValidData, citations: Citations): PageSource[] {
  return citations.used().map((f, i) => {
    const checked = freshDate(f, data.today, data.site.audit.factFreshnessMonths);
    return {
      n: i + 1,
      fact: f.id,
      title: f.statement,
      citation: f.citation,
      url: f.url,
      ...(checked && { checked }),
    };
  });
}

const planLink = (line: PlanLineInfo): PageLink => ({ href: planHubPath(line.slug), label: line.name });

/** The payer's angle for one reason, rendered for each kind of item it applies to; identical renderings merge. */
function payerReasonParts(
  data: ValidData,
  payer: Payer,
  angle: Angle,
  reason: Reason,
  citations: Citations,
): { heading?: string; html: Html; kinds: ItemKind[] }[] {
  const kinds = reason.appliesTo.filter(
    (k) => payer.kinds.includes(k) && (!angle.kinds || angle.kinds.includes(k)),
  );
  const rendered: { kinds: ItemKind[]; html: Html }[] = [];
  for (const kind of kinds) {
    const scope = kindScope(payer, kind, data.planLines);
    const html = renderAngleBody(angle.compiled, citations.rescoped(scope).components());
    const same = rendered.find((r) => r.html.__html === html.__html);
    if (same) same.kinds.push(kind);
    else rendered.push({ kinds: [kind], html });
  }
  if (rendered.length === 1) return rendered;
  return rendered.map((r) => ({
    heading: `For ${r.kinds.map((k) => KIND_PLURAL[k]).join(' and ')}`,
    html: r.html,
    kinds: r.kinds,
  }));
}

const KIND_PLURAL: Record<ItemKind, string> = {
  drug: 'drugs',
  test: 'tests',
  procedure: 'procedures',
  device: 'devices',
};

export function payerHubRules(data: ValidData, payer: Payer): HubRules {
  const citations = new Citations(data.facts, undefined, data.planLines);
  const lines = data.planLines.filter((l) => payer.planLines.includes(l.id));
  const deadlines = deadlinePlans(data.facts.values(), hubScope(payer.planLines), data.planLines, (id) =>
    citations.number(id),
  );
  const sections = data.reasons.flatMap((reason) => {
    const angle = data.angles.find((a) => a.payer === payer.slug && a.reason === reason.slug && !a.item);
    if (!angle) return [];
    return [
      {
        id: reason.slug,
        heading: `How ${payer.shortName} handles ${reason.name.toLowerCase()} appeals`,
        rules: [],
        parts: payerReasonParts(data, payer, angle, reason, citations),
        file: angle.file,
      },
    ];
  });
  return {
    intro: [],
    links: { heading: `Appeal rules for each kind of ${payer.shortName} plan`, links: lines.map(planLink) },
    deadlines,
    sections,
    sources: numberedSources(data, citations),
    routes: payer.appeals.map((route) => ({
      ...route,
      lines: data.planLines
        .filter((l) => route.planLines.includes(l.id))
        .map((l) => l.name)
        .join('; '),
    })),
    figures: payer.figures,
  };
}

export function planLineHubRules(data: ValidData, line: PlanLineInfo): HubRules {
  const citations = new Citations(data.facts, undefined, data.planLines);
  const scope = hubScope([line.id]);
  const holds = (fact: Fact) => fact.appliesTo.planLines.includes(line.id);
  const deadlines = deadlinePlans(data.facts.values(), scope, data.planLines, (id) => citations.number(id));
  const sections = data.reasons
    .map((reason) => ({
      id: reason.slug,
      heading: `${reason.name} denials`,
      rules: reason.rules
        .map((id) => data.facts.get(id)!)
        .filter(holds)
        .map((fact) => ({
          statement: statementFor(fact, data.planLines, scope),
          n: citations.number(fact.id),
          citation: fact.citation,
        })),
      parts: [],
    }))
    .filter((section) => section.rules.length > 0);
  const payers = data.payers.filter((p) => p.planLines.includes(line.id));
  return {
    intro: [`The rules come from ${line.law}.`],
    links: {
      heading: `Payers on this site that run ${line.inSentence}`,
      links: payers.map((p) => ({ href: `/${p.slug}/`, label: p.name })),
    },
    deadlines,
    sections,
    sources: numberedSources(data, citations),
    routes: [],
    figures: [],
  };
}
