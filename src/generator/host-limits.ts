// Documented limits of the hosts dist/ is deployed to, each with the page that documents it. `deploy:check`
// and the build's warnings read them from here only.

export type Host = 'cloudflare-pages' | 'netlify' | 's3-cloudfront';

export interface HostLimits {
  /** Files in one deployment: a hard limit (fails) and a plan limit worth a warning. */
  maxFiles?: { hard: number; warn?: number; note: string; source: string };
  maxFilesPerDirectory?: { value: number; source: string };
  maxFileBytes?: { value: number; source: string };
  staticRedirects?: { value: number; source: string };
  redirectLineChars?: { value: number; source: string };
  headerRules?: { value: number; source: string };
  headerLineChars?: { value: number; source: string };
  /** Redirect count past which the host advises another approach (a warning, not a failure). */
  redirectsAdvisory?: { value: number; note: string; source: string };
  /** Host does not read _redirects/_headers; the notes say what to do instead. */
  ignoresHostFiles?: { note: string; source: string };
}

const CF = 'https://developers.cloudflare.com/pages/platform/limits/';
const CF_REDIRECTS = 'https://developers.cloudflare.com/pages/configuration/redirects/';
const CF_HEADERS = 'https://developers.cloudflare.com/pages/configuration/headers/';

export const HOST_LIMITS: Record<Host, HostLimits> = {
  'cloudflare-pages': {
    maxFiles: {
      hard: 100_000,
      warn: 20_000,
      note: 'the Free plan allows 20,000 files; paid plans 100,000 with PAGES_WRANGLER_MAJOR_VERSION=4 set',
      source: CF,
    },
    maxFileBytes: { value: 25 * 1024 * 1024, source: CF },
    staticRedirects: { value: 2_000, source: CF_REDIRECTS },
    redirectLineChars: { value: 1_000, source: CF_REDIRECTS },
    headerRules: { value: 100, source: CF_HEADERS },
    headerLineChars: { value: 2_000, source: CF_HEADERS },
  },
  netlify: {
    maxFilesPerDirectory: { value: 54_000, source: 'https://docs.netlify.com/site-deploys/overview/' },
    redirectsAdvisory: {
      value: 10_000,
      note: 'Netlify advises wildcard rules past 10,000 redirects; a very large rules file can fail the deploy',
      source: 'https://docs.netlify.com/routing/redirects/',
    },
  },
  's3-cloudfront': {
    maxFileBytes: {
      value: 5 * 1024 ** 3,
      source: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/upload-objects.html',
    },
    ignoresHostFiles: {
      note:
        'S3 and CloudFront do not read _redirects or _headers: the HTML fallback pages redirect, and the headers ' +
        'must be set with `aws s3 sync --cache-control` and a CloudFront response headers policy (docs/deploy.md)',
      source: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/how-to-page-redirect.html',
    },
  },
};
