// Feeds broken data to the pipeline and asserts the exact error, location and hint.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { currentDate } from '../../src/content/validate.ts';
import { checkSite } from '../../src/plan/check-site.ts';
import { makeFixture, type Fixture } from '../helpers/fixture.ts';

let fixture: Fixture;
beforeEach(async () => {
  fixture = await makeFixture();
});
afterEach(async () => {
  await fixture.cleanup();
});

const ANGLE = 'data/angles/acme--wonderdrug--step-therapy.mdx';

async function errorsOf() {
  const { site, errors } = await checkSite({ root: fixture.root, today: currentDate() });
  return { site, errors: errors.filter((e) => e.severity === 'error') };
}

describe('broken data', () => {
  it('the fixture itself is clean', async () => {
    const { site, errors } = await errorsOf();
    expect(errors).toEqual([]);
    expect(site).toBeDefined();
  });

  it('a typo in an angle’s payer slug names file, line, column and the right slug', async () => {
    await fixture.edit(ANGLE, (t) => t.replace('payer: acme', 'payer: acmee'));
    const { site, errors } = await errorsOf();
    expect(site).toBeUndefined();
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({
      name: 'UnknownSlug',
      file: ANGLE,
      line: 2,
      column: 8,
      field: 'payer',
      message: '"acmee" is not a payer slug in data/payers.yaml.',
      hint: 'Did you mean "acme"?',
    });
  });

  it('malformed YAML reports the line of the problem', async () => {
    await fixture.edit('data/items.yaml', (t) => t.replace('  class: arthroscopy', '  class: [arthroscopy'));
    const { errors } = await errorsOf();
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ name: 'YamlSyntax', file: 'data/items.yaml', line: 25, column: 3 });
  });

  it('a tab used for indentation is a YAML error on that line', async () => {
    await fixture.edit('data/reasons.yaml', (t) =>
      t.replace('  name: Prior authorization', '\tname: Prior authorization'),
    );
    const { errors } = await errorsOf();
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ name: 'YamlSyntax', file: 'data/reasons.yaml', line: 10 });
  });

  it('a missing required field points at the entry that lacks it', async () => {
    await fixture.edit('data/payers.yaml', (t) => t.replace('  shortName: Beta\n', ''));
    const { errors } = await errorsOf();
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({
      name: 'MissingField',
      file: 'data/payers.yaml',
      line: 11,
      column: 3,
      field: 'entry 2 › shortName',
      message: 'Required field "shortName" is missing.',
    });
  });

  it('a duplicate slug names the second entry and the line of the first', async () => {
    await fixture.edit('data/payers.yaml', (t) => t.replace('- slug: beta', '- slug: acme'));
    const { errors } = await errorsOf();
    expect(errors.find((e) => e.name === 'DuplicateSlug')).toMatchObject({
      file: 'data/payers.yaml',
      line: 11,
      column: 9,
      message: '"acme" is already used on line 1.',
    });
  });

  it('two angles at the same specificity for one page are a tie', async () => {
    await fixture.write('data/angles/acme--wonderdrug--step-therapy-copy.mdx', await fixture.read(ANGLE));
    const { errors } = await errorsOf();
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({
      name: 'AngleTie',
      file: 'data/angles/acme--wonderdrug--step-therapy.mdx',
      line: 1,
    });
    expect(errors[0]!.message).toContain('acme--wonderdrug--step-therapy-copy.mdx');
    expect(errors[0]!.message).toContain('/acme/wonderdrug/step-therapy/');
  });

  it('an unknown key gets a did-you-mean from the schema’s keys', async () => {
    await fixture.edit('data/items.yaml', (t) => t.replace('  specialty: genetics', '  specialy: genetics'));
    const { errors } = await errorsOf();
    const unknown = errors.find((e) => e.name === 'UnknownKey');
    expect(unknown).toMatchObject({
      file: 'data/items.yaml',
      line: 14,
      column: 3,
      hint: 'Did you mean "specialty"?',
    });
  });

  it('a wrong enum value lists the allowed ones and suggests the nearest', async () => {
    await fixture.edit('data/items.yaml', (t) => t.replace('kind: procedure', 'kind: procedur'));
    const { errors } = await errorsOf();
    expect(errors[0]).toMatchObject({
      name: 'InvalidValue',
      file: 'data/items.yaml',
      line: 23,
      column: 9,
      expected: 'one of: drug, test, procedure, device',
      hint: 'Did you mean "procedure"?',
    });
  });

  it('a javascript: URL in data is rejected at its position', async () => {
    await fixture.edit('data/payers.yaml', (t) =>
      t.replace('https://beta.example/policies', 'javascript:alert(1)'),
    );
    const { errors } = await errorsOf();
    expect(errors[0]).toMatchObject({ name: 'UnsafeUrl', file: 'data/payers.yaml', line: 17, column: 12 });
  });

  it('an angle citing an undefined fact is an error with a suggestion', async () => {
    await fixture.edit(ANGLE, (t) =>
      t.replace('<Value id="external-review-window" />', '<Value id="external-review-windw" />'),
    );
    const { errors } = await errorsOf();
    expect(errors[0]).toMatchObject({
      name: 'UnknownFact',
      file: ANGLE,
      line: 16,
      hint: 'Did you mean "external-review-window"?',
    });
  });

  it('an angle for a reason that does not apply to the item kind is rejected', async () => {
    await fixture.write(
      'data/angles/knee-step.mdx',
      '---\nitem: knee-scope\nreason: step-therapy\nreviewedBy: editorial-desk\nreviewed: 2026-11-01\n---\n\n' +
        'word '.repeat(30),
    );
    const { errors } = await errorsOf();
    expect(errors[0]).toMatchObject({
      name: 'InapplicableAngle',
      file: 'data/angles/knee-step.mdx',
      line: 3,
      column: 9,
    });
  });

  it('a review date in the future is rejected', async () => {
    await fixture.edit(ANGLE, (t) => t.replace('reviewed: 2026-11-01', 'reviewed: 2999-01-01'));
    const { errors } = await errorsOf();
    expect(errors[0]).toMatchObject({ name: 'FutureDate', file: ANGLE, line: 6, column: 11 });
  });

  it('a former slug that is another entry’s live slug is rejected', async () => {
    await fixture.edit('data/payers.yaml', (t) =>
      t.replace('formerSlugs: [acme-health]', 'formerSlugs: [beta]'),
    );
    const { errors } = await errorsOf();
    expect(errors[0]).toMatchObject({
      name: 'DuplicateSlug',
      file: 'data/payers.yaml',
      line: 10,
      column: 17,
    });
    expect(errors[0]!.message).toContain('live slug');
  });

  it('a reserved slug is rejected', async () => {
    await fixture.edit('data/payers.yaml', (t) => t.replace('- slug: beta', '- slug: items'));
    const { errors } = await errorsOf();
    expect(errors.find((e) => e.name === 'ReservedSlug')).toMatchObject({
      file: 'data/payers.yaml',
      line: 11,
      column: 9,
    });
  });

  it('collects every problem in one run, sorted by file and line', async () => {
    await fixture.edit(ANGLE, (t) => t.replace('payer: acme', 'payer: acmee'));
    await fixture.edit('data/payers.yaml', (t) => t.replace('  shortName: Beta\n', ''));
    await fixture.edit('data/items.yaml', (t) => t.replace('kind: procedure', 'kind: procedur'));
    const { errors } = await errorsOf();
    expect(errors.map((e) => `${e.file}:${e.line}`)).toEqual([
      `${ANGLE}:2`,
      'data/items.yaml:23',
      'data/payers.yaml:11',
    ]);
  });
});
