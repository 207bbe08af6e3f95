// A layout shell: a page Astro renders once per page kind with a marker where each per-page part goes. The build
// then fills the markers for every page, so the layout, its assets and its fixed text are rendered once per build,
// not once per page. Filling a shell gives the same bytes as Astro rendering the page itself (a test holds that).
import { PART_NAMES, type PageParts } from './guide-page.ts';

/** What Astro renders in place of each part when it renders a shell. */
export const SHELL_PARTS: PageParts = {
  head: '<!--denial-pages:head-->',
  breadcrumb: '<!--denial-pages:breadcrumb-->',
  main: '<!--denial-pages:main-->',
  related: '<!--denial-pages:related-->',
  sticky: '<!--denial-pages:sticky-->',
};

/** Where the guide shell is rendered (by the guide route, in a shell build); the hub shell is the home page. */
export const GUIDE_SHELL_PARAMS = { payer: '_shell', item: 'guide', reason: 'page' };
export const GUIDE_SHELL_FILE = '_shell/guide/page/index.html';
export const HUB_SHELL_FILE = 'index.html';

/** The fixed text around the parts: `segments[i]` comes before part i, the last one after every part. */
export interface Shell {
  segments: string[];
}

export function parseShell(markup: string, file: string): Shell {
  const segments: string[] = [];
  let rest = markup;
  for (const name of PART_NAMES) {
    const marker = SHELL_PARTS[name];
    const at = rest.indexOf(marker);
    if (at === -1 || rest.indexOf(marker, at + marker.length) !== -1)
      throw new Error(`${file}: the layout shell must contain ${marker} exactly once, in layout order`);
    segments.push(rest.slice(0, at));
    rest = rest.slice(at + marker.length);
  }
  segments.push(rest);
  return { segments };
}

/** The page: the shell with each marker replaced by that page's part. */
export function fillShell(shell: Shell, parts: PageParts): string {
  let out = shell.segments[0]!;
  PART_NAMES.forEach((name, i) => (out += parts[name] + shell.segments[i + 1]!));
  return out;
}
