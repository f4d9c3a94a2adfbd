/** What Zotero should file a document as: an official notice as a report with its issuer and 文号, news as a news article, else a web page. */
import { describe, expect, it } from 'vitest';
import { sourceType } from '../src/cite/kind.ts';
import { cslItem } from '../src/cite/formats.ts';

const facts = (over: Partial<Parameters<typeof sourceType>[0]>) => ({ title: '标题', author: null, publisher: null, opening: '', ...over });

describe('the kind of a source', () => {
  it('files an official notice as a report: its issuer from the byline, the masthead or the title, its 文号 as written', () => {
    expect(sourceType(facts({ publisher: '国务院办公厅', opening: '国办发〔2017〕32号\n各省、自治区' }))).toEqual({ kind: 'report', issuer: '国务院办公厅', number: '国办发〔2017〕32号' });
    expect(sourceType(facts({ opening: '\n国家医疗保障局文件\n\n医保发〔2021〕48号\n\n国家医疗保障局关于印发DRG/DIP支付方式改革' }))).toEqual({ kind: 'report', issuer: '国家医疗保障局', number: '医保发〔2021〕48号' });
    expect(sourceType(facts({ title: '某市卫生健康委员会关于开展家庭医生签约服务的通知', opening: '某卫发[2019] 7号' }))).toEqual({ kind: 'report', issuer: '某市卫生健康委员会', number: '某卫发[2019]7号' });
    // A 文号 quoted by an article written by a company is not that article's number.
    expect(sourceType(facts({ publisher: '动脉网', opening: '《关于推进医疗联合体建设和发展的指导意见》(国办发〔2017〕32号)指出' })).kind).toBe('webpage');
  });

  it('files news by its outlet or its dateline, anything else as a web page', () => {
    expect(sourceType(facts({ publisher: '健康报' })).kind).toBe('news');
    expect(sourceType(facts({ opening: '新华社北京8月5日电 国家卫生健康委' })).kind).toBe('news');
    expect(sourceType(facts({ publisher: '动脉网' })).kind).toBe('webpage');
    expect(sourceType(facts({ publisher: '中国政府网' })).kind).toBe('webpage');
  });

  it('gives reference managers the matching CSL type', () => {
    const base = { id: 'a', title: 't', author: null, published: null, publisher: '国家医疗保障局', accessed: '2025-01-01', url: '/docs/a/', language: 'zh-CN' };
    expect(cslItem({ ...base, kind: 'report', issuer: '国家医疗保障局', number: '医保发〔2021〕48号' })).toMatchObject({ type: 'report', publisher: '国家医疗保障局', number: '医保发〔2021〕48号', author: [{ literal: '国家医疗保障局' }] });
    expect(cslItem({ ...base, kind: 'news' })).toMatchObject({ type: 'article-newspaper', 'container-title': '国家医疗保障局' });
    expect(cslItem(base)).toMatchObject({ type: 'webpage' });
  });
});
