/**
 * The units files that carry a matching document's title and paragraphs to the search: read back
 * as written (gzipped, or unpacked on the way by the host), found from Pagefind's fragments (single
 * or grouped), and joined when two shards gave two documents the same page id — a search then
 * still finds each document once.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { installUnits, packDocuments, pageUrls, writeUnits } from '../../scripts/lib/search-units.ts';
import { characterTable } from '../../src/pipeline/script.ts';
import { readDocuments, unitsPath } from '../../src/search/documents.ts';
import { search, type SearchDocument, type SearchIndex } from '../../src/search/engine.ts';
import { fold, phraseText } from '../../src/search/fold.ts';

const table = characterTable();
const doc = (id: string, text: string): SearchDocument => ({ url: `/docs/${id}/`, title: `标题${id}`, doc: id, units: [['', 'title', `标题${id}`], [`p${id}`, 'body', text]] });
const a = doc('aaa', '华西医院的医联体建设。');
const b = doc('bbb', '重庆的医联体。');

const dirs: string[] = [];
const temp = () => {
  const d = mkdtempSync(join(tmpdir(), 'kb-units-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A Pagefind fragment file as Pagefind writes it: gzip of its mark and the JSON. */
const fragment = (json: object) => gzipSync(`pagefind_dcd${JSON.stringify(json)}`);

describe('units files', () => {
  it('read back what was written, gzipped or already unpacked by the host', async () => {
    const packed = new Uint8Array(packDocuments([a, b]));
    expect(await readDocuments(packed)).toEqual([a, b]);
    expect(await readDocuments(new TextEncoder().encode(JSON.stringify([a])))).toEqual([a]);
  });

  it('refuse a page id that is not one', () => {
    expect(unitsPath('und_0a1b2c3')).toBe('units/und_0a1b2c3.kb_units');
    expect(() => unitsPath('../x')).toThrow();
  });

  it('take the place of the fragments, page by page, single or grouped', async () => {
    const shard = temp();
    mkdirSync(join(shard, 'fragment'));
    writeFileSync(join(shard, 'fragment', 'und_1111111.pf_fragment'), fragment({ url: a.url, content: '华 西' }));
    writeFileSync(join(shard, 'fragment', 'und_g.pf_fragment'), fragment({ und_2222222: { url: b.url, content: '重 庆' } }));
    expect(await pageUrls(shard)).toEqual(new Map([['und_1111111', a.url], ['und_2222222', b.url]]));
    await writeUnits(shard, new Map([[a.url, packDocuments([a])], [b.url, packDocuments([b])]]));
    expect(await readDocuments(new Uint8Array(readFileSync(join(shard, unitsPath('und_2222222')))))).toEqual([b]);
    expect(() => readFileSync(join(shard, 'fragment', 'und_g.pf_fragment'))).toThrow();
  });

  it('stop the build when Pagefind wrote a page for a document the shard does not have', async () => {
    const shard = temp();
    mkdirSync(join(shard, 'fragment'));
    writeFileSync(join(shard, 'fragment', 'und_1111111.pf_fragment'), fragment({ url: '/docs/zzz/' }));
    await expect(writeUnits(shard, new Map([[a.url, packDocuments([a])]]))).rejects.toThrow(/zzz/);
  });

  it('join two shards that gave the same page id, and the search finds each document once', async () => {
    const [one, two, site] = [temp(), temp(), temp()];
    for (const [shard, d] of [[one, a], [two, b]] as const) {
      mkdirSync(join(shard, 'units'));
      writeFileSync(join(shard, unitsPath('und_same')), packDocuments([d]));
    }
    writeFileSync(join(two, unitsPath('und_other')), packDocuments([b]));
    expect(await installUnits(one, site)).toBe(0);
    expect(await installUnits(two, site)).toBe(1);
    const files = new Map(['und_same', 'und_other'].map((id) => [id, readFileSync(join(site, unitsPath(id)))]));
    expect(await readDocuments(new Uint8Array(files.get('und_same')!))).toEqual([a, b]);

    // An index that answers with both ids for 医联体 (as two shards would): each document once.
    const texts = { und_same: [a, b], und_other: [b] };
    const index: SearchIndex = {
      find: async (phrase) => Object.entries(texts).filter(([, ds]) => ds.some((d) => phraseText(fold(d.units[1]![2], table)).includes(phrase))).map(([id]) => id),
      documents: async (id) => readDocuments(new Uint8Array(files.get(id)!)),
    };
    const results = await search(index, table, '医联体');
    expect(results.map((r) => r.url).sort()).toEqual(['/docs/aaa/#p-paaa', '/docs/bbb/#p-pbbb']);
    expect((await search(index, table, '华西')).map((r) => r.doc)).toEqual(['aaa']);
  });
});
