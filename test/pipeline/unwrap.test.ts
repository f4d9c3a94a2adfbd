/** unwrap: hard-wrapped PDF text back into paragraphs, page numbers and running headers out, nothing lost. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalise } from '../../src/pipeline/normalise.ts';
import { pageWidth, unwrap } from '../../src/pipeline/unwrap.ts';
import type { Line } from '../../src/pipeline/types.ts';

const run = (text: string, pageStarts?: number[]) => unwrap(normalise(text).lines, { pageStarts });

/** A paragraph wrapped every `width` characters, its first line indented by two full-width spaces. */
function wrapped(paragraph: string, width: number, indent = '\u3000\u3000'): string[] {
  const first = paragraph.slice(0, width - 2);
  const rest = paragraph.slice(width - 2).match(new RegExp(`.{1,${width}}`, 'gu')) ?? [];
  return [indent + first, ...rest];
}

const P1 = '为贯彻落实全国教育大会精神，进一步推进义务教育优质均衡发展，省教育厅决定在全省范围内开展县域义务教育优质均衡发展督导评估工作，各地要高度重视，认真组织实施。';
const P2 = '各市、县（区）教育行政部门要按照本通知要求，结合本地实际制定工作方案，明确时间表和路线图，于每年十二月底前将工作进展情况报送省教育厅基础教育处。';
const P3 = '省教育厅将对各地工作开展情况进行抽查，对工作成效显著的地区予以通报表扬，对工作推进不力的地区进行约谈，确保各项任务按期完成并取得实效。';

describe('unwrap', () => {
  it('joins the lines of a wrapped paragraph without spaces, and keeps paragraphs apart by their indents', () => {
    const text = [...wrapped(P1, 30), ...wrapped(P2, 30), ...wrapped(P3, 30)].join('\n');
    const r = run(text);
    expect(r.lines.map((l) => l.text)).toEqual([P1, P2, P3]);
    expect(r.lines[0]!.joined).toEqual([2, 3, 4, 5, 6].filter((n) => n <= wrapped(P1, 30).length));
    expect(r.repaired.every((x) => x.kind === 'unwrap')).toBe(true);
    expect(r.repaired).toHaveLength(r.lines.reduce((n, l) => n + (l.joined?.length ?? 0), 0));
  });

  it('removes decorated page numbers and the running header beside them, and joins a paragraph across the page', () => {
    const lines = wrapped(P1 + P2, 30);
    const text = ['教基〔2024〕5号', '', '关于开展督导评估工作的通知', '', ...lines.slice(0, 4), '', '— 1 —', '', '教基〔2024〕5号', '', ...lines.slice(4), '', '— 2 —', '', '教基〔2024〕5号'].join('\n');
    const r = run(text);
    expect(r.removed.map((x) => [x.text, x.reason])).toEqual([
      ['— 1 —', 'page-number'],
      ['教基〔2024〕5号', 'running-header'],
      ['— 2 —', 'page-number'],
      ['教基〔2024〕5号', 'running-header'],
    ]);
    // The same number at the top of the notice is its document number, not a header.
    expect(r.lines.map((l) => l.text).filter(Boolean)).toEqual(['教基〔2024〕5号', '关于开展督导评估工作的通知', P1 + P2]);
  });

  it('knows the spelled-out page numbers', () => {
    for (const form of ['第 3 页 共 12 页', '第3页/共12页', '共12页 第3页', '- 3 -', '－3－', '3/12', 'Page 3 of 12', '第三页']) {
      expect(run(`正文一行。\n${form}\n正文二行。`).removed.map((x) => x.reason), form).toEqual(['page-number']);
    }
  });

  it('takes bare numbers for page numbers only when they count pages', () => {
    const page = (k: number) => [...Array.from({ length: 9 }, (_, i) => `这是第${k}页上的第${i + 1}行文字，写满了一整句话。`), String(k)];
    expect(run([...page(1), ...page(2), ...page(3)].join('\n')).removed.map((x) => x.text)).toEqual(['1', '2', '3']);
    // A column of a flattened table: numbers, but no page's worth of lines between them.
    const table = ['机构', '数量', '医院', '3387', '诊所', '3388', '卫生室', '12'].join('\n');
    expect(run(table).removed).toEqual([]);
  });

  it('leaves text alone whose lines are paragraphs, not a wrapped page', () => {
    const text = [P1, P2, P3, '一、总体要求', P1 + P2, P3.slice(0, 20) + '。'].join('\n');
    const r = run(text);
    expect(r.lines.map((l) => l.text)).toEqual(text.split('\n'));
    expect(r.repaired).toEqual([]);
  });

  it('does not join a heading or list item to the line before, nor (without indents) after a full stop', () => {
    const lines = ['这是一段没有缩进的文字，它在页面的宽度处被硬换行了所以要接', '起来才能读通，这一行也到了页面的宽度所以还要和下一行接上', '去。这是一段话的最后一行，写到这里结束了这句话后面换行了。', '这是新的一段，上一行以句号结束并且没有缩进所以不能接上的', '1. 这是列表的第一项，它不接到上一行的后面去，虽然上一行满', '2. 第二项'];
    const r = run(lines.join('\n'));
    expect(r.lines.map((l) => l.text)).toEqual([lines[0]! + lines[1]! + lines[2]!, lines[3]!, lines[4]!, lines[5]!]);
  });

  it('puts a space between two Latin words at a join, and none beside Chinese', () => {
    const lines = ['The hospital payment reform covers all eligible hospitals that', 'provide inpatient care, and the funds are fully covered by the', 'end of 2025 according to the plan of the national healthcare', 'security administration.'];
    expect(run(lines.join('\n')).lines[0]!.text).toBe(lines.join(' '));
  });

  it('finds the page width only where many lines stop at it', () => {
    expect(pageWidth([60, 61, 62, 40, 62])).toBe(62);
    expect(pageWidth([120, 300, 250, 90, 400, 122, 210, 180])).toBeNull();
  });

  it('loses no character: every line is in a kept line or a removal, in order', () => {
    const chunk = fc.oneof(
      fc.constantFrom('', '— 2 —', '第 3 页 共 9 页', '7', '一、目标', '教基〔2024〕5号'),
      fc.string({ unit: fc.constantFrom(...'教育督导评估工作，。、AB1 '), minLength: 1, maxLength: 40 }),
    );
    fc.assert(
      fc.property(fc.array(chunk, { maxLength: 40 }), fc.array(fc.nat(40), { maxLength: 3 }), (texts, starts) => {
        const lines: Line[] = normalise(texts.join('\n')).lines;
        const r = unwrap(lines, { pageStarts: starts });
        const kept = new Map<number, string>(r.lines.map((l) => [l.n, l.text]));
        const gone = new Set(r.removed.map((x) => x.line));
        const joinedTo = new Set(r.lines.flatMap((l) => l.joined ?? []));
        for (const l of lines) {
          const placed = [kept.has(l.n), gone.has(l.n), joinedTo.has(l.n)].filter(Boolean).length;
          expect(placed === 1 || (l.text === '' && placed <= 1), `line ${l.n}`).toBe(true);
        }
        for (const l of r.lines) {
          const parts = [l.n, ...(l.joined ?? [])].map((n) => lines.find((x) => x.n === n)!.text);
          expect(l.text.replace(/ /g, '')).toBe(parts.join('').replace(/ /g, ''));
        }
      }),
    );
  });
});
