// Runs a compiled angle (content/angle-compile.ts) with the JSX runtime and a fixed component map, giving Html.
import { runSync } from '@mdx-js/mdx';
import type { CompiledAngle } from '../content/angle-compile.ts';
import type { AngleComponentName } from '../schema/index.ts';
import { Fragment, jsx, jsxs, type Html } from './html-runtime.ts';

/** <Fact>, <Value> and <Cite>: each takes a fact id and returns its markup. */
export type AngleComponents = Record<AngleComponentName, (props: { id: string }) => Html>;

type AngleContent = (props: { components: AngleComponents }) => Html;

// Turned into a function on first render only: `check` validates thousands of angles it never renders.
const functions = new WeakMap<CompiledAngle, AngleContent>();

export function renderAngleBody(angle: CompiledAngle, components: AngleComponents): Html {
  let content = functions.get(angle);
  if (!content) {
    content = runSync(angle.code, { jsx, jsxs, Fragment, baseUrl: import.meta.url } as never)
      .default as unknown as AngleContent;
    functions.set(angle, content);
  }
  return content({ components });
}
