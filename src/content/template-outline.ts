// Where an HTML template's text sits in the page outline, and the check that its own headings keep to it. The
// build checks the rendered fragments again on every page (generator/page-markup.ts); this one runs in `check`,
// on the template's source, so the error points at the line and column of the heading.
import { createError, type DataError } from '../errors/data-error.ts';

/**
 * The level of the heading each HTML template's text sits under, so its own headings start one below; 0 for text
 * that takes no headings (the hook under the page title, the offer in the CTA box).
 */
export function headingBase(name: string): number {
  if (name === 'hook' || name === 'cta' || name === 'cta-price') return 0;
  return 2;
}

export function templateOutlineErrors(file: string, source: string, under: number): DataError[] {
  const errors: DataError[] = [];
  let level = under;
  for (const match of source.matchAll(/<h([1-6])\b/gi)) {
    const depth = Number(match[1]);
    const before = source.slice(0, match.index);
    const line = before.split('\n').length;
    const column = match.index - before.lastIndexOf('\n');
    const at = { file, line, column };
    if (under === 0)
      errors.push(
        createError('HeadingOrder', at, {
          message: `This template's text sits where the page takes no heading, and it has an <h${depth}>.`,
          hint: 'Use a paragraph with <strong> instead of a heading here.',
        }),
      );
    else if (depth <= under || depth > level + 1)
      errors.push(
        createError('HeadingOrder', at, {
          message: `<h${depth}> follows ${level === under ? `the section's <h${under}>` : `an <h${level}>`}, breaking the page outline.`,
          hint: `Use <h${Math.min(level + 1, 6)}> here: this template's text sits under an <h${under}>, and headings go one level deeper at a time.`,
        }),
      );
    level = depth;
  }
  return errors;
}
