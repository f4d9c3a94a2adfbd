/**
 * The figure charts, drawn at build time with d3 scales into static SVG. Each kind tells one sort
 * of story: bars compare, columns compare years, grouped bars compare series within groups, a slope
 * shows a change, stacked bars show the parts of a whole (and the part the source leaves out),
 * diverging bars show rises and falls. Values are labelled directly with the text the source wrote;
 * colours come from CSS classes so dark mode and print restyle them.
 */
import { max, min } from 'd3-array';
import { scaleLinear } from 'd3-scale';
import { isValue, type ChartMissing, type ChartPoint as ChartValue, type DrawableChart } from './spec.ts';
import { chart, el, text } from './svg.ts';
import { fullWidthPunctuation } from '../lib/typography.ts';

export interface ChartLayout {
  width: number;
  fontSize: number;
}

export const CHART_LAYOUTS = {
  wide: { width: 640, fontSize: 13 },
  narrow: { width: 360, fontSize: 13 },
} satisfies Record<string, ChartLayout>;

const BAR = 16;
const PAD = 12;

/** Rough rendered width: CJK characters are square, Latin letters and digits about 0.6 em. */
export function textWidth(s: string, fontSize: number): number {
  let w = 0;
  for (const ch of s) w += /[\u0020-\u007e]/.test(ch) ? 0.6 : 1;
  return w * fontSize;
}

interface Drawn {
  height: number;
  body: string[];
}

type Draw = (c: DrawableChart, l: ChartLayout, id: string) => Drawn;

const label = (x: number, y: number, s: string, fs: number, attrs: Record<string, string | number> = {}) => el('text', { x, y, 'font-size': fs, ...attrs }, text(s));
const tip = (v: ChartValue) => el('title', {}, text(`${v.group ? `${v.group} · ` : ''}${v.label}：${v.written}`));

/** A bar from the axis to a value: filled, or an outline for an upper bound (不到50个), with a dashed tail for a lower bound (2000多家). */
function bar(x0: number, x1: number, y: number, v: ChartValue, cls: string): string {
  const [a, b] = x1 >= x0 ? [x0, x1] : [x1, x0];
  const more = v.bound === 'lower' ? el('line', { x1: x1, x2: x1 + (x1 >= x0 ? 10 : -10), y1: y + BAR / 2, y2: y + BAR / 2, class: 'ch-more' }) : '';
  return el('rect', { x: a, y, width: Math.max(b - a, 1), height: BAR, class: v.bound === 'upper' ? `${cls} ch-bound` : cls }) + more;
}

/** Horizontal bars: labels above the bars on a phone, in a column beside them otherwise. */
const bars: Draw = (c, l) => {
  const fs = l.fontSize;
  const values = c.items.filter(isValue);
  const panels = c.panels === 'unit' ? [...new Set(values.map((v) => v.unit))].map((u) => values.filter((v) => v.unit === u)) : [values];
  const above = l.width < 500;
  const labelCol = above ? 0 : Math.min(Math.max(...values.map((v) => textWidth(v.label, fs))) + PAD, l.width * 0.4);
  const valueCol = Math.max(...values.map((v) => textWidth(v.written, fs))) + 18;
  const body: string[] = [];
  let y = 4;
  for (const panel of panels) {
    if (panels.length > 1) {
      body.push(label(0, y + fs, `单位：${panel[0]!.unit || '（无）'}`, fs, { class: 'ch-panel' }));
      y += fs + 8;
    }
    const x = scaleLinear()
      .domain([0, max(panel, (v) => Math.max(v.value, v.upper ?? 0)) || 1])
      .range([labelCol, l.width - valueCol]);
    for (const v of panel) {
      if (above) {
        body.push(label(0, y + fs, v.label, fs));
        y += fs + 4;
      } else body.push(label(labelCol - PAD / 2, y + BAR / 2 + fs * 0.35, v.label, fs, { 'text-anchor': 'end' }));
      body.push(el('g', { class: 'ch-item' }, tip(v), bar(x(0), x(v.value), y, v, 'ch-bar'), label(x(v.value) + (v.bound === 'lower' ? 14 : 4), y + BAR / 2 + fs * 0.35, v.written, fs, { class: 'ch-value' })));
      y += BAR + (above ? 12 : 10);
    }
    y += panels.length > 1 ? 8 : 0;
  }
  return { height: y + 2, body };
};

/** Vertical columns, for values in time order. */
const columns: Draw = (c, l) => {
  const fs = l.fontSize;
  const values = c.items.filter(isValue);
  const top = fs + 10;
  const plot = 170;
  const base = top + plot;
  const band = (l.width - 2 * PAD) / values.length;
  const w = Math.min(72, band * 0.5);
  const y = scaleLinear().domain([0, max(values, (v) => v.value) || 1]).range([base, top]);
  const body = values.map((v, i) => {
    const cx = PAD + band * (i + 0.5);
    return el('g', { class: 'ch-item' }, tip(v), el('rect', { x: cx - w / 2, y: y(v.value), width: w, height: base - y(v.value), class: v.bound === 'upper' ? 'ch-bar ch-bound' : 'ch-bar' }), label(cx, y(v.value) - 5, v.written, fs, { 'text-anchor': 'middle', class: 'ch-value' }), label(cx, base + fs + 6, v.label, fs, { 'text-anchor': 'middle' }));
  });
  body.unshift(el('line', { x1: PAD, x2: l.width - PAD, y1: base, y2: base, class: 'ch-axis' }));
  return { height: base + fs + 12, body };
};

/** Series within groups (医生 and 患者 for each question); a value the source does not give says so. */
const grouped: Draw = (c, l) => {
  const fs = l.fontSize;
  const series = [...new Set(c.items.map((v) => v.series ?? v.label))];
  const groups = [...new Set(c.items.map((v) => v.group ?? ''))];
  const values = c.items.filter(isValue);
  const labelCol = Math.max(...series.map((s) => textWidth(s, fs))) + PAD;
  const valueCol = Math.max(...c.items.map((v) => textWidth(isValue(v) ? v.written : v.missing, fs))) + 10;
  const x = scaleLinear().domain([0, max(values, (v) => v.value) || 1]).range([labelCol, l.width - valueCol]);
  const body: string[] = [];
  // Legend: one swatch per series.
  let lx = 0;
  series.forEach((s, i) => {
    body.push(el('rect', { x: lx, y: 4, width: 12, height: 12, class: `ch-bar ch-s${i + 1}` }), label(lx + 16, 4 + fs * 0.9, s, fs));
    lx += 16 + textWidth(s, fs) + 18;
  });
  let y = 30;
  for (const g of groups) {
    if (g) {
      body.push(label(0, y + fs, g, fs, { class: 'ch-group' }));
      y += fs + 6;
    }
    // The zero line runs beside this group's bars only, never through a group's label.
    const top = y - 2;
    for (const v of c.items.filter((it) => (it.group ?? '') === g)) {
      const s = series.indexOf(v.series ?? v.label) + 1;
      body.push(label(labelCol - PAD / 2, y + BAR / 2 + fs * 0.35, v.series ?? v.label, fs, { 'text-anchor': 'end' }));
      body.push(
        isValue(v)
          ? el('g', { class: 'ch-item' }, tip(v), bar(x(0), x(v.value), y, v, `ch-bar ch-s${s}`), label(x(v.value) + 4, y + BAR / 2 + fs * 0.35, v.written, fs, { class: 'ch-value' }))
          : el('g', { class: 'ch-item' }, el('title', {}, text(`${g} · ${v.series ?? v.label}：${v.missing}`)), el('rect', { x: x(0), y, width: 2, height: BAR, class: 'ch-axis-mark' }), label(x(0) + 6, y + BAR / 2 + fs * 0.35, v.missing, fs, { class: 'ch-missing' })),
      );
      y += BAR + 6;
    }
    body.push(el('line', { x1: x(0), x2: x(0), y1: top, y2: y - 4, class: 'ch-axis' }));
    y += 10;
  }
  return { height: y, body };
};

/** Two values joined by a line (a year and the next), with the change the source states between them. */
const slope: Draw = (c, l) => {
  const fs = l.fontSize;
  const [a, b] = c.items.filter(isValue) as [ChartValue, ChartValue];
  const side = Math.max(textWidth(a.written, fs), textWidth(b.written, fs)) + 14;
  const x0 = side;
  const x1 = l.width - side;
  const top = fs + 30;
  const base = top + 170;
  const y = scaleLinear().domain([0, Math.max(a.value, b.value) * 1.05]).range([base, top]);
  const body = [
    el('line', { x1: x0, x2: x0, y1: top - 6, y2: base, class: 'ch-axis' }),
    el('line', { x1: x1, x2: x1, y1: top - 6, y2: base, class: 'ch-axis' }),
    el('line', { x1: x0, x2: x1, y1: base, y2: base, class: 'ch-axis' }),
    label(x0 - 4, base - 4, '0', fs - 2, { 'text-anchor': 'end', class: 'ch-note' }),
    el('line', { x1: x0, x2: x1, y1: y(a.value), y2: y(b.value), class: 'ch-slope' }),
    ...[
      [a, x0, 'end', -8],
      [b, x1, 'start', 8],
    ].map(([v, x, anchor, dx]) => {
      const val = v as ChartValue;
      return el('g', { class: 'ch-item' }, tip(val), el('circle', { cx: x as number, cy: y(val.value), r: 5, class: 'ch-point' }), label((x as number) + (dx as number), y(val.value) + fs * 0.35, val.written, fs, { 'text-anchor': anchor as string, class: 'ch-value' }), label(x as number, base + fs + 6, val.label, fs, { 'text-anchor': 'middle' }));
    }),
  ];
  if (c.change) body.push(el('g', { class: 'ch-item' }, tip(c.change), label((x0 + x1) / 2, fs + 6, `${c.change.label} ${c.change.written}`, fs, { 'text-anchor': 'middle', class: 'ch-change' })));
  return { height: base + fs + 12, body };
};

/** The parts of a whole as one full-width bar per way of dividing it, with the part the source does not account for. */
const stacked: Draw = (c, l, id) => {
  const fs = l.fontSize;
  const total = c.total!;
  const groups = [...new Set(c.items.map((v) => v.group ?? ''))];
  const width = l.width - 2;
  const hatch = `${id}-rest`;
  const body: string[] = [
    el('defs', {}, el('pattern', { id: hatch, width: 6, height: 6, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' }, el('line', { x1: 0, x2: 0, y1: 0, y2: 6, class: 'ch-hatch' }))),
    label(0, fs + 2, `${total.label}共 ${total.written}`, fs, { class: 'ch-group' }),
  ];
  const pct = (v: number) => `${Math.round((v / total.value) * 1000) / 10}%`;
  let y = fs + 14;
  for (const g of groups) {
    const parts = c.items.filter((v): v is ChartValue => isValue(v) && (v.group ?? '') === g);
    const sum = parts.reduce((s, v) => s + v.value, 0);
    const whole = Math.max(total.value, sum);
    const x = scaleLinear().domain([0, whole]).range([1, width]);
    body.push(label(0, y + fs, g, fs, { class: 'ch-group' }));
    y += fs + 6;
    let at = 0;
    const legend: string[] = [];
    parts.forEach((v, i) => {
      body.push(el('g', { class: 'ch-item' }, tip(v), el('rect', { x: x(at), y, width: Math.max(x(at + v.value) - x(at), 1), height: BAR + 4, class: `ch-bar ch-s${i + 1} ch-segment` })));
      legend.push(el('g', {}, el('rect', { x: 0, y: 0, width: 12, height: 12, class: `ch-bar ch-s${i + 1}` }), label(16, fs * 0.9, `${v.label} ${v.written}（${pct(v.value)}）`, fs)));
      at += v.value;
    });
    if (sum < total.value) {
      const rest = total.value - sum;
      const restText = `原文未说明 ${(Math.round(rest * 100) / 100).toLocaleString('zh-CN')}${total.unit}（${pct(rest)}）`;
      body.push(el('g', { class: 'ch-item' }, el('title', {}, text(`${g} · ${restText}`)), el('rect', { x: x(at), y, width: x(total.value) - x(at), height: BAR + 4, fill: `url(#${hatch})`, class: 'ch-rest' })));
      legend.push(el('g', {}, el('rect', { x: 0, y: 0, width: 12, height: 12, fill: `url(#${hatch})`, class: 'ch-rest' }), label(16, fs * 0.9, restText, fs, { class: 'ch-missing' })));
    }
    y += BAR + 12;
    // The legend flows in rows as wide as the chart.
    let lx = 0;
    for (const item of legend) {
      const w = textWidth(item.replace(/<[^>]+>/g, ''), fs) + 30;
      if (lx > 0 && lx + w > l.width) {
        lx = 0;
        y += fs + 8;
      }
      body.push(el('g', { transform: `translate(${lx} ${y})` }, item));
      lx += w;
    }
    y += fs + 20;
  }
  return { height: y, body };
};

/** Rises to the right, falls to the left of a zero line; labels above each bar. */
const diverging: Draw = (c, l) => {
  const fs = l.fontSize;
  const values = c.items.filter(isValue);
  const room = Math.max(...values.map((v) => textWidth(v.written, fs))) + 8;
  const lo = Math.min(0, min(values, (v) => v.value) ?? 0);
  const hi = Math.max(0, max(values, (v) => v.value) ?? 0);
  const x = scaleLinear()
    .domain([lo, hi])
    .range([lo < 0 ? room : PAD, l.width - (hi > 0 ? room : PAD)]);
  const body: string[] = [];
  let y = 4;
  for (const v of values) {
    body.push(label(0, y + fs, v.label, fs));
    y += fs + 4;
    const end = x(v.value);
    // The zero line beside each bar only: the labels above the bars are never crossed.
    body.push(el('line', { x1: x(0), x2: x(0), y1: y, y2: y + BAR, class: 'ch-axis' }));
    body.push(el('g', { class: 'ch-item' }, tip(v), bar(x(0), end, y, v, v.value < 0 ? 'ch-bar ch-neg' : 'ch-bar ch-pos'), label(end + (v.value < 0 ? -4 : 4), y + BAR / 2 + fs * 0.35, v.written, fs, { 'text-anchor': v.value < 0 ? 'end' : 'start', class: 'ch-value' })));
    y += BAR + 12;
  }
  return { height: y, body };
};

const DRAW: Record<DrawableChart['type'], Draw> = { bars, columns, grouped, slope, stacked, diverging };

/** A sentence for screen readers: every value as the source wrote it. */
export function chartDescription(c: DrawableChart): string {
  const item = (v: ChartValue | ChartMissing) => `${v.group && c.type !== 'bars' ? `${v.group}·` : ''}${v.label}：${isValue(v) ? v.written : v.missing}`;
  const parts = [c.total ? `${c.total.label}共 ${c.total.written}` : '', c.items.map(item).join('；'), c.change ? `${c.change.label} ${c.change.written}` : ''].filter(Boolean);
  return fullWidthPunctuation(`${parts.join('。')}。${c.note ?? ''}`);
}

/** One chart as an accessible SVG image. */
export function chartSvg(c: DrawableChart, o: { id: string; layout: ChartLayout }): string {
  const drawn = DRAW[c.type](c, o.layout, o.id);
  return chart({ id: o.id, width: o.layout.width, height: Math.ceil(drawn.height), title: fullWidthPunctuation(c.title), desc: chartDescription(c), className: `chart figure-chart chart-${c.type}` }, ...drawn.body);
}
