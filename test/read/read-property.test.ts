/** The read stage takes untrusted bytes: whatever they are and whatever the name claims, it reads them or says why not, and never lets markup through as text. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { read } from '../../src/read/index.ts';
import { readHtmlText } from '../../src/read/html.ts';
import { readMarkdown } from '../../src/read/markdown.ts';

const NAMES = ['a.txt', 'a.html', 'a.htm', 'a.md', 'a.docx', 'a.pdf', 'a', 'a.doc'];
const PREFIXES = ['', '%PDF-1.4\n', 'PK\u0003\u0004', '<!DOCTYPE html><html><body>', '---\ntitle: x\n---\n', '\ufeff'];

describe('read', () => {
  it('gives a reading or a reason for any bytes under any name, and never throws', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...NAMES), fc.constantFrom(...PREFIXES), fc.uint8Array({ maxLength: 400 }), async (name, prefix, tail) => {
        const bytes = new Uint8Array([...Buffer.from(prefix, 'latin1'), ...tail]);
        const r = await read({ name, bytes });
        if ('reason' in r) expect(r.reason.length).toBeGreaterThan(0);
        else expect(typeof r.text).toBe('string');
      }),
      { numRuns: 150 },
    );
  });

  it('never gives an HTML page’s tags, scripts or comments as text', () => {
    const piece = fc.constantFrom('<p>', '</p>', '<div class="share">', '</div>', '<script>var x = "<p>";</script>', '<style>p{}</style>', '<!-- 注释 -->', '<br>', '<table><tr><td>格</td></tr></table>', '<ul><li>项</li></ul>', '<h2>标题</h2>', '医联体建设，', '&lt;b&gt;', '。');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const r = readHtmlText(`<html><body>${pieces.join('')}</body></html>`, 'utf-8');
        if ('reason' in r) return;
        expect(r.text).not.toMatch(/<\/?(?:p|div|script|style|br|table|td|ul|li|h2)\b|var x|p\{\}|注释/);
      }),
      { numRuns: 300 },
    );
  });

  it('never shows Markdown front matter or HTML comments', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('段落文字。', '# 标题', '- 项', '| a | b |\n| --- | --- |\n| 1 | 2 |', '<!-- 秘密 -->', '> 引文', '`代码`'), { maxLength: 20 }), (blocks) => {
        const r = readMarkdown(new Uint8Array(Buffer.from(`---\ntitle: 题\nsecret: 机密\n---\n\n${blocks.join('\n\n')}\n`)));
        if ('reason' in r) return;
        expect(r.text).not.toMatch(/秘密|机密|secret|^---$/m);
        expect(r.meta.title).toBe('题');
      }),
      { numRuns: 200 },
    );
  });
});
