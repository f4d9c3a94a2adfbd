/**
 * The indexes by what Chinese public life writes, with no corpus's lexicon: places from the
 * gazetteer (provinces, prefectures, counties, Hong Kong, Macao, Taiwan) in their context, never
 * from a page's chrome; the national bodies a labelled corpus names.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEV_WEB, expectedDocument, expectedDocuments, LONG_TERM_CARE } from '../../scripts/bench/labelled-corpus.ts';
import { isChromeSentence } from '../../src/extract/chrome-sentences.ts';
import { placesIn } from '../../src/extract/gazetteer.ts';
import { documentOrganisations, documentPlaces, organisationIndex, placeIndex } from '../../src/extract/indexes.ts';
import { matchText } from '../../src/extract/numerals.ts';
import { readAll } from '../../src/extract/reading.ts';
import type { BlockId, DocumentId, DocumentText } from '../../src/pipeline/types.ts';

const places = (text: string) => placesIn(matchText(text)).map((p) => `${p.name}:${p.level}`);
const doc = (...texts: string[]): DocumentText => ({
  id: 'd' as DocumentId,
  blocks: texts.map((text, i) => ({ type: 'paragraph' as const, id: `p${i}` as BlockId, lines: [], text, marks: [] })),
  meta: { title: '', titleSource: 'title-line', author: null, published: null, publisher: null, editor: null, originalTitle: null, documentNumber: null },
  datesTrusted: true,
});

describe('places from the gazetteer', () => {
  it.each([
    ['新增北京市石景山区、贵州省黔西南布依族苗族自治州、甘肃省甘南藏族自治州、新疆维吾尔自治区乌鲁木齐市', ['北京:province', '石景山区:county', '贵州:province', '黔西南:city', '甘肃:province', '甘南:city', '新疆:province', '乌鲁木齐:city']],
    ['内蒙古自治区呼和浩特市、广西壮族自治区南宁市', ['内蒙古:province', '呼和浩特:city', '广西:province', '南宁:city']],
    ['臺北市與高雄市、香港和澳門', ['台北:city', '高雄:city', '香港:province', '澳门:province']],
    ['延边州、恩施州、阿克苏地区和锡林郭勒盟', ['延边:city', '恩施:city', '阿克苏:city', '锡林郭勒:city']],
    ['浙江长兴县、河南郏县的经验', ['浙江:province', '长兴县:county', '河南:province', '郏县:county']],
  ])('%s', (text, expected) => expect(places(text)).toEqual(expected));

  it.each([
    ['各地做法大同小异，世界大同', []],
    ['他住在中山南路，穿着中山装', []],
    ['阿里健康与来宾们', []],
    ['各市和县都要落实', []],
  ])('an ordinary word is no place: %s', (text, expected) => expect(places(text)).toEqual(expected));

  it.each([
    ['山西大同、山西 · 大同、大同市', ['山西:province', '大同:city', '山西:province', '大同:city', '大同:city']],
    ['太原、运城、临汾、大同等地', ['太原:city', '运城:city', '临汾:city', '大同:city']],
    ['陕西安康、安康市', ['陕西:province', '安康:city', '安康:city']],
  ])('a name that is also a word is a place where the text says so: %s', (text, expected) => expect(places(text)).toEqual(expected));

  it('never throws, and every place it finds is where it says, the longest name there', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('北京市', '大同', '小异', '山西', '、', '黔西南州', '石景山区', '郏县', '和县', '中山', '南路', '的', '。', '臺灣'), { maxLength: 20 }).map((a) => a.join('')), (text) => {
        const t = matchText(text);
        let end = 0;
        for (const p of placesIn(t)) {
          expect(p.index).toBeGreaterThanOrEqual(end);
          end = p.index + p.length;
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('no place and no organisation from a page’s chrome', () => {
  it.each([
    '立法院 地址：10051臺北市中正區中山南路1號 總機：(02)2358-5858',
    '来源：南宁市医疗保障局 发布时间：2023-01-10 16:20 阅读次数：1,146',
    '2024-03-02 13:05 · 来自北京 · 优质财经领域创作者',
    '主办单位：某市卫生健康委员会 版权所有',
  ])('%s', (line) => {
    expect(isChromeSentence(line)).toBe(true);
    expect(placeIndex(readAll([doc(line)], documentPlaces))).toEqual([]);
    expect(organisationIndex(readAll([doc(line)], documentOrganisations))).toEqual([]);
  });
  it('a sentence of the text is no chrome', () => {
    expect(isChromeSentence('2016年，人社部启动长期护理保险制度试点，青岛成为首批15个试点城市之一。')).toBe(false);
  });
});

describe('the national bodies a corpus names, with no lexicon', () => {
  const bodies = (dir: string) =>
    organisationIndex(readAll(expectedDocuments(dir).map((e) => expectedDocument(e, dir)), documentOrganisations))
      .filter((o) => o.kind === 'government')
      .map((o) => o.name);
  it('dev-web', () => expect(bodies(DEV_WEB)).toEqual(expect.arrayContaining(['国家卫健委', '国家医保局', '国务院', '国务院办公厅', '中共中央'])));
  it('long-term-care', () => expect(bodies(LONG_TERM_CARE)).toEqual(expect.arrayContaining(['国家医保局', '财政部', '人社部', '民政部'])));
});
