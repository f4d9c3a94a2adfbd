import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { documentFigures } from '../../src/extract/figures.ts';
import { numberValue } from '../../src/extract/numerals.ts';
import { reading } from '../../src/extract/reading.ts';
import { extractQuantities } from '../../src/extract/quantities.ts';
import { ROOT, seedCorpus } from '../helpers/seeds.ts';

/** Quantities of a text as `written=value[..upper] unit [~] [bound]`. */
const q = (text: string) =>
  extractQuantities(text).map((x) => `${x.text}=${x.value}${x.upper !== undefined ? `..${x.upper}` : ''} ${x.unit}${x.approximate ? ' ~' : ''}${x.bound ? ` ${x.bound}` : ''}`.trimEnd());

describe('quantity forms', () => {
  it.each([
    ['目前有633家联盟医院', ['633家=633 家']],
    ['实名认证患者超过1.72亿', ['超过1.72亿=172000000  lower']],
    ['郏县完成家医签约47.6万人', ['47.6万人=476000 人']],
    ['每年在这个上面有50多万人次接受培训', ['50多万人次=500000 人次 ~ lower']],
    ['共完成5993例远程会诊', ['5993例=5993 例']],
    ['82%的医生,而仅有24%患者', ['82%=82 %', '24%=24 %']],
    ['提高2.1个百分点', ['2.1个百分点=2.1 个百分点']],
    ['五分之二的患者', ['五分之二=0.4 fraction']],
    ['三分之二', ['三分之二=0.6666666666666666 fraction']],
    ['上下转患者比例约为1:1', ['约为1:1=1 ratio ~']],
    ['按6∶3∶1的比例', ['6∶3∶1=2 ratio']],
    ['从2-3小时减至30分钟', ['2-3小时=2..3 小时', '30分钟=30 分钟']],
    ['还将成立四至五家医联体', ['四至五家=4..5 家']],
    ['手术之后三五天就转回', ['三五天=3..5 天 ~']],
    ['门诊量为337万', ['337万=3370000']],
    ['下降约20万', ['约20万=200000  ~']],
    ['我国互联网医院数量已超1600家', ['超1600家=1600 家 lower']],
    ['藥店10000多家', ['10000多家=10000 家 ~ lower']],
    ['90%以上的扶贫重点县', ['90%以上=90 % lower']],
    ['年问诊量已接近90万人次', ['接近90万人次=900000 人次 ~ upper']],
    ['逾百家医院', ['逾百家=100 家 lower']],
    ['２０家医院', ['２０家=20 家']],
    ['两种模式', ['两种=2 种']],
    ['门诊量增长都是在 7-10%,', ['7-10%=7..10 %']],
    ['不超过 1%。', ['不超过 1%=1 % upper']],
    ['平均住院日已经降到了8 天以后', ['8 天=8 天']],
    ['这十多年搭建医联体的过程', ['十多年=10 年 ~ lower']],
    ['合作一年多,比例增长了91%', ['一年多=1 年 ~ lower', '91%=91 %']],
    ['用了近7年时间', ['近7年=7 年 ~ upper']],
    ['三个月内', ['三个月=3 个月']],
    ['仅一年时间', ['仅一年=1 年']],
  ])('%s', (text, expected) => expect(q(text)).toEqual(expected));

  it('records what is counted when the words after the unit say it', () => {
    expect(extractQuantities('目前有633家联盟医院')[0]!.counted).toBe('联盟医院');
    expect(extractQuantities('在32个省市建立了团队')[0]!.counted).toBe('省市');
    expect(extractQuantities('有50多万人次接受培训')[0]!.counted).toBeUndefined();
  });
});

describe('numbers written in parts (other corpora)', () => {
  it.each([
    ['全台人口463萬8000人', ['463萬8000人=4638000 人']],
    ['共有1萬5051處據點', ['1萬5051處=15051 处']],
    ['受惠76萬5千餘人', ['76萬5千餘人=765000 人 ~ lower']],
    ['預算已達約1,278億', ['約1,278億=127800000000  ~']],
    ['累计投入1亿2000万元', ['1亿2000万元=120000000 元']],
    ['两万五千人', ['两万五千人=25000 人']],
    ['结余35.13亿元', ['35.13亿元=3513000000 元']],
    ['服务5千人', ['5千人=5000 人']],
    ['共12,345人', ['12,345人=12345 人']],
    ['107年長照服務人數為18萬660人', ['18萬660人=180660 人']],
    ['108年增至28萬4,208人', ['28萬4,208人=284208 人']],
    ['合計1萬2,142處', ['1萬2,142處=12142 处']],
    ['人口數2,311萬9千餘人', ['2,311萬9千餘人=23119000 人 ~ lower']],
  ])('%s', (text, expected) => expect(q(text)).toEqual(expected));

  it('never reads 1万5 or 3亿5 as one number: the reader would need to know the 5 is 5千', () => {
    expect(q('约1万5人')).toEqual(['约1万=10000  ~', '5人=5 人']);
  });

  it('adds up every part: 亿, 万 and the rest, in digits or characters', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9999 }), fc.integer({ min: 1, max: 9999 }), fc.integer({ min: 1000, max: 9999 }), (yi, wan, rest) => {
        expect(numberValue(`${yi}亿${wan}万${rest}`)).toBe(yi * 1e8 + wan * 1e4 + rest);
        expect(numberValue(`${wan}万${rest}`)).toBe(wan * 1e4 + rest);
        expect(numberValue(`${wan}万${Math.floor(rest / 1000)}千`)).toBe(wan * 1e4 + Math.floor(rest / 1000) * 1000);
        expect(numberValue(`${yi.toLocaleString('en')}`)).toBe(yi);
      }),
      { numRuns: 500 },
    );
  });
});

describe('not quantities', () => {
  it.each([
    '2017年4月12日国务院', '国办发〔2017〕32号', '第二章', '三级医院', '二次入院', '七台河市', '电话010-12345678', '邮编:100000',
    'O2O平台', '“3+2”全科医师', '“16+1”医联体', '1+X', '三甲医院', '一带一路', '一对一', '进一步', '统一', '五统一', '三个不变', '2015年-2017年4月',
    '一个完善的平台', '一种模式', '以一家三级医院为核心', '2017年这一年中', '百倍爱心卡', '信心百倍', '2017年2月30日',
    // Clock times, phone numbers, postcodes, markup and style left in a page, a form's hints, years and ordinals.
    '13:05开始', '发表于 2023-3-8 21:14', '2021/5/26 9:19:47', '電話：(02)2345-6789', '服务专线0800-000-123', '客服热线：400-123-4567', '咨询电话：12345',
    '邮政编码：100044', '.pages_content p{font-size:16px;line-height:2;text-indent:2em}', '<img src="pv.gif" width="1" height="1">',
    '请点击输入图片描述（最多18字）', '地址：115204臺北市南港區忠孝東路6段488號', '百家号 > 财经', '千家万户', '标题（限30个字以内）', '2025全年', '至2022/23年度', '“十三五”期间', '民國106年', '第4至第5級',
  ])('%s', (text) => expect(q(text)).toEqual([]));

  it('a ratio the text calls one stays a ratio, even if it reads like a time', () => {
    expect(q('医护比为1:10')).toEqual(['1:10=0.1 ratio']);
    expect(q('在10:30召开')).toEqual([]);
  });

  it('99年度 is a year in a document dated in Minguo years, a duration elsewhere', () => {
    expect(extractQuantities('99年度預算', null, { minguo: true })).toEqual([]);
    expect(q('合作99年')).toEqual(['99年=99 年']);
    expect(extractQuantities('自98年底之2,311萬9千餘人增至107年底', null, { minguo: true }).map((x) => x.text)).toEqual(['2,311萬9千餘人']);
  });

  it('an age in 周岁 is not a number of weeks', () => {
    expect(q('60周岁及以上')).toEqual(['60周岁=60 周岁']);
  });
});

describe('untrusted text', () => {
  it('never throws; every quantity is a slice of the text with a finite value', () => {
    const alphabet = fc.constantFrom(...'0123456789.,:∶%-至到约近余多超过家个人次例万亿一二三四五六七八九十百千分之年月日第级〔〕号+x '.split(''));
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 50 }).map((a) => a.join('')), (text) => {
        let last = -1;
        for (const x of extractQuantities(text)) {
          expect(x.text).toBe(text.slice(x.start, x.end));
          expect(Number.isFinite(x.value)).toBe(true);
          expect(x.start).toBeGreaterThanOrEqual(last);
          last = x.end;
        }
      }),
      { numRuns: 3000 },
    );
  });
});

/** The hand-checked list of every quantity in the seeds (test/fixtures/quantities/seeds.tsv). */
function handChecked() {
  const [, ...rows] = readFileSync(join(ROOT, 'test', 'fixtures', 'quantities', 'seeds.tsv'), 'utf8').replace(/\n+$/, '').split('\n');
  return rows.map((r) => {
    const [seed, paragraph, written, value, upper, unit, approximate, bound] = r.split('\t');
    return { key: `${seed} ${paragraph} ${written}`, value: `${Number(value)}|${upper ? Number(upper) : ''}|${unit}|${approximate ?? ''}|${bound ?? ''}` };
  });
}

describe('the seeds, against the hand-checked list', () => {
  it('finds every quantity with its value, unit and hedge, and nothing else (precision and recall >= 0.95)', async () => {
    const found = (await seedCorpus()).documents.flatMap((d) =>
      documentFigures(reading(d)).map((f) => ({
        key: `${d.source.slice(0, 3)} ${f.paragraph} ${f.text}`,
        value: `${f.value}|${f.upper ?? ''}|${f.unit}|${f.approximate ? '~' : ''}|${f.bound ?? ''}`,
      })),
    );
    const expected = handChecked();
    const remaining = [...expected];
    const wrong: string[] = [];
    let correct = 0;
    for (const f of found) {
      const i = remaining.findIndex((e) => e.key === f.key && e.value === f.value);
      if (i >= 0) {
        correct++;
        remaining.splice(i, 1);
      } else wrong.push(`${f.key} ${f.value}`);
    }
    const precision = correct / found.length;
    const recall = correct / expected.length;
    for (const w of wrong) console.log(`[quantities] not in the list: ${w}`);
    for (const r of remaining) console.log(`[quantities] missed: ${r.key} ${r.value}`);
    console.log(`[quantities] seeds: ${expected.length} hand-checked quantities, ${found.length} found, precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}`);
    expect(precision).toBeGreaterThanOrEqual(0.95);
    expect(recall).toBeGreaterThanOrEqual(0.95);
  });
});
