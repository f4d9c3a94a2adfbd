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
          if (i + 1 === removedLine) expect(status).toContain('删去:');
          if (i + 1 === repairedLine) expect(status).toContain(`编者校正:“${before.replace(/\r\n?/g, '\n')}”→“服务”(<b>'x'</b>)`);
        });
      }),
    );
  });

  it('mark removed and blank lines for the stylesheet', () => {
    const trs = rows(sourceRows({ sourceLines: ['页首', '', '正文'], cleaning: { removed: [{ line: 1, reason: 'site-chrome' }], repaired: [] } as unknown as Cleaning }));
    expect(trs.map((tr) => tr.properties.className ?? [])).toEqual([['removed'], ['blank'], []]);
  });
});
