/** The read stage's small parts: dates as files state them, what the bytes are, a notice's 文号 and 落款, HTML titles and charsets. */
import { describe, expect, it } from 'vitest';
import { isoDate } from '../../src/read/dates.ts';
import { sniff } from '../../src/read/sniff.ts';
import { officialMeta, signatureDate } from '../../src/read/official.ts';
import { withoutSiteName } from '../../src/read/html-meta.ts';
import { decodeHtml } from '../../src/read/html-charset.ts';
import { isOrganisationName } from '../../src/read/names.ts';

describe('isoDate', () => {
  it('reads the forms files use, a timestamp in China’s day', () => {
    expect(isoDate('2015-09-11 17:47')).toBe('2015-09-11');
    expect(isoDate('2025-10-30T11:59:00+08:00')).toBe('2025-10-30');
    expect(isoDate('2025-10-29T18:30:00Z')).toBe('2025-10-30');
    expect(isoDate('2015年9月8日')).toBe('2015-09-08');
    expect(isoDate("D:20240315093000+08'00'")).toBe('2024-03-15');
    expect(isoDate('2024-02-30')).toBeNull();
    expect(isoDate('2024-07')).toBe('2024-07');
    expect(isoDate('next week')).toBeNull();
  });
});

describe('sniff', () => {
  const b = (s: string) => new Uint8Array(Buffer.from(s, 'latin1'));
  it('goes by the bytes, not the name', () => {
    expect(sniff(b('%PDF-1.7 ...'), 'docx')).toEqual({ format: 'pdf' });
    expect(sniff(b('\r\n  <!DOCTYPE html><html>'), 'pdf')).toEqual({ format: 'html' });
    expect(sniff(b('<?xml version="1.0"?>\n<html xmlns="x">'), null)).toEqual({ format: 'html' });
    expect(sniff(b('# 标题'), 'markdown')).toEqual({ format: 'markdown' });
    expect(sniff(b('纯文本'), 'docx')).toEqual({ format: 'text' });
    expect(sniff(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]), 'docx')).toMatchObject({ unreadable: expect.stringContaining('OLE') });
    expect(sniff(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2]), 'docx')).toMatchObject({ unreadable: expect.stringContaining('ZIP') });
  });
});

describe('an official document’s parts', () => {
  it('reads a 落款 date in digits or Chinese numerals', () => {
    expect(signatureDate('2024年3月15日')).toBe('2024-03-15');
    expect(signatureDate('二〇二二年十二月十九日')).toBe('2022-12-19');
    expect(signatureDate('二〇二一年十一月三十日')).toBe('2021-11-30');
    expect(signatureDate('2024年3月15日印发')).toBeNull();
  });

  it('takes the issuer from the 版头, the number from the 文号 line and the date from a right-aligned 落款', () => {
    const lines = ['某市卫生健康委员会文件', '某卫发〔2023〕7号', '关于……的通知', '正文。', '某市卫生健康委员会', '2023年6月1日'];
    const hints = { 1: { size: 1.8, align: 'center' as const }, 2: { align: 'center' as const }, 5: { align: 'right' as const }, 6: { align: 'right' as const } };
    expect(officialMeta(lines, hints)).toEqual({ publisher: '某市卫生健康委员会', number: '某卫发〔2023〕7号', published: '2023-06-01' });
    // A date that is not set right is a date in the text, not a 落款.
    expect(officialMeta(['正文。', '2023年6月1日'], {})).toEqual({});
  });
});

describe('HTML pages', () => {
  it('take the title less the site’s name', () => {
    expect(withoutSiteName('关于印发某办法的通知_政策文件_某省人民政府', ['某省人民政府'])).toBe('关于印发某办法的通知');
    expect(withoutSiteName('轻症多付1200元 - Yahoo奇摩新聞', ['Yahoo奇摩新聞'])).toBe('轻症多付1200元');
    expect(withoutSiteName('2015-2020年规划纲要', [])).toBe('2015-2020年规划纲要');
  });

  it('are decoded by their bytes first, their declared charset where the bytes are ambiguous', () => {
    const gbk = new Uint8Array([...Buffer.from('<meta charset="gbk">'), 0xd2, 0xbd, 0xc1, 0xaa, 0xcc, 0xe5]);
    expect(decodeHtml(gbk)).toMatchObject({ ok: true, encoding: 'gb18030' });
    // Declared GBK, sent as UTF-8: the bytes win.
    const utf8 = new Uint8Array(Buffer.from('<meta charset="gbk">医联体'));
    expect(decodeHtml(utf8)).toMatchObject({ ok: true, encoding: 'utf-8', text: '<meta charset="gbk">医联体' });
  });
});

describe('isOrganisationName', () => {
  it('tells a body from a person by the endings bodies have', () => {
    for (const n of ['醫務衞生局', '国家医疗保障局', '某市卫生健康委员会', '某某医院', '国务院办公厅']) expect(isOrganisationName(n), n).toBe(true);
    for (const n of ['张晓东', '李会', '王科', 'hx-notes']) expect(isOrganisationName(n), n).toBe(false);
  });
});
