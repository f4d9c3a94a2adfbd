import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractDates, type DateContext } from '../../src/extract/dates.ts';
import { documentDates } from '../../src/extract/events.ts';
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

describe('not dates', () => {
  it.each([
    '拟利用三年时间', '这6年联合20家医院', '合作一年多', '2000多家', '共计25000字', '第二章', '七台河市', '三级医院', '2-3小时',
    '7-10%', '5个月', '增长25.51%', '1.72亿', '前两年', '近年来', '国办发〔2017〕32号', '电话010-12345678', '同年龄段', '47.6万人',
  ])('%s', (text) => expect(dates(text)).toEqual([]));
});

describe('untrusted text', () => {
  it('never throws, and every mention is a slice of the text with a well-formed date', () => {
    const alphabet = fc.constantFrom(...'0123456789２０一二三四五六七八九十〇年月日号底前初末至到-./今去同当截至以来季度上下半代（）(),，。“”'.split(''), 'x', '\n');
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 60 }).map((a) => a.join('')), fc.option(fc.constantFrom('2018-06-09', '2017')), (text, published) => {
        const r = extractDates(text, { published: published ?? null });
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
      for (const { unit: u, result: r } of documentDates(d)) {
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
