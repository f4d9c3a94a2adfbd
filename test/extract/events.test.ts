import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseLexicon } from '../../src/extract/lexicon.ts';
import { eventKinds } from '../../src/extract/event-kinds.ts';
import { documentEvents, eventsOf, timeline, type DocumentEvents, type TimelineEvent } from '../../src/extract/events.ts';
import type { BlockId, DocumentId } from '../../src/pipeline/types.ts';
import { readAll } from '../../src/extract/reading.ts';
import { tellsEvent } from '../../src/extract/event-telling.ts';
import { organisationFinder, organisations as generalOrganisations } from '../../src/extract/organisations.ts';
import { policyKey, policyTitles } from '../../src/extract/policies.ts';
import { ROOT, seed, seedCorpus } from '../helpers/seeds.ts';

/** The bundled corpus's lexicon: the words of its field (医联体, its companies, its hospitals' endings). */
const LEXICON = parseLexicon(JSON.parse(readFileSync(join(ROOT, 'content', 'lexicon.json'), 'utf8')), 'content/lexicon.json');
const organisations = organisationFinder(LEXICON);
const eventKind = eventKinds(LEXICON);
const corpus = await seedCorpus();
const events = timeline(readAll(corpus.documents, eventsOf(LEXICON)));
const idOf = (prefix: string) => seed(corpus, prefix).id;

describe('policy titles and organisations', () => {
  it('takes policy documents from 《》, not journals, and one key for the same policy with or without its issuer', () => {
    expect(policyTitles('据《中国卫生质量》杂志;国务院办公厅发布了《国务院办公厅关于推进医疗联合体建设和发展的指导意见》').map((p) => p.title)).toEqual([
      '国务院办公厅关于推进医疗联合体建设和发展的指导意见',
    ]);
    expect(policyKey('國務院辦公廳關于推進醫療聯合體建設和發展的指導意見')).toBe(policyKey('关于推进医疗联合体建设和发展的指导意见'));
    expect(policyKey('关于加强医疗联合体建设和发展的指导意见')).not.toBe(policyKey('关于推进医疗联合体建设和发展的指导意见'));
  });
  it.each([
    ['2016年8月,卫计委(后改名卫健委)在《通知》中', ['国家卫生计生委', '国家卫健委']],
    ['有四川大学华西医院(简称“华西医院”)、重庆大学附属第一医院', ['四川大学华西医院', '华西医院', '重庆大学附属第一医院']],
    ['2017年,微医与河南省平顶山市政府达成协议', ['河南省平顶山市政府']],
    ['如北京儿童医院组建的专科医联体', ['北京儿童医院']],
    ['4家县级人民医院“托管”给重医附二院', ['重医附二院']],
    ['此外,遠程心界母公司、國內規模最大的專注專科遠程醫療聯合體O2O平臺——北京遠程視界集團公布', ['北京远程视界集团']],
    ['所有三级公立医院都要启动;基层医院;互联网医院;2014年北京儿童医院的门诊量', ['北京儿童医院']],
    // A stop character (和, 同, 向) inside a word names are made of, and the 和 that joins two names.
    ['北京协和医院和华西医院组建了医联体', ['北京协和医院', '华西医院']],
    ['他在中日友好医院和北京协和医院工作;患者和医院', ['中日友好医院', '北京协和医院']],
    ['太和县人民医院和阜阳市人民医院;武汉同济医院、北京同仁医院', ['太和县人民医院', '阜阳市人民医院', '武汉同济医院', '北京同仁医院']],
    ['和睦家医院、仁和医院与向阳社区卫生服务中心', ['和睦家医院', '仁和医院', '向阳社区卫生服务中心']],
    ['华中科技大学同济医学院附属协和医院', ['华中科技大学同济医学院附属协和医院']],
    ['医生和平安医院;县医院和平顶山市第一人民医院', ['平安医院', '平顶山市第一人民医院']],
  ])('%s', (text, names) => expect(organisations(text).map((o) => o.name)).toEqual(names));

  it.each([
    ['国家医疗保障局（以下简称“国家医保局”）会同财政部、人力资源和社会保障部', ['国家医保局', '国家医保局', '财政部', '人社部']],
    ['据青岛市医保局介绍,南宁市医疗保障局表示', ['青岛市医保局', '南宁市医疗保障局']],
    ['中国互联网络信息中心发布报告,中国老年医学学会参与;许多大学生', ['中国互联网络信息中心', '中国老年医学学会']],
    ['财政部门和卫生部门要加强布局', []],
    ['后来担任福建省食药监局局长', ['福建省食药监局']],
    ['上海市绿化和市容管理局、深圳市人力资源和社会保障局与北京市住房和城乡建设委员会发布', ['上海市绿化和市容管理局', '深圳市人力资源和社会保障局', '北京市住房和城乡建设委员会']],
    ['由市和区政府共同负责', []],
    ['要求每万名城市居民拥有2名以上全科医生，每个乡镇卫生院拥有1名以上全科医生', []],
    ['以后农村老人在村里就有机会连上县里医院的医生，不用跑到镇上医院', []],
    ['北京市平安里医院发布通知，市里医院和乡里卫生院也来了', ['北京市平安里医院']],
  ])('in any field, with no lexicon: %s', (text, names) => expect(generalOrganisations(text).map((o) => o.name)).toEqual(names));

  it('renamed bodies say what became of them', () => {
    const body = (name: string) => generalOrganisations(name)[0]!;
    expect(body('卫计委').name).toBe('国家卫生计生委');
    expect(body('国家卫生健康委员会').name).toBe('国家卫健委');
    expect(body('人力资源和社会保障部').name).toBe('人社部');
  });

  it('a policy with and without its issuers is one policy, whoever issued it', () => {
    expect(policyKey('国家医保局 财政部关于扩大长期护理保险制度试点的指导意见')).toBe(policyKey('关于扩大长期护理保险制度试点的指导意见'));
    expect(policyKey('中共中央 国务院关于深化医疗保障制度改革的意见')).toBe(policyKey('关于深化医疗保障制度改革的意见'));
    // Not an issuer: words that are not a body's name.
    expect(policyKey('进一步完善关于养老服务的意见')).not.toBe(policyKey('关于养老服务的意见'));
  });
});

describe('event kinds', () => {
  it.each([
    ['当月23日,国务院办公厅发布了《国务院办公厅关于推进医疗联合体建设和发展的指导意见》', {}, 'policy'],
    ['2017年6月底前,各省(区、市)都要明确推进医联体建设的工作方案', { quoted: true as const, qualifier: 'by' as const }, 'policy'],
    ['2016年8月,遠程心界在京啟動“千縣萬醫全國心腦血管疾病防治技術培訓工程”', {}, 'company'],
    ['2023年3月28日,枣庄市精神卫生医联体、枣庄市妇幼保健医联体同时挂牌成立', {}, 'institution'],
    ['2017年,基层医疗卫生机构门急诊人次523900人次,较去年同期417403人次同比增长25.51%', {}, 'statistic'],
    ['郏县模式在2018年获得国务院深改组专报推广', {}, 'government'],
  ])('%s', (text, m, kind) => expect(eventKind(text, m)).toBe(kind));

  it.each([
    ['2019年,某某大学附属医院与三家县医院签约组建协作联盟', 'institution'],
    ['2021年,某科技股份有限公司完成新一轮融资', 'company'],
    ['2022年发布的调查报告显示,超过六成受访者支持这项改革', 'research'],
    ['2020年,全市参保人数达到163万人', 'statistic'],
    ['2018年,国务院印发《关于实施某项计划的通知》', 'policy'],
    ['2016年,民政部会同财政部部署试点工作', 'government'],
  ])('in any field, with no lexicon: %s', (text, kind) => expect(eventKinds({ eventWords: {} })(text, {})).toBe(kind));

  it('a field’s own words come from its lexicon: 医联体 is an institution only where the corpus says so', () => {
    const text = '2023年,枣庄市精神卫生医联体挂牌';
    expect(eventKinds({ eventWords: {} })(text, {})).toBe('government');
    expect(eventKind(text, {})).toBe('institution');
  });
});

describe('the seeds timeline', () => {
  const find = (date: string, doc: string) => events.find((e) => e.date === date && e.doc === idOf(doc));

  it('shows the 2017-04-23 guidance once, with every document that tells it', () => {
    const e = find('2017-04-23', '000')!;
    expect(e).toMatchObject({ precision: 'day', kind: 'policy', written: '当月23日', trusted: true });
    expect(e.text).toBe('当月23日,国务院办公厅发布了《国务院办公厅关于推进医疗联合体建设和发展的指导意见》。');
    expect(e.sources.map((s) => s.doc).sort()).toEqual([idOf('001'), idOf('003'), idOf('004')].sort());
    expect(e.sources.find((s) => s.doc === idOf('003'))!.written).toBe('今年4月');
    expect(events.filter((x) => x.policies.some((p) => p.endsWith('关于推进医疗联合体建设和发展的指导意见')) || x.sources.length > 2)).toHaveLength(1);
  });

  it('keeps the 04-12 State Council meeting as its own event', () => {
    expect(find('2017-04-12', '000')).toMatchObject({ written: '2017年,4月12日', policies: ['关于加强医疗联合体建设和发展的指导意见'], organisations: ['国务院常务会议'] });
  });

  it('merges the policy targets quoted by 000 and 001', () => {
    for (const date of ['2017-06', '2017-10', '2020']) {
      const e = events.find((x) => x.date === date && x.qualifier && x.doc === idOf('000'))!;
      expect(e.kind).toBe('policy');
      expect(e.sources.map((s) => s.doc)).toEqual([idOf('001')]);
    }
  });

  it('does not merge events that only share a year', () => {
    const y2014 = events.filter((e) => e.date === '2014');
    expect(y2014).toHaveLength(2);
    for (const e of y2014) expect(e.sources).toEqual([]);
  });

  it("marks every date of 002 untrusted and never mixes them with trusted events", () => {
    const untrusted = events.filter((e) => !e.trusted);
    expect(untrusted.length).toBe(27);
    for (const e of untrusted) {
      expect(e.doc).toBe(idOf('002'));
      expect(e.date.startsWith('2023')).toBe(true);
      expect(e.sources).toEqual([]);
    }
    expect(events.filter((e) => e.trusted && e.date.startsWith('2023'))).toEqual([]);
  });

  it("labels 002's table rows with their place", () => {
    expect(events.find((e) => e.date === '2023-01-28')!.text).toBe('上海：2023年1月28日,上海首个“区域医疗联合体”在卢湾区签约启动。');
  });

  it('has no event from the link lists removed in cleaning (004: 头条 22-01-20)', () => {
    expect(events.filter((e) => e.date.startsWith('2022'))).toEqual([]);
  });

  it('links every event to an existing paragraph, and gives each a unique id', () => {
    const blocks = new Map(corpus.documents.map((d) => [d.id, new Set(d.blocks.map((b) => b.id as string))]));
    const ids = new Set<string>();
    const all: Array<Pick<TimelineEvent, 'doc' | 'paragraph'>> = events.flatMap((e) => [e, ...e.sources]);
    for (const e of all) expect(blocks.get(e.doc)!.has(e.paragraph)).toBe(true);
    for (const e of events) {
      expect(ids.has(e.id)).toBe(false);
      ids.add(e.id);
      expect(e.id).toBe(`${e.doc}-${e.paragraph}-${e.id.split('-').at(-1)}`);
    }
  });

  it('is sorted by date and never has a day or month the text does not give', () => {
    const dates = events.map((e) => e.date);
    expect(dates).toEqual([...dates].sort());
    for (const e of events) {
      const digits = e.written.replace(/[^0-9０-９一二三四五六七八九十〇]/g, '');
      if (e.precision === 'day') expect(digits.length).toBeGreaterThanOrEqual(2);
    }
  });
});

describe('one event told by several documents', () => {
  const telling = (doc: string, text: string, date = '2019-05'): DocumentEvents => ({
    events: [{ id: `${doc}-p1-1`, date, precision: 'month', written: '2019年5月', text, kind: 'institution', doc: doc as DocumentId, paragraph: 'p1' as BlockId, trusted: true, policies: [], organisations: [], sources: [] }],
    unresolved: [],
  });
  const grouped = (...docs: DocumentEvents[]) => timeline(docs).map((e) => [e.doc, ...e.sources.map((s) => s.doc)].join(' '));

  it('groups tellings of the same date whose words overlap by half or more, whatever their punctuation, repeats or script', () => {
    expect(grouped(telling('a', '2019年5月，该医联体新增签约医院12家。'), telling('b', '2019年5月 该医联体——新增签约医院12家!'), telling('c', '2019年5月,該醫聯體新增簽約醫院12家'))).toEqual(['a b c']);
    // A character beyond the first plane is a letter (𠮷) or not (😀) as any other.
    expect(grouped(telling('a', '𠮷祥医院2019年5月加入医联体'), telling('b', '𠮷祥医院在2019年5月加入了医联体'))).toEqual(['a b']);
    expect(grouped(telling('a', '医联体😀😀😀😀😀😀成立'), telling('b', '医联体成立'))).toEqual(['a b']);
    // Repeated words count once: 医联体医联体… has three bigrams, all of them the other's (three of its five).
    expect(grouped(telling('a', '体医联体成立'), telling('b', '医联体医联体医联体医联体'))).toEqual(['a b']);
    // Another date, or words that share less than half, are another event.
    expect(grouped(telling('a', '2019年5月，该医联体新增签约医院12家。'), telling('b', '2019年5月，该医联体新增签约医院12家。', '2019-06'))).toEqual(['a', 'b']);
    expect(grouped(telling('a', '2019年5月，该医联体新增签约医院12家。'), telling('b', '2019年5月，省卫健委召开全省医疗工作会议。'))).toEqual(['a', 'b']);
  });
});

describe('dates that are not events', () => {
  it('a year range inside a policy title is part of its name, not an event', () => {
    const doc = {
      id: 'x' as never,
      meta: { title: '互联网医院复诊开药能不能走医保', titleSource: 'title-line' as const, author: null, published: '2023-03-08', publisher: null, editor: null, originalTitle: null, documentNumber: null },
      datesTrusted: true,
      blocks: [{ id: 'p1' as never, lines: [], type: 'paragraph' as const, marks: [], text: '2022年12月中共中央、国务院印发的《扩大内需战略规划纲要（2022－2035年）》里明确提到，要把符合条件的互联网医疗服务纳入医保。' }],
    };
    expect(timeline(readAll([doc], documentEvents)).map((e) => `${e.written}=${e.date}`)).toEqual(['2022年12月=2022-12']);
  });
  it('a seed\'s comment on a year (2017年这一年中,可谓热闹非凡) is not on the timeline, its next sentence (政策) is', () => {
    const told = events.filter((e) => e.doc === idOf('001')).map((e) => e.text);
    expect(told.some((t) => t.includes('热闹非凡'))).toBe(false);
    expect(told.some((t) => t.includes('颁布推进医联体政策'))).toBe(true);
  });
  // Clauses from dev-web, the long-term-care corpus and pages of other kinds: [clause, date as written, names a policy or organisation, tells an event].
  it.each([
    ['2017年这一年中,可谓热闹非凡', '2017年', false, false],
    ['表1 2021年3月底全國醫療衛生機構數', '2021年3月底', false, false],
    ['2021年3月底', '2021年3月底', false, false],
    ['2024-03-02 13:05 · 来自北京 · 优质财经领域创作者', '2024-03-02', false, false],
    ['养老金又涨了，2024年每月能多领多少？', '2024年', false, false],
    ['2020年,所有公立二级医院、基层医疗机构,这样的内容层出不穷', '2020年', false, false],
    ['早在2012年,北京遠程視界集團就低調地建起了全國首個遠程???', '2012年', false, true],
    ['我國於107年3月底正式進入高齡社會', '107年3月底', false, true],
    ['111年度長照經費編列約662億元', '111年度', false, true],
    ['2014年1月30日是除夕，詹积富接到一个完全意外的电话', '2014年1月30日', false, true],
    ['预估民国115年将进一步成为超高龄社会', '民国115年', false, true],
    ['2025年5月19日是第15个“世界家庭医生日”', '2025年5月19日', false, true],
    ['2023年3月，临沂市卫生局提出积极探索试点组建医联体', '2023年3月', true, true],
    ['2019年，我们在会上讨论了什么？', '2019年', false, false],
  ])('%s', (clause, written, named, told) => {
    expect(tellsEvent(clause, written, named)).toBe(told);
  });
});
