/**
 * The search index's format: document lists read back as written (as numbers or as a bitmap),
 * buckets read back whole and key by key, and, over random documents and queries, the candidates
 * the index gives hold every document that contains the query (the engine's literal check does the
 * rest), title matches first.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { characterTable } from '../../src/pipeline/script.ts';
import { fold, packTable, queryParts } from '../../src/search/fold.ts';
import { bucketName, bucketOf, ByteReader, ByteWriter, decodeBucket, encodeBucket, findInBucket, indexFileText, parseIndexFile, readDocs, unitsName, writeDocs, type IndexMeta, type Posting } from '../../src/search/index-format.ts';
import { openSearchIndex, type IndexedDocument } from '../../src/search/index-reader.ts';
import { documentTokens } from '../../src/search/records.ts';
import { search } from '../../src/search/engine.ts';

const table = characterTable();

describe('document lists', () => {
  it('read back as written, short lists as numbers and long ones as a bitmap', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3000 }), fc.array(fc.nat(), { maxLength: 400 }), (n, raw) => {
        const docs = [...new Set(raw.map((x) => x % n))].sort((a, b) => a - b);
        const w = new ByteWriter();
        writeDocs(w, docs, n);
        w.varint(12345);
        const r = new ByteReader(w.result());
        expect(readDocs(r, n)).toEqual(docs);
        expect(r.varint()).toBe(12345);
        expect(w.length).toBeLessThanOrEqual(Math.ceil(n / 8) + docs.length * 3 + 4);
      }),
      { numRuns: 300 },
    );
  });

  it('a bucket reads back whole and key by key, and says when a key is not in it', () => {
    const n = 100;
    const postings: Posting[] = [
      { key: 7, docs: [1, 2, 3], titles: [2] },
      { key: 90, docs: Array.from({ length: 60 }, (_, i) => i), titles: [] },
      { key: 4_000_000_000, docs: [99], titles: [99] },
    ];
    const bytes = encodeBucket(postings, n);
    expect(decodeBucket(bytes, n)).toEqual(new Map(postings.map((p) => [p.key, { docs: Array.from(p.docs), titles: Array.from(p.titles) }])));
    for (const p of postings) expect(findInBucket(bytes, p.key, n)).toEqual({ docs: Array.from(p.docs), titles: Array.from(p.titles) });
    expect(findInBucket(bytes, 8, n)).toBeUndefined();
    expect(findInBucket(bytes, 4_000_000_001, n)).toBeUndefined();
  });

  it('an index file is a classic script that hands over its name and payloads, read back without running it', () => {
    const text = indexFileText('u/3', ['QUJD', 'REVG']);
    expect(text).toBe('KBI(["u/3","QUJD","REVG"]);\n');
    expect(parseIndexFile(text)).toEqual(['u/3', 'QUJD', 'REVG']);
    expect(() => parseIndexFile('alert(1)')).toThrow();
  });
});

/** An index of these documents in memory, built as scripts/search-index.ts builds it (small: one pass). */
async function memoryIndex(docs: IndexedDocument[], buckets = 4, pack = 2) {
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
  byBucket.forEach((m, b) => files.set(bucketName(b), [encodeBucket([...m].sort((x, y) => x[0] - y[0]).map(([key, p]) => ({ key, ...p })), docs.length)]));
  for (let i = 0; i < docs.length; i += pack) files.set(unitsName(i, pack), docs.slice(i, i + pack).map((d) => enc.encode(JSON.stringify(d))));
  const meta: IndexMeta = { n: docs.length, buckets, pack, table: packTable(table) };
  files.set('meta', [enc.encode(JSON.stringify(meta))]);
  return openSearchIndex(async (name) => files.get(name)!, (doc) => `/docs/${doc}/`);
}

describe('candidates', () => {
  const word = fc.constantFrom('医联体', '醫聯體', '分级诊疗', '華西', 'HMO', '2017年', '县域', '远程', '心界', '联', 'ab');
  const text = fc.array(fc.oneof(word, fc.constantFrom('，', '。', ' ', '的', '和', '在')), { maxLength: 12 }).map((a) => a.join(''));
  const doc = (i: number, title: string, paras: string[]): IndexedDocument => ({ doc: `d${i}`, title, units: [['', 'title', title], ...paras.map((p, j) => [`p${j}`, 'body', p] as [string, 'body', string])] });

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
