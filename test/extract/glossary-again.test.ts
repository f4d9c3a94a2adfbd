/**
 * The glossary merged again from what the last merge kept (corpusGlossary with `since`): after any
 * documents went, came or changed, it is the glossary a merge of the whole corpus gives, and what it
 * keeps serves the next change as well.
 */
import fc from 'fast-check';
import { deserialize, serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { corpusGlossary, documentGlossary, type DocumentGlossary, type GlossaryKept } from '../../src/extract/found-glossary.ts';
import { reading } from '../../src/extract/reading.ts';
import type { TermSpec } from '../../src/extract/terms.ts';
import type { Block, BlockId, DocumentId, DocumentText } from '../../src/pipeline/types.ts';

/** Sentences built from a corpus's own words, their definitions and short forms (a body's too), in both scripts, and ordinary words. */
const SENTENCES = [
  '长期护理保险是指为失能人员提供基本生活照料和医疗护理的社会保险制度。',
  '各地推进长期护理保险（以下简称长护险）试点，失能等级评估由定点机构完成。',
  '長期護理保險的失能等級評估標準，由醫療保障部門統一制定。',
  '長護險試點城市擴大，居家護理服務納入支付範圍。',
  '长护险基金按月支付居家护理和机构护理的费用，失能人员家庭负担减轻。',
  '医联体是指由不同级别医疗机构组成的联合体，分级诊疗制度由此落实。',
  '紧密型医联体推进分级诊疗，家庭医生签约服务覆盖居家护理人员。',
  '国家医疗保障局（以下简称国家医保局）发布了失能等级评估的通知。',
  '今年以来，本市居民的生活水平进一步提高，经济发展平稳向好。',
  '城市的交通和教育事业发展迅速，群众满意度持续上升。',
  'DRG付费改革在试点城市推进，DRG分组方案每年调整一次。',
  '互联网医院开展远程会诊，居家护理人员可以在线咨询。',
  '四川大学华西医院（以下简称华西）牵头组建远程医疗协作网。',
  '华西的专家定期到基层坐诊，华西远程会诊平台覆盖多个县，华西模式受到关注。',
];

const paragraphs = fc.array(fc.array(fc.nat(SENTENCES.length - 1), { minLength: 1, maxLength: 5 }).map((xs) => xs.map((i) => SENTENCES[i]!).join('')), { minLength: 1, maxLength: 4 });

const doc = (id: string, texts: readonly string[]): DocumentText => ({
  id: id as DocumentId,
  blocks: texts.map((text, i): Block => ({ type: 'paragraph', id: `p${i}` as BlockId, lines: [], text, marks: [] })),
  meta: { title: '', titleSource: 'title-line', author: null, published: null, publisher: null, editor: null, originalTitle: null, documentNumber: null },
  datesTrusted: true,
});

/** A corpus: document ids and their paragraphs. */
type Corpus = Map<string, readonly string[]>;
const corpusOf = (docs: Array<readonly string[]>, ids: readonly number[]): Corpus => new Map(docs.map((d, i) => [`d${String(ids[i]).padStart(2, '0')}`, d]));

/** What the content build gives a merge: each document's result, in id order. */
function results(c: Corpus, curated: readonly TermSpec[]): DocumentGlossary[] {
  const read = documentGlossary(curated);
  return [...c.keys()].sort().map((id) => read(reading(doc(id, c.get(id)!))));
}

/** What the store does to kept data: V8's serialisation, there and back. */
const stored = (k: GlossaryKept) => deserialize(serialize(k)) as GlossaryKept;

/** The merge again: the results that went and came, compared as the store compares them (by their data). */
function again(kept: GlossaryKept, before: DocumentGlossary[], after: DocumentGlossary[], curated: readonly TermSpec[]) {
  const key = (r: DocumentGlossary) => JSON.stringify(r);
  const had = new Set(before.map(key));
  const has = new Set(after.map(key));
  return corpusGlossary(curated, after, {}, { kept: stored(kept), gone: before.filter((r) => !has.has(key(r))), came: after.filter((r) => !had.has(key(r))) });
}

/** A change: some documents removed, some rewritten, some added. */
function changed(c: Corpus, drop: readonly number[], rewrite: ReadonlyArray<readonly string[]>, add: ReadonlyArray<readonly string[]>, next: number): Corpus {
  const ids = [...c.keys()].sort();
  const out = new Map(c);
  for (const i of drop) out.delete(ids[i % ids.length]!);
  rewrite.forEach((texts, i) => {
    const id = ids[(i * 7 + 3) % ids.length]!;
    if (out.has(id)) out.set(id, texts);
  });
  add.forEach((texts, i) => out.set(`d${String(next + i).padStart(2, '0')}`, texts));
  return out;
}

const change = fc.record({
  drop: fc.array(fc.nat(20), { maxLength: 2 }),
  rewrite: fc.array(paragraphs, { maxLength: 2 }),
  add: fc.array(paragraphs, { maxLength: 2 }),
});

describe('the glossary merged again after a change', () => {
  it('is the glossary of the whole corpus, change after change, with and without curated terms', () => {
    fc.assert(
      fc.property(
        fc.array(paragraphs, { minLength: 1, maxLength: 8 }),
        fc.array(change, { minLength: 1, maxLength: 3 }),
        fc.boolean(),
        (docs, changes, withCurated) => {
          const curated: TermSpec[] = withCurated ? [{ id: 'yilianti', term: '医联体', synonyms: ['医疗联合体'] }] : [];
          let corpus = corpusOf(docs, docs.map((_, i) => i));
          let before = results(corpus, curated);
          let kept = corpusGlossary(curated, before).kept;
          changes.forEach((c, step) => {
            corpus = changed(corpus, c.drop, c.rewrite, c.add, 30 + step * 3);
            const after = results(corpus, curated);
            const merged = again(kept, before, after, curated);
            expect(merged.entries).toEqual(corpusGlossary(curated, after).entries);
            kept = merged.kept;
            before = after;
          });
        },
      ),
      { numRuns: 60 },
    );
  });

  it('finds a term the change frees, counted in the documents that did not change', () => {
    // 华西 is the short name of a body (华西医院) in d03: when d03 goes, it is a term of d01 and d02.
    const [huaxiAbbreviated, huaxi, ordinary] = [SENTENCES[12]!, SENTENCES[13]!, SENTENCES[8]!];
    const base: Corpus = new Map([
      ['d01', [huaxi]],
      ['d02', [huaxi]],
      ['d03', [huaxiAbbreviated, ordinary]],
    ]);
    const before = results(base, []);
    const first = corpusGlossary([], before);
    expect(first.entries.map((e) => e.term)).not.toContain('华西');
    const after = results(new Map(base).set('d03', [ordinary]), []);
    const merged = again(first.kept, before, after, []);
    expect(merged.entries.map((e) => e.term)).toContain('华西');
    expect(merged.entries).toEqual(corpusGlossary([], after).entries);
  });

  it('counts the whole corpus again when what went was never counted (the kept counts are of another corpus)', () => {
    const other: Corpus = new Map([['d01', [SENTENCES[8]!]]]);
    const base: Corpus = new Map([
      ['d01', [SENTENCES[0]!, SENTENCES[1]!]],
      ['d02', [SENTENCES[4]!, SENTENCES[1]!]],
    ]);
    const kept = corpusGlossary([], results(other, [])).kept;
    const after = results(base, []);
    // d02's old result was never counted in `kept`: taking it away cannot be done, and is not pretended.
    const merged = corpusGlossary([], after, {}, { kept: stored(kept), gone: results(new Map([['d02', [SENTENCES[5]!]]]), []), came: [after[1]!] });
    expect(merged.entries).toEqual(corpusGlossary([], after).entries);
  });
});
