/** The content build in worker threads (scripts/lib/pool.ts) writes exactly what it writes in one thread, hostile files included; a rebuild works nothing out again. */
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runContentBuild } from '../../scripts/content-build.ts';
import { NO_CURATION } from '../../src/corpus/curation.ts';
import { makeHostileCorpus } from '../helpers/hostile.ts';
import { seedFiles, SEEDS } from '../helpers/seeds.ts';

/** Every file under a folder with its hash. */
function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (e.isFile()) out[relative(dir, join(e.parentPath, e.name))] = createHash('sha256').update(readFileSync(join(e.parentPath, e.name))).digest('hex');
  }
  return out;
}

describe('the content build in worker threads', () => {
  it('writes the same files and registry as in one thread, and then works nothing out again', async () => {
    const corpus = makeHostileCorpus();
    // The seeds too, twice (a copy is listed once, as a duplicate).
    for (const f of seedFiles()) cpSync(join(SEEDS, f.name), join(corpus, `seed-${f.name}`));
    cpSync(join(SEEDS, seedFiles()[0]!.name), join(corpus, 'seed-copy.txt'));
    const build = async (threads: number, where = mkdtempSync(join(tmpdir(), 'kb-threads-')), mergesApartFrom?: number) => {
      const log: string[] = [];
      await runContentBuild({
        corpusDir: corpus,
        cacheDir: join(where, 'cache'),
        outDir: join(where, 'out'),
        registryPath: join(where, 'registry.json'),
        curation: NO_CURATION,
        location: { site: 'https://example.org', base: '/' },
        threads,
        ...(mergesApartFrom !== undefined ? { mergesApartFrom } : {}),
        log: (line) => log.push(line),
      });
      return { where, log: log.join('\n'), files: { ...tree(join(where, 'out')), registry: readFileSync(join(where, 'registry.json'), 'utf8') } };
    };
    const one = await build(0);
    const three = await build(3);
    expect(three.log).toContain('(3 threads)');
    expect(Object.keys(one.files).length).toBeGreaterThan(30);
    expect(one.log).toMatch(/\[skipped\] seed-copy\.txt: the same bytes as/);
    expect(three.files).toEqual(one.files);
    // The large merges one at a time, as in a large corpus: the same files.
    const apart = await build(2, undefined, 0);
    expect(apart.files).toEqual(one.files);
    // Again in two threads with what the three left: every document's results kept, no file written again.
    const again = await build(2, three.where);
    expect(again.log).toMatch(/\[extract\] 0 of \d+ documents worked out in 2 threads/);
    expect(again.log).toMatch(/\(0 written, \d+ unchanged\)/);
    expect(again.files).toEqual(one.files);
  }, 120_000);
});
