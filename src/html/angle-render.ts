// Runs a compiled angle (content/angle-compile.ts) and turns what it returns into Html. The angle's JSX is built
// lazily, as a tree, and printed afterwards in reading order: so <IfRule> can leave out its children before anything
// inside them runs (a hidden <Cite> is never numbered), and footnotes are numbered in the order a reader meets them.
import { runSync } from '@mdx-js/mdx';
import type { CompiledAngle } from '../content/angle-compile.ts';
import { escapeHtml } from './escape.ts';
import { Fragment, isHtml, jsx, trusted, type Html } from './html-runtime.ts';

/** <Fact>, <Value> and <Cite> print a fact; <IfRule> says whether its children are shown on this page. */
export interface AngleComponents {
  Fact: (props: { id: string }) => Html;
  Value: (props: { id: string }) => Html;
  Cite: (props: { id: string }) => Html;
  IfRule: (props: { id: string }) => boolean;
  /** Whether the page's item kind, benefit and plan lines match the listed ones (space-separated). */
  OnlyFor: (props: { kinds?: string; benefits?: string; planLines?: string }) => boolean;
}

interface LazyNode {
  readonly lazy: true;
  readonly type: unknown;
  readonly props: Record<string, unknown> & { children?: unknown };
}

const lazyJsx = (type: unknown, props: LazyNode['props']): LazyNode => ({ lazy: true, type, props });

const isLazy = (value: unknown): value is LazyNode =>
  typeof value === 'object' && value !== null && (value as LazyNode).lazy === true;

function print(value: unknown, components: AngleComponents, underSection: boolean): string {
  if (value === null || value === undefined || typeof value === 'boolean') return '';
  if (Array.isArray(value)) return value.map((v) => print(v, components, underSection)).join('');
  if (isHtml(value)) return value.__html;
  if (!isLazy(value)) return escapeHtml(value as string | number);
  const { type, props } = value;
  if (type === Fragment) return print(props.children, components, underSection);
  if (type === components.IfRule)
    return components.IfRule(props as { id: string }) ? print(props.children, components, underSection) : '';
  if (type === components.OnlyFor)
    return components.OnlyFor(props as Parameters<AngleComponents['OnlyFor']>[0])
      ? print(props.children, components, underSection)
      : '';
  if (typeof type === 'function') return (type as (p: unknown) => Html)(props).__html;
  // An element: its children printed first, then checked and escaped by the runtime. A paragraph, list item or
  // list left empty by an <IfRule> that hid everything in it is left out.
  const children = print(props.children, components, underSection);
  if (EMPTIABLE.has(type as string) && !/\S/.test(children.replace(/<\/?(?:ul|ol)>/g, ''))) return '';
  return jsx(type as string, { ...props, children: trusted(children) }, underSection).__html;
}

const EMPTIABLE = new Set(['p', 'li', 'ul', 'ol']);

type AngleContent = (props: { components: AngleComponents }) => unknown;

// Turned into a function on first render only: `check` validates thousands of angles it never renders.
const functions = new WeakMap<CompiledAngle, AngleContent>();

/** Renders a compiled angle; a trust page's text passes `underSection: false` (its ## is an <h2>). */
export function renderAngleBody(
  angle: CompiledAngle,
  components: AngleComponents,
  { underSection = true }: { underSection?: boolean } = {},
): Html {
  let content = functions.get(angle);
  if (!content) {
    content = runSync(angle.code, {
      jsx: lazyJsx,
      jsxs: lazyJsx,
      Fragment,
      baseUrl: import.meta.url,
    } as never).default as unknown as AngleContent;
    functions.set(angle, content);
  }
  return trusted(print(content({ components }), components, underSection));
}
