/** Dates, periods and figures as a Chinese reader writes them. */
import { clip } from '../extract/units.ts';
import { formatDate } from './paths.ts';

export interface Period {
  date: string;
  end?: string;
  precision: string;
  part?: string;
}

/** 2017-04-23 -> 2017年4月23日; a range 2015—2017年4月; 1990年代; 2019年上半年; 2021年第3季度; 2017年末. */
export function formatPeriod(p: Period): string {
  const y = p.date.slice(0, 4);
  switch (p.precision) {
    case 'decade':
      return `${y}年代`;
    case 'half':
      return `${y}年${p.date.endsWith('-01') ? '上' : '下'}半年`;
    case 'quarter':
      return `${y}年第${Math.ceil(Number(p.date.slice(5, 7)) / 3)}季度`;
    case 'range':
      return `${formatDate(p.date)}—${formatDate(p.end ?? null)}`;
    default:
      return `${formatDate(p.date)}${p.part === 'late' ? '底' : p.part === 'early' ? '初' : ''}`;
  }
}

const number = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 4 });

/** A figure's value for a table: 523,900; 7–10%; 6:3:1; 0.4 for 五分之二. */
export function formatValue(f: { value: number; upper?: number; unit: string; parts?: number[] }): string {
  if (f.parts) return f.parts.join(':');
  const range = f.upper !== undefined ? `${number.format(f.value)}–${number.format(f.upper)}` : number.format(f.value);
  return f.unit === '%' ? `${range}%` : range;
}

/**
 * For a table whose consecutive rows can share a cell (one sentence, several figures): the rowspan
 * of each row's cell, 0 for a row whose cell the row above already spans.
 */
export function rowSpans<T>(rows: readonly T[], key: (row: T) => string): number[] {
  return rows.map((row, i) => {
    if (i > 0 && key(rows[i - 1]!) === key(row)) return 0;
    let n = 1;
    while (i + n < rows.length && key(rows[i + n]!) === key(row)) n++;
    return n;
  });
}

/** A mention in context (a concordance line): up to `width` characters either side, cut with an ellipsis. */
export function kwic(text: string, start: number, end: number, width = 36): { before: string; match: string; after: string } {
  const c = clip(text, start, end, width);
  return { before: c.text.slice(0, c.start), match: c.text.slice(c.start, c.end), after: c.text.slice(c.end) };
}

/** A title cut to fit a chart label: the part before a dash or colon, at most `max` characters. */
export function shortTitle(title: string, max = 12): string {
  const head = title.split(/——|—|:|:|,/)[0]!;
  const s = head.length >= 4 ? head : title;
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}
