// A tiny JSX runtime for compiled MDX angles: it produces escaped HTML strings and only the elements
// Markdown itself makes, so an angle cannot smuggle in <script>, event handlers or unsafe links.
import { escapeAttr, escapeHtml, safeUrl } from './escape.ts';

export class Html {
  readonly value: string;
  constructor(value: string) {
    this.value = value;
  }
  toString(): string {
    return this.value;
  }
}

export const ALLOWED_ELEMENTS = new Set([
  'p',
  'h2',
  'h3',
  'h4',
  'ul',
  'ol',
  'li',
  'a',
  'em',
  'strong',
  'code',
  'pre',
  'blockquote',
  'hr',
  'br',
  'del',
  'sup',
  'sub',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
]);
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
  if (children instanceof Html) return children.value;
  return escapeHtml(children as string | number);
}

export function jsx(type: string | Component | typeof Fragment, props: Props): Html {
  if (type === Fragment) return new Html(renderChildren(props.children));
  if (typeof type === 'function') return type(props);
  if (!ALLOWED_ELEMENTS.has(type)) throw new DisallowedMarkupError(`<${type}> is not allowed in an angle.`);
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
  if (VOID_ELEMENTS.has(type)) return new Html(`<${type}${attributes}>`);
  const tag = HEADING_SHIFT[type] ?? type;
  return new Html(`<${tag}${attributes}>${renderChildren(props.children)}</${tag}>`);
}

export const jsxs = jsx;
