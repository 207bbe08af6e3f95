// Quality gates shared by the fixture tests (tests/e2e/quality.test.ts) and the real-build gate
// (tests/e2e/real-build.test.ts): axe-core in a real browser, the Nu HTML Checker, and Google's structured-data
// rules through @adobe/structured-data-validator.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import Validator from '@adobe/structured-data-validator';
import axe from 'axe-core';
import type { Page } from 'playwright-core';
import { PROJECT_ROOT } from './fixture.ts';

const run = promisify(execFile);

/** axe-core in the page; serious and critical violations fail, and so do broken heading order and missing alt. */
export async function accessibilityProblems(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol: an injected <script> tag would (rightly) be blocked by the CSP.
  await page.evaluate(axe.source);
  const result = (await page.evaluate(() =>
    (window as unknown as { axe: typeof axe }).axe.run(document, { resultTypes: ['violations'] }),
  )) as axe.AxeResults;
  const alwaysFail = new Set(['heading-order', 'image-alt', 'page-has-heading-one', 'landmark-one-main']);
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical' || alwaysFail.has(v.id))
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Nu HTML Checker errors for the given HTML files (warnings are not failures). */
export async function htmlErrors(
  files: string[],
  name = (url: string) => path.basename(path.dirname(url)),
): Promise<string[]> {
  const jar = path.join(PROJECT_ROOT, 'node_modules/vnu-jar/build/dist/vnu.jar');
  try {
    await run('java', ['-jar', jar, '--errors-only', '--format', 'json', ...files], {
      maxBuffer: 16 * 1024 * 1024,
    });
    return [];
  } catch (e) {
    const { stderr } = e as { stderr: string };
    const messages = (
      JSON.parse(stderr) as { messages: { type: string; url: string; message: string; lastLine?: number }[] }
    ).messages;
    return messages
      .filter((m) => m.type === 'error')
      .map((m) => `${name(m.url)}:${m.lastLine}: ${m.message}`);
  }
}

/** Errors from Google's structured-data rules for every JSON-LD block of the given HTML. */
export async function structuredDataErrors(html: string): Promise<string[]> {
  const blocks = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map(
    (m) => JSON.parse(m[1]!) as { '@type': string },
  );
  const jsonld: Record<string, object[]> = {};
  for (const block of blocks) (jsonld[block['@type']] ??= []).push(block);
  const issues = (await new Validator(undefined).validate({ jsonld })) as {
    severity: string;
    issueMessage: string;
    rootType: string;
  }[];
  return issues.filter((i) => i.severity === 'ERROR').map((i) => `${i.rootType}: ${i.issueMessage}`);
}
