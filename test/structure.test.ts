/**
 * The code's shape: no import cycles between modules nor between folders (a folder is a role:
 * src/pipeline, src/extract, scripts/lib …), and no mutable state kept at the top of an engine
 * module (caches and threads belong to the content build, scripts/).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importsOf } from '../scripts/lib/code-version.ts';
import { ROOT } from './helpers/seeds.ts';

/** Every module of src/ and scripts/ (not the generated files), relative to the project. */
const modules = ['src', 'scripts']
  .flatMap((top) => readdirSync(join(ROOT, top), { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && /\.(ts|mjs|astro)$/.test(e.name)).map((e) => relative(ROOT, join(e.parentPath, e.name))))
  .filter((f) => !f.startsWith(join('src', 'generated')))
  .sort();
const edges = new Map(modules.map((m) => [m, importsOf(join(ROOT, m)).map((f) => relative(ROOT, f)).filter((f) => modules.includes(f))]));

/** The cycles of a graph: its strongly connected components of more than one node (or a node on itself). */
function cycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  let index = 0;
  const order = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string) => {
    order.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!order.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, order.get(w)!));
    }
    if (low.get(v) === order.get(v)) {
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
  for (const v of graph.keys()) if (!order.has(v)) visit(v);
  return found;
}

describe('the code', () => {
  it('has no import cycle between modules', () => {
    expect(modules.length).toBeGreaterThan(80);
    expect(cycles(edges)).toEqual([]);
  });

  it('has no import cycle between folders', () => {
    const folders = new Map<string, string[]>();
    for (const [m, to] of edges) {
      const from = dirname(m);
      folders.set(from, [...new Set([...(folders.get(from) ?? []), ...to.map(dirname).filter((d) => d !== from)])]);
    }
    expect(cycles(folders)).toEqual([]);
  });

  it('keeps no mutable state at the top of an engine module: caches and threads belong to the content build (scripts/)', () => {
    const engine = modules.filter((m) => /^src\/(pipeline|extract|extractors|generate|charts|corpus|lib|text)\//.test(m));
    const state = engine.flatMap((m) => {
      const lines = readFileSync(join(ROOT, m), 'utf8').split('\n');
      // A `let` at the top level; a collection made at the top level and changed inside a function
      // (an indented line; a table filled as the module loads is a constant). A remembered pure
      // function (src/lib/memo.ts) is not state.
      const collections = lines.flatMap((l) => /^(?:export )?const (\w+)(?::[^=]+)? = (?:new (?:Weak)?(?:Map|Set)\b|\[\])/.exec(l)?.[1] ?? []);
      const changed = collections.filter((name) => lines.some((l) => /^\s+\S/.test(l) && new RegExp(`\\b${name}\\.(?:set|add|delete|clear|push)\\(`).test(l)));
      return [...lines.filter((l) => /^(?:export )?let /.test(l)), ...changed].map((x) => `${m}: ${x.trim()}`);
    });
    expect(state).toEqual([]);
  });
});
