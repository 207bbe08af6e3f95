// The code flows one way: each folder of src/ may import only from the folders before it in LAYERS (and from
// itself), and no module imports itself back through others. Type-only imports, dynamic imports and worker
// entry points (new URL('./x.ts', import.meta.url)) count like any other import. docs/architecture.md draws it.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/** Folders of src/ in the order data flows through them; folders in one entry may not import each other. */
export const LAYERS: readonly (readonly string[])[] = [
  ['errors'],
  ['schema'],
  ['content'],
  ['plan'],
  ['html'],
  ['models'],
  ['blocks'],
  ['measure'],
  ['generator'],
  ['astro'],
  ['report', 'scaffold', 'bench', 'editor'],
  ['cli'],
];

const SRC = path.resolve('src');
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|new URL\(\s*)['"](\.{1,2}\/[^'"]+)['"]/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(ts|astro|mjs)$/.test(e.name))
    .map((e) => path.join(e.parentPath, e.name));
}

/** Relative imports of every module under src/, as paths relative to src/. */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sourceFiles(SRC)) {
    const text = readFileSync(file, 'utf8');
    const targets = [...text.matchAll(SPECIFIER)]
      .map((m) => path.resolve(path.dirname(file), m[1]!))
      .filter((t) => t.startsWith(SRC + path.sep))
      .map((t) => path.relative(SRC, t));
    graph.set(path.relative(SRC, file), [...new Set(targets)]);
  }
  return graph;
}

const folderOf = (module: string) => module.split(path.sep)[0]!;
const rankOf = (folder: string) => LAYERS.findIndex((layer) => layer.includes(folder));

/** Strongly connected components with more than one module (or a module importing itself): the cycles. */
function cycles(graph: Map<string, string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || graph.get(v)?.includes(v)) found.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

describe('architecture', () => {
  const graph = importGraph();

  it('puts every module of src/ in a folder that has a place in the layers', () => {
    const homeless = [...graph.keys()].filter((m) => rankOf(folderOf(m)) === -1);
    expect(homeless).toEqual([]);
  });

  it('never imports against the direction of the layers', () => {
    const against: string[] = [];
    for (const [from, targets] of graph) {
      for (const to of targets) {
        const [a, b] = [folderOf(from), folderOf(to)];
        if (a !== b && rankOf(b) >= rankOf(a)) against.push(`${from} → ${to}`);
      }
    }
    expect(against).toEqual([]);
  });

  it('has no import cycles', () => {
    expect(cycles(graph)).toEqual([]);
  });

  it('finds a cycle and a backward import when there is one (the checks themselves work)', () => {
    const sample = new Map([
      ['plan/a.ts', ['models/b.ts']],
      ['models/b.ts', ['plan/a.ts']],
    ]);
    expect(cycles(sample)).toEqual([['models/b.ts', 'plan/a.ts']]);
    expect(rankOf('plan')).toBeLessThan(rankOf('models'));
  });
});
