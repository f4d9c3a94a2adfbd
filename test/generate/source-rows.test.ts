/**
 * The source view's rows, written as a string: whatever a line holds (markup, quotes, braces,
 * entities), each row shows it as text, with its number, its status and its repairs.
 */
import fc from 'fast-check';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import { describe, expect, it } from 'vitest';
import { sourceRows } from '../../src/components/source-rows.ts';
import type { DocumentData } from '../../src/site/content.ts';

type Cleaning = DocumentData['cleaning'];

function rows(html: string): Element[] {
  const tree = fromHtml(`<table><tbody>${html}</tbody></table>`, { fragment: true }) as Root;
  const found: Element[] = [];
  const walk = (n: Root | Element) => {
    for (const c of n.children) {
      if (c.type !== 'element') continue;
      if (c.tagName === 'tr') found.push(c);
      else walk(c);
    }
  };
  walk(tree);
  return found;
}
const cells = (tr: Element) => tr.children.filter((c): c is Element => c.type === 'element' && c.tagName === 'td');

const line = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom('', '<script>alert(1)</script>', `it's "quoted" & {braced}`, '&amp; &lt;p&gt;', 'import x from "y"', '<!-- c -->', '```', '医联体</td></tr><tr>'),
);

describe('source rows', () => {
  it('show every line as its text, numbered, with its removal or repairs', () => {
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 12 }), fc.nat(), fc.string({ maxLength: 10 }), (lines, pick, before) => {
        const removedLine = (pick % lines.length) + 1;
        const repairedLine = ((pick + 1) % lines.length) + 1;
        const cleaning = {
          removed: [{ line: removedLine, reason: 'site-chrome' }],
          repaired: [{ line: repairedLine, kind: 'erratum', before, after: '服务', note: `<b>'x'</b>` }],
        } as unknown as Cleaning;
        const trs = rows(sourceRows({ sourceLines: lines, cleaning }));
        expect(trs).toHaveLength(lines.length);
        trs.forEach((tr, i) => {
          const [n, text, status] = cells(tr).map((td) => toText(td, { whitespace: 'pre' }));
          expect(tr.properties.id).toBe(`l${i + 1}`);
          expect(n).toBe(String(i + 1));
          expect(text).toBe(lines[i]!.replace(/\r\n?/g, '\n'));
          if (i + 1 === removedLine) expect(status).toContain('删去：');
          if (i + 1 === repairedLine) expect(status).toContain(`编者校正:“${before.replace(/\r\n?/g, '\n')}”→“服务”(<b>'x'</b>)`);
        });
      }),
    );
  });

  it('mark removed and blank lines for the stylesheet', () => {
    const trs = rows(sourceRows({ sourceLines: ['页首', '', '正文'], cleaning: { removed: [{ line: 1, reason: 'site-chrome' }], repaired: [] } as unknown as Cleaning }));
    expect(trs.map((tr) => tr.properties.className ?? [])).toEqual([['removed'], ['blank'], []]);
  });

  it('fold a run of lines removed for one reason into one row that opens to show them, every line keeping its anchor', () => {
    const sourceLines = ['某某网', '首页 | 新闻 | 政务', '', '当前位置:首页 > 正文', '标题', '发布时间:2024-01-01', '正文第一段。', '版权所有', 'ICP备1号'];
    const cleaning = {
      removed: [
        { line: 1, reason: 'navigation' },
        { line: 2, reason: 'navigation' },
        { line: 4, reason: 'navigation' },
        { line: 8, reason: 'footer' },
        { line: 9, reason: 'footer' },
      ],
      moved: [
        { line: 5, to: 'title' },
        { line: 6, to: 'metadata' },
      ],
      repaired: [],
    } as unknown as Cleaning;
    const html = sourceRows({ sourceLines, cleaning });
    const trs = rows(html);
    expect(trs.map((tr) => tr.properties.id)).toEqual(['l1', 'l5', 'l6', 'l7', 'l8']);
    const [nav, title, meta, text, footer] = trs.map((tr) => cells(tr).map((td) => toText(td, { whitespace: 'pre' })));
    expect(nav![0]).toBe('1–4');
    expect(nav![2]).toContain('删去：网站导航');
    expect(nav![1]).toContain('共 3 行');
    for (const n of [2, 3, 4]) expect(html).toContain(`id="l${n}"`);
    expect(title![2]).toContain('移入元数据：标题');
    expect(meta![2]).toContain('移入元数据');
    expect(text![2]!.trim()).toBe('');
    expect(footer![0]).toBe('8–9');
    expect(trs[0]!.properties.className).toEqual(['removed', 'group']);
  });

  it('do not fold lines removed for different reasons, nor a removed line with repairs', () => {
    const cleaning = {
      removed: [
        { line: 1, reason: 'navigation' },
        { line: 2, reason: 'footer' },
        { line: 3, reason: 'footer' },
      ],
      repaired: [{ line: 3, kind: 'ruby', before: '(yī)', after: '' }],
    } as unknown as Cleaning;
    const trs = rows(sourceRows({ sourceLines: ['一', '二', '三(yī)'], cleaning }));
    expect(trs.map((tr) => tr.properties.id)).toEqual(['l1', 'l2', 'l3']);
  });
});
