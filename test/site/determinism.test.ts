/** Deterministic: two builds of the same corpus give byte-identical dist/ trees. */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCopy } from '../helpers/build.ts';
import { SEEDS } from '../helpers/seeds.ts';

function digest(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.set(relative(dir, p), createHash('sha256').update(readFileSync(p)).digest('hex'));
    }
  };
  walk(dir);
  return out;
}

describe('determinism', () => {
  it('gives byte-identical dist/ trees for two builds of the same corpus', () => {
    const a = digest(join(buildCopy(SEEDS).dir, 'dist'));
    const b = digest(join(buildCopy(SEEDS).dir, 'dist'));
    expect([...a.keys()].sort()).toEqual([...b.keys()].sort());
    const differ = [...a].filter(([f, h]) => b.get(f) !== h).map(([f]) => f);
    expect(differ).toEqual([]);
    expect(a.size).toBeGreaterThan(20);
  });
});
