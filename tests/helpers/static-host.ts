// A local static host for built output that behaves like the CDN: it applies _redirects (301) and _headers
// (Cloudflare Pages semantics: every matching rule's headers, "! Name" detaches), serves directory index
// pages, and answers unknown paths with 404.html and status 404. Loopback only.
import { readFile, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

interface HeaderRule {
  pattern: RegExp;
  set: [string, string][];
  detach: string[];
}

function parseHeaders(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      const source = `^${line
        .trim()
        .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
        .replace(/\*/g, '.*')}$`;
      rules.push({ pattern: new RegExp(source), set: [], detach: [] });
      continue;
    }
    const rule = rules.at(-1)!;
    const trimmed = line.trim();
    if (trimmed.startsWith('! ')) rule.detach.push(trimmed.slice(2).toLowerCase());
    else {
      const i = trimmed.indexOf(':');
      rule.set.push([trimmed.slice(0, i).trim(), trimmed.slice(i + 1).trim()]);
    }
  }
  return rules;
}

export interface StaticHost {
  origin: string;
  close(): Promise<void>;
}

export async function serveDist(dir: string, options: { redirects?: boolean } = {}): Promise<StaticHost> {
  const headerRules = parseHeaders(await readFile(path.join(dir, '_headers'), 'utf8').catch(() => ''));
  const redirects = new Map(
    (await readFile(path.join(dir, '_redirects'), 'utf8').catch(() => ''))
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => {
        const [from, to] = l.trim().split(/\s+/);
        return [from!, to!] as const;
      }),
  );
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const redirect = options.redirects !== false ? redirects.get(url.pathname) : undefined;
    if (redirect) {
      res.writeHead(301, { Location: redirect });
      res.end();
      return;
    }
    let file = path.join(dir, decodeURIComponent(url.pathname));
    if (!file.startsWith(dir)) {
      res.writeHead(400).end();
      return;
    }
    let status = 200;
    const info = await stat(file).catch(() => undefined);
    if (info?.isDirectory()) file = path.join(file, 'index.html');
    let body = await readFile(file).catch(() => undefined);
    if (!body) {
      status = 404;
      file = path.join(dir, '404.html');
      body = await readFile(file);
    }
    const headers = new Map<string, string>();
    for (const rule of headerRules.filter((r) => r.pattern.test(url.pathname))) {
      for (const name of rule.detach) headers.delete(name);
      for (const [name, value] of rule.set) {
        const key = name.toLowerCase();
        headers.set(key, headers.has(key) ? `${headers.get(key)}, ${value}` : value);
      }
    }
    headers.set('content-type', TYPES[path.extname(file)] ?? 'application/octet-stream');
    res.writeHead(status, Object.fromEntries(headers));
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
