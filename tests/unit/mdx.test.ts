import { describe, expect, it } from 'vitest';
import { Citations } from '../../src/models/citations.ts';
import { compileAngle, type CompiledAngle } from '../../src/content/angle-compile.ts';
import { renderAngleBody } from '../../src/html/angle-render.ts';
import { PageMemo } from '../../src/models/page-model.ts';
import type { Fact } from '../../src/schema/index.ts';

const facts = new Map<string, Fact>([
  [
    'window',
    {
      id: 'window',
      statement: 'You have <4> months.',
      appliesTo: { planLines: ['employer-insured'] },
      amount: 4,
      unit: 'months',
      citation: '29 CFR 1(a)',
      url: 'https://www.ecfr.gov/a',
      checked: '2026-11-23',
      status: 'checked',
    },
  ],
  [
    'notice',
    {
      id: 'notice',
      statement: 'The notice must name the rule.',
      appliesTo: { planLines: ['employer-insured'] },
      citation: '29 CFR 2',
      url: 'https://www.ecfr.gov/b',
      checked: '2026-11-23',
      status: 'checked',
    },
  ],
]);

const renderWith = (angle: CompiledAngle, citations: Citations) =>
  renderAngleBody(angle, citations.components()).__html;

let n = 0;
const compileBody = (body: string, bodyLine = 8) =>
  compileAngle('data/angles/x.mdx', body, bodyLine, `t${n++}`);

describe('compileAngle', () => {
  it('renders Markdown with the fixed components and numbers citations in order of use', async () => {
    const { angle, errors } = await compileBody(
      '## Heading\n\nAsk for the rule <Cite id="notice" /> within <Value id="window" />.\n\n<Fact id="window" />\n',
    );
    expect(errors).toEqual([]);
    const html = renderWith(angle!, new Citations(facts));
    expect(html).toContain('<h3>Heading</h3>');
    expect(html).toContain('Ask for the rule <sup class="cite"><a href="#source-1"');
    expect(html).toContain('within 4 months<sup class="cite"><a href="#source-2"');
    expect(html).toContain('You have &lt;4&gt; months.<sup class="cite"><a href="#source-2"');
    expect(angle!.factUses.map((u) => [u.id, u.line])).toEqual([
      ['notice', 10],
      ['window', 10],
      ['window', 12],
    ]);
  });

  it('counts the editor’s words, not inserted fact text', async () => {
    const { angle } = await compileBody('One two three <Fact id="window" /> four.\n');
    expect(angle!.words).toBe(4);
  });

  it.each([
    ['import x from "y"\n\nText', 'MdxDisallowed', 8, 1, 'import/export'],
    ['Text {1 + 1} here', 'MdxDisallowed', 8, 6, 'JavaScript expression'],
    ['Para\n\n<script>alert(1)</script>', 'MdxDisallowed', 10, 1, '<script>'],
    ['Para\n\n<div onclick="x">a</div>', 'MdxDisallowed', 10, 1, '<div>'],
    ['[click](javascript:alert(1))', 'UnsafeUrl', 8, 1, 'javascript:alert(1)'],
    ['[plain](http://example.com)', 'UnsafeUrl', 8, 1, 'http://example.com'],
    ['# Second H1', 'MdxDisallowed', 8, 1, 'level-1 heading'],
    ['Text\n\n### Starts too deep', 'HeadingOrder', 10, 1, '### heading follows the start of the angle'],
    ['## One\n\nText\n\n#### Skips', 'HeadingOrder', 12, 1, '#### heading follows a ## heading'],
    ['See <Facts id="window" />', 'MdxDisallowed', 8, 5, '<Facts>'],
    ['See <Fact id={"window"} />', 'MdxDisallowed', 8, 5, 'exactly one attribute'],
    ['Broken <Fact id="window"\n\nmore', 'MdxSyntax', 8, undefined, ''],
  ])('rejects %j with %s at its position', async (body, name, line, column, text) => {
    const { angle, errors } = await compileBody(body);
    expect(angle).toBeUndefined();
    expect(errors[0]).toMatchObject({ name, file: 'data/angles/x.mdx', line });
    if (column !== undefined) expect(errors[0]?.column).toBe(column);
    expect(errors[0]?.message).toContain(text);
  });

  it('accepts an outline that goes one level deeper at a time and back up', async () => {
    const { angle, errors } = await compileBody('## A\n\n### B\n\n#### C\n\n## D\n\n### E');
    expect(errors).toEqual([]);
    expect(angle).toBeDefined();
  });

  it('suggests the right component for a misspelt one', async () => {
    const { errors } = await compileBody('See <Cit id="notice" />');
    expect(errors[0]?.hint).toBe('Did you mean "Cite"?');
  });
});

describe('PageMemo', () => {
  it('reuses an angle rendered after the same footnotes, and numbers it afresh after different ones', async () => {
    const { angle } = await compileAngle(
      'memo.mdx',
      'Cite <Cite id="notice" /> then <Value id="window" />.',
      1,
      'memo',
    );
    const memo = new PageMemo();
    const render = (before: string[]) => {
      const citations = new Citations(facts);
      citations.cite(before);
      return { html: memo.renderAngle(angle!, citations).__html, order: citations.state().join(',') };
    };
    const first = render([]);
    const again = render([]);
    expect(again).toEqual(first);
    expect(first.order).toBe('notice,window');
    // After a page that already cited "window", the angle's markers must say [2] for notice and [1] for window.
    const shifted = render(['window']);
    expect(shifted.order).toBe('window,notice');
    expect(shifted.html).toContain('#source-2');
    expect(shifted.html).toContain('4 months<sup class="cite"><a href="#source-1"');
    const direct = new Citations(facts);
    direct.cite(['window']);
    expect(shifted.html).toBe(renderWith(angle!, direct));
  });
});
