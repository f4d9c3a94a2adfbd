/**
 * The search index's format: document lists read back as written (as numbers or as a bitmap),
 * buckets read back whole and key by key, and, over random documents and queries, the candidates
 * the index gives hold every document that contains the query (the engine's literal check does the
 * rest), title matches first.
 */
import { deflateRawSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { characterTable } from '../../src/pipeline/script.ts';
import { fold, packTable, phraseText, queryParts } from '../../src/search/fold.ts';
import { bucketName, bucketOf, ByteReader, KeyList, queryKeys, radixSorted, ByteWriter, decodeBucket, encodeBucket, findInBucket, indexFileText, parseIndexFile, readDocs, unitsName, writeDocs, type IndexMeta, type Posting } from '../../src/search/index-format.ts';
import { inflate, openSearchIndex, type IndexedDocument } from '../../src/search/index-reader.ts';
import { documentTokens } from '../../src/search/records.ts';
import { excerpt, openSearch, search } from '../../src/search/engine.ts';

const table = characterTable();

describe('document lists', () => {
  it('read back as written, short lists as numbers and long ones as a bitmap, with a bit of the caller', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3000 }), fc.array(fc.nat(), { maxLength: 400 }), fc.boolean(), (n, raw, more) => {
        const docs = [...new Set(raw.map((x) => x % n))].sort((a, b) => a - b);
        const w = new ByteWriter();
        writeDocs(w, docs, n, more);
        w.varint(12345);
        const r = new ByteReader(w.result());
        expect(readDocs(r, n)).toEqual({ docs, more });
        expect(r.varint()).toBe(12345);
        expect(w.length).toBeLessThanOrEqual(Math.ceil(n / 8) + docs.length * 3 + 4);
      }),
      { numRuns: 300 },
    );
  });

  it('a bucket reads back whole and key by key, and says when a key is not in it', () => {
    const n = 100;
    // Keys of bucket 7 of 128 (their low seven bits), the largest a key can be among them.
    const postings: Posting[] = [
      { key: 7, docs: [1, 2, 3], titles: [2] },
      { key: 90 * 128 + 7, docs: Array.from({ length: 60 }, (_, i) => i), titles: [] },
      { key: 0xffffff87, docs: [99], titles: [99] },
    ];
    const bytes = encodeBucket(postings, n, 128);
    expect(decodeBucket(bytes, n, 7, 128)).toEqual(new Map(postings.map((p) => [p.key, { docs: Array.from(p.docs), titles: Array.from(p.titles) }])));
    for (const p of postings) expect(findInBucket(bytes, p.key, n, 128)).toEqual({ docs: Array.from(p.docs), titles: Array.from(p.titles) });
    expect(findInBucket(bytes, 8 * 128 + 7, n, 128)).toBeUndefined();
    expect(findInBucket(bytes, 0xffffff07, n, 128)).toBeUndefined();
  });

  it('any bucket of random postings reads back key by key, and an absent key of it is not found', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 8 }).map((b) => 2 ** b),
        fc.integer({ min: 1, max: 500 }),
        fc.uniqueArray(fc.nat({ max: 0xffffffff }), { minLength: 1, maxLength: 60 }),
        fc.array(fc.array(fc.nat(), { maxLength: 80 }), { minLength: 60, maxLength: 60 }),
        (buckets, n, rawKeys, rawDocs) => {
          const bucket = rawKeys[0]! % buckets;
          // Keys of one bucket: the same low bits.
          const keys = [...new Set(rawKeys.map((k) => k - (k % buckets) + bucket))].sort((a, b) => a - b);
          const postings = keys.map((key, i) => {
            const docs = [...new Set(rawDocs[i]!.map((x) => x % n))].sort((a, b) => a - b);
            return { key, docs, titles: docs.filter((d) => (d + i) % 3 === 0) };
          });
          const bytes = encodeBucket(postings, n, buckets);
          expect(decodeBucket(bytes, n, bucket, buckets)).toEqual(new Map(postings.map((p) => [p.key, { docs: p.docs, titles: p.titles }])));
          for (const p of postings) expect(findInBucket(bytes, p.key, n, buckets)).toEqual({ docs: p.docs, titles: p.titles });
          const absent = [...Array(20).keys()].map((i) => (keys.at(-1)! + (i + 1) * buckets) % 2 ** 32).find((k) => !keys.includes(k));
          if (absent !== undefined) expect(findInBucket(bytes, absent, n, buckets)).toBeUndefined();
        },
      ),
      { numRuns: 200 },
    );
  });

  it('an index file is a classic script that hands over its name and payloads, read back without running it', () => {
    const text = indexFileText('u/3', ['QUJD', 'REVG']);
    expect(text).toBe('KBI(["u/3","QUJD","REVG"]);\n');
    expect(parseIndexFile(text)).toEqual(['u/3', 'QUJD', 'REVG']);
    expect(() => parseIndexFile('alert(1)')).toThrow();
  });
});

describe('a document\'s keys', () => {
  it('sort as numbers, whatever their high and low bits (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.nat({ max: 4096 }), fc.integer({ min: 0, max: 0xffffffff })), { maxLength: 3000 }), (raw) => {
        expect([...radixSorted(Uint32Array.from(raw))]).toEqual([...raw].sort((a, b) => a - b));
      }),
    );
  });

  it('are each kept once, in order, however many times they were added and however many there are (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 0xffffffff }), { maxLength: 600 }), fc.nat({ max: 40 }), (distinct, repeats) => {
        const keys = new KeyList();
        // Each key added 1 to repeats+1 times, interleaved, past the list's first size (1,024).
        for (let r = 0; r <= repeats; r++) distinct.forEach((k, i) => (i % (r + 1) === 0 ? keys.add(k) : undefined));
        expect([...keys.sorted()]).toEqual([...new Set(distinct)].sort((a, b) => a - b));
      }),
    );
  });
});

describe('excerpts', () => {
  const marked = (html: string) => [...html.matchAll(/<mark>([^<]*)<\/mark>/g)].map((m) => m[1]!);
  const shown = (html: string) => html.replace(/<[^>]*>/g, '').replaceAll('…', '');

  it('show the words of the query together where they stand close, not the first of the longest alone', () => {
    const filler = (n: number) => '这是为了拉开距离而写的一段话'.repeat(8).slice(0, n);
    const text = `医疗卫生机构${filler(150)}家庭医生签约服务覆盖基层医疗卫生机构${filler(150)}`;
    const html = excerpt(text, ['医疗卫生', '签约'], table);
    expect(new Set(marked(html))).toEqual(new Set(['医疗卫生', '签约']));
    // One word alone: its first place, as before.
    expect(shown(excerpt(text, ['医疗卫生'], table)).startsWith('医疗卫生机构')).toBe(true);
  });

  it('mark every word of the query whenever one stretch of the excerpt’s length holds them all, and show only the text (property)', () => {
    // A few words, each after a stretch of other characters (none, or more than an excerpt's length).
    const filler = '这是为了拉开距离而写的一段话，其中没有要找的词。'.repeat(10);
    const word = fc.constantFrom('医疗', '签约', '卫生', '基层服务', '家');
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat({ max: 160 }), word), { maxLength: 6 }).map((ws) => ws.map(([n, w]) => filler.slice(0, n) + w).join('') + filler.slice(0, 20)), fc.uniqueArray(fc.constantFrom('医疗', '签约', '卫生', '基层服务', '家'), { minLength: 1, maxLength: 3 }), (text, parts) => {
        const html = excerpt(text, parts, table);
        expect(text.includes(shown(html))).toBe(true);
        const fits = [...Array(Math.max(1, text.length)).keys()].some((i) => parts.every((p) => {
          const k = text.indexOf(p, i);
          return k >= 0 && k + p.length <= i + 90;
        }));
        if (fits) for (const p of parts) expect(marked(html).some((m) => m.includes(p))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('inflate', () => {
  it('gives back what zlib deflated (raw), large or empty, and fails on damaged bytes', async () => {
    const text = new TextEncoder().encode('医联体与华西医院，'.repeat(20_000));
    expect(Buffer.from(await inflate(deflateRawSync(text))).equals(Buffer.from(text))).toBe(true);
    expect((await inflate(deflateRawSync(new Uint8Array(0)))).length).toBe(0);
    await expect(inflate(new Uint8Array([1, 2, 3, 4, 5]))).rejects.toThrow();
  });
});

/** An index of these documents in memory, built as scripts/search-index.ts builds it (small: one pass); `load` serves its files (at once, unless given). */
async function memoryIndex(docs: IndexedDocument[], buckets = 4, pack = 2, load = (_name: string, file: Uint8Array[], _signal?: AbortSignal) => Promise.resolve(file)) {
  const tokens = docs.map((d) => documentTokens(d, table));
  const byBucket = Array.from({ length: buckets }, () => new Map<number, { docs: number[]; titles: number[] }>());
  tokens.forEach((t, doc) => {
    for (const key of t.all) {
      const m = byBucket[bucketOf(key, buckets)]!;
      if (!m.has(key)) m.set(key, { docs: [], titles: [] });
      m.get(key)!.docs.push(doc);
    }
    for (const key of t.titles) byBucket[bucketOf(key, buckets)]!.get(key)!.titles.push(doc);
  });
  const enc = new TextEncoder();
  const files = new Map<string, Uint8Array[]>();
  byBucket.forEach((m, b) => files.set(bucketName(b), [encodeBucket([...m].sort((x, y) => x[0] - y[0]).map(([key, p]) => ({ key, ...p })), docs.length, buckets)]));
  for (let i = 0; i < docs.length; i += pack) files.set(unitsName(i, pack), docs.slice(i, i + pack).map((d) => enc.encode(JSON.stringify(d))));
  const meta: IndexMeta = { n: docs.length, buckets, pack, table: packTable(table) };
  files.set('meta', [enc.encode(JSON.stringify(meta))]);
  return openSearchIndex((name, signal) => load(name, files.get(name)!, signal), (doc) => `/docs/${doc}/`);
}

describe('candidates', () => {
  it('are found with every bucket of a query asked for at once (one round trip, not one per pair of characters), each loaded once', async () => {
    const docs = [doc(0, '华西医院', ['县域医共体']), doc(1, '医联体', ['华西医院的医联体']), doc(2, '其他', ['医院'])];
    const asked: string[] = [];
    const held: (() => void)[] = [];
    // Bucket files come only when the test lets them: a query that waited for one before asking for the next would never end.
    const { index } = await memoryIndex(docs, 64, 2, (name, file) => {
      if (!name.startsWith('b/')) return Promise.resolve(file);
      asked.push(name);
      return new Promise((resolve) => held.push(() => resolve(file)));
    });
    const parts = queryParts('华西医院 医联体', table);
    const buckets = new Set(parts.flatMap((p) => queryKeys(phraseText(p).replaceAll(' ', ''))).map((k) => bucketName(bucketOf(k, 64))));
    expect(buckets.size).toBeGreaterThan(2);
    const found = index.candidates(parts);
    await new Promise((r) => setTimeout(r, 0));
    expect(new Set(asked)).toEqual(buckets);
    expect(asked.length).toBe(buckets.size);
    for (const release of held) release();
    expect(await found).toEqual(['1']);
    // The same keys again: nothing more loaded.
    expect(await index.candidates(parts)).toEqual(['1']);
    expect(asked.length).toBe(buckets.size);
  });

  const word = fc.constantFrom('医联体', '醫聯體', '分级诊疗', '華西', 'HMO', '2017年', '县域', '远程', '心界', '联', 'ab');
  const text = fc.array(fc.oneof(word, fc.constantFrom('，', '。', ' ', '的', '和', '在')), { maxLength: 12 }).map((a) => a.join(''));
  const doc = (i: number, title: string, paras: string[]): IndexedDocument => ({ doc: `d${i}`, title, units: [['', 'title', title], ...paras.map((p, j) => [`p${j}`, 'body', p] as [string, 'body', string])] });

  it('are checked only while wanted: a batch no longer wanted leaves its documents unchecked, for a later call', async () => {
    const docs = [0, 1, 2, 3, 4].map((i) => doc(i, `第${i}篇`, ['医联体']));
    const { index, table: t } = await memoryIndex(docs);
    const s = await openSearch(index, t, '医联体');
    expect(s.candidates).toBe(5);
    // Not wanted at all: nothing checked, nothing found.
    expect(await s.more(4, () => false)).toEqual([]);
    expect([s.checked, s.done]).toEqual([0, false]);
    // Wanted for two documents of four: those two checked, the rest left.
    let asked = 0;
    expect((await s.more(4, () => ++asked <= 2)).map((r) => r.doc)).toEqual(['d0', 'd1']);
    expect(s.checked).toBe(2);
    // The next call goes on from there, each document once.
    expect((await s.more(4)).map((r) => r.doc).sort()).toEqual(['d2', 'd3', 'd4']);
    expect([s.checked, s.done]).toEqual([5, true]);
  });

  it('of an abandoned search stop loading, unless another search still wants them, and the search stops without failing', async () => {
    // Two documents a units file (pack 2): d0 d1 in u/0, d2 d3 in u/1, d4 d5 in u/2.
    const docs = [0, 1, 2, 3, 4, 5].map((i) => doc(i, `第${i}篇`, ['医联体', '县域']));
    const held = new Map<string, { release: () => void; signal?: AbortSignal }>();
    const loads: string[] = [];
    const { index, table: t } = await memoryIndex(docs, 4, 2, (name, file, signal) => {
      if (!name.startsWith('u/')) return Promise.resolve(file);
      loads.push(name);
      // A units file comes when the test lets it, or fails once its load is stopped.
      return new Promise((resolve, reject) => {
        held.set(name, { release: () => resolve(file), signal });
        signal?.addEventListener('abort', () => reject(new DOMException('stopped', 'AbortError')));
      });
    });
    const first = new AbortController();
    const a = await openSearch(index, t, '医联体', first.signal);
    const b = await openSearch(index, t, '县域', new AbortController().signal);
    // A asks for d0…d3 (u/0, u/1); B for d0 d1 (u/0, loading already: shared, not asked again).
    const checkingA = a.more(4);
    const checkingB = b.more(2);
    await new Promise((r) => setTimeout(r, 0));
    expect(loads).toEqual(['u/0', 'u/1']);
    // A is abandoned: u/1, which only A wanted, stops; u/0, which B wants too, goes on.
    first.abort();
    expect(held.get('u/1')!.signal!.aborted).toBe(true);
    expect(held.get('u/0')!.signal!.aborted).toBe(false);
    held.get('u/0')!.release();
    expect(await checkingA).toEqual([]);
    expect(a.checked).toBe(0);
    expect((await checkingB).map((r) => r.doc)).toEqual(['d0', 'd1']);
    // A stopped file is loaded again when a search asks for it later.
    const c = await openSearch(index, t, '医联体');
    const checkingC = c.more(4);
    await new Promise((r) => setTimeout(r, 0));
    expect(loads).toEqual(['u/0', 'u/1', 'u/1']);
    held.get('u/1')!.release();
    expect((await checkingC).map((r) => r.doc).sort()).toEqual(['d0', 'd1', 'd2', 'd3']);
  });

  it('give results whose excerpts, made when first read, are those of their text, also in JSON and in copies', async () => {
    const docs = [doc(0, '医联体', ['华西医院的医联体', '县域医共体和医联体']), doc(1, '其他', ['医联体'])];
    const { index } = await memoryIndex(docs);
    const results = await search(index, table, '医联体');
    expect(results.length).toBe(4);
    for (const r of results) {
      const made = excerpt(r.text, ['医联体'], table);
      expect(made).toContain('<mark>医联体</mark>');
      expect(r.excerpt).toBe(made);
      expect({ ...r }.excerpt).toBe(made);
      expect((JSON.parse(JSON.stringify(r)) as { excerpt: string }).excerpt).toBe(made);
    }
  });

  it('hold every document whose title or a paragraph contains every part of the query, title matches first (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(text, fc.array(text, { maxLength: 4 })), { minLength: 1, maxLength: 9 }), fc.array(word, { minLength: 1, maxLength: 2 }), async (raw, q) => {
        const docs = raw.map(([title, paras], i) => doc(i, title, paras));
        const { index } = await memoryIndex(docs);
        const parts = queryParts(q.join(' '), table);
        const got = await index.candidates(parts);
        const contains = (t: string, p: string) => fold(t, table).includes(p);
        docs.forEach((d, i) => {
          if (d.units.some(([, , t]) => parts.every((p) => contains(t, p)))) expect(got).toContain(String(i));
        });
        // Title matches before the rest.
        const titled = got.map((id) => parts.every((p) => contains(docs[Number(id)]!.title, p)));
        expect(titled.indexOf(true) === -1 || titled.lastIndexOf(true) < Math.max(0, titled.indexOf(false)) || titled.indexOf(false) === -1).toBe(true);
        // And the engine over it finds exactly the units that contain every part.
        const found = new Set((await search(index, table, q.join(' '))).map((r) => r.url));
        const want = new Set(docs.flatMap((d) => d.units.filter(([, , t]) => parts.every((p) => contains(t, p))).map(([id]) => (id ? `/docs/${d.doc}/#p-${id}` : `/docs/${d.doc}/`))));
        expect(found).toEqual(want);
      }),
      { numRuns: 150 },
    );
  });
});
