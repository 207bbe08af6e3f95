// The bad inputs an editor can produce, one case each: the change that breaks a copy of the fixture, and the error
// the build must report for it (name, file, line, column, words of the message or hint). Used by
// tests/integration/bad-input.test.ts, and listed in docs/reliability.md (tests/unit/reliability-doc.test.ts
// keeps the two in step).
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Fixture } from './fixture.ts';

const ANGLE = 'data/angles/acme--wonderdrug--step-therapy.mdx';
const bytes = (text: string) => Buffer.from(text);

export interface Case {
  name: string;
  change: (f: Fixture) => Promise<void>;
  expect: {
    name: string;
    file: string;
    /** Left out only where the line is in the shipped data/facts.yaml, which moves as facts are added. */
    line?: number;
    column?: number;
    message?: string;
    hint?: string;
    /** Errors that follow from this one and are folded under it (not listed on their own). */
    followOns?: number;
  };
}

const append = (file: string, text: string) => async (f: Fixture) =>
  f.write(file, `${await f.read(file)}${text}`);

/** Anchors and aliases that expand to 9^5 values: the "billion laughs" shape, kept small. */
const ALIAS_BOMB = [
  '  a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]',
  '  b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]',
  '  c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]',
  '  d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]',
  '  e: [*d, *d, *d, *d, *d, *d, *d, *d, *d]',
].join('\n');

const replace = (file: string, from: string, to: string) => async (f: Fixture) => {
  const text = await f.read(file);
  if (!text.includes(from)) throw new Error(`case setup: "${from}" not in ${file}`);
  await f.write(file, text.replace(from, to));
};
const write = (file: string, text: string) => (f: Fixture) => f.write(file, text);

export const BAD_INPUTS: Case[] = [
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
    expect: { name: 'TemplateEmpty', file: 'templates/cta-button.hbs', line: 1, message: 'writes nothing' },
  },
  {
    name: 'a YAML alias bomb in a data file',
    change: append('data/items.yaml', `- slug: bomb\n${ALIAS_BOMB}\n`),
    expect: { name: 'YamlAliases', file: 'data/items.yaml', line: 32, column: 10 },
  },
  {
    name: 'a YAML alias bomb in angle frontmatter',
    change: replace(
      ANGLE,
      'reviewedBy: editorial-desk\n',
      `reviewedBy: editorial-desk\nbomb:\n${ALIAS_BOMB}\n`,
    ),
    expect: { name: 'YamlAliases', file: ANGLE, line: 8, column: 10 },
  },
  {
    name: 'a !!js/function YAML tag',
    change: replace('data/items.yaml', '  name: Wonderdrug', '  name: !!js/function "function(){}"'),
    expect: { name: 'YamlTag', file: 'data/items.yaml', line: 2, column: 9 },
  },
  {
    name: 'a custom YAML tag',
    change: replace('data/payers.yaml', '  name: Beta Insurance', '  name: !secret Beta Insurance'),
    expect: { name: 'YamlTag', file: 'data/payers.yaml', line: 12, column: 9 },
  },
  {
    name: 'a template with a literal <script> tag',
    change: append('templates/next-steps.hbs', '<script>alert(1)</script>\n'),
    expect: {
      name: 'TemplateDisallowed',
      file: 'templates/next-steps.hbs',
      line: 5,
      column: 1,
      message: '<script>',
    },
  },
  {
    name: 'a template with an <iframe>',
    change: append('templates/cta.hbs', '<iframe src="https://example.org/"></iframe>\n'),
    expect: { name: 'TemplateDisallowed', file: 'templates/cta.hbs', line: 2, message: '<iframe>' },
  },
  {
    name: 'a template with an event handler attribute',
    change: replace('templates/hook.hbs', '<p class="hook">', '<p class="hook" onclick="steal()">'),
    expect: {
      name: 'TemplateDisallowed',
      file: 'templates/hook.hbs',
      line: 1,
      column: 16,
      message: 'event handler',
    },
  },
  {
    name: 'a template with a javascript: link',
    change: append('templates/next-steps.hbs', '<p><a href="javascript:alert(1)">Help</a></p>\n'),
    expect: { name: 'TemplateDisallowed', file: 'templates/next-steps.hbs', line: 5, message: 'javascript:' },
  },
  {
    name: 'a triple-stash {{{…}}} printing data as raw HTML',
    change: replace('templates/hook.hbs', '{{angle.hook}}', '{{{angle.hook}}}'),
    expect: { name: 'TemplateDisallowed', file: 'templates/hook.hbs', line: 1, message: 'Triple braces' },
  },
  {
    name: 'an unescaped {{&…}} value',
    change: replace('templates/hook.hbs', '{{reason.hook}}', '{{&reason.hook}}'),
    expect: { name: 'TemplateDisallowed', file: 'templates/hook.hbs', line: 1, message: 'raw HTML' },
  },
  {
    name: 'a template partial',
    change: append('templates/hook.hbs', '{{> footer}}\n'),
    expect: {
      name: 'TemplateDisallowed',
      file: 'templates/hook.hbs',
      line: 2,
      column: 1,
      message: 'Partials',
    },
  },
  {
    name: 'a template calling {{log}}',
    change: append('templates/hook.hbs', '{{log "hello"}}\n'),
    expect: { name: 'TemplateDisallowed', file: 'templates/hook.hbs', line: 2, column: 1, message: 'log' },
  },
  {
    name: 'a template calling {{lookup}}',
    change: append('templates/hook.hbs', '{{lookup payer "name"}}\n'),
    expect: { name: 'TemplateDisallowed', file: 'templates/hook.hbs', line: 2, column: 1, message: 'lookup' },
  },
  {
    name: 'a template using {{#with}}',
    change: append('templates/hook.hbs', '{{#with payer}}{{name}}{{/with}}\n'),
    expect: { name: 'TemplateDisallowed', file: 'templates/hook.hbs', line: 2, column: 1, message: 'with' },
  },
  {
    name: 'a template looping {{#each}} over a map, not a list',
    change: append('templates/hook.hbs', '{{#each payer}}{{this}}{{/each}}\n'),
    expect: {
      name: 'TemplateError',
      file: 'templates/hook.hbs',
      line: 2,
      column: 1,
      message: 'goes over a list',
    },
  },
  {
    name: 'an empty title template',
    change: write('templates/title.hbs', ''),
    expect: { name: 'TemplateEmpty', file: 'templates/title.hbs', line: 1, column: 1 },
  },
  {
    name: 'a title template that writes nothing on a page',
    change: write('templates/title.hbs', '{{#if kind.device}}{{item.name}}{{/if}}\n'),
    expect: { name: 'TemplateEmpty', file: 'templates/title.hbs', line: 1, message: 'empty title' },
  },
  {
    name: 'an empty description template (only a comment)',
    change: write('templates/description.hbs', '{{! to do }}\n'),
    expect: { name: 'TemplateEmpty', file: 'templates/description.hbs', line: 1 },
  },
  {
    name: 'an empty hub title template',
    change: write('templates/hubs/payer-title.hbs', '   \n'),
    expect: { name: 'TemplateEmpty', file: 'templates/hubs/payer-title.hbs', line: 1 },
  },
  {
    name: 'a misspelt variable in a template',
    change: append('templates/hook.hbs', '{{payer.nmae}}\n'),
    expect: { name: 'TemplateError', file: 'templates/hook.hbs', line: 2, column: 3, message: 'nmae' },
  },
  {
    name: 'a misspelt variable in a hub template',
    change: write('templates/hubs/item-title.hbs', '{{item.nmae}} denied?\n'),
    expect: {
      name: 'TemplateError',
      file: 'templates/hubs/item-title.hbs',
      line: 1,
      column: 3,
      message: 'nmae',
    },
  },
  {
    name: 'an angle printing <Value> of a fact that has no value',
    change: replace(ANGLE, '<Value id="external-review-window" />', '<Value id="claim-file-free-copy" />'),
    expect: { name: 'FactWithoutValue', file: ANGLE, line: 16, message: 'claim-file-free-copy' },
  },
  {
    name: 'a template printing {{value}} of a fact that has no value',
    change: append('templates/next-steps.hbs', '<p>{{value "claim-file-free-copy"}}</p>\n'),
    expect: { name: 'FactWithoutValue', file: 'templates/next-steps.hbs', line: 5, message: 'no amount' },
  },
  {
    name: 'an invalid payer slug, with the angles that name it folded under it',
    change: replace('data/payers.yaml', '- slug: beta', '- slug: Beta Health'),
    expect: { name: 'InvalidSlug', file: 'data/payers.yaml', line: 11, column: 9, followOns: 2 },
  },
  {
    name: 'an unsafe fact URL, with the uses of that fact folded under it',
    change: async (f) => {
      const text = await f.read('data/facts.yaml');
      const at = text.indexOf('url:', text.indexOf('- id: external-review-window'));
      await f.write(
        'data/facts.yaml',
        `${text.slice(0, at)}url: http://example.org/${text.slice(text.indexOf('\n', at))}`,
      );
    },
    expect: { name: 'UnsafeUrl', file: 'data/facts.yaml', column: 8, followOns: 1 },
  },
  {
    name: 'site.yaml without the offer (what the letter includes, who makes it, turnaround, refunds)',
    change: async (f) => {
      const text = await f.read('data/site.yaml');
      await f.write('data/site.yaml', text.replace(/^offer:\n(?: {2}.*\n)+/m, ''));
    },
    expect: { name: 'MissingField', file: 'data/site.yaml', line: 1, column: 1, message: '"offer"' },
  },
  {
    name: 'an offer field left out (turnaround)',
    change: replace('data/site.yaml', '  turnaround: Within two fixture days\n', ''),
    expect: { name: 'MissingField', file: 'data/site.yaml', message: '"turnaround"' },
  },
  {
    name: 'a footer link to a trust page that has no file',
    change: replace(
      'data/site.yaml',
      '  - { slug: privacy, label: Privacy }',
      '  - { slug: privacy, label: Privacy }\n  - { slug: refunds, label: Refunds }',
    ),
    expect: { name: 'TrustPageMissing', file: 'data/site.yaml', line: 29, message: 'data/pages/refunds.md' },
  },
  {
    name: 'a trust page with raw HTML',
    change: async (f) =>
      f.write('data/pages/about.md', `${await f.read('data/pages/about.md')}\n<script>alert(1)</script>\n`),
    expect: { name: 'MdxDisallowed', file: 'data/pages/about.md', line: 15, message: '<script>' },
  },
  {
    name: 'a trust page with a non-https link',
    change: replace(
      'data/pages/about.md',
      '[our privacy page](/privacy/)',
      '[our privacy page](http://fixture.example/privacy/)',
    ),
    expect: { name: 'UnsafeUrl', file: 'data/pages/about.md', line: 9 },
  },
  {
    name: 'a trust page naming an unknown reviewer',
    change: replace('data/pages/privacy.md', 'reviewedBy: editorial-desk', 'reviewedBy: editorial-dsk'),
    expect: {
      name: 'UnknownSlug',
      file: 'data/pages/privacy.md',
      line: 4,
      hint: 'Did you mean "editorial-desk"?',
    },
  },
  {
    name: 'a trust page without its frontmatter',
    change: write('data/pages/privacy.md', 'Just text.\n'),
    expect: { name: 'MissingField', file: 'data/pages/privacy.md', line: 1, column: 1 },
  },
  {
    name: 'a state row with a phone that is not a phone number',
    change: replace('data/states.yaml', 'phone: 1-800-555-0100', 'phone: call us'),
    expect: { name: 'InvalidValue', file: 'data/states.yaml', line: 7, message: 'phone number' },
  },
  {
    name: 'a state office with an http link',
    change: replace(
      'data/states.yaml',
      '    url: https://insurance.fixture.example/consumers',
      '    url: http://insurance.fixture.example/consumers',
    ),
    expect: { name: 'UnsafeUrl', file: 'data/states.yaml', line: 6 },
  },
];
