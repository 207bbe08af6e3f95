import { describe, expect, it } from 'vitest';
import { markupFaults } from '../../src/generator/page-markup.ts';
import type { PageModel } from '../../src/models/page-model.ts';

const html = (text: string) => ({ __html: text });
const CTA =
  'https://checkout.example/a?payer=acme&item=pill&reason=step&code=SAVE&utm_source=s&utm_medium=m&utm_campaign=c&utm_content=%2Facme%2Fpill%2Fstep%2F';

function page(parts: Partial<Record<'rights' | 'angle' | 'hook', string>> = {}, ctaHref = CTA): PageModel {
  const place = (name: string) => (ctaHref.includes('cta=') ? ctaHref : `${ctaHref}&cta=${name}`);
  return {
    path: '/acme/pill/step/',
    payer: { slug: 'acme', name: 'Acme', shortName: 'Acme' },
    item: { slug: 'pill', name: 'Pill', kind: 'drug' },
    reason: { slug: 'step', name: 'Step therapy' },
    html: {
      hook: html(parts.hook ?? '<p class="hook">Hook.</p>'),
      rights: html(parts.rights ?? '<p>Rights.</p>'),
      requirements: html('<p>Requirements.</p>'),
      angle: html(parts.angle ?? '<h3>One</h3><p>Text</p><h4>Two</h4>'),
      nextSteps: html('<ol><li>Step</li></ol>'),
      freeHelp: html('<ul><li>Help</li></ul>'),
      cta: html('<p>Offer.</p>'),
      ctaPrice: html('<p>Price.</p>'),
    },
    toc: [{ href: '#rights', label: 'Rights' }],
    deadlines: [],
    sources: [{ n: 1 }],
    ctaLabel: 'Start my appeal',
    ctaHrefs: { top: place('top'), sticky: place('sticky'), end: place('end') },
  } as unknown as PageModel;
}

const files = { angle: 'data/angles/x.mdx' };

describe('markupFaults', () => {
  it('finds nothing on a sound page', () => {
    expect(markupFaults(page(), files)).toEqual([]);
  });

  it.each([
    [
      'an angle heading that skips a level',
      { angle: '<h4>Deep</h4>' },
      'data/angles/x.mdx',
      'an h4 after its section heading',
    ],
    [
      'a heading in the hook',
      { hook: '<h2>Hook</h2>' },
      'templates/hook.hbs',
      'an h2 where the page allows no heading',
    ],
    [
      'a link with no text',
      { rights: '<p><a href="https://example.org/"> </a></p>' },
      'templates/rights.hbs',
      'a link with no text',
    ],
    [
      'an image without alt',
      { rights: '<p><img src="https://example.org/a.png"></p>' },
      'templates/rights.hbs',
      'an image without alt text',
    ],
    [
      'an id of the layout reused',
      { rights: '<p id="rights">Again</p>' },
      'templates/rights.hbs',
      'id "rights"',
    ],
    [
      'an id a numbered source uses',
      { angle: '<p id="source-1">x</p>' },
      'data/angles/x.mdx',
      'id "source-1"',
    ],
  ])('names %s and the file responsible', (_name, parts, file, message) => {
    const faults = markupFaults(page(parts), files);
    expect(faults).toHaveLength(1);
    expect(faults[0]).toMatchObject({ file });
    expect(faults[0]!.message).toContain(message);
    expect(faults[0]!.message).toContain('/acme/pill/step/');
  });

  it('accepts a link whose only content is an image with alt text, or that has an aria-label', () => {
    const rights =
      '<p><a href="https://example.org/"><img src="https://example.org/a.png" alt="Seal"></a><a href="https://example.org/b" aria-label="More"></a></p>';
    expect(markupFaults(page({ rights }), files)).toEqual([]);
  });

  it('requires every tracking parameter on the checkout link, with the page’s own values', () => {
    const faults = markupFaults(
      page({}, CTA.replace('item=pill', 'item=other').replace('&utm_medium=m', '')),
      files,
    );
    // One fault for each of the three links (top, sticky bar, end), each naming its place.
    expect(faults.map((f) => f.message.split(' checkout link')[0])).toEqual([
      'The top',
      'The sticky',
      'The end',
    ]);
    expect(faults[0]).toMatchObject({ file: 'data/site.yaml' });
    expect(faults[0]!.message).toContain('lacks item, utm_medium');
  });

  it('requires the three checkout links to tell their places apart', () => {
    const faults = markupFaults(page({}, `${CTA}&cta=same`), files);
    expect(faults).toHaveLength(1);
    expect(faults[0]!.message).toContain('do not tell their places apart (cta=same)');
  });
});
