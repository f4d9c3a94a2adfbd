/**
 * A list of each document's own items in parts by document (OutputFile `byDocument`, written by
 * scripts/lib/extraction.ts): every item in its document's part, and after a change only the parts
 * whose documents changed are made again, the rest kept unread, the same files as a build from nothing.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { documentStore } from '../../scripts/lib/document-store.ts';
import { resultKey, runMerge, type MergeSetup } from '../../scripts/lib/extraction.ts';
import type { PartsIndex } from '../../scripts/lib/data-files.ts';
import { NO_CURATION } from '../../src/corpus/curation.ts';
import { extractor } from '../../src/extractors/extractor.ts';
import { documentPart } from '../../src/generate/data.ts';

interface Result {
  doc: string;
  items: Array<{ doc: string; n: number; text: string }>;
}

/** Which documents' items were asked for, in the order asked. */
const read: string[] = [];
const listed = extractor({
  name: 'listed',
  ofDocument: () => () => ({ doc: '', items: [] }) as Result,
  merge: (results: Iterable<Result>) => ({ documents: [...results].length }),
  outputs: () => [{ path: 'data/listed', byDocument: { field: 'items', items: (doc, result: () => Result) => (read.push(doc), result().items) } }],
  summary: ({ documents }) => `${documents} documents`,
});

const ids = Array.from({ length: 100 }, (_, i) => `d${String(i).padStart(3, '0')}`);
const resultOf = (doc: string, version = 0): Result => ({ doc, items: Array.from({ length: (doc.charCodeAt(3) % 4) + version }, (_, n) => ({ doc, n, text: `${doc} 第${n}项 v${version}` })) });

async function build(cacheDir: string, outDir: string, results: ReadonlyMap<string, Result>) {
  const store = await documentStore(cacheDir, 'v1');
  const docs = [...results].map(([id, r]) => [id, `${id}-${JSON.stringify(r).length}-${r.items.at(-1)?.text ?? ''}`] as const);
  for (const [id, digest] of docs) store.setResult(resultKey(listed, NO_CURATION, digest), results.get(id));
  const setup: MergeSetup = { docs, location: { base: '/', site: '' }, curation: NO_CURATION, outDir };
  read.length = 0;
  const done = await runMerge(store, 'listed', setup, [listed]);
  await store.close();
  return done;
}

/** The list as written: its index, and each part's items. */
function written(outDir: string) {
  const dir = join(outDir, 'data', 'listed');
  const index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as PartsIndex;
  const parts = Object.fromEntries(index.parts.map((p) => [p.name, (JSON.parse(gunzipSync(readFileSync(join(dir, p.json))).toString('utf8')) as { items: Result['items'] }).items]));
  return { index, parts, files: readdirSync(dir).sort() };
}

describe('a list of each document\'s items, in parts by document', () => {
  it('puts every item in its document\'s part, in document order', async () => {
    const out = mkdtempSync(join(tmpdir(), 'bydoc-'));
    const results = new Map(ids.map((id) => [id, resultOf(id)]));
    const done = await build(mkdtempSync(join(tmpdir(), 'bydoc-cache-')), out, results);
    const { index, parts, files } = written(out);
    expect(files).toEqual(done.files.map((f) => f.replace('data/listed/', '')).sort());
    const all = ids.flatMap((id) => results.get(id)!.items);
    expect(index.count).toBe(all.length);
    expect(index.parts.map((p) => p.key)).toEqual([...new Set(ids.map((id) => documentPart(id, ids.length)))].sort());
    for (const p of index.parts) expect(parts[p.name]).toEqual(all.filter((x) => documentPart(x.doc, ids.length) === p.key));
  });

  it('reads again only the documents of the parts whose documents changed, and writes what a build from nothing writes', async () => {
    const cache = mkdtempSync(join(tmpdir(), 'bydoc-cache-'));
    const out = mkdtempSync(join(tmpdir(), 'bydoc-'));
    const results = new Map(ids.map((id) => [id, resultOf(id)]));
    await build(cache, out, results);
    expect(read).toEqual(ids);
    // One changed, one gone: their two parts are made again (a part of the same name, another key).
    results.set('d005', resultOf('d005', 2));
    results.delete('d042');
    await build(cache, out, results);
    const remade = new Set([documentPart('d005', ids.length), documentPart('d042', ids.length)]);
    expect(remade.size).toBe(2);
    expect(read).toEqual([...results.keys()].filter((id) => remade.has(documentPart(id, ids.length))));
    const fresh = mkdtempSync(join(tmpdir(), 'bydoc-'));
    await build(mkdtempSync(join(tmpdir(), 'bydoc-cache-')), fresh, results);
    expect(written(out)).toEqual(written(fresh));
    // Nothing changed: nothing read (the merge itself does not run), and what the parts were made from is still known after.
    await build(cache, out, results);
    expect(read).toEqual([]);
    results.set('d060', resultOf('d060', 1));
    await build(cache, out, results);
    expect(read).toEqual([...results.keys()].filter((id) => documentPart(id, ids.length) === documentPart('d060', ids.length)));
  });

  it('makes a part again when its file is gone, or when the record of what the parts were made from is', async () => {
    const cache = mkdtempSync(join(tmpdir(), 'bydoc-cache-'));
    const out = mkdtempSync(join(tmpdir(), 'bydoc-'));
    const results = new Map(ids.map((id) => [id, resultOf(id)]));
    await build(cache, out, results);
    const before = written(out);
    const lost = before.index.parts[1]!;
    rmSync(join(out, 'data', 'listed', lost.json));
    results.set('d007', resultOf('d007', 1));
    await build(cache, out, results);
    expect(new Set(read.map((id) => documentPart(id, ids.length)))).toEqual(new Set([lost.key, documentPart('d007', ids.length)]));
    expect(written(out).parts[lost.name]).toEqual(before.parts[lost.name]);
    // The store's record gone (another code version's store, say): every part made again.
    rmSync(join(cache, 'v1', 'merge-parts-listed.v8'));
    results.set('d007', resultOf('d007', 2));
    await build(cache, out, results);
    expect(read).toEqual([...results.keys()]);
  });
});
