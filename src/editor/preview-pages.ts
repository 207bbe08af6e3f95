// Which page shows an entry: a payer's, item's or reason's hub, the first page that uses an angle, the home page
// for settings. Read from the working tree as `check` sees it.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { checkSite } from '../plan/check-site.ts';
import {
  combinationPath,
  HOME_PATH,
  itemHubPath,
  payerHubPath,
  planHubPath,
  reasonHubPath,
  statePath,
} from '../plan/urls.ts';
import { ANGLE_LAYERS, angleFolder } from './data-files.ts';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The site path that previews `slug` of `collection`, e.g. ("items-drug", "keytruda") → /items/keytruda/. */
export async function previewPath(root: string, collection: string, slug: string): Promise<string> {
  const parts = slug.split('--');
  if (!parts.every((p) => SLUG.test(p))) return HOME_PATH;
  if (collection === 'payers') return payerHubPath(slug);
  if (collection === 'items' || collection.startsWith('items-')) return itemHubPath(slug);
  if (collection === 'reasons') return reasonHubPath(slug);
  if (collection === 'states') return statePath(slug);
  if (collection === 'plan-lines') {
    const rows = parse(await readFile(path.join(root, 'data/plan-lines.yaml'), 'utf8')) as {
      id: string;
      slug: string;
    }[];
    const row = rows.find((r) => r.id === slug);
    return row ? planHubPath(row.slug) : HOME_PATH;
  }
  const layer = ANGLE_LAYERS.find((l) => collection === `angles-${l.layer}`);
  if (!layer) return HOME_PATH;
  const file = `${angleFolder(layer.layer)}/${slug}.mdx`;
  const { site } = await checkSite({ root });
  const page = site?.join.combinations.find((c) =>
    [c.itemAngle, c.payerAngle, c.payerItemNote].some((a) => a?.file === file),
  );
  if (page) return page.path;
  if (layer.layer === 'full' && parts.length === 3) return combinationPath(parts[0]!, parts[1]!, parts[2]!);
  return HOME_PATH;
}
