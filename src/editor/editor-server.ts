// `npm run edit`'s web server, on 127.0.0.1 only: the editor page, the Decap CMS bundle from node_modules, the
// generated configuration, the proxy backend and the preview links. Nothing is fetched from another host.
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { stripTypeScriptTypes } from 'node:module';
import path from 'node:path';
import { DECAP_CONFIG_FILE, PROXY_PATH } from './decap-config.ts';
import type { EditorConfig } from './entry-store.ts';
import { previewPath } from './preview-pages.ts';
import { PreviewServer } from './preview-server.ts';
import { checkForm, handleProxy, type BackendContext } from './proxy-backend.ts';

export interface EditorOptions {
  /** Folder holding data/ and templates/ (the working tree). */
  root: string;
  /** The project whose node_modules and Astro app are used; defaults to the one this file belongs to. */
  codeRoot?: string;
  /** 0 picks a free port. */
  port?: number;
}

export interface RunningEditor {
  url: string;
  close(): Promise<void>;
}

const HOST = '127.0.0.1';
const MAX_BODY = 4 * 1024 * 1024;
const CODE_ROOT = path.resolve(import.meta.dirname, '../..');

/** Decap needs eval (its config validator compiles schemas) and inline styles (CSS-in-JS); nothing else. */
const CSP = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="robots" content="noindex" />
    <title>Denial Pages editor</title>
    <script type="module" src="/editor-client.js"></script>
  </head>
  <body></body>
</html>
`;

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.map': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};

function send(
  res: ServerResponse,
  status: number,
  body: string | Buffer,
  type: string,
  extra: Record<string, string> = {},
) {
  res.writeHead(status, {
    'Content-Type': type,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    ...extra,
  });
  res.end(body);
}
const sendJson = (res: ServerResponse, status: number, value: unknown) =>
  send(res, status, JSON.stringify(value), 'application/json; charset=utf-8');

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY) throw new Error('request too large');
    chunks.push(chunk);
  }
  return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
}

/** Only this server's own pages may call it: other sites (and DNS rebinding) are turned away. */
function sameOrigin(req: IncomingMessage, port: number): boolean {
  const allowed = [`${HOST}:${port}`, `localhost:${port}`];
  if (!allowed.includes(req.headers.host ?? '')) return false;
  const origin = req.headers.origin;
  return origin === undefined || allowed.some((a) => origin === `http://${a}`);
}

export async function startEditor(options: EditorOptions): Promise<RunningEditor> {
  const root = path.resolve(options.root);
  const codeRoot = options.codeRoot ?? CODE_ROOT;
  const config = JSON.parse(await readFile(path.join(codeRoot, DECAP_CONFIG_FILE), 'utf8')) as EditorConfig;
  const client = stripTypeScriptTypes(
    await readFile(path.join(codeRoot, 'src/editor/editor-client.ts'), 'utf8'),
  );
  const decapDir = path.join(codeRoot, 'node_modules/decap-cms/dist');
  const preview = new PreviewServer(root, codeRoot);
  let port = 0;
  const ctx = (): BackendContext => ({ root, config, previewBase: `http://${HOST}:${port}/preview` });

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    if (!sameOrigin(req, port))
      return send(res, 403, 'Forbidden: open the editor at its own address.', 'text/plain');
    const url = new URL(req.url ?? '/', `http://${HOST}:${port}`);
    if (req.method === 'POST' && (url.pathname === PROXY_PATH || url.pathname === '/api/check')) {
      if (!req.headers['content-type']?.startsWith('application/json'))
        return sendJson(res, 415, { error: 'send JSON' });
      const body = await readBody(req).catch(() => undefined);
      if (body === undefined) return sendJson(res, 400, { error: 'the request is not JSON' });
      const reply =
        url.pathname === PROXY_PATH ? await handleProxy(ctx(), body) : await checkForm(ctx(), body);
      return sendJson(res, reply.status, reply.json);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return send(res, 405, 'Method not allowed', 'text/plain');
    if (url.pathname === '/' || url.pathname === '/index.html')
      return send(res, 200, PAGE, 'text/html; charset=utf-8', { 'Content-Security-Policy': CSP });
    if (url.pathname === '/editor-client.js') return send(res, 200, client, TYPES['.js']!);
    if (url.pathname === '/config.json') return sendJson(res, 200, config);
    if (url.pathname.startsWith('/decap/')) {
      const name = url.pathname.slice('/decap/'.length);
      // Only files directly in the bundle's folder: no subfolders, no dot segments.
      if (!/^[\w.-]+$/.test(name) || name.startsWith('.')) return send(res, 404, 'Not found', 'text/plain');
      const file = path.join(decapDir, name);
      const found = await stat(file).catch(() => undefined);
      if (!found?.isFile()) return send(res, 404, 'Not found', 'text/plain');
      return send(res, 200, await readFile(file), TYPES[path.extname(name)] ?? 'application/octet-stream', {
        'Cache-Control': 'max-age=3600',
      });
    }
    const match = /^\/preview(?:\/([\w-]+)(?:\/([\w-]+))?)?\/?$/.exec(url.pathname);
    if (match) {
      const page = match[1] && match[2] ? await previewPath(root, match[1], match[2]) : '/';
      const origin = await preview.origin();
      res.writeHead(302, { Location: `${origin}${page}`, 'Cache-Control': 'no-store' });
      return res.end();
    }
    return send(res, 404, 'Not found', 'text/plain');
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((e: Error) => {
      if (!res.headersSent) sendJson(res, 500, { error: e.message });
      else res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, HOST, () => resolve());
  });
  port = (server.address() as { port: number }).port;
  return {
    url: `http://${HOST}:${port}/`,
    close: async () => {
      preview.stop();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
