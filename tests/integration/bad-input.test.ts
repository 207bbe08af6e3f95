// Bad input of every kind an editor can produce. Each case asserts the error's name, file, line (and column or
// message where it matters), and that a build over the previous output leaves every byte of it unchanged.
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildSite } from '../../src/generator/build-site.ts';
import { hashTree, makeFixture, type Fixture } from '../helpers/fixture.ts';

const ANGLE = 'data/angles/acme--wonderdrug--step-therapy.mdx';
const bytes = (text: string) => Buffer.from(text);

interface Case {
  name: string;
  change: (f: Fixture) => Promise<void>;
  expect: { name: string; file: string; line: number; column?: number; message?: string; hint?: string };
}

const replace = (file: string, from: string, to: string) => async (f: Fixture) => {
  const text = await f.read(file);
  if (!text.includes(from)) throw new Error(`case setup: "${from}" not in ${file}`);
  await f.write(file, text.replace(from, to));
};
const write = (file: string, text: string) => (f: Fixture) => f.write(file, text);

const cases: Case[] = [
  {
    name: 'malformed YAML (unclosed flow list)',
    change: replace('data/items.yaml', 'compendia: [Example Compendium]', 'compendia: [Example Compendium'),
    expect: { name: 'YamlSyntax', file: 'data/items.yaml', line: 10 },
  },
  {
    name: 'a tab used for indentation',
    change: replace('data/items.yaml', '  name: Wonderdrug', '\tname: Wonderdrug'),
    expect: { name: 'YamlSyntax', file: 'data/items.yaml', line: 2 },
  },
  {
    name: 'duplicate key in one entry',
    change: replace('data/items.yaml', '  name: Wonderdrug\n', '  name: Wonderdrug\n  name: Other\n'),
    expect: { name: 'DuplicateKey', file: 'data/items.yaml', line: 3 },
  },
  {
    name: 'wrong type: a string where a list belongs',
    change: replace('data/payers.yaml', 'planLines: [employer-insured]', 'planLines: employer-insured'),
    expect: {
      name: 'InvalidType',
      file: 'data/payers.yaml',
      line: 14,
      column: 14,
      message: 'Expected array',
    },
  },
  {
    name: 'wrong type: a number where text belongs',
    change: replace('data/items.yaml', 'specialty: rheumatology', 'specialty: 42'),
    expect: { name: 'InvalidType', file: 'data/items.yaml', line: 5, column: 14 },
  },
  {
    name: 'unknown key with a did-you-mean',
    change: replace('data/items.yaml', '  specialty: rheumatology', '  specialtyy: rheumatology'),
    expect: {
      name: 'UnknownKey',
      file: 'data/items.yaml',
      line: 5,
      column: 3,
      hint: 'Did you mean "specialty"?',
    },
  },
  {
    name: 'unknown nested key in site.yaml',
    change: replace('data/site.yaml', '  promoCode: FIX25', '  promocode: FIX25'),
    expect: {
      name: 'UnknownKey',
      file: 'data/site.yaml',
      line: 9,
      column: 3,
      hint: 'Did you mean "promoCode"?',
    },
  },
  {
    name: 'missing required field',
    change: replace('data/items.yaml', '  class: example biologic\n', ''),
    expect: {
      name: 'MissingField',
      file: 'data/items.yaml',
      line: 1,
      column: 3,
      message: 'Required field "class" is missing.',
    },
  },
  {
    name: 'value outside an enum',
    change: replace('data/items.yaml', 'benefit: pharmacy', 'benefit: pharmacie'),
    expect: {
      name: 'InvalidValue',
      file: 'data/items.yaml',
      line: 8,
      column: 14,
      hint: 'Did you mean "pharmacy"?',
    },
  },
  {
    name: 'slug with capitals and spaces',
    change: replace('data/items.yaml', '- slug: wonderdrug', '- slug: Wonder Drug'),
    expect: { name: 'InvalidSlug', file: 'data/items.yaml', line: 1, column: 9, hint: 'Try "wonder-drug".' },
  },
  {
    name: 'duplicate slug',
    change: replace('data/items.yaml', '- slug: gene-panel', '- slug: wonderdrug'),
    expect: { name: 'DuplicateSlug', file: 'data/items.yaml', line: 10, column: 9 },
  },
  {
    name: 'reserved slug',
    change: replace('data/payers.yaml', '- slug: beta', '- slug: reasons'),
    expect: { name: 'ReservedSlug', file: 'data/payers.yaml', line: 11, column: 9 },
  },
  {
    name: 'former slug that is another entry’s live slug',
    change: replace('data/payers.yaml', 'formerSlugs: [acme-health]', 'formerSlugs: [beta]'),
    expect: { name: 'DuplicateSlug', file: 'data/payers.yaml', line: 10, column: 17 },
  },
  {
    name: 'javascript: URL',
    change: replace('data/payers.yaml', 'https://beta.example/policies', 'javascript:alert(1)'),
    expect: { name: 'UnsafeUrl', file: 'data/payers.yaml', line: 17, column: 12 },
  },
  {
    name: 'http: (non-https) URL in angle sources',
    change: replace(ANGLE, 'https://policies.acme.example/step', 'http://policies.acme.example/step'),
    expect: { name: 'UnsafeUrl', file: ANGLE, line: 9, column: 10 },
  },
  {
    name: 'non-https fact source',
    change: async (f) =>
      f.write(
        'data/facts.yaml',
        (await f.read('data/facts.yaml')).replace(
          'url: https://www.ecfr.gov/current/title-29/section-2560.503-1',
          'url: ftp://www.ecfr.gov/x',
        ),
      ),
    expect: { name: 'UnsafeUrl', file: 'data/facts.yaml', line: 24, column: 8 },
  },
  {
    name: 'first-letter price above list price',
    change: replace('data/site.yaml', 'firstLetterPrice: 30', 'firstLetterPrice: 50'),
    expect: { name: 'InvalidValue', file: 'data/site.yaml', line: 7, column: 21 },
  },
  {
    name: 'empty data file',
    change: write('data/reasons.yaml', ''),
    expect: { name: 'EmptyFile', file: 'data/reasons.yaml', line: 1, column: 1 },
  },
  {
    name: 'missing data file',
    change: (f) => rm(path.join(f.root, 'data/facts.yaml')),
    expect: { name: 'FileUnreadable', file: 'data/facts.yaml', line: 1, column: 1 },
  },
  {
    name: 'invalid UTF-8 bytes',
    change: async (f) =>
      writeFile(
        path.join(f.root, 'data/reasons.yaml'),
        Buffer.concat([
          bytes((await f.read('data/reasons.yaml')).replace('  name: Step therapy\n', '')),
          bytes('\n# caf'),
          Buffer.from([0xc3, 0x28]),
          bytes('\n'),
        ]),
      ),
    expect: { name: 'InvalidEncoding', file: 'data/reasons.yaml', line: 17, column: 6 },
  },
  {
    name: 'huge file with one bad line at the end',
    change: async (f) => {
      const filler = Array.from({ length: 50_000 }, (_, i) => `# filler line ${i}`).join('\n');
      await f.write(
        'data/items.yaml',
        `${filler}\n${await f.read('data/items.yaml')}`.replace('kind: procedure', 'kind: surgery'),
      );
    },
    expect: { name: 'InvalidValue', file: 'data/items.yaml', line: 50_023, column: 9 },
  },
  {
    name: 'unknown payer slug in an angle',
    change: replace(ANGLE, 'payer: acme', 'payer: acmee'),
    expect: { name: 'UnknownSlug', file: ANGLE, line: 2, column: 8, hint: 'Did you mean "acme"?' },
  },
  {
    name: 'unknown item slug in an angle',
    change: replace(ANGLE, 'item: wonderdrug', 'item: wonderdrugs'),
    expect: { name: 'UnknownSlug', file: ANGLE, line: 3, column: 7, hint: 'Did you mean "wonderdrug"?' },
  },
  {
    name: 'unknown reason slug in an angle',
    change: replace(ANGLE, 'reason: step-therapy', 'reason: step-therapie'),
    expect: { name: 'UnknownSlug', file: ANGLE, line: 4, column: 9, hint: 'Did you mean "step-therapy"?' },
  },
  {
    name: 'unknown reviewer',
    change: replace(ANGLE, 'reviewedBy: editorial-desk', 'reviewedBy: editorial-dsk'),
    expect: { name: 'UnknownSlug', file: ANGLE, line: 5, column: 13, hint: 'Did you mean "editorial-desk"?' },
  },
  {
    name: 'frontmatter block missing',
    change: async (f) => f.write(ANGLE, (await f.read(ANGLE)).split('---\n')[2]!),
    expect: { name: 'MissingField', file: ANGLE, line: 1, column: 1 },
  },
  {
    name: 'frontmatter YAML syntax error',
    change: replace(ANGLE, 'reviewed: 2026-11-01', 'reviewed: [2026-11-01'),
    expect: { name: 'YamlSyntax', file: ANGLE, line: 7 },
  },
  {
    name: 'misspelt frontmatter key',
    change: replace(ANGLE, 'reviewed: 2026-11-01', 'reviewd: 2026-11-01'),
    expect: { name: 'UnknownKey', file: ANGLE, line: 6, column: 1, hint: 'Did you mean "reviewed"?' },
  },
  {
    name: 'review date not YYYY-MM-DD',
    change: replace(ANGLE, 'reviewed: 2026-11-01', 'reviewed: 01/11/2026'),
    expect: { name: 'InvalidDate', file: ANGLE, line: 6, column: 11 },
  },
  {
    name: 'review date in the future',
    change: replace(ANGLE, 'reviewed: 2026-11-01', 'reviewed: 2030-01-01'),
    expect: { name: 'FutureDate', file: ANGLE, line: 6, column: 11 },
  },
  {
    name: 'MDX syntax error',
    change: replace(ANGLE, '<Cite id="denial-notice-criteria" />', '<Cite id="denial-notice-criteria"'),
    expect: { name: 'MdxSyntax', file: ANGLE, line: 15 },
  },
  {
    name: 'MDX import',
    change: replace(ANGLE, '## Why Acme asks', 'import X from "./x.js"\n\n## Why Acme asks'),
    expect: { name: 'MdxDisallowed', file: ANGLE, line: 12, column: 1, message: 'import/export' },
  },
  {
    name: 'MDX JavaScript expression',
    change: replace(ANGLE, 'Write down each one', 'Write {alert(1)} down each one'),
    expect: { name: 'MdxDisallowed', file: ANGLE, line: 14, column: 75 },
  },
  {
    name: 'script tag in an angle',
    change: replace(ANGLE, '## Why Acme asks', '<script>alert(1)</script>\n\n## Why Acme asks'),
    expect: { name: 'MdxDisallowed', file: ANGLE, line: 12, column: 1, message: '<script>' },
  },
  {
    name: 'javascript: link in an angle',
    change: replace(ANGLE, 'Write down each one', 'Write down [each](javascript:alert(1)) one'),
    expect: { name: 'UnsafeUrl', file: ANGLE, line: 14, column: 80 },
  },
  {
    name: 'angle citing a fact that does not exist',
    change: replace(ANGLE, '<Value id="external-review-window" />', '<Value id="external-review-windows" />'),
    expect: {
      name: 'UnknownFact',
      file: ANGLE,
      line: 16,
      column: 28,
      hint: 'Did you mean "external-review-window"?',
    },
  },
  {
    name: 'template citing a fact that does not exist',
    change: async (f) =>
      f.write('templates/hook.hbs', `${await f.read('templates/hook.hbs')}{{cite "no-such-fact"}}\n`),
    expect: { name: 'UnknownFact', file: 'templates/hook.hbs', line: 2, column: 1 },
  },
  {
    name: 'template calling an unknown helper',
    change: write('templates/hook.hbs', '<p>{{shout reason.hook}}</p>\n'),
    expect: { name: 'TemplateError', file: 'templates/hook.hbs', line: 1, message: 'shout' },
  },
  {
    name: 'template syntax error',
    change: write('templates/hook.hbs', '<p>{{#if reason.hook}}{{reason.hook}}</p>\n'),
    expect: { name: 'TemplateError', file: 'templates/hook.hbs', line: 2 },
  },
  {
    name: 'angle for a reason that cannot apply to the item',
    change: write(
      'data/angles/knee.mdx',
      `---\nitem: knee-scope\nreason: step-therapy\nreviewedBy: editorial-desk\nreviewed: 2026-11-01\n---\n\n${'Words here. '.repeat(12)}\n`,
    ),
    expect: { name: 'InapplicableAngle', file: 'data/angles/knee.mdx', line: 3, column: 9 },
  },
  {
    name: 'angle shorter than the configured range',
    change: write(
      'data/angles/short.mdx',
      '---\nitem: knee-scope\nreviewedBy: editorial-desk\nreviewed: 2026-11-01\n---\n\nToo short.\n',
    ),
    expect: {
      name: 'AngleLength',
      file: 'data/angles/short.mdx',
      line: 6,
      column: 1,
      message: 'has 2 words',
    },
  },
  {
    name: 'two angles tie for one page',
    change: async (f) => f.write('data/angles/zz-copy.mdx', await f.read(ANGLE)),
    expect: { name: 'AngleTie', file: 'data/angles/zz-copy.mdx', line: 1, column: 1 },
  },
  {
    name: 'an angle states a Medicare Advantage rule for a payer that runs only employer plans',
    change: replace(
      'data/angles/beta--step-therapy.mdx',
      'then keep a copy of everything you send.',
      'then keep a copy of everything you send. A reconsideration is decided within\n<Value id="ma-reconsideration-decision" />.',
    ),
    expect: { name: 'FactOutOfScope', file: 'data/angles/beta--step-therapy.mdx', line: 10, column: 1 },
  },
  {
    name: 'an angle heading that skips a level',
    change: replace(
      'data/angles/beta--step-therapy.mdx',
      'Beta reviews step-therapy',
      '### Protocol first\n\nBeta reviews step-therapy',
    ),
    expect: {
      name: 'HeadingOrder',
      file: 'data/angles/beta--step-therapy.mdx',
      line: 8,
      column: 1,
      message: '### heading follows the start of the angle',
    },
  },
  {
    name: 'an angle names a plan line its payer does not run',
    change: replace(
      'data/angles/beta--step-therapy.mdx',
      'then keep a copy of everything you send.',
      'then keep a copy of everything you send. Medicare Advantage members have other routes.',
    ),
    expect: {
      name: 'PlanLineMention',
      file: 'data/angles/beta--step-therapy.mdx',
      line: 1,
      message:
        '"Medicare Advantage" (medicare-advantage) appears on /beta/, but beta runs no medicare-advantage',
    },
  },
  {
    name: 'a guide’s full angle names a plan line its payer does not run',
    change: replace(
      'data/angles/beta--knee-scope--prior-authorization.mdx',
      'and to send the criteria Beta names.',
      'and to send the criteria Beta names. Medicaid members have other routes.',
    ),
    expect: {
      name: 'PlanLineMention',
      file: 'data/angles/beta--knee-scope--prior-authorization.mdx',
      line: 1,
      message: '"Medicaid" (medicaid-managed-care) appears on /beta/knee-scope/prior-authorization/',
    },
  },
  {
    name: 'a test angle speaks of a prescriber',
    change: replace(
      'data/angles/gene-panel--step-therapy.mdx',
      'hook: For a gene panel,',
      'hook: Ask the prescriber first. For a gene panel,',
    ),
    expect: {
      name: 'KindWord',
      file: 'data/angles/gene-panel--step-therapy.mdx',
      line: 1,
      message: '"prescriber" appears on /',
    },
  },
  {
    name: 'a template heading that skips a level of the page outline',
    change: async (f) =>
      f.write('templates/rights.hbs', `${await f.read('templates/rights.hbs')}<h4>More</h4>\n`),
    expect: {
      name: 'HeadingOrder',
      file: 'templates/rights.hbs',
      line: 2,
      column: 1,
      message: "<h4> follows the section's <h2>",
    },
  },
  {
    name: 'a template link with no text',
    change: async (f) =>
      f.write(
        'templates/next-steps.hbs',
        `${await f.read('templates/next-steps.hbs')}<p><a href="https://example.org/"></a></p>\n`,
      ),
    expect: { name: 'PageMarkup', file: 'templates/next-steps.hbs', line: 1, message: 'a link with no text' },
  },
  {
    name: 'a template reuses an id of the page layout',
    change: async (f) =>
      f.write(
        'templates/requirements/drug.hbs',
        `${await f.read('templates/requirements/drug.hbs')}<p id="rights">Again</p>\n`,
      ),
    expect: {
      name: 'PageMarkup',
      file: 'templates/requirements/drug.hbs',
      line: 1,
      message: 'id "rights" on /acme/wonderdrug/',
    },
  },
  {
    name: 'a template image without alt text',
    change: async (f) =>
      f.write(
        'templates/cta.hbs',
        `${await f.read('templates/cta.hbs')}<img src="https://example.org/seal.png">\n`,
      ),
    expect: { name: 'PageMarkup', file: 'templates/cta.hbs', line: 1, message: 'an image without alt text' },
  },
  {
    name: 'a checkout button with no text',
    change: write('templates/cta-button.hbs', '{{#if false}}Start{{/if}}\n'),
    expect: { name: 'PageMarkup', file: 'templates/cta-button.hbs', line: 1, message: 'has no text' },
  },
];

let fixture: Fixture;
beforeEach(async () => {
  fixture = await makeFixture();
});
afterEach(async () => {
  await fixture.cleanup();
});

describe(`bad input (${cases.length} cases)`, () => {
  it('has at least 30 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
  });

  it.each(cases)('$name', async ({ change, expect: want }) => {
    // A previous deploy's output, which must survive the failed build byte for byte.
    const outDir = path.join(fixture.root, 'dist');
    await mkdir(path.join(outDir, 'acme'), { recursive: true });
    await writeFile(path.join(outDir, 'index.html'), '<!doctype html><title>previous</title>');
    await writeFile(path.join(outDir, 'acme', 'index.html'), 'previous acme');
    const before = await hashTree(outDir);

    await change(fixture);
    const summary = await buildSite({
      root: fixture.root,
      outDir,
      render: () => Promise.reject(new Error('must not render')),
    });
    expect(summary.ok).toBe(false);
    const errors = summary.errors.filter((e) => e.severity === 'error');
    const match = errors.find((e) => e.name === want.name && e.file === want.file);
    expect(
      match,
      JSON.stringify(
        errors.map((e) => `${e.file}:${e.line}:${e.column} ${e.name} ${e.message}`),
        null,
        1,
      ),
    ).toBeDefined();
    expect(match!.line).toBe(want.line);
    if (want.column !== undefined) expect(match!.column).toBe(want.column);
    if (want.message) expect(match!.message).toContain(want.message);
    if (want.hint) expect(match!.hint).toBe(want.hint);
    expect(await hashTree(outDir)).toEqual(before);
    expect((await readdir(fixture.root)).filter((e) => e.includes('.staging-'))).toEqual([]);
  });
});
