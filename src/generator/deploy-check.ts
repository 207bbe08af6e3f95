// npm run deploy:check: measures a built dist/ against the documented limits of the host it was built for and
// says, one line each, what would break.
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { HOST_LIMITS, type Host, type HostLimits } from './host-limits.ts';

export interface Finding {
  level: 'fail' | 'warn' | 'ok';
  message: string;
  source?: string;
}

export interface DistStats {
  files: number;
  largest: { file: string; bytes: number };
  fullestDirectory: { dir: string; files: number };
  redirects: string[];
  headerRules: number;
  headerLines: string[];
}

export async function measureDist(dir: string): Promise<DistStats> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  let files = 0;
  let largest = { file: '', bytes: 0 };
  const perDirectory = new Map<string, number>();
  for (const e of entries) {
    if (!e.isFile()) continue;
    files++;
    const file = path.join(e.parentPath, e.name);
    const { size } = await stat(file);
    if (size > largest.bytes) largest = { file: path.relative(dir, file), bytes: size };
    const parent = path.relative(dir, e.parentPath) || '.';
    perDirectory.set(parent, (perDirectory.get(parent) ?? 0) + 1);
  }
  const fullest = [...perDirectory].sort((a, b) => b[1] - a[1])[0] ?? ['.', 0];
  const read = (name: string) => readFile(path.join(dir, name), 'utf8').catch(() => '');
  const redirects = (await read('_redirects')).split('\n').filter((l) => l.trim() && !l.startsWith('#'));
  const headerLines = (await read('_headers')).split('\n').filter((l) => l.trim() && !l.startsWith('#'));
  return {
    files,
    largest,
    fullestDirectory: { dir: fullest[0], files: fullest[1] },
    redirects,
    headerRules: headerLines.filter((l) => !/^\s/.test(l)).length,
    headerLines,
  };
}

const n = (value: number) => value.toLocaleString('en-US');
const mib = (bytes: number) =>
  bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KiB` : `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

export function checkLimits(host: Host, stats: DistStats, limits: HostLimits = HOST_LIMITS[host]): Finding[] {
  const out: Finding[] = [];
  const compare = (actual: number, limit: number | undefined, what: string, source?: string, format = n) => {
    if (limit === undefined) return;
    const ok = actual <= limit;
    out.push({
      level: ok ? 'ok' : 'fail',
      message: `${what}: ${format(actual)} ${ok ? 'within' : 'exceeds'} the limit of ${format(limit)}`,
      ...(source && { source }),
    });
  };
  if (limits.maxFiles) {
    const { hard, warn, note, source } = limits.maxFiles;
    compare(stats.files, hard, 'files', source);
    if (warn !== undefined && stats.files > warn && stats.files <= hard) {
      out.push({ level: 'warn', message: `files: ${n(stats.files)} is over ${n(warn)} (${note})`, source });
    }
  }
  if (limits.maxFilesPerDirectory) {
    const { value, source } = limits.maxFilesPerDirectory;
    compare(
      stats.fullestDirectory.files,
      value,
      `files in one folder (${stats.fullestDirectory.dir})`,
      source,
    );
  }
  if (limits.maxFileBytes) {
    compare(
      stats.largest.bytes,
      limits.maxFileBytes.value,
      `largest file (${stats.largest.file})`,
      limits.maxFileBytes.source,
      mib,
    );
  }
  if (limits.staticRedirects)
    compare(
      stats.redirects.length,
      limits.staticRedirects.value,
      'static redirects',
      limits.staticRedirects.source,
    );
  if (limits.redirectLineChars) {
    const longest = Math.max(0, ...stats.redirects.map((l) => l.length));
    compare(
      longest,
      limits.redirectLineChars.value,
      'longest redirect line (characters)',
      limits.redirectLineChars.source,
    );
  }
  if (limits.headerRules)
    compare(stats.headerRules, limits.headerRules.value, '_headers rules', limits.headerRules.source);
  if (limits.headerLineChars) {
    const longest = Math.max(0, ...stats.headerLines.map((l) => l.length));
    compare(
      longest,
      limits.headerLineChars.value,
      'longest _headers line (characters)',
      limits.headerLineChars.source,
    );
  }
  if (limits.redirectsAdvisory && stats.redirects.length > limits.redirectsAdvisory.value) {
    out.push({
      level: 'warn',
      message: `${n(stats.redirects.length)} redirects: ${limits.redirectsAdvisory.note}`,
      source: limits.redirectsAdvisory.source,
    });
  }
  if (limits.ignoresHostFiles) {
    out.push({
      level: 'warn',
      message: limits.ignoresHostFiles.note,
      source: limits.ignoresHostFiles.source,
    });
  }
  return out;
}

/** Reads the host the site was built for from dist/build-manifest.json. */
export async function builtHost(dir: string): Promise<Host | undefined> {
  try {
    const manifest = JSON.parse(await readFile(path.join(dir, 'build-manifest.json'), 'utf8')) as {
      host?: string;
    };
    return manifest.host && manifest.host in HOST_LIMITS ? (manifest.host as Host) : undefined;
  } catch {
    return undefined;
  }
}
