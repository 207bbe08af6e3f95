// An angle file as the editor sees it (frontmatter and body) and back: an edit changes only the frontmatter
// lines whose values changed and, if the text changed, the body; the rest of the file stays byte for byte.
import { editYaml, parseYaml, renderNew } from './yaml-edit.ts';

const FRONTMATTER = /^(---\r?\n)([\s\S]*?\r?\n)?(---[ \t]*(?:\r?\n|$))/;

export interface AngleParts {
  /** The opening `---` line, as written. */
  open: string;
  /** The YAML between the two `---` lines, with its final newline. */
  front: string;
  /** The closing `---` line, as written. */
  close: string;
  body: string;
}

export function splitAngle(text: string): AngleParts | undefined {
  const match = FRONTMATTER.exec(text);
  if (!match) return undefined;
  return { open: match[1]!, front: match[2] ?? '', close: match[3]!, body: text.slice(match[0].length) };
}

/** The file as the form loads it: the blank line after the frontmatter is layout, not text. */
export function angleForEditor(text: string): string {
  const parts = splitAngle(text);
  if (!parts) return text;
  return `---\n${parts.front}---\n${parts.body.replace(/^\r?\n/, '')}`;
}

/** Frontmatter values of an angle file (as the form or the disk wrote it). */
export function angleValues(text: string): { data: Record<string, unknown>; body: string } {
  const parts = splitAngle(text);
  if (!parts) throw new Error('the angle has no frontmatter between --- lines');
  const data = parts.front.trim() ? (parseYaml(parts.front).toJS() as Record<string, unknown>) : {};
  return { data: data ?? {}, body: parts.body };
}

const normalBody = (body: string) => `\n${body.replace(/^\s*\n/, '').trimEnd()}\n`;

/** The angle file holding `data` and `body`: `old` edited in place when there is one, else a new file. */
export function writeAngle(old: string | undefined, data: Record<string, unknown>, body: string): string {
  const parts = old === undefined ? undefined : splitAngle(old);
  if (!parts) return `---\n${renderNew(data)}---\n${normalBody(body)}`;
  const front = parts.front.trim() ? editYaml(parts.front, [], data) : renderNew(data);
  const sameBody = parts.body.trim() === body.trim();
  return `${parts.open}${front}${parts.close}${sameBody ? parts.body : normalBody(body)}`;
}
