/** normalise and repair: whitespace, line endings, ruby, entities, damaged spans. */
import { describe, expect, it } from 'vitest';
import { normalise } from '../../src/pipeline/normalise.ts';
import { findDamage, repair } from '../../src/pipeline/repair.ts';

const lines = (text: string) => normalise(text).lines.map((l) => l.text);

describe('normalise', () => {
  it('turns CRLF and CR into LF and counts them', () => {
    const r = normalise('一\r\n二\r三\n');
    expect(r.lines.map((l) => l.text)).toEqual(['一', '二', '三']);
    expect(r.stats.lineEndings).toBe(2);
  });
  it('turns NBSP and U+3000 runs into one space, trims, and drops control and zero-width characters', () => {
    expect(lines('\u00a0\u00a0医联体\u3000\u3000建设\u200b\u0007 ')).toEqual(['医联体 建设']);
  });
  it('applies NFC and keeps punctuation of both widths', () => {
    expect(lines('e\u0301, 医联体,(HMO)“是”?')).toEqual(['é, 医联体,(HMO)“是”?']);
  });
});

describe('repair', () => {
  const fix = (text: string) => repair([{ n: 1, text }]);
  it('removes flattened ruby after characters and keeps Latin in parentheses', () => {
    const r = fix('醫(yī)聯(lián)體與HMO(HMO)和(vcbeat)');
    expect(r.lines[0]!.text).toBe('醫聯體與HMO(HMO)和(vcbeat)');
    expect(r.repaired.map((x) => x.before)).toEqual(['(yī)', '(lián)']);
  });
  it('restores whole and broken HTML entities, and leaves unknown ones', () => {
    expect(fix('遠程#8220;醫&#8221; &amp; &#x201C; &bogus; #12').lines[0]!.text).toBe('遠程“醫” & “ &bogus; #12');
  });
  it('flags runs of question marks and the debris after them, not ordinary question marks', () => {
    expect(findDamage('遠程式??茖2♂t聯體').map((d) => d.text)).toEqual(['??茖2♂t']);
    expect(findDamage('當?shù)鼗鶎俞t生').map((d) => d.text)).toEqual(['?shù)鼗鶎俞t']);
    expect(findDamage('忘记密码?')).toEqual([]);
    expect(findDamage('医联体是如何重构医疗生态?它带来了什么?')).toEqual([]);
    expect(findDamage('What? Yes')).toEqual([]);
    expect(findDamage('坏\ufffd字')).toHaveLength(1);
  });
});
