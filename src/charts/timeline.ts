/**
 * The timeline axis, drawn at build time with d3 scales into static SVG: one bar per year for the
 * number of dated events, periods as labelled spans above it, and policy documents dated to the
 * month or day as milestones that link to their entry in the list below the chart. Milestones and
 * spans are set in rows so that none covers another; a legend names the three marks.
 */
import { max, range } from 'd3-array';
import { scaleLinear } from 'd3-scale';
import { textWidth } from './draw.ts';
import { chart, el, text } from './svg.ts';
import { fullWidthPunctuation } from '../lib/typography.ts';

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
  /** Height of the bars' area (the marks above add their rows). */
  height: number;
  fontSize: number;
  /** Smallest text (counts, span labels): at least 11 px as the layout is shown. */
  smallSize: number;
  /** Leave out span labels and the legend (a small axis, as on the home page). */
  compact?: boolean;
}

export const LAYOUTS = {
  wide: { width: 960, height: 150, fontSize: 13, smallSize: 11 },
  compact: { width: 640, height: 120, fontSize: 13, smallSize: 11, compact: true },
  // Shown about 360 px wide on a phone (0.9 of its width): 13 units are 11.7 px.
  narrow: { width: 400, height: 150, fontSize: 14, smallSize: 13 },
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
 * Rows for marks along the axis, none overlapping another in its row: each mark takes the first row
 * whose last mark ends `gap` before it starts. Returns each mark's row, in the marks' order.
 */
export function assignRows(extents: readonly { from: number; to: number }[], gap: number): number[] {
  const ends: number[] = [];
  return extents.map((e) => {
    let row = ends.findIndex((end) => end + gap <= e.from);
    if (row < 0) row = ends.push(e.to) - 1;
    else ends[row] = e.to;
    return row;
  });
}

const clip = (s: string, n: number) => (Array.from(s).length > n ? `${Array.from(s).slice(0, n - 1).join('')}…` : s);

export interface TimelineOptions {
  id: string;
  layout: AxisLayout;
  title: string;
  /** Milestones link to the events' entries (#e-<id>) on the same page (all, or those listed there); without, the axis is one image. */
  links?: boolean | ReadonlySet<string>;
}

/**
 * The axis. With links it is a group (its bars hidden from screen readers: the table below the chart
 * gives the counts) whose milestones are links; without, one image. Every mark has a <title>.
 */
export function timelineSvg(events: readonly AxisEvent[], o: TimelineOptions): string {
  const { width, height, fontSize, smallSize, compact = false } = o.layout;
  const links = o.links ?? true;
  const linked = (id: string) => links === true || (links !== false && links.has(id));
  if (events.length === 0) return chart({ id: o.id, width, height: 40, title: o.title, desc: '没有带日期的事件。' });
  const side = 16;
  const first = Math.min(...events.map((e) => Number(e.date.slice(0, 4))));
  const last = Math.max(...events.map((e) => Number((e.end ?? e.date).slice(0, 4))));
  const x = scaleLinear().domain([first, last + 1]).range([side, width - side]);
  const yearWidth = x(first + 1) - x(first);

  // Milestones: policies dated to the month or day, in rows of diamonds 12 units wide.
  const milestoneEvents = events
    .filter((e) => e.kind === 'policy' && (e.precision === 'day' || e.precision === 'month'))
    .map((e) => ({ e, cx: x(yearPosition(e.date)) }))
    .sort((a, b) => a.cx - b.cx);
  const milestoneRows = assignRows(milestoneEvents.map((m) => ({ from: m.cx - 6, to: m.cx + 6 })), 2);
  // Spans: periods, each with its label as written when there is room for it.
  const spanEvents = events
    .filter((e) => e.end)
    .map((e) => {
      const x1 = x(yearPosition(e.date));
      const x2 = Math.max(x(yearPosition(e.end!, true)), x1 + 3);
      const label = compact ? '' : clip(e.written, 14);
      const labelWidth = label ? textWidth(label, smallSize) + 4 : 0;
      const fits = label !== '' && x1 + labelWidth <= width - side;
      return { e, x1, x2, label: fits ? label : '', end: Math.max(x2, fits ? x1 + labelWidth : x2) };
    })
    .sort((a, b) => a.x1 - b.x1);
  const spanRows = assignRows(spanEvents.map((s) => ({ from: s.x1, to: s.end })), 6);

  const legendHeight = compact ? 0 : fontSize + 14;
  const milestoneRowHeight = 15;
  const spanRowHeight = compact ? 8 : smallSize + 10;
  const milestoneTop = legendHeight + 6;
  const spanTop = milestoneTop + (Math.max(...milestoneRows, -1) + 1) * milestoneRowHeight + 6;
  const barTop = spanTop + (Math.max(...spanRows, -1) + 1) * spanRowHeight + 8;
  const axisY = barTop + height;
  const total = axisY + fontSize + 14;

  const counts = yearCounts(events);
  const most = max(counts, (c) => c.count) ?? 1;
  const h = scaleLinear().domain([0, most]).range([0, height - smallSize - 6]);
  // Label every year, or every 2, 5 or 10 years: whatever leaves room for a four-digit label.
  const labelEvery = [1, 2, 5, 10, 20].find((n) => yearWidth * n >= fontSize * 3.4) ?? 50;

  const bars = counts.map((c) =>
    el(
      'g',
      { class: 'tl-year' },
      el('title', {}, text(`${c.year}年：${c.count} 个事件`)),
      el('rect', { x: x(c.year) + yearWidth * 0.12, y: axisY - h(c.count), width: yearWidth * 0.76, height: h(c.count), class: 'tl-bar' }),
      yearWidth > smallSize * 1.6 ? el('text', { x: x(c.year) + yearWidth / 2, y: axisY - h(c.count) - 4, 'text-anchor': 'middle', 'font-size': smallSize, class: 'tl-count' }, c.count.toLocaleString('zh-CN')) : '',
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

  const spans = spanEvents.map((s, i) => {
    const y = spanTop + spanRows[i]! * spanRowHeight + (s.label ? smallSize + 2 : 4);
    return el(
      'g',
      { class: 'tl-span' },
      el('title', {}, text(`${s.e.written}：${fullWidthPunctuation(s.e.text)}`)),
      s.label ? el('text', { x: s.x1, y: y - 4, 'font-size': smallSize, class: 'tl-span-label' }, text(s.label)) : '',
      el('line', { x1: s.x1, x2: s.x2, y1: y, y2: y }),
    );
  });

  const milestones = milestoneEvents.map((m, i) => {
    const top = milestoneTop + milestoneRows[i]! * milestoneRowHeight;
    const name = `${m.e.written}：${fullWidthPunctuation(m.e.text)}`;
    const marks = [
      el('title', {}, text(name)),
      el('line', { x1: m.cx, x2: m.cx, y1: top + 14, y2: axisY, class: 'tl-rule' }),
      el('path', { d: `M${m.cx} ${top}l6 7l-6 7l-6 -7z`, class: 'tl-marker' }),
    ];
    return linked(m.e.id) ? el('a', { href: `#e-${m.e.id}`, class: 'tl-milestone', 'aria-label': clip(name, 60) }, ...marks) : el('g', { class: 'tl-milestone' }, ...marks);
  });

  const legend = compact
    ? ''
    : el(
        'g',
        { class: 'tl-legend', 'font-size': smallSize, 'aria-hidden': 'true' },
        ...legendItems(width, smallSize),
      );

  const desc = `${first}年至${last}年共 ${events.length} 个事件；最多的是 ${counts.filter((c) => c.count === most).map((c) => `${c.year}年`).join('、')}（${most} 个）。政策文件 ${milestones.length} 个带精确日期，时段 ${spans.length} 个。下方列表按年份给出全部事件。`;
  const svg = chart(
    { id: o.id, width, height: total, title: o.title, desc, className: 'chart timeline-chart' },
    legend,
    el('g', links !== false ? { 'aria-hidden': 'true' } : {}, el('line', { x1: side, x2: width - side, y1: axisY, y2: axisY, class: 'tl-axis' }), ...bars, ...ticks, ...spans),
    ...milestones,
  );
  // With links inside, the drawing is a group of links, not one image.
  return links !== false ? svg.replace(' role="img"', ' role="group"') : svg;
}

/** The legend's three marks, laid out in one row (or two on a narrow axis). */
function legendItems(width: number, size: number): string[] {
  const items = [
    { mark: (x: number, y: number) => el('path', { d: `M${x + 6} ${y - 10}l6 7l-6 7l-6 -7z`, class: 'tl-marker' }), label: '政策文件（可点击）' },
    { mark: (x: number, y: number) => el('rect', { x, y: y - 10, width: 12, height: 12, class: 'tl-bar' }), label: '每年事件数' },
    { mark: (x: number, y: number) => el('g', { class: 'tl-span' }, el('line', { x1: x, x2: x + 14, y1: y - 4, y2: y - 4 })), label: '时段' },
  ];
  let lx = 16;
  const y = size + 4;
  return items.map((it) => {
    const out = el('g', {}, it.mark(lx, y), el('text', { x: lx + 18, y }, text(it.label)));
    lx += 18 + textWidth(it.label, size) + 18;
    return lx > width ? '' : out;
  });
}
