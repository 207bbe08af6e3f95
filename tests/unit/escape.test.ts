import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkoutUrl, CTA_PLACES } from '../../src/plan/urls.ts';
import { escapeHtml, hrefAttr, jsonLd, safeUrl, UnsafeUrlError } from '../../src/html/escape.ts';
import { markup, trusted, url } from '../../src/html/markup.ts';
import type { Site } from '../../src/schema/index.ts';

describe('escapeHtml', () => {
  it('escapes markup and quotes', () => {
    expect(escapeHtml(`</script><script>alert(1)</script> "x" 'y'`)).toBe(
      '&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &quot;x&quot; &#39;y&#39;',
    );
  });
  it('never leaves a raw <, >, quote or unescaped ampersand', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const out = escapeHtml(s);
        expect(out).not.toMatch(/[<>"'`]/);
        expect(out).not.toMatch(/&(?!amp;|lt;|gt;|quot;|#39;|#96;|#61;)/);
      }),
    );
  });
});

describe('safeUrl', () => {
  it.each([
    'javascript:alert(1)',
    ' JavaScript:alert(1)',
    'http://example.com',
    '//evil.example/x',
    'data:text/html,x',
    'ftp://x.example',
  ])('rejects %s', (url) => {
    expect(() => safeUrl(url)).toThrow(UnsafeUrlError);
  });
  it('accepts https, site paths and fragments', () => {
    expect(safeUrl('https://example.com/a?b=1')).toBe('https://example.com/a?b=1');
    expect(safeUrl('/cigna/')).toBe('/cigna/');
    expect(safeUrl('#source-1')).toBe('#source-1');
  });
});

describe('hrefAttr and the markup tag', () => {
  it('keeps a query string readable but never lets a URL close its attribute', () => {
    expect(hrefAttr('https://a.example/x?p=1&q=2')).toBe('https://a.example/x?p=1&amp;q=2');
    expect(hrefAttr(`/path/"><script>'`)).toBe('/path/&quot;&gt;&lt;script&gt;&#39;');
    expect(() => hrefAttr('javascript:alert(1)')).toThrow(UnsafeUrlError);
  });

  it('escapes every interpolated value, except Html, at any depth of arrays', () => {
    const name = '</a><script>alert(1)</script>';
    const out = markup`<a href="${url('/x/?a=1&b=2')}" title="${name}">${[name, [trusted('<b>ok</b>')]]}</a>`;
    expect(out.__html).toBe(
      '<a href="/x/?a=1&amp;b=2" title="&lt;/a&gt;&lt;script&gt;alert(1)&lt;/script&gt;">' +
        '&lt;/a&gt;&lt;script&gt;alert(1)&lt;/script&gt;<b>ok</b></a>',
    );
    expect(markup`${false}${null}${undefined}${0}`.__html).toBe('0');
  });
});

describe('jsonLd', () => {
  it('cannot close the script element', () => {
    const out = jsonLd({ name: '</script><script>alert(1)</script>', amp: 'a&b' });
    expect(out).not.toContain('<');
    expect(out).not.toContain('>');
    expect(JSON.parse(out)).toEqual({ name: '</script><script>alert(1)</script>', amp: 'a&b' });
  });
});

describe('checkoutUrl', () => {
  const site = {
    checkout: {
      url: 'https://checkout.example/start?src=site',
      promoCode: 'SEO25',
      utm: { source: 'denial-pages', medium: 'organic', campaign: 'appeal-letter' },
      positions: { top: 'top', sticky: 'bar', end: 'end' },
    },
  } as Site;
  const page = {
    payer: 'cigna',
    item: 'keytruda',
    reason: 'step-therapy',
    path: '/cigna/keytruda/step-therapy/',
  };
  it('adds payer, item, reason, code, UTM parameters and the link’s place, keeping existing ones', () => {
    const url = new URL(checkoutUrl(site, page, 'sticky'));
    expect(url.origin + url.pathname).toBe('https://checkout.example/start');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      src: 'site',
      payer: 'cigna',
      item: 'keytruda',
      reason: 'step-therapy',
      code: 'SEO25',
      utm_source: 'denial-pages',
      utm_medium: 'organic',
      utm_campaign: 'appeal-letter',
      utm_content: '/cigna/keytruda/step-therapy/',
      cta: 'bar',
    });
  });

  it('gives each place on the page its own link, named in site.yaml', () => {
    const places = CTA_PLACES.map((place) => new URL(checkoutUrl(site, page, place)).searchParams.get('cta'));
    expect(places).toEqual(['top', 'bar', 'end']);
  });
});
