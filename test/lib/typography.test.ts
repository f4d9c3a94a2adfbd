/** Chinese punctuation on reading views: a display rule that changes only the marks beside Chinese, keeps offsets, and search still matches. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeText } from '../../src/lib/html.ts';
import { fullWidthHtml, fullWidthHtmlCounted, fullWidthPunctuation as cn, punctuationChanges } from '../../src/lib/typography.ts';
import { fold } from '../../src/search/fold.ts';

describe('fullWidthPunctuation', () => {
  it('sets the marks beside Chinese full-width', () => {
    expect(cn('医联体,他说:好;对吗?是!')).toBe('医联体，他说：好；对吗？是！');
    expect(cn('医疗联合体(HMO)是')).toBe('医疗联合体（HMO）是');
    expect(cn('(2018.5)文件')).toBe('（2018.5）文件');
    expect(cn('HMO,是')).toBe('HMO，是');
    expect(cn('“医联体”,他')).toBe('“医联体”，他');
    expect(cn('(医联体')).toBe('（医联体');
  });

  it('leaves Latin text, numbers, ratios, times and addresses as written', () => {
    for (const s of ['Hello, world (again)?', '1,000人', '比例为6:3:1', '上午10:30开会', 'f(x) = y', '见 http://a.cn/x?y=1,2 网站', '邮件 a.b@c.cn,谢谢'.slice(0, 8)]) {
      const out = cn(s);
      for (const m of ['1,000', '6:3:1', '10:30', 'f(x)', 'Hello, world (again)?', 'http://a.cn/x?y=1,2', 'a.b@c.cn']) if (s.includes(m)) expect(out).toContain(m);
    }
  });

  const text = fc.string({ unit: fc.constantFrom('医', '联', '体', 'a', 'B', '1', '2', ' ', ',', ':', ';', '?', '!', '(', ')', '“', '”', '。', '𠀀', '.', '/') , maxLength: 60 });

  it('keeps the length and every offset, changes only , : ; ? ! ( ), and is idempotent', () => {
    fc.assert(
      fc.property(text, (s) => {
        const out = cn(s);
        expect(out.length).toBe(s.length);
        for (let i = 0; i < s.length; i++) if (out[i] !== s[i]) expect(',:;?!()').toContain(s[i]);
        expect(cn(out)).toBe(out);
        expect(punctuationChanges(s)).toBe(s.split('').filter((c, i) => out[i] !== c).length);
      }),
      { numRuns: 2000 },
    );
  });

  it('changes nothing in text without Chinese, and search folds both forms together', () => {
    fc.assert(fc.property(fc.string({ unit: "grapheme-ascii" }), (s) => { expect(cn(s)).toBe(s); }));
    fc.assert(fc.property(text, (s) => { expect(fold(cn(s), {})).toBe(fold(s, {})); }));
  });
});

describe('fullWidthHtml', () => {
  it('reads a run of text across inline elements, never touches tags, attributes or references', () => {
    const html = '<p id="p-a">医联体<a class="term-link" href="/t/?a=1,2">医联体</a>,是 &amp;;好<span title="x,y">(注)</span></p>\n<p>HMO, (a)</p>';
    const { html: out, changed } = fullWidthHtmlCounted(html);
    expect(out).toBe('<p id="p-a">医联体<a class="term-link" href="/t/?a=1,2">医联体</a>，是 &amp;；好<span title="x,y">（注）</span></p>\n<p>HMO, (a)</p>');
    expect(changed).toBe(4);
    expect(fullWidthHtml('<p>医</p><p>,a</p>')).toBe('<p>医</p><p>,a</p>');
    expect(fullWidthHtml('<p>医<code>a,b</code>联</p>')).toBe('<p>医<code>a,b</code>联</p>');
  });

  it('gives the text of escaped HTML what the rule gives the text, whatever the inline markup', () => {
    const piece = fc.string({ unit: fc.constantFrom('医', '联', 'a', '1', ',', ':', '(', ')', '<', '&', '"', ';'), maxLength: 12 });
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 5 }), (pieces) => {
        const html = `<p id="p-x">${pieces.map((p, i) => (i % 2 ? `<a href="#y">${escapeText(p)}</a>` : escapeText(p))).join('')}</p>`;
        const out = fullWidthHtml(html);
        const textOf = (h: string) => h.replace(/<[^>]*>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
        expect(textOf(out)).toBe(cn(pieces.join('')).replace(/[<&]/g, (c) => c));
        expect(out.replace(/[^<>]/g, '')).toBe(html.replace(/[^<>]/g, ''));
      }),
      { numRuns: 1000 },
    );
  });
});
