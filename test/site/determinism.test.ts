/** Deterministic: two builds of the same corpus give byte-identical dist/ trees. */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCopy, buildIn } from '../helpers/build.ts';
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
  it('gives byte-identical dist/ trees for two builds of the same corpus, and for a rebuild from the caches', () => {
    const first = buildCopy(SEEDS);
    const a = digest(join(first.dir, 'dist'));
    const same = (b: Map<string, string>) => {
      expect([...a.keys()].sort()).toEqual([...b.keys()].sort());
      expect([...a].filter(([f, h]) => b.get(f) !== h).map(([f]) => f)).toEqual([]);
    };
    same(digest(join(buildCopy(SEEDS).dir, 'dist')));
    expect(a.size).toBeGreaterThan(20);
    // Built again in the same folder: every per-document result, search shard and page comes from a cache.
    const again = buildIn(first.dir, SEEDS);
    expect(again.log).toMatch(/\[cache\] [1-9]\d* per-document results reused/);
    expect(again.log).toMatch(/\(0 built, 1 unchanged\)/);
    expect(again.log).toContain('(restored)');
    same(digest(join(first.dir, 'dist')));
  }, 300_000);
});
