// Reads a built site the way a crawler would: every HTML file, its links, robots meta, canonical and JSON-LD.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';

export interface BuiltPage {
  /** Site path: "/" or "/cigna/" for directory pages, "/404.html" for files. */
  path: string;
  html: string;
  dom: HTMLElement;
}

export async function readBuiltPages(dir: string): Promise<BuiltPage[]> {
  const files = (await readdir(dir, { recursive: true })).filter((f) => f.endsWith('.html')).sort();
  return Promise.all(
    files.map(async (file) => {
      const html = await readFile(path.join(dir, file), 'utf8');
      const urlPath = file.endsWith('index.html')
        ? `/${path.dirname(file)}/`.replace('/./', '/')
        : `/${file}`;
      return { path: urlPath.replace(/\/+/g, '/'), html, dom: parse(html) };
    }),
  );
}

export const meta = (page: BuiltPage, name: string) =>
  page.dom.querySelector(`meta[name="${name}"]`)?.getAttribute('content') ??
  page.dom.querySelector(`meta[property="${name}"]`)?.getAttribute('content');

export const isRedirectStub = (page: BuiltPage) =>
  page.dom.querySelector('meta[http-equiv="refresh"]') !== null;

export function jsonLdBlocks(page: BuiltPage): { raw: string; data: Record<string, unknown> }[] {
  return page.dom
    .querySelectorAll('script[type="application/ld+json"]')
    .map((s) => ({ raw: s.rawText, data: JSON.parse(s.rawText) as Record<string, unknown> }));
}

/** Internal hrefs on the page (site paths), without fragments. */
export function internalLinks(page: BuiltPage): string[] {
  return page.dom
    .querySelectorAll('a[href]')
    .map((a) => a.getAttribute('href')!)
    .filter((href) => href.startsWith('/'))
    .map((href) => href.split('#')[0]!);
}
