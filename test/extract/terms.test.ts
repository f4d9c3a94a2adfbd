import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { documentPlaces, organisationIndex, organisationsOf, placeIndex, placesOf, policiesOf, policyIndex } from '../../src/extract/indexes.ts';
import { eventsOf, timeline } from '../../src/extract/events.ts';
import { parseLexicon } from '../../src/extract/lexicon.ts';
import { buildModels, documentModelText, type ModelsSpec } from '../../src/extract/models.ts';
import { documentTerms, glossary, termMatcher, type TermEntry, type TermSpec } from '../../src/extract/terms.ts';
import { linkFirstMentions } from '../../src/generate/term-links.ts';
import type { Block, BlockId, DocumentId, DocumentText } from '../../src/pipeline/types.ts';
import { readAll } from '../../src/extract/reading.ts';
import { ROOT, seed, seedCorpus } from '../helpers/seeds.ts';

const seededCorpus = await seedCorpus();

const TERMS = (JSON.parse(readFileSync(join(ROOT, 'content', 'terms.json'), 'utf8')) as { terms: TermSpec[] }).terms;
const MODELS = JSON.parse(readFileSync(join(ROOT, 'content', 'models.json'), 'utf8')) as ModelsSpec;
/** The bundled corpus's lexicon, as its build reads it. */
const LEXICON = parseLexicon(JSON.parse(readFileSync(join(ROOT, 'content', 'lexicon.json'), 'utf8')), 'content/lexicon.json');
const documentPolicies = policiesOf(LEXICON);
const documentEvents = eventsOf(LEXICON);
const documentOrganisations = organisationsOf(LEXICON);
const find = termMatcher(TERMS);
const ids = (text: string) => find(text).map((m) => `${m.id}:${m.text}`);
/** A one-paragraph document. */
const doc = (id: string, ...texts: string[]): DocumentText => ({
  id: id as DocumentId,
  blocks: texts.map((text, i): Block => ({ type: 'paragraph', id: `p${i}` as BlockId, lines: [], text, marks: [] })),
  meta: { title: '', titleSource: 'title-line', author: null, published: null, publisher: null, editor: null, originalTitle: null, documentNumber: null },
  datesTrusted: true,
});
/** Each extractor's merge over documents, as the content build runs it (each document read, then merged). */
const terms = (docs: DocumentText[]) => glossary(TERMS, readAll(docs, documentTerms(TERMS)));
const problems: string[] = [];
const models = (spec: ModelsSpec, g: readonly TermEntry[], docs: DocumentText[]) => buildModels(spec, TERMS, g, readAll(docs, documentModelText(spec, TERMS)), (item, problem) => problems.push(`${item}: ${problem}`));
/** What buildModels reports of a specification (and leaves out). */
const reported = (spec: ModelsSpec, g: readonly TermEntry[], docs: DocumentText[]) => {
  problems.length = 0;
  models(spec, g, docs);
  return problems.join('\n');
};

describe('finding terms', () => {
  it.each([
    ['专科医联体发展很快', ['zhuanke-lianmeng:专科医联体']],
    ['医联体与专科医联体', ['yilianti:医联体', 'zhuanke-lianmeng:专科医联体']],
    ['互联网医联体不是互联网医院', ['hulianwang-yilianti:互联网医联体', 'hulianwang-yiyuan:互联网医院']],
    ['县域医联体试点', ['yigongti:县域医联体']],
    ['紧密型互联网医联体', ['jinmixing:紧密型', 'hulianwang-yilianti:互联网医联体']],
    ['遠程醫療協作網與醫聯體', ['yuancheng-xiezuowang:遠程醫療協作網', 'yilianti:醫聯體']],
    ['从下转上的患者,上转患者与下转患者', ['shangzhuan:上转', 'xiazhuan:下转']],
    ['HMO卡与hmo', ['hmo:HMO', 'hmo:hmo']],
    ['SHMOS不是术语', []],
    ['三级公立医院与三级医院', ['sanji-yiyuan:三级公立医院', 'sanji-yiyuan:三级医院']],
  ])('%s', (text, expected) => expect(ids(text)).toEqual(expected));

  it('refuses a name given to two terms', () => {
    expect(() => termMatcher([{ id: 'a', term: '医联体' }, { id: 'b', term: 'x', synonyms: ['醫聯體'] }])).toThrow('"醫聯體" is a name of both a and b');
  });

  it('gives every mention as a slice of the text, without overlaps, whatever the text', () => {
    const alphabet = fc.constantFrom(...'医联体专科县域共互网院紧密型松散上下转从HMO远程协作,。'.split(''));
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 40 }).map((a) => a.join('')), (text) => {
        let last = 0;
        for (const m of find(text)) {
          expect(m.start).toBeGreaterThanOrEqual(last);
          expect(m.text).toBe(text.slice(m.start, m.end));
          last = m.end;
        }
      }),
    );
  });
});

describe('definitions from the text', () => {
  const define = (...texts: string[]) => terms([doc('d', ...texts)]).filter((t) => t.definition).map((t) => `${t.id}: ${t.definition!.text}`);
  it.each([
    ['区域性医疗联合体,简称医联体,主要是指将同一区域内的医疗机构整合。', 'yilianti: 区域性医疗联合体,简称医联体,主要是指将同一区域内的医疗机构整合。'],
    ['双向转诊是指患者在上下级医院之间转诊。', 'shuangxiang-zhuanzhen: 双向转诊是指患者在上下级医院之间转诊。'],
    ['紧密型医联体是以所有权为基础的联合体;松散型医联体是以技术为联合的基础。', 'jinmixing: 紧密型医联体是以所有权为基础的联合体;'],
    ['专科医联体,医疗机构之间以专科协作为纽带形成的联合体,以一所医疗机构特色专科为主。', 'zhuanke-lianmeng: 专科医联体,医疗机构之间以专科协作为纽带形成的联合体,以一所医疗机构特色专科为主。'],
  ])('%s', (text, expected) => expect(define(text)).toContain(expected));

  it('does not take a mere mention for a definition', () => {
    expect(define('医联体建设取得了成绩。', '分级诊疗正在推进。')).toEqual([]);
  });

  it('finds the seeds’ own definitions', async () => {
    const g = terms((await seedCorpus()).documents);
    expect(g).toHaveLength(35);
    const defined = Object.fromEntries(g.filter((t) => t.definition).map((t) => [t.id, t.definition!.text.slice(0, 8)]));
    expect(defined).toMatchObject({ yilianti: '区域性医疗联合体', yigongti: '县域医疗共同体模', hunhexing: '混合型医联体是一', songsanxing: '松散型医联体是以' });
  });
});

describe('the model comparison', () => {
  const corpus = seededCorpus;
  const g = terms(corpus.documents);
  const filled = models(MODELS, g, corpus.documents);
  const cells = Object.values(filled.matrix).flatMap((row) => Object.values(row));

  it('fills every cell of the integration-type matrix from the seeds, the dimension’s own paragraph first', () => {
    expect(cells).toHaveLength(18);
    expect(cells.filter((c) => c.passages.length === 0)).toEqual([]);
    expect(filled.matrix.loose!.management!.passages[0]!.text).toBe('山东青州医联体(松散型)内各机构保持原隶属关系和法人地位不变,独立核算;');
    expect(filled.matrix.mixed!.duties!.passages[0]!.text.startsWith('职责分工:三类医联体均按照统一的标准')).toBe(true);
  });

  it('recognises the example places only as places: 天长 inside other words is not 安徽天长', () => {
    const tiny = models({ ...MODELS, summaries: [] }, [], [doc('d', '管理模式:每天长时间排队,今天长达三小时。', '管理模式:安徽天长实行统一管理。')]);
    expect(tiny.matrix.tight!.management!.passages.map((p) => p.text)).toEqual(['管理模式:安徽天长实行统一管理。']);
    expect(tiny.types[0]!.example.passages).toHaveLength(1);
  });

  it('keeps a hand-written summary only with a quote the text contains', () => {
    expect(filled.matrix.tight!.payment!.summary).toMatchObject({ doc: seed(corpus, '000').id });
    const bad = { ...MODELS, summaries: [{ form: 'city', text: '编的', quote: '原文里没有这句话' }] };
    expect(reported(bad, g, corpus.documents)).toContain('the summary for 城市医疗集团: quotes text that is not in the corpus: “原文里没有这句话”');
    expect(reported({ ...MODELS, summaries: [{ form: 'nope', text: 'x', quote: '医联体' }] }, g, corpus.documents)).toContain('form "nope"');
    expect(reported({ ...MODELS, forms: [{ id: 'x', name: 'X', term: 'missing' }] }, g, corpus.documents)).toContain('X: names term "missing"');
    expect(reported(MODELS, g, corpus.documents)).toBe('');
  });
});

describe('indexes', () => {
  const corpus = seededCorpus;

  it('files every telling of a policy under one title, with its issuer and date', () => {
    const policies = policyIndex(readAll(corpus.documents, documentPolicies), timeline(readAll(corpus.documents, documentEvents)));
    const guidance = policies.find((p) => p.title === '国务院办公厅关于推进医疗联合体建设和发展的指导意见')!;
    expect(guidance).toMatchObject({ issuer: '国务院办公厅', date: '2017-04-23' });
    expect(guidance.variants).toContain('關于推進醫療聯合體建設和發展的指導意見');
    expect(new Set(guidance.mentions.map((m) => m.doc)).size).toBe(4);
    expect(policies.find((p) => p.title === '关于推进分级诊疗试点工作的通知')).toMatchObject({ date: '2016-08' });
  });

  it('files renamed bodies under one name with the renaming, and leaves phrases that end in 医院 out', () => {
    const orgs = organisationIndex(readAll(corpus.documents, documentOrganisations), LEXICON);
    const wjw = orgs.find((o) => o.name === '国家卫生计生委')!;
    expect(wjw.forms).toEqual(expect.arrayContaining(['卫计委', '國家衛生計生委']));
    expect(wjw.note).toContain('卫健委');
    const names = orgs.map((o) => o.name);
    expect(names).toEqual(expect.arrayContaining(['重医附一院', '华西医院', '北京远程视界集团', '安康市中医医院', '临沂市卫生局']));
    for (const phrase of ['依赖基层医院', '不用再挤进三级医院', '2400多家医院', '医联体内大医院', '辐射带动县级医院']) expect(names).not.toContain(phrase);
  });

  it('names places, not words that contain them (大同小异, 朝阳医疗集团)', () => {
    const places = placeIndex(readAll([doc('d', '各地政策大同小异。', '朝阳医疗集团成立。', '山西大同成立了医联体。', '广东 · 中山：首个医联体')], documentPlaces));
    expect(places.map((p) => `${p.name}:${p.mentions.length}`)).toEqual(['中山:1', '大同:1', '山西:1', '广东:1']);
    // 山西's row names 大同 once, 大同's row twice; 000's two 大同小异 are not places.
    expect(placeIndex(readAll(corpus.documents, placesOf(LEXICON))).find((p) => p.name === '大同')!.mentions).toHaveLength(3);
  });
});

describe('term links on reading pages', () => {
  const link = (html: string) => linkFirstMentions(html, find, (id) => `/terms/${id}/`, (id) => id);
  it('links each term once, where it first occurs in running text', () => {
    expect(link('<h2 id="h">医联体</h2><p id="p-a">医联体与<ins class="c">分级诊疗</ins>,分级诊疗与医联体</p>')).toBe(
      '<h2 id="h">医联体</h2><p id="p-a"><a class="term-link" href="/terms/yilianti/" title="yilianti">医联体</a>与<ins class="c">分级诊疗</ins>,<a class="term-link" href="/terms/fenji-zhenliao/" title="fenji-zhenliao">分级诊疗</a>与医联体</p>',
    );
  });
  it('never links inside a tag, a link or hidden text', () => {
    const html = '<p id="p-医联体" class="x">&lt;医联体&gt; <a href="#">医联体</a><span class="vh">医联体</span></p>';
    expect(link(html)).toBe('<p id="p-医联体" class="x">&lt;<a class="term-link" href="/terms/yilianti/" title="yilianti">医联体</a>&gt; <a href="#">医联体</a><span class="vh">医联体</span></p>');
  });
});
