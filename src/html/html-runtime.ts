// HTML as its own type, and a tiny JSX runtime for compiled MDX angles. Html is a plain object ({ __html }), so
// it survives the JSON that carries page models to Astro and to the stamping threads: a field is markup because
// of its type, never because of its name. The runtime produces escaped markup and only the elements Markdown
// itself makes (schema/angle.ts), so an angle cannot smuggle in <script>, event handlers or unsafe links.
import { ANGLE_ELEMENTS } from '../schema/index.ts';
import { escapeAttr, escapeHtml, safeUrl } from './escape.ts';

/** Finished, safe markup. Made only by this folder: the markup tag, the angle renderer and trusted(). */
export interface Html {
  readonly __html: string;
}

/** Markup the pipeline itself produced (rendered templates and angles, escaped fragments). */
export function trusted(markup: string): Html {
  return { __html: markup };
}

export function isHtml(value: unknown): value is Html {
  return typeof value === 'object' && value !== null && typeof (value as Html).__html === 'string';
}

const VOID_ELEMENTS = new Set(['hr', 'br']);
/** An angle is printed inside a section that has its own h2, so its ## and ### sit one level lower. */
const HEADING_SHIFT: Record<string, string> = { h2: 'h3', h3: 'h4', h4: 'h5' };
const ALLOWED_ATTRIBUTES: Record<string, readonly string[]> = { a: ['href', 'title'], ol: ['start'] };

export class DisallowedMarkupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DisallowedMarkupError';
  }
}

export type Child = string | number | boolean | null | undefined | Html | readonly Child[];
type Props = Record<string, unknown> & { children?: Child };
type Component = (props: Props) => Html;

export const Fragment = Symbol('Fragment');

/** Children as markup: Html as it is, text escaped, arrays joined, null, undefined and booleans as nothing. */
export function renderChildren(children: Child): string {
  if (children === null || children === undefined || typeof children === 'boolean') return '';
  if (Array.isArray(children)) return (children as readonly Child[]).map(renderChildren).join('');
  if (isHtml(children)) return children.__html;
  return escapeHtml(children as string | number);
}

/**
 * An element as escaped markup. `underSection` (the default) prints an angle's ## as <h3>, since it sits under a
 * page section's <h2>; a trust page's text sits right under the page's <h1>, so it passes false.
 */
export function jsx(type: string | Component | typeof Fragment, props: Props, underSection = true): Html {
  if (type === Fragment) return trusted(renderChildren(props.children));
  if (typeof type === 'function') return type(props);
  if (!ANGLE_ELEMENTS.has(type)) throw new DisallowedMarkupError(`<${type}> is not allowed in an angle.`);
  let attributes = '';
  for (const [name, value] of Object.entries(props)) {
    if (name === 'children' || value === undefined || value === null) continue;
    if (!ALLOWED_ATTRIBUTES[type]?.includes(name)) {
      throw new DisallowedMarkupError(`Attribute "${name}" is not allowed on <${type}> in an angle.`);
    }
    const text = name === 'href' ? safeUrl(String(value)) : String(value);
    attributes += ` ${name}="${escapeAttr(text)}"`;
  }
  if (type === 'a' && String(props['href'] ?? '').startsWith('https://')) attributes += ' rel="noopener"';
  if (VOID_ELEMENTS.has(type)) return trusted(`<${type}${attributes}>`);
  const tag = (underSection && HEADING_SHIFT[type]) || type;
  return trusted(`<${tag}${attributes}>${renderChildren(props.children)}</${tag}>`);
}

export const jsxs = (type: string | Component | typeof Fragment, props: Props): Html => jsx(type, props);
