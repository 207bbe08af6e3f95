// Search-engine data for every page: canonical URL, breadcrumb, and JSON-LD (MedicalWebPage and
// BreadcrumbList, and the publishing Organization; FAQ and HowTo markup are deliberately absent). The objects are typed with schema-dts, so
// tsc checks every type and property name against the schema.org vocabulary. Escaping happens in jsonLd().
import type { BreadcrumbList, MedicalWebPage, Organization, Thing, WithContext } from 'schema-dts';
import { canonicalUrl, HOME_PATH } from '../plan/urls.ts';
import type { Item, Site } from '../schema/index.ts';

export interface Crumb {
  name: string;
  /** Site path; the last crumb is the current page. */
  path: string;
}

export interface PageCitation {
  citation: string;
  url: string;
}

const ABOUT_TYPES = {
  drug: 'Drug',
  test: 'MedicalTest',
  procedure: 'MedicalProcedure',
  device: 'MedicalDevice',
} as const satisfies Record<Item['kind'], string>;

export function aboutItem(item: Item): Thing {
  return {
    '@type': ABOUT_TYPES[item.kind],
    name: item.name,
    ...(item.kind === 'drug' && { nonProprietaryName: item.evidence.genericName }),
  };
}

/** The publisher as an Organization: its name, site and, where the business has set them, legal name and contact. */
export function organization(site: Site): WithContext<Organization> {
  const { legalName, address, contactEmail } = site.business;
  return {
    '@context': 'https://schema.org',
    '@type': 'Organization',
    '@id': `${canonicalUrl(site, HOME_PATH)}#organization`,
    name: site.editorial.publisher,
    url: canonicalUrl(site, HOME_PATH),
    ...(legalName !== null && { legalName }),
    ...(address !== null && { address }),
    ...(contactEmail !== null && { email: contactEmail }),
  };
}

export function breadcrumbList(site: Site, crumbs: readonly Crumb[]): WithContext<BreadcrumbList> {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: crumbs.map((c, i) => ({
      '@type': 'ListItem',
      position: i + 1,
      name: c.name,
      item: canonicalUrl(site, c.path),
    })),
  };
}

export function medicalWebPage(
  site: Site,
  page: {
    path: string;
    title: string;
    description: string;
    about?: Thing;
    review?: { reviewerName: string; date: string };
    citations?: readonly PageCitation[];
  },
): WithContext<MedicalWebPage> {
  const url = canonicalUrl(site, page.path);
  return {
    '@context': 'https://schema.org',
    '@type': 'MedicalWebPage',
    '@id': url,
    url,
    name: page.title,
    description: page.description,
    inLanguage: site.locale,
    isPartOf: { '@type': 'WebSite', name: site.brand, url: canonicalUrl(site, HOME_PATH) },
    publisher: { '@id': `${canonicalUrl(site, HOME_PATH)}#organization` },
    ...(page.about && { about: page.about }),
    ...(page.review && {
      lastReviewed: page.review.date,
      reviewedBy: { '@type': 'Organization', name: page.review.reviewerName },
    }),
    ...(page.citations?.length && {
      citation: page.citations.map((c) => ({ '@type': 'CreativeWork', name: c.citation, url: c.url })),
    }),
  };
}
