import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { documentContext, extractDates, type DateContext } from '../../src/extract/dates.ts';
import { minguoDated } from '../../src/extract/minguo.ts';
import { reading } from '../../src/extract/reading.ts';
import { ROOT, seedCorpus } from '../helpers/seeds.ts';

const none: DateContext = { published: null };
/** The mentions of a text as `written=date[..until] precision [qualifier]`. */
function dates(text: string, ctx: DateContext = none): string[] {
  const r = extractDates(text, ctx);
  return [
    ...r.mentions.map((m) => `${m.text}=${m.date}${m.until ? `..${m.until}` : ''} ${m.precision}${m.qualifier ? ` ${m.qualifier}` : ''}${m.comparison ? ' comparison' : ''}`),
    ...r.refused.map((f) => `${f.text}=refused`),
  ];
}

describe('date forms', () => {
  it.each([
    ['2016年8月,卫计委', ['2016年8月=2016-08 month']],
    ['2017年4月12日国务院', ['2017年4月12日=2017-04-12 day']],
    ['二〇一八年三月', ['二〇一八年三月=2018-03 month']],
    ['一九九八年十二月二十三日', ['一九九八年十二月二十三日=1998-12-23 day']],
    ['２０１７年', ['２０１７年=2017 year']],
    ['2020 年 10 月 28 日', ['2020 年 10 月 28 日=2020-10-28 day']],
    ['2022.01.20 发布', ['2022.01.20=2022-01-20 day']],
    ['2022/1/20', ['2022/1/20=2022-01-20 day']],
    ['头条 22-01-20', ['22-01-20=2022-01-20 day']],
    ['2019年上半年', ['2019年上半年=2019-01..2019-06 half']],
    ['2019年下半年', ['2019年下半年=2019-07..2019-12 half']],
    ['2021年第三季度', ['2021年第三季度=2021-07..2021-09 quarter']],
    ['90年代之后', ['90年代=1990..1999 decade after']],
    ['1990年代', ['1990年代=1990..1999 decade']],
    ['上世纪八十年代', ['上世纪八十年代=1980..1989 decade']],
    ['2015年-2017年4月,在', ['2015年-2017年4月=2015..2017-04 range']],
    ['2015-2017年', ['2015-2017年=2015..2017 range']],
    ['2015年3月至5月', ['2015年3月至5月=2015-03..2015-05 range']],
    ['790家(2018.5)、747家(2018.1)', ['2018.5=2018-05 month', '2018.1=2018-01 month']],
  ])('%s', (text, expected) => expect(dates(text)).toEqual(expected));
});

describe('qualifiers', () => {
  it.each([
    ['截至2017年9月30日,安康市', ['2017年9月30日=2017-09-30 day as-of']],
    ['2017年6月底前,各省', ['2017年6月底=2017-06 month by']],
    ['“到2020年,在总结', ['2020年=2020 year target']],
    ['自从2011年开始建设以来', ['2011年=2011 year since']],
    ['可追溯到2002年', ['2002年=2002 year since']],
    ['于2023年8月起启动', ['2023年8月=2023-08 month since']],
    ['在2017年之前,尽管', ['2017年=2017 year before']],
    ['在2017年7月份后,医联体', ['2017年7月份=2017-07 month after']],
    ['到了2017年,这类政策', ['2017年=2017 year']],
    ['单次处方金额较2019年下降12.7%', ['2019年=2019 year comparison']],
  ])('%s', (text, expected) => expect(dates(text)).toEqual(expected));

  it('a past year after 到 is "by", not a target, when the publication date is later', () => {
    expect(dates(',到2015年其门诊量下降约20万', { published: '2018-06-09' })).toEqual(['2015年=2015 year by']);
    expect(dates(',到2020年,全面推进', { published: '2018-06-09' })).toEqual(['2020年=2020 year target']);
  });
  it('records the part of the period (初, 底, 末)', () => {
    const [early, late] = extractDates('2023年11月初;截至2020年底', none).mentions;
    expect(early).toMatchObject({ date: '2023-11', part: 'early' });
    expect(late).toMatchObject({ date: '2020', part: 'late', qualifier: 'as-of' });
  });
});

describe('dates that need context', () => {
  it('当月23日 and 4月12日 take the year and month of the sentence', () => {
    expect(dates('2017年,4月12日国务院常务会议审议通过,当月23日,国务院办公厅发布')).toEqual(['2017年,4月12日=2017-04-12 day', '当月23日=2017-04-23 day']);
  });
  it('10月底前 takes the year of the date before it in the sentence, even a quoted one', () => {
    expect(dates('“2017年6月底前,各省;10月底前,所有三级公立医院”')).toEqual(['2017年6月底=2017-06 month by', '10月底=2017-10 month by']);
  });
  it('4月23日 and 同年 take the year the text before established', () => {
    expect(dates('其中被转发最多的是4月23日', { published: null, year: 2017 })).toEqual(['4月23日=2017-04-23 day']);
    expect(dates('同年,乌镇互联网医院揭牌成立', { published: null, year: 2015 })).toEqual(['同年=2015 year']);
    expect(dates('次年', { published: null, year: 2015 })).toEqual(['次年=2016 year']);
  });
  it('quoted targets and comparisons do not become the year of the text', () => {
    const r = extractDates('例如“2017年所有三级医院参与;2020年,所有公立二级医院”。较2019年下降', { published: null, year: 2016 });
    expect(r.context.year).toBe(2016);
    expect(extractDates('截至2017年9月30日', none).context.year).toBe(2017);
  });
  it('今年 and 去年 come from the publication date only', () => {
    expect(dates('今年4月国务院办公厅印发', { published: '2017-06-30' })).toEqual(['今年4月=2017-04 month']);
    expect(dates('去年', { published: '2018-06-09' })).toEqual(['去年=2017 year']);
    expect(dates('今年第一季度', { published: '2018-06-09' })).toEqual(['今年第一季度=2018-01..2018-03 quarter']);
    expect(dates('今年4月国务院办公厅印发', { published: null, year: 2017 })).toEqual(['今年4月=refused']);
    expect(extractDates('今年4月', none).refused[0]).toMatchObject({ month: 4, reason: expect.stringContaining('publication date') });
  });
  it('去年同期 after a dated statistic is the year before that date', () => {
    expect(dates('2017年,门急诊人次523900人次,较去年同期417403人次', { published: '2018-06-09' })).toEqual(['2017年=2017 year', '去年同期=2016 year comparison']);
  });
  it('refuses what it cannot resolve instead of guessing', () => {
    expect(dates('4月23日')).toEqual(['4月23日=refused']);
    expect(dates('同年')).toEqual(['同年=refused']);
    expect(dates('当月23日')).toEqual(['当月23日=refused']);
    expect(dates('2017年2月30日')).toEqual(['2017年2月30日=refused']);
  });
});

describe('the forms other corpora use', () => {
  const pub = (published: string, extra: Partial<DateContext> = {}): DateContext => ({ published, ...extra });
  it('Minguo years: 民國106年 always; 107年度, 108年3月 and 108-09-30 only in a document dated so', () => {
    expect(dates('民國106年起實施')).toEqual(['民國106年=2017 year since']);
    expect(dates('民国一〇七年')).toEqual(['民国一〇七年=2018 year']);
    const minguo: DateContext = { published: null, minguo: true };
    expect(dates('107年度長照預算', minguo)).toEqual(['107年度=2018 year']);
    expect(dates('自108年3月起', minguo)).toEqual(['108年3月=2019-03 month since']);
    expect(dates('截至108-09-30止', minguo)).toEqual(['108-09-30=2019-09-30 day as-of']);
    expect(dates('99年12月', minguo)).toEqual(['99年12月=2010-12 month']);
    expect(dates('自98年底之2,311萬人', minguo)).toEqual(['98年底=2009 year']);
    expect(dates('政府於96年至105年推動長照1.0', minguo)).toEqual(['96年至105年=2007..2016 range']);
    // Durations stay durations, and without the document's calendar nothing is guessed.
    expect(dates('該院成立107年來', minguo)).toEqual([]);
    expect(dates('107年度長照預算')).toEqual([]);
    expect(dates('截至108-09-30止')).toEqual([]);
  });
  it('a document is Minguo-dated by 民國, or by such years and a name of Taiwan, never by one alone', () => {
    expect(minguoDated(['民國106年，長照2.0上路'])).toBe(true);
    expect(minguoDated(['衛生福利部公布107年度長照服務人數'])).toBe(true);
    expect(minguoDated(['107年度', '臺北市政府社會局'])).toBe(true);
    expect(minguoDated(['107年度预算执行情况'])).toBe(false);
    expect(minguoDated(['台湾地区2018年的数据'])).toBe(false);
    expect(documentContext('', null, ['衛福部108年3月起擴大服務']).minguo).toBe(true);
  });
  it('fiscal years from April to March (2022/23年度)', () => {
    expect(dates('至2022/23年度，醫療衞生經常性開支')).toEqual(['2022/23年度=2022-04..2023-03 range target']);
    expect(dates('2019/20年度本地醫療衞生總開支')).toEqual(['2019/20年度=2019-04..2020-03 range']);
    expect(dates('2019/21年度')).toEqual([]);
  });
  it('five-year plans: the period, its end or its start', () => {
    expect(dates('“十三五”期间，30个城市')).toEqual(['“十三五”期间=2016..2020 range']);
    expect(dates('回看“十三五”時期')).toEqual(['“十三五”時期=2016..2020 range']);
    expect(dates('十四五时期')).toEqual(['十四五时期=2021..2025 range']);
    expect(dates('到“十四五”末')).toEqual(['“十四五”末=2025 year target']);
    expect(dates('“十五”期间')).toEqual(['“十五”期间=2001..2005 range']);
    expect(dates('“十二五”以来')).toEqual(['“十二五”=2011 year since']);
    // A plan's name is not a date, nor is fifteen.
    expect(dates('《“十四五”全民医疗保障规划》')).toEqual([]);
    expect(dates('十五个部门')).toEqual([]);
  });
  it('当年, 该年, 第二年 and 本年 from the year the text speaks of', () => {
    expect(dates('2010年，缺口高达1.4亿；第二年亏损扩大到2亿以上，占当年财政收入的14.42%')).toEqual(['2010年=2010 year', '第二年=2011 year', '当年=2011 year']);
    expect(dates('当年6月，该院', { published: null, year: 2016 })).toEqual(['当年6月=2016-06 month']);
    expect(dates('该年，全省', { published: null, year: 2016 })).toEqual(['该年=2016 year']);
    expect(dates('本年，全国将重点建设', { published: '2021-04-05', year: 2019 })).toEqual(['本年=2019 year']);
    expect(dates('本年度', pub('2021-04-05'))).toEqual(['本年=2021 year']);
    expect(dates('当年6月')).toEqual(['当年6月=refused']);
    // Not a year: 相当年轻, 应该年底前, 成本年度, 建设的第二年.
    for (const text of ['相当年轻', '应该年底前完成', '成本年度核算', '建设的第二年']) expect(dates(text, { published: '2021-04-05', year: 2019 })).toEqual([]);
  });
  it('a dateline takes the publication year (the last such day not after it)', () => {
    expect(dates('新华社北京8月5日电', pub('2021-08-06'))).toEqual(['8月5日=2021-08-05 day']);
    expect(dates('新华社北京12月30日电', pub('2021-01-02'))).toEqual(['12月30日=2020-12-30 day']);
    expect(dates('新华社北京8月5日电', { published: null, year: 2019 })).toEqual(['8月5日=refused']);
  });
  it('a month and day with no year before it take the year nearest the publication date', () => {
    expect(dates('假日急症中心預計11月2日上路', pub('2025-10-30'))).toEqual(['11月2日=2025-11-02 day']);
    expect(dates('國家衛健委官網5月24日髮布了截至2021年3月底的', pub('2021-05-26'))).toEqual(['5月24日=2021-05-24 day', '2021年3月底=2021-03 month as-of']);
    expect(dates('1月3日召开', pub('2020-12-28'))).toEqual(['1月3日=2021-01-03 day']);
  });
  it('relative dates from the publication date; plans after it do not set the year of the text after them', () => {
    const r = extractDates('明年上半年先作為觀察期，最快7月起就會把部分負擔調高到50%。', pub('2025-10-30'));
    expect(r.mentions.map((m) => `${m.text}=${m.date}..${m.until ?? m.date}`)).toEqual(['明年上半年=2026-01..2026-06', '7月=2026-07..2026-07']);
    expect(r.context.year).toBeUndefined();
    expect(dates('另外，預計11月2日上路', r.context)).toEqual(['11月2日=2025-11-02 day']);
  });
  it('ranges of days and months, and years listed with their count', () => {
    expect(dates('7月12日-13日', { published: null, year: 2019 })).toEqual(['7月12日-13日=2019-07-12..2019-07-13 range']);
    expect(dates('2021年7月12-13日，')).toEqual(['2021年7月12-13日=2021-07-12..2021-07-13 range']);
    expect(dates('2025年1—12月三明市')).toEqual(['2025年1—12月=2025-01..2025-12 range']);
    expect(dates('2025全年，三明市')).toEqual(['2025=2025 year']);
    expect(dates('按2022年、2023年、2024年三年推进')).toEqual(['2022年、2023年、2024年=2022..2024 range']);
    expect(dates('在2010年、2014年、2015年、2016年')).toEqual(['2010年=2010 year', '2014年=2014 year', '2015年=2015 year', '2016年=2016 year']);
  });
  it('昨天（12日） has no month: nothing is dated', () => {
    expect(dates('央视网消息：昨天（12日），国家卫生健康委', pub('2021-04-05'))).toEqual([]);
  });
  it('the title gives the year a document speaks of', () => {
    expect(documentContext('2019年全国将重点建设500个县域医共体', '2021-04-05', []).year).toBe(2019);
    expect(documentContext('明年起门诊部分负担调整', '2025-10-30', []).year).toBeUndefined();
  });
});

describe('not dates', () => {
  it.each([
    '拟利用三年时间', '这6年联合20家医院', '合作一年多', '2000多家', '共计25000字', '第二章', '七台河市', '三级医院', '2-3小时',
    '7-10%', '5个月', '增长25.51%', '1.72亿', '前两年', '近年来', '国办发〔2017〕32号', '电话010-12345678', '同年龄段', '47.6万人',
  ])('%s', (text) => expect(dates(text)).toEqual([]));
});

describe('untrusted text', () => {
  it('never throws, and every mention is a slice of the text with a well-formed date', () => {
    const alphabet = fc.constantFrom(...'0123456789２０一二三四五六七八九十〇年月日号底前初末至到-—./今去同当该本第明截至以来季度上下半代期间全电（）(),，。、“”'.split(''), '民國', '十三五', 'x', '\n');
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 60 }).map((a) => a.join('')), fc.option(fc.constantFrom('2018-06-09', '2017')), fc.boolean(), (text, published, minguo) => {
        const r = extractDates(text, { published: published ?? null, minguo });
        let last = -1;
        for (const m of r.mentions) {
          expect(m.text).toBe(text.slice(m.start, m.end));
          expect(m.start).toBeGreaterThanOrEqual(last);
          last = m.end;
          expect(m.date).toMatch(/^\d{4}(-\d{2}(-\d{2})?)?$/);
          if (m.until) expect(m.until >= m.date.slice(0, m.until.length)).toBe(true);
          if (m.date.length === 10) expect(new Date(`${m.date}T00:00:00Z`).toISOString().slice(0, 10)).toBe(m.date);
        }
      }),
      { numRuns: 3000 },
    );
  });
  it('handles a 300,000-character line in linear time', () => {
    const line = '2017年4月12日国务院。'.repeat(20000);
    const started = performance.now();
    expect(extractDates(line, none).mentions).toHaveLength(20000);
    expect(performance.now() - started).toBeLessThan(20000);
  });
});

/** The hand-checked list of every dated mention in the seeds (test/fixtures/dates/seeds.tsv). */
function handChecked() {
  const [, ...rows] = readFileSync(join(ROOT, 'test', 'fixtures', 'dates', 'seeds.tsv'), 'utf8').replace(/\n+$/, '').split('\n');
  return rows.map((r) => {
    const [seed, paragraph, written, date, until, precision, qualifier] = r.split('\t');
    return { key: `${seed} ${paragraph} ${written}`, value: date === 'refused' ? 'refused' : `${date}|${until}|${precision}|${qualifier}` };
  });
}

describe('the seeds, against the hand-checked list', () => {
  it('finds every dated mention with its date, and nothing else (precision and recall >= 0.95, no wrong year)', async () => {
    const result = await seedCorpus();
    const found: { key: string; value: string }[] = [];
    for (const d of result.documents) {
      const seedNo = d.source.slice(0, 3);
      for (const { unit: u, result: r } of reading(d).dates()) {
        for (const m of r.mentions) found.push({ key: `${seedNo} ${u.block} ${m.text}`, value: `${m.date}|${m.until ?? ''}|${m.precision}|${m.qualifier ?? ''}` });
        for (const f of r.refused) found.push({ key: `${seedNo} ${u.block} ${f.text}`, value: 'refused' });
      }
    }
    const expected = handChecked();
    const remaining = [...expected];
    let correct = 0;
    const wrongYears: string[] = [];
    for (const f of found) {
      const i = remaining.findIndex((e) => e.key === f.key && e.value === f.value);
      if (i >= 0) {
        correct++;
        remaining.splice(i, 1);
      } else {
        const e = remaining.find((x) => x.key === f.key);
        if (e && e.value !== 'refused' && f.value.slice(0, 4) !== e.value.slice(0, 4)) wrongYears.push(f.key);
      }
    }
    const precision = correct / found.length;
    const recall = correct / expected.length;
    for (const r of remaining) console.log(`[dates] missed ${r.key} ${r.value}`);
    console.log(`[dates] seeds: ${expected.length} hand-checked mentions, ${found.length} found, precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}, wrong years ${wrongYears.length}`);
    expect(wrongYears).toEqual([]);
    expect(precision).toBeGreaterThanOrEqual(0.95);
    expect(recall).toBeGreaterThanOrEqual(0.95);
  });
});

describe('dates inside a title', () => {
  it('are part of a name: marked, and they do not set the year of the text after them', () => {
    const r = extractDates('印发的《扩大内需战略规划纲要（2022－2035年）》里，5月起', { published: '2023-03-08', year: 2022 });
    expect(r.mentions[0]).toMatchObject({ date: '2022', until: '2035', named: true });
    expect(r.context.year).toBe(2022);
  });
});
