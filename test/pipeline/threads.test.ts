/** The content build in worker threads (scripts/lib/pool.ts) writes exactly what it writes in one thread, hostile files included; a rebuild works nothing out again. */
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runContentBuild } from '../../scripts/content-build.ts';
import { NO_CURATION } from '../../src/corpus/curation.ts';
import { writeSyntheticCorpus } from '../../scripts/bench/synthetic.ts';
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

/** The content build of `corpus` into `where` (a new folder by default), in `threads` threads (its own choice if undefined): its log and every file it wrote. */
const build = async (corpus: string, threads: number | undefined, where = mkdtempSync(join(tmpdir(), 'kb-threads-')), mergesApartFrom?: number) => {
  const log: string[] = [];
  await runContentBuild({
    corpusDir: corpus,
    cacheDir: join(where, 'cache'),
    outDir: join(where, 'out'),
    registryPath: join(where, 'registry.json'),
    curation: NO_CURATION,
    location: { site: 'https://example.org', base: '/' },
    ...(threads !== undefined ? { threads } : {}),
    ...(mergesApartFrom !== undefined ? { mergesApartFrom } : {}),
    log: (line) => log.push(line),
  });
  return { where, log: log.join('\n'), files: { ...tree(join(where, 'out')), registry: readFileSync(join(where, 'registry.json'), 'utf8') } };
};

describe('the content build in worker threads', () => {
  it('writes the same files and registry as in one thread, and then works nothing out again', async () => {
    const corpus = makeHostileCorpus();
    // The seeds too, twice (a copy is listed once, as a duplicate).
    for (const f of seedFiles()) cpSync(join(SEEDS, f.name), join(corpus, `seed-${f.name}`));
    cpSync(join(SEEDS, seedFiles()[0]!.name), join(corpus, 'seed-copy.txt'));
    const one = await build(corpus, 0);
    const three = await build(corpus, 3);
    expect(three.log).toContain('(3 threads)');
    expect(Object.keys(one.files).length).toBeGreaterThan(30);
    expect(one.log).toMatch(/\[skipped\] seed-copy\.txt: the same bytes as/);
    expect(three.files).toEqual(one.files);
    // The large merges one at a time, as in a large corpus: the same files.
    const apart = await build(corpus, 2, undefined, 0);
    expect(apart.files).toEqual(one.files);
    // Again in two threads with what the three left: every document's results kept, no file written again.
    const again = await build(corpus, 2, three.where);
    expect(again.log).toMatch(/\[extract\] 0 of \d+ documents worked out in 2 threads/);
    expect(again.log).toMatch(/\(0 written, \d+ unchanged\)/);
    expect(again.files).toEqual(one.files);
  }, 120_000);

  it('starts them only for many files to work out: one of sixty changed is rebuilt in this thread, to what a build from nothing writes', async () => {
    // (CONTENT_WORKERS, if set, would choose for the build.)
    if (process.env.CONTENT_WORKERS !== undefined) return;
    const corpus = mkdtempSync(join(tmpdir(), 'kb-threads-corpus-'));
    await writeSyntheticCorpus(corpus, 60, 1500);
    const first = await build(corpus, undefined);
    expect(first.log).toMatch(/: 60 files, 60 new or changed since the last build \(\d+ threads\)/);
    const changed = join(corpus, readdirSync(corpus).filter((f) => f.endsWith('.txt')).sort()[5]!);
    const lines = readFileSync(changed, 'utf8').split('\n');
    writeFileSync(changed, [...lines.slice(0, 6), '', '这一段是后来加上的,2021年该县共有12家医院加入医联体。', '', ...lines.slice(6)].join('\n'));
    const again = await build(corpus, undefined, first.where);
    expect(again.log).toMatch(/: 60 files, 1 new or changed since the last build\n/);
    expect(again.log).toMatch(/\[extract\] 1 of 60 documents worked out \(/);
    const fresh = await build(corpus, 0);
    expect(again.files).toEqual(fresh.files);
    // Nothing changed: nothing to work out, no threads.
    const still = await build(corpus, undefined, first.where);
    expect(still.log).toMatch(/: 60 files, 0 new or changed since the last build\n/);
    expect(still.log).not.toMatch(/ \d+ threads/);
    expect(still.files).toEqual(fresh.files);
    // A file changed in place to as many bytes, its modification time put back: read again all the same (an unchanged one is not).
    // (Its time first set to a whole second, which can be put back exactly; a build takes the new time in.)
    utimesSync(changed, 1_700_000_000, 1_700_000_000);
    const touched = await build(corpus, undefined, first.where);
    expect(touched.log).toMatch(/\[extract\] 0 of 60 documents worked out \(/);
    const text = readFileSync(changed, 'utf8');
    writeFileSync(changed, text.replace('这一段是后来加上的,2021年该县共有12家医院', '这一段是后来加上的,2022年该县共有13家医院'));
    utimesSync(changed, 1_700_000_000, 1_700_000_000);
    expect(statSync(changed, { bigint: true }).mtimeNs).toBe(1_700_000_000_000_000_000n);
    expect(statSync(changed).size).toBe(Buffer.byteLength(text));
    const same = await build(corpus, undefined, first.where);
    expect(same.log).toMatch(/: 60 files, 1 new or changed since the last build\n/);
    expect(same.log).toMatch(/\[extract\] 1 of 60 documents worked out \(/);
    // (Not what a build from nothing writes: the changed paragraph has a new id, and its old one is kept.)
    const html = join(first.where, 'out', 'html');
    expect(readdirSync(html).filter((f) => readFileSync(join(html, f), 'utf8').includes('2022年该县共有13家医院'))).toHaveLength(1);
  }, 240_000);
});
