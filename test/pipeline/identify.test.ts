/** identify: document ids kept across renames and re-scrapes, paragraph ids carried forward. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assignDocumentIds, assignParagraphIds } from '../../src/pipeline/identify.ts';
import { signature } from '../../src/pipeline/similarity.ts';

const TODAY = '2026-11-22';
const textA = '华西医院的医联体建设可追溯到2002年,那时候国家还没大力发展医联体,这十多年搭建医联体的过程,探索了5种医联体模式。';
const textB = '微医用了近7年时间在全国部署了1700多套前置服务器,与2400多家医院实现了不同程度的数据互联,积累了丰富的异构系统数据互联经验。';
const file = (source: string, sha256: string, text: string) => ({ source, sha256, sig: signature(text), chars: text.length });

describe('document ids', () => {
  const first = assignDocumentIds([file('a.txt', '1', textA), file('b.txt', '2', textB)], { documents: [] }, TODAY);

  it('assigns short opaque lowercase ids to new documents, with the date they arrived', () => {
    expect(first.changes.map((c) => c.kind)).toEqual(['new', 'new']);
    for (const id of first.ids.values()) expect(id).toMatch(/^[a-z2-9]{6}$/);
    expect(first.registry.documents.every((e) => e.added === TODAY)).toBe(true);
  });

  it('keeps ids for the same names, and for a renamed file with the same bytes', () => {
    const again = assignDocumentIds([file('a.txt', '1', textA), file('renamed.txt', '2', textB)], first.registry, '2027-01-01');
    expect(again.ids.get('a.txt')).toBe(first.ids.get('a.txt'));
    expect(again.ids.get('renamed.txt')).toBe(first.ids.get('b.txt'));
    expect(again.changes).toEqual([{ kind: 'renamed', id: first.ids.get('b.txt'), from: 'b.txt', to: 'renamed.txt' }]);
    expect(again.registry.documents.every((e) => e.added === TODAY)).toBe(true);
  });

  it('keeps the id of a renamed and re-scraped file by its similar text', () => {
    const rescraped = assignDocumentIds([file('a.txt', '1', textA), file('b-2.txt', '9', textB.replace('近7年', '将近七年'))], first.registry, TODAY);
    expect(rescraped.ids.get('b-2.txt')).toBe(first.ids.get('b.txt'));
    expect(rescraped.changes.map((c) => c.kind)).toEqual(['renamed', 'changed']);
  });

  it('records removed documents and never gives their id to another', () => {
    const gone = assignDocumentIds([file('a.txt', '1', textA)], first.registry, TODAY);
    expect(gone.changes).toEqual([{ kind: 'removed', id: first.ids.get('b.txt'), source: 'b.txt' }]);
    expect(gone.registry.documents.find((e) => e.id === first.ids.get('b.txt'))?.removed).toBe(true);
    const next = assignDocumentIds([file('a.txt', '1', textA), file('b.txt', '3', '一篇全新的、内容完全不同的文章。')], gone.registry, TODAY);
    expect(next.ids.get('b.txt')).not.toBe(first.ids.get('b.txt'));
  });

  it('recognises byte-identical copies as one document, and leaves near-copies to their cleaned text (near-copies.test.ts)', () => {
    const dup = assignDocumentIds([file('a.txt', '1', textA), file('b.txt', '2', textB), file('copy.txt', '1', textA), file('near.txt', '7', textB.replace('积累了', '积累'))], first.registry, TODAY);
    expect(dup.duplicates.get('copy.txt')).toEqual({ of: 'a.txt', near: false });
    expect(dup.ids.get('copy.txt')).toBe(first.ids.get('a.txt'));
    expect(dup.duplicates.has('near.txt')).toBe(false);
  });

  it('does not take a text repeated many times for the same document', () => {
    const many = assignDocumentIds([file('a.txt', '1', textA), file('a10.txt', '5', textA.repeat(10))], { documents: [] }, TODAY);
    expect(many.duplicates.size).toBe(0);
  });
});

describe('paragraph ids', () => {
  const paras = ['第一段讲医联体的定义和由来。', '第二段讲城市医疗集团的组建方式和成效。', '第三段讲县域医共体在基层的实践与问题。', '第四段讲专科联盟和远程医疗协作网。'];
  const first = assignParagraphIds(paras);

  it('keeps every id when a paragraph is inserted at the top', () => {
    const next = assignParagraphIds(['新插入的导语段落。', ...paras], first.paragraphs);
    expect(next.ids.slice(1)).toEqual(first.ids);
    expect(first.ids).not.toContain(next.ids[0]);
  });

  it('keeps the id of a lightly edited paragraph', () => {
    const edited = [...paras];
    edited[2] = '第三段讲县域医共体在基层的实践与存在的问题。';
    expect(assignParagraphIds(edited, first.paragraphs).ids).toEqual(first.ids);
  });

  it('retires the id of a deleted paragraph, pointing at its nearest neighbour, and never reuses it', () => {
    const without = assignParagraphIds([paras[0]!, paras[1]!, paras[3]!], first.paragraphs);
    expect(without.retired).toEqual({ [first.ids[2]!]: first.ids[1] });
    const back = assignParagraphIds(paras, without.paragraphs, without.retired);
    expect(back.ids[2]).not.toBe(first.ids[2]);
    expect(back.retired[first.ids[2]!]).toBe(first.ids[1]);
  });

  it('follows a chain of retirements to a paragraph that exists', () => {
    const a = assignParagraphIds([paras[0]!, paras[1]!, paras[3]!], first.paragraphs);
    const b = assignParagraphIds([paras[0]!, paras[3]!], a.paragraphs, a.retired);
    expect(b.retired[first.ids[2]!]).toBe(first.ids[0]);
    expect(b.retired[first.ids[1]!]).toBe(first.ids[0]);
  });

  it('numbers repeats of the same text', () => {
    const { ids } = assignParagraphIds(['同一段。', '同一段。']);
    expect(ids[1]).toBe(`${ids[0]}-2`);
  });

  it('gives a document its own ids again from the records it wrote (the build caches on this)', () => {
    // Paragraphs from a small alphabet, so that repeats, near-copies and edits are common.
    const paragraph = fc.array(fc.constantFrom('医联体', '县域医共体', '城市医疗集团', '专科联盟', '远程医疗', '。', '2017年', '华西'), { minLength: 1, maxLength: 8 }).map((xs) => xs.join(''));
    fc.assert(
      fc.property(fc.array(paragraph, { maxLength: 12 }), fc.array(paragraph, { maxLength: 12 }), fc.array(paragraph, { maxLength: 12 }), (before, middle, now) => {
        // Records with a history: two earlier versions, then this one.
        const a = assignParagraphIds(before);
        const b = assignParagraphIds(middle, a.paragraphs, a.retired);
        const c = assignParagraphIds(now, b.paragraphs, b.retired);
        expect(assignParagraphIds(now, c.paragraphs, c.retired)).toEqual(c);
      }),
    );
  });
});

describe('signatures', () => {
  // Committed in every registry: a change in how they are worked out would look like every paragraph re-scraped.
  it.each([
    ['医联体建设观察', 'd15a905d511c36a542afc67c505d43fb0bad3094b5589ddf64a7fc8ce81cd2f3'],
    ['', '02ebafdedeec2edff0bb54bc634c4cc32e99e176b36a692d794cc6997f788fee'],
    ['a', 'b3c381d805aa142bcd9728ae2927f353779464845c2c4c590af655f7a6ab9737'],
    ['醫聯體 HMO 2017年', '0bb86724f56f7a60141723dda1184156e44efccf80d2a28e85840c287371f300'],
    ['互联网医院的政策演进与发展现状'.repeat(40), '915c35329e94a7f65bcd131945bbe376532ecf4319fa14672946c1c82301f0ee'],
  ])('of %s stays what the registry holds', (text, expected) => expect(signature(text)).toBe(expected));

  /** MinHash as defined, written plainly: over the set of distinct bigrams, each seed's smallest unsigned hash, its low 16 bits in hex. */
  function plainSignature(text: string): string {
    const t = text.normalize('NFKC').replace(/\s+/g, '');
    const grams = new Set<number>();
    if (t.length < 2) grams.add(t.length ? t.charCodeAt(0) : 0);
    for (let i = 0; i + 1 < t.length; i++) grams.add(((t.charCodeAt(i) << 16) | t.charCodeAt(i + 1)) >>> 0);
    const hash = (x: number) => {
      x = (x ^ (x >>> 16)) >>> 0;
      x = Math.imul(x, 0x85ebca6b) >>> 0;
      x = (x ^ (x >>> 13)) >>> 0;
      x = Math.imul(x, 0xc2b2ae35) >>> 0;
      return (x ^ (x >>> 16)) >>> 0;
    };
    return Array.from({ length: 16 }, (_, k) => {
      const seed = Math.imul(0x9e3779b1, k + 1) >>> 0;
      const min = Math.min(...[...grams].map((g) => hash((g ^ seed) >>> 0)));
      return (min & 0xffff).toString(16).padStart(4, '0');
    }).join('');
  }

  it('is MinHash over the distinct bigrams, on any text', () => {
    const text = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 60 }), fc.array(fc.constantFrom('医', '联', '体', ' ', 'A', '\u00a0', '\ud800', 'ｱ', '2'), { maxLength: 40 }).map((xs) => xs.join('')));
    fc.assert(
      fc.property(text, (t) => {
        expect(signature(t)).toBe(plainSignature(t));
      }),
      { numRuns: 500 },
    );
  });
});
