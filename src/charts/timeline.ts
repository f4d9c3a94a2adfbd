/**
 * The timeline axis, drawn at build time with d3 scales into static SVG: one bar per year for the
 * number of dated events, ranges and periods as spans above it, and policy documents dated to the
 * month or day as milestones that link to their entry in the list below the chart.
 */
import { max, range } from 'd3-array';
import { scaleLinear } from 'd3-scale';
import { chart, el, text } from './svg.ts';

export interface AxisEvent {
  id: string;
  date: string;
  end?: string;
  precision: string;
  kind: string;
  written: string;
  text: string;
}

export interface AxisLayout {
  width: number;
  height: number;
  fontSize: number;
}

export const LAYOUTS = {
  wide: { width: 960, height: 230, fontSize: 13 },
  narrow: { width: 400, height: 250, fontSize: 13 },
} satisfies Record<string, AxisLayout>;

/** A date (YYYY, YYYY-MM, YYYY-MM-DD) as a fractional year; `end` gives the end of its period. */
export function yearPosition(date: string, end = false): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number?, number?];
  if (m === undefined) return end ? y + 1 : y;
  if (d === undefined) return y + (end ? m : m - 1) / 12;
  return y + (m - 1) / 12 + (d - (end ? 0 : 1)) / 372;
}

export function yearCounts(events: readonly AxisEvent[]): Array<{ year: number; count: number }> {
  const counts = new Map<number, number>();
  for (const e of events) counts.set(Number(e.date.slice(0, 4)), (counts.get(Number(e.date.slice(0, 4))) ?? 0) + 1);
  return [...counts].sort((a, b) => a[0] - b[0]).map(([year, count]) => ({ year, count }));
}

/**
 * The axis as one image (role="img": no links inside, which would be interactive content in an
 * image); every mark has a <title> tooltip, and the list below the chart carries the links.
 */
export function timelineSvg(events: readonly AxisEvent[], o: { id: string; layout: AxisLayout; title: string }): string {
  const { width, height, fontSize } = o.layout;
  const margin = { left: 16, right: 16, top: width > 600 ? 54 : 74, bottom: 34 };
  const axisY = height - margin.bottom;
  if (events.length === 0) return chart({ id: o.id, width, height: 40, title: o.title, desc: '没有带日期的事件。' });
  const first = Math.min(...events.map((e) => Number(e.date.slice(0, 4))));
  const last = Math.max(...events.map((e) => Number((e.end ?? e.date).slice(0, 4))));
  const x = scaleLinear().domain([first, last + 1]).range([margin.left, width - margin.right]);
  const counts = yearCounts(events);
  const most = max(counts, (c) => c.count) ?? 1;
  const barTop = margin.top + 28;
  const h = scaleLinear().domain([0, most]).range([0, axisY - barTop]);
  const yearWidth = x(first + 1) - x(first);
  // Label every year, or every 2, 5 or 10 years: whatever leaves room for a four-digit label.
  const labelEvery = [1, 2, 5, 10, 20].find((n) => yearWidth * n >= fontSize * 3.4) ?? 50;

  const bars = counts.map((c) =>
    el(
      'g',
      { class: 'tl-year' },
      el('title', {}, text(`${c.year}年:${c.count} 个事件`)),
      el('rect', { x: x(c.year) + yearWidth * 0.12, y: axisY - h(c.count), width: yearWidth * 0.76, height: h(c.count), class: 'tl-bar' }),
      yearWidth > fontSize * 1.6 ? el('text', { x: x(c.year) + yearWidth / 2, y: axisY - h(c.count) - 4, 'text-anchor': 'middle', 'font-size': fontSize - 2, class: 'tl-count' }, String(c.count)) : '',
    ),
  );

  const ticks = range(first, last + 2).map((y) => {
    const label = y % labelEvery === 0 || (labelEvery === 1 && y <= last) ? y : null;
    return el(
      'g',
      { class: 'tl-tick' },
      el('line', { x1: x(y), x2: x(y), y1: axisY, y2: axisY + (label ? 6 : 3) }),
      label && y <= last ? el('text', { x: x(y) + yearWidth / 2, y: axisY + 8 + fontSize, 'text-anchor': 'middle', 'font-size': fontSize }, String(y)) : '',
    );
  });

  const spans = events
    .filter((e) => e.end)
    .map((e, i) =>
      el(
        'g',
        { class: 'tl-span' },
        el('title', {}, text(`${e.written}:${e.text}`)),
        el('line', { x1: x(yearPosition(e.date)), x2: x(yearPosition(e.end!, true)), y1: margin.top + 8 + (i % 3) * 6, y2: margin.top + 8 + (i % 3) * 6 }),
      ),
    );

  const milestones = events
    .filter((e) => e.kind === 'policy' && (e.precision === 'day' || e.precision === 'month'))
    .map((e) => {
      const cx = x(yearPosition(e.date));
      return el(
        'g',
        { class: 'tl-milestone' },
        el('title', {}, text(`${e.written}:${e.text}`)),
        el('line', { x1: cx, x2: cx, y1: margin.top - 14, y2: axisY, class: 'tl-rule' }),
        el('path', { d: `M${cx} ${margin.top - 24}l6 8l-6 8l-6 -8z`, class: 'tl-marker' }),
      );
    });

  const legend = el(
    'g',
    { class: 'tl-legend', 'font-size': fontSize - 1 },
    el('path', { d: `M${margin.left + 6} 6l6 8l-6 8l-6 -8z`, class: 'tl-marker' }),
    el('text', { x: margin.left + 16, y: 19 }, text('政策文件(精确到月或日)')),
    el('rect', { x: margin.left + (width > 600 ? 200 : 0), y: width > 600 ? 8 : 28, width: 12, height: 12, class: 'tl-bar' }),
    el('text', { x: margin.left + (width > 600 ? 216 : 16), y: width > 600 ? 19 : 39 }, text('每年事件数')),
  );

  const desc = `${first}年至${last}年共 ${events.length} 个事件;最多的是 ${counts.filter((c) => c.count === most).map((c) => `${c.year}年`).join('、')}(${most} 个)。政策文件 ${milestones.length} 个带精确日期。下方列表按年份给出全部事件。`;
  return chart(
    { id: o.id, width, height, title: o.title, desc, className: 'chart timeline-chart' },
    legend,
    el('line', { x1: margin.left, x2: width - margin.right, y1: axisY, y2: axisY, class: 'tl-axis' }),
    ...bars,
    ...ticks,
    ...spans,
    ...milestones,
  );
}
