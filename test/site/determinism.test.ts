/** Deterministic: two builds of the same corpus give byte-identical dist/ trees. */
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
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
  it('gives byte-identical dist/ trees for two builds of the same corpus (one extracting in worker threads), and for a rebuild from the caches', () => {
    const first = buildCopy(SEEDS);
    const a = digest(join(first.dir, 'dist'));
    const same = (b: Map<string, string>) => {
      expect([...a.keys()].sort()).toEqual([...b.keys()].sort());
      expect([...a].filter(([f, h]) => b.get(f) !== h).map(([f]) => f)).toEqual([]);
    };
    // The second with the documents' extraction in two worker threads (a large corpus's default).
    const threaded = buildCopy(SEEDS, { CONTENT_WORKERS: '2' });
    expect(threaded.log).toMatch(/\[extract\] 5\/5 documents \(2 threads\)/);
    expect(first.log).not.toContain('[extract]');
    same(digest(join(threaded.dir, 'dist')));
    expect(a.size).toBeGreaterThan(20);
    // Built again in the same folder: every per-document result, search shard and page comes from a cache.
    const again = buildIn(first.dir, SEEDS);
    expect(again.log).toMatch(/\[cache\] [1-9]\d* per-document results reused/);
    expect(again.log).toMatch(/\(0 built, 1 unchanged\)/);
    expect(again.log).toContain('(restored)');
    same(digest(join(first.dir, 'dist')));
  }, 300_000);

  it('gives after one document changed the same dist/ as a fresh build of the changed corpus (no stale page from a cache)', () => {
    const corpus = mkdtempSync(join(tmpdir(), 'kb-changed-'));
    cpSync(SEEDS, corpus, { recursive: true });
    const built = buildCopy(corpus);
    // A paragraph in the middle of one document, with a date, a figure and a term: its page, the
    // timeline, the figures, the glossary and their filtered pages all change.
    const file = join(corpus, readdirSync(corpus).sort()[1]!);
    const lines = readFileSync(file, 'utf8').split('\n');
    writeFileSync(file, [...lines.slice(0, 12), '', '2019年5月,该医联体新增签约医院12家,覆盖人口约30万人,双向转诊人次同比增长15%。', '', ...lines.slice(12)].join('\n'));
    const rebuilt = buildIn(built.dir, corpus);
    expect(rebuilt.log).toContain('(restored)');
    expect(rebuilt.log).toMatch(/\(1 built, 0 unchanged\)/);
    const fresh = digest(join(buildCopy(corpus).dir, 'dist'));
    const incremental = digest(join(built.dir, 'dist'));
    expect([...incremental.keys()].sort()).toEqual([...fresh.keys()].sort());
    expect([...fresh].filter(([f, h]) => incremental.get(f) !== h).map(([f]) => f)).toEqual([]);
  }, 300_000);
});
