// npm run deploy:check [-- --out DIR --host cloudflare-pages|netlify|s3-cloudfront]: checks a built dist/
// against the host's documented limits. Exits 1 when something would break the deploy.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { builtHost, checkLimits, measureDist } from '../src/generator/deploy-check.ts';
import { HOST_LIMITS, type Host } from '../src/generator/host-limits.ts';

const { values } = parseArgs({
  options: { out: { type: 'string' }, host: { type: 'string' } },
  strict: true,
});
const dir = path.resolve(values.out ?? 'dist');
const host = (values.host as Host | undefined) ?? (await builtHost(dir));
if (!host || !(host in HOST_LIMITS)) {
  process.stderr.write(
    `deploy:check: no host to check against. Build first (npm run build writes ${path.join(dir, 'build-manifest.json')}), ` +
      `or pass --host ${Object.keys(HOST_LIMITS).join('|')}.\n`,
  );
  process.exit(1);
}
const findings = checkLimits(host, await measureDist(dir));
const mark = { ok: '✓', warn: '!', fail: '✗' } as const;
for (const f of findings)
  process.stdout.write(
    `${mark[f.level]} ${host}: ${f.message}${f.source && f.level !== 'ok' ? ` (see ${f.source})` : ''}\n`,
  );
const failures = findings.filter((f) => f.level === 'fail').length;
process.stdout.write(
  failures
    ? `deploy:check: ${failures} problem(s) would break the ${host} deploy.\n`
    : `deploy:check: dist/ fits the documented limits of ${host}.\n`,
);
process.exitCode = failures ? 1 : 0;
