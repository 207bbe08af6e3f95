// Synthetic data sets for `npm run bench`: the shape of the real data (payers with plan lines and request
// routes, items of every kind with their evidence, reasons, facts, angles in all three layers with realistic
// word counts), generated from a seed so every run builds the same pages. Written outside data/.
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** A small deterministic PRNG (mulberry32): the same seed gives the same data set on every machine. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SyntheticShape {
  payers: number;
  items: number;
  /** Share of combinations that get a full payer × item × reason angle. */
  fullShare: number;
}

export const REASONS = [
  'prior-authorization',
  'not-medically-necessary',
  'experimental',
  'step-therapy',
  'out-of-network',
] as const;

/** payers × items × reasons = pages, exactly. */
export function shapeFor(pages: number): SyntheticShape {
  const perPayer = pages / REASONS.length;
  const payers = [10, 20, 25, 40, 50, 100].find((p) => perPayer % p === 0 && perPayer / p <= 400) ?? 10;
  return { payers, items: Math.round(perPayer / payers), fullShare: 0.02 };
}

const SYLLABLES = [
  'ka',
  'lo',
  'mi',
  'ren',
  'tor',
  'vi',
  'sa',
  'pel',
  'dun',
  'cor',
  'bi',
  'fel',
  'gra',
  'hu',
  'jen',
];
const COMMON = [
  'the',
  'plan',
  'appeal',
  'your',
  'doctor',
  'records',
  'policy',
  'criteria',
  'denial',
  'request',
  'and',
  'with',
  'for',
  'that',
  'each',
  'notes',
  'review',
  'letter',
  'evidence',
  'should',
  'date',
  'before',
  'after',
  'when',
];

function vocabulary(random: () => number, size: number): string[] {
  const words = new Set<string>();
  while (words.size < size) {
    const n = 1 + Math.floor(random() * 4);
    let w = '';
    for (let i = 0; i < n; i++) w += SYLLABLES[Math.floor(random() * SYLLABLES.length)];
    words.add(w);
  }
  return [...words];
}

function prose(random: () => number, vocab: string[], words: number): string {
  const out: string[] = [];
  let sentence: string[] = [];
  for (let i = 0; i < words; i++) {
    const pool = random() < 0.45 ? COMMON : vocab;
    sentence.push(pool[Math.floor(random() * pool.length)]!);
    if (sentence.length >= 8 + Math.floor(random() * 12) || i === words - 1) {
      const s = sentence.join(' ');
      out.push(`${s[0]!.toUpperCase()}${s.slice(1)}.`);
      sentence = [];
    }
  }
  // Paragraphs of about four sentences.
  const paragraphs: string[] = [];
  for (let i = 0; i < out.length; i += 4) paragraphs.push(out.slice(i, i + 4).join(' '));
  return paragraphs.join('\n\n');
}

const yamlString = (s: string) => JSON.stringify(s);

function angle(
  random: () => number,
  vocab: string[],
  keys: Record<string, string>,
  words: number,
  withHook: boolean,
): string {
  const front = [
    '---',
    ...Object.entries(keys).map(([k, v]) => `${k}: ${v}`),
    'reviewedBy: editorial-desk',
    'reviewed: 2026-11-23',
    ...(withHook
      ? [
          `hook: ${yamlString(prose(random, vocab, 30).replace(/\n+/g, ' '))}`,
          'evidence:',
          ...Array.from({ length: 4 }, () => `  - ${yamlString(prose(random, vocab, 9).replace(/\.$/, ''))}`),
        ]
      : []),
    'sources: []',
    '---',
    '',
  ];
  const body = prose(random, vocab, words - 10);
  const [first, ...rest] = body.split('\n\n');
  // Rules are cited as real angles cite them: only where they hold (<IfRule>), so every payer's pages check clean.
  return `${front.join('\n')}${first} <IfRule id="internal-appeal-window">The internal appeal is due within <Value id="internal-appeal-window" />.</IfRule>\n\n## ${prose(random, vocab, 4).replace(/\.$/, '')}\n\n${rest.join('\n\n')}\n\n<IfRule id="external-review-scope"><Fact id="external-review-scope" /></IfRule>\n`;
}

type Random = ReturnType<typeof prng>;

/** The mixes of plan lines the real payers run, so every plan line's rules and calculator rows are exercised. */
const LINE_SETS = [
  ['employer-insured', 'employer-self-funded', 'individual'],
  [
    'employer-insured',
    'employer-self-funded',
    'medicare-advantage',
    'part-d',
    'medicaid-managed-care',
    'fehb',
  ],
  ['individual', 'medicaid-managed-care'],
  ['employer-insured', 'employer-self-funded', 'part-d'],
  ['employer-insured', 'individual', 'medicare-advantage', 'part-d'],
];

function payersYaml(random: Random, vocab: string[], count: number): string {
  const payers = Array.from({ length: count }, (_, i) => {
    const lines = LINE_SETS[i % LINE_SETS.length]!;
    return [
      `- slug: payer-${i}`,
      `  name: Synthetic Payer ${i} Health Plans`,
      `  shortName: Payer ${i}`,
      `  planLines: [${lines.join(', ')}]`,
      '  policyLibraries:',
      `    - name: Payer ${i} Medical Policies`,
      `      url: https://payer-${i}.example/policies`,
      '  requests:',
      `    medical: ${yamlString(prose(random, vocab, 18).replace(/\n+/g, ' '))}`,
      `    pharmacy: ${yamlString(prose(random, vocab, 16).replace(/\n+/g, ' '))}`,
    ].join('\n');
  });
  return `${payers.join('\n')}\n`;
}

const EVIDENCE = {
  drug: [
    '    genericName: synthetimab',
    '    benefit: medical-or-pharmacy',
    '    compendia: [Synthetic Compendium]',
  ],
  test: [
    '    category: tumor-molecular',
    '    regulatoryStatus: varies',
    '    medicareCoverage: [NCD 90.2]',
    '    guidelines: [Synthetic Guideline]',
  ],
  procedure: [
    '    codeSystem: CPT',
    '    criteriaSets: [InterQual, MCG]',
    '    guidelines: [Synthetic Guideline]',
  ],
};

function itemsYaml(count: number): string {
  const kinds = ['drug', 'test', 'procedure'] as const;
  const items = Array.from({ length: count }, (_, i) => {
    const kind = kinds[i % kinds.length]!;
    return [
      `- slug: item-${i}`,
      `  name: Item ${i}`,
      `  kind: ${kind}`,
      `  class: synthetic ${kind} class ${i % 7}`,
      `  specialty: specialty ${i % 5}`,
      '  evidence:',
      ...EVIDENCE[kind],
    ].join('\n');
  });
  return `${items.join('\n')}\n`;
}

function reasonsYaml(random: Random, vocab: string[]): string {
  const reasons = REASONS.map((slug) =>
    [
      `- slug: ${slug}`,
      `  name: Synthetic ${slug.replace(/-/g, ' ')}`,
      `  phrase: failing synthetic ${slug.replace(/-/g, ' ')}`,
      `  hook: ${yamlString(prose(random, vocab, 28).replace(/\n+/g, ' '))}`,
      '  appliesTo: [drug, test, procedure, device]',
      '  evidence:',
      ...Array.from({ length: 4 }, () => `    - ${yamlString(prose(random, vocab, 10).replace(/\.$/, ''))}`),
    ].join('\n'),
  );
  return `${reasons.join('\n')}\n`;
}

/**
 * A fact of the synthetic data only, cited by every other full angle (1% of the pages): the bench's one-fact edit
 * changes it, so that edit reaches about 1% of the pages, as an edit to a narrow rule does on the real site.
 */
export const RARE_FACT = 'bench-rare-fact';
const RARE_FACT_YAML = `
- id: ${RARE_FACT}
  statement: >-
    A rule the synthetic data cites on about one page in a hundred, so the bench can time an edit to it.
  appliesTo:
    planLines: [employer-insured, employer-self-funded, individual, medicare-advantage, part-d, medicaid-managed-care, fehb]
  citation: "29 CFR 2590.715-2719(d)(1)(i)(A)"
  url: https://www.ecfr.gov/current/title-29/section-2590.715-2719
  checked: 2026-11-23
`;

/** The three layers of angles: payer × reason, item × reason, and full angles for a share of the pages. */
async function writeAngles(
  data: string,
  random: Random,
  vocab: string[],
  shape: SyntheticShape,
  pages: number,
) {
  const write = (folder: string, name: string, text: string) =>
    writeFile(path.join(data, 'angles', folder, `${name}.mdx`), text);
  for (const folder of ['payer-reason', 'item-reason', 'full'])
    await mkdir(path.join(data, 'angles', folder), { recursive: true });
  for (let p = 0; p < shape.payers; p++)
    for (const reason of REASONS) {
      const keys = { payer: `payer-${p}`, reason };
      await write(
        'payer-reason',
        `payer-${p}--${reason}`,
        angle(random, vocab, keys, 160 + Math.floor(random() * 30), false),
      );
    }
  for (let i = 0; i < shape.items; i++)
    for (const reason of REASONS) {
      const keys = { item: `item-${i}`, reason };
      await write(
        'item-reason',
        `item-${i}--${reason}`,
        angle(random, vocab, keys, 320 + Math.floor(random() * 110), true),
      );
    }
  const fullCount = Math.round(pages * shape.fullShare);
  for (let n = 0; n < fullCount; n++) {
    const p = n % shape.payers;
    const i = Math.floor(n / shape.payers) % shape.items;
    const reason = REASONS[Math.floor(n / (shape.payers * shape.items)) % REASONS.length]!;
    const keys = { payer: `payer-${p}`, item: `item-${i}`, reason };
    const text = angle(random, vocab, keys, 260 + Math.floor(random() * 140), true);
    const rare = n % 2 === 0 ? `\n<IfRule id="${RARE_FACT}"><Fact id="${RARE_FACT}" /></IfRule>\n` : '';
    await write('full', `payer-${p}--item-${i}--${reason}`, `${text}${rare}`);
  }
}

/** Writes data/ and templates/ for a data set of `pages` combination pages into `dir`. */
export async function writeSyntheticSite(
  dir: string,
  pages: number,
  options: { root: string; seed?: number },
): Promise<SyntheticShape> {
  const random = prng(options.seed ?? 20261123);
  const vocab = vocabulary(random, 4000);
  const shape = shapeFor(pages);
  const data = path.join(dir, 'data');
  await rm(dir, { recursive: true, force: true });
  await mkdir(path.join(data, 'angles'), { recursive: true });
  const site = (await readFile(path.join(options.root, 'data/site.yaml'), 'utf8')).replace(
    /nonIndexable: \w+/,
    'nonIndexable: noindex',
  );
  await writeFile(path.join(data, 'site.yaml'), site);
  // The tables the synthetic rows refer to, and the trust pages, are the real site's own.
  for (const table of ['plan-lines.yaml', 'holidays.yaml', 'states.yaml'])
    await writeFile(path.join(data, table), await readFile(path.join(options.root, 'data', table)));
  const facts = await readFile(path.join(options.root, 'data', 'facts.yaml'), 'utf8');
  await writeFile(path.join(data, 'facts.yaml'), `${facts.trimEnd()}\n${RARE_FACT_YAML}`);
  await cp(path.join(options.root, 'data', 'pages'), path.join(data, 'pages'), { recursive: true });
  await writeFile(path.join(data, 'payers.yaml'), payersYaml(random, vocab, shape.payers));
  await writeFile(path.join(data, 'items.yaml'), itemsYaml(shape.items));
  await writeFile(path.join(data, 'reasons.yaml'), reasonsYaml(random, vocab));
  await writeAngles(data, random, vocab, shape, pages);
  return shape;
}
