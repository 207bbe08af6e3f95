import { describe, expect, it } from 'vitest';
import { analyticsModule, analyticsTags } from '../../src/html/analytics.ts';
import { contentSecurityPolicy, headersFile } from '../../src/generator/host-files.ts';
import { siteSchema, type Site } from '../../src/schema/index.ts';

const base = {
  origin: 'https://example.org',
  locale: 'en-US',
  deploy: { host: 'cloudflare-pages' },
  analytics: { provider: 'none' },
} as Site;
const withAnalytics = (analytics: Site['analytics']) => ({ ...base, analytics }) as Site;

describe('optional analytics', () => {
  it('is off by default: no tags, no module, a CSP that allows only the site itself', () => {
    const parsed = siteSchema.shape.analytics.parse(undefined);
    expect(parsed).toEqual({ provider: 'none' });
    expect(analyticsTags(base)).toBe('');
    expect(analyticsModule(base)).toBeUndefined();
    expect(contentSecurityPolicy(base)).not.toMatch(/https:/);
    expect(contentSecurityPolicy(base)).not.toContain('connect-src');
  });

  it('Plausible: its script, our click module, and a CSP widened for plausible.io only', () => {
    const site = withAnalytics({ provider: 'plausible', domain: 'denialhelp.example' });
    expect(analyticsTags(site)).toContain(
      'data-domain="denialhelp.example" src="https://plausible.io/js/script.js"',
    );
    expect(analyticsTags(site)).toContain('<script type="module" src="/analytics.js"></script>');
    const csp = contentSecurityPolicy(site);
    expect(csp).toContain("script-src 'self' https://plausible.io;");
    expect(csp).toContain("connect-src 'self' https://plausible.io;");
    expect(csp.match(/https:\/\/[^ ;]+/g)!.every((h) => h === 'https://plausible.io')).toBe(true);
    expect(headersFile(site)).toContain(csp);
  });

  it('GA4: gtag by id, Google hosts in the CSP, nothing else', () => {
    const site = withAnalytics({ provider: 'ga4', measurementId: 'G-ABC123XYZ' });
    expect(analyticsTags(site)).toContain('https://www.googletagmanager.com/gtag/js?id=G-ABC123XYZ');
    const hosts = new Set(contentSecurityPolicy(site).match(/https:\/\/[^ ;]+/g));
    expect(
      [...hosts].every((h) => /google-analytics\.com|analytics\.google\.com|googletagmanager\.com/.test(h)),
    ).toBe(true);
    expect(analyticsModule(site)).toContain('gtag(\'config\', "G-ABC123XYZ")');
  });

  it('the click module sends select_promotion and begin_checkout with payer, item and reason', () => {
    const events: [string, Record<string, string>][] = [];
    const module = analyticsModule(withAnalytics({ provider: 'plausible', domain: 'x.example' }))!;
    let onClick: ((e: { target: unknown }) => void) | undefined;
    const window = {
      plausible: (name: string, options: { props: Record<string, string> }) =>
        events.push([name, options.props]),
    };
    const document = { addEventListener: (_: string, f: typeof onClick) => (onClick = f) };
    class Element {
      closest() {
        return { dataset: { ctaPosition: 'top', payer: 'cigna', item: 'keytruda', reason: 'step-therapy' } };
      }
    }
    new Function('window', 'document', 'Element', module)(window, document, Element);
    onClick!({ target: new Element() });
    expect(events.map((e) => e[0])).toEqual(['select_promotion', 'begin_checkout']);
    expect(events[0]![1]).toMatchObject({
      creative_slot: 'top',
      payer: 'cigna',
      item: 'keytruda',
      reason: 'step-therapy',
    });
  });

  it('rejects an analytics id that is not a GA4 measurement id', () => {
    const result = siteSchema.shape.analytics.safeParse({ provider: 'ga4', measurementId: 'UA-1"><script>' });
    expect(result.success).toBe(false);
  });
});
