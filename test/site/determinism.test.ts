/** Deterministic: two builds of the same corpus give byte-identical dist/ trees. */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, lstatSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataIndex } from '../helpers/data.ts';
import { buildCopy, buildIn } from '../helpers/build.ts';
import { copySeeds, SEEDS } from '../helpers/seeds.ts';

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

/** A paragraph with no date, figure, term, organisation or place, in the middle of a document. */
function addPlainSentence(file: string): void {
  const lines = readFileSync(file, 'utf8').split('\n');
  writeFileSync(file, [...lines.slice(0, 30), '', '这一句话里没有日期,也没有数字。', '', ...lines.slice(30)].join('\n'));
}

describe('determinism', () => {
  it('gives byte-identical dist/ trees for two builds of the same corpus (one extracting in worker threads), and for a rebuild from the caches, also after a build that stopped half way', () => {
    const first = buildCopy(SEEDS);
    const a = digest(join(first.dir, 'dist'));
    const same = (b: Map<string, string>) => {
      expect([...a.keys()].sort()).toEqual([...b.keys()].sort());
      expect([...a].filter(([f, h]) => b.get(f) !== h).map(([f]) => f)).toEqual([]);
    };
    // The second with the documents' pipeline, extraction and files in two worker threads (a large corpus's default),
    const threaded = buildCopy(SEEDS, { CONTENT_WORKERS: '2' });
    expect(threaded.log).toMatch(/\[content\] corpus .*: 5 files, 5 new or changed since the last build \(2 threads\)/);
    expect(threaded.log).toMatch(/\[extract\] 5 of 5 documents worked out in 2 threads/);
    // (the first in this thread, by the same code: lib/pool.ts)
    expect(first.log).toMatch(/\[extract\] 5 of 5 documents worked out \(/);
    same(digest(join(threaded.dir, 'dist')));
    expect(a.size).toBeGreaterThan(20);
    // Built again with the threads: no document is read again, its results and files are the last build's.
    const threadedAgain = buildIn(threaded.dir, SEEDS, { CONTENT_WORKERS: '2' });
    expect(threadedAgain.log).toMatch(/\[extract\] 0 of 5 documents worked out/);
    expect(threadedAgain.log).toMatch(/\(0 written, 5 unchanged\)/);
    same(digest(join(threaded.dir, 'dist')));
    // Built again in the same folder: every per-document result, search shard and page comes from a cache.
    const again = buildIn(first.dir, SEEDS);
    expect(again.log).toMatch(/\[extract\] 0 of 5 documents worked out \(/);
    // The search index: every document's units and tokens kept, no file written again.
    expect(again.log).toMatch(/\[search\] 5 documents indexed \(0 worked out, 5 kept\).*; 0 files written/);
    // dist/ is kept: an unchanged page stays where it is.
    expect(again.log).toContain('(cached)');
    same(digest(join(first.dir, 'dist')));
    // Astro keeps no second copy of the pages: its cache's folder of them is dist/ itself (astro.config.mjs).
    const astroCache = join(first.dir, '.cache', 'corpora', readdirSync(join(first.dir, '.cache', 'corpora'))[0]!, 'astro', 'dist');
    expect(lstatSync(astroCache).isSymbolicLink()).toBe(true);
    expect(realpathSync(astroCache)).toBe(realpathSync(join(first.dir, 'dist')));
    // A build that stopped half way leaves its marker in dist/ (astro.config.mjs): the next starts
    // from an empty dist/ and renders every page again, none taken as cached or restored.
    writeFileSync(join(first.dir, 'dist', '.kb-building'), '');
    const page = join(first.dir, 'dist', 'docs', readdirSync(join(first.dir, 'dist', 'docs')).sort()[0]!, 'index.html');
    writeFileSync(page, 'half written');
    const recovered = buildIn(first.dir, SEEDS);
    expect(recovered.log).not.toContain('(restored)');
    expect(recovered.log).not.toContain('(cached)');
    same(digest(join(first.dir, 'dist')));
  }, 300_000);

  it('gives after one document changed, changed again without new figures or terms, then removed, the same dist/ as a fresh build of the corpus (no stale page or data file from a cache, a kept stage or a kept dist/)', () => {
    // (Without the editors' page, which quotes the document this test removes.)
    const corpus = copySeeds({ without: ['pages'] });
    const built = buildCopy(corpus);
    // A paragraph in the middle of one document, with a date, a figure and a term: its page, the
    // timeline, the figures, the glossary and their filtered pages all change.
    const file = join(corpus, readdirSync(corpus).filter((f) => f.endsWith('.txt')).sort()[1]!);
    const lines = readFileSync(file, 'utf8').split('\n');
    writeFileSync(file, [...lines.slice(0, 12), '', '2019年5月,该医联体新增签约医院12家,覆盖人口约30万人,双向转诊人次同比增长15%。', '', ...lines.slice(12)].join('\n'));
    const rebuilt = buildIn(built.dir, corpus);
    expect(rebuilt.log).toContain('(cached)');
    expect(rebuilt.log).toMatch(/\[search\] 5 documents indexed \(1 worked out, 4 kept\)/);
    const sameAsFresh = () => {
      const fresh = digest(join(buildCopy(corpus).dir, 'dist'));
      const incremental = digest(join(built.dir, 'dist'));
      expect([...incremental.keys()].sort()).toEqual([...fresh.keys()].sort());
      expect([...fresh].filter(([f, h]) => incremental.get(f) !== h).map(([f]) => f)).toEqual([]);
    };
    sameAsFresh();
    // (its figures and term mentions changed: those stages ran)
    for (const stage of ['figures', 'terms']) expect(rebuilt.log).not.toContain(`[${stage}] unchanged since the last build`);
    // Then a sentence with no date, figure, term, organisation or place: the merges that read only
    // the documents' figures and index entries keep their files (the model comparison runs: it reads
    // the text's clauses; so does the glossary, which ranks the words the corpus uses).
    addPlainSentence(file);
    const edited = buildIn(built.dir, corpus);
    for (const stage of ['figures', 'organisations', 'places']) expect(edited.log).toContain(`[${stage}] unchanged since the last build`);
    for (const stage of ['models', 'terms']) expect(edited.log).not.toContain(`[${stage}] unchanged`);
    sameAsFresh();
    // Then one document removed: its data leaves the kept dist/ (its part of data/documents/ no longer holds it).
    // One the charts (content/charts.json) do not draw on.
    const gone = readdirSync(corpus).filter((f) => f.endsWith('.txt')).sort()[4]!;
    const goneId = (JSON.parse(readFileSync(join(built.dir, 'src', 'generated', 'data', 'corpus.json'), 'utf8')) as { documents: { id: string; source: string }[] }).documents.find((d) => d.source === gone)!.id;
    const listed = () => dataIndex(join(built.dir, 'dist'), 'documents').parts.flatMap((p) => p.documents!);
    expect(listed()).toContain(goneId);
    // And a page no build makes any more (as a term taken out of content/terms.json leaves one).
    const stray = join(built.dir, 'dist', 'terms', 'gone', 'index.html');
    cpSync(join(built.dir, 'dist', 'about', 'index.html'), stray);
    rmSync(join(corpus, gone));
    buildIn(built.dir, corpus);
    expect(listed()).not.toContain(goneId);
    expect(existsSync(stray)).toBe(false);
    // Its reading page stays, saying where it went (links never break).
    expect(readFileSync(join(built.dir, 'dist', 'docs', goneId, 'index.html'), 'utf8')).not.toContain('<article');
    sameAsFresh();
  }, 500_000);

  it('keeps the figures and indexes of a corpus without a model comparison when an edit changes none of them, and ranks its glossary again, with the same dist/ as a fresh build', () => {
    const corpus = copySeeds({ without: ['charts.json', 'models.json', 'pages'] });
    const built = buildCopy(corpus);
    addPlainSentence(join(corpus, readdirSync(corpus).filter((f) => f.endsWith('.txt')).sort()[2]!));
    const edited = buildIn(built.dir, corpus);
    for (const stage of ['figures', 'organisations', 'places']) expect(edited.log).toContain(`[${stage}] unchanged since the last build`);
    // The glossary's found terms rest on the words of the whole text: an edited sentence ranks them again.
    expect(edited.log).not.toContain('[terms] unchanged');
    const fresh = digest(join(buildCopy(corpus).dir, 'dist'));
    const incremental = digest(join(built.dir, 'dist'));
    expect([...fresh].filter(([f, h]) => incremental.get(f) !== h).map(([f]) => f)).toEqual([]);
    expect(incremental.size).toBe(fresh.size);
  }, 300_000);
});
