import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { documentFigures } from '../../src/extract/figures.ts';
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

describe('not quantities', () => {
  it.each([
    '2017年4月12日国务院', '国办发〔2017〕32号', '第二章', '三级医院', '二次入院', '七台河市', '电话010-12345678', '邮编:100000',
    'O2O平台', '“3+2”全科医师', '“16+1”医联体', '1+X', '三甲医院', '一带一路', '一对一', '进一步', '统一', '五统一', '三个不变', '2015年-2017年4月',
    '一个完善的平台', '一种模式', '以一家三级医院为核心', '2017年这一年中', '百倍爱心卡', '信心百倍', '2017年2月30日',
  ])('%s', (text) => expect(q(text)).toEqual([]));
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
      documentFigures(d).map((f) => ({
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
