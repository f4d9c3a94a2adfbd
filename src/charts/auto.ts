/**
 * Charts made from a corpus's figures with no charts.json: the series its text gives, as
 * chart specifications (spec.ts) that resolveCharts and the drawing take as they take curated ones.
 *
 * - columns: one thing (the same measure and unit, in one document) at three or more dates;
 * - bars: one thing at three or more places or kinds listed in one sentence (西乡塘区1208人、青秀区
 *   1035人…), sorted;
 * - stacked: the parts of a stated total (共126家，其中养老机构52家、医疗机构38家…, or …合计1萬2,142處),
 *   the rest the text leaves unexplained drawn as such;
 * - slope: a value at two dates with the change the text states (比2021年底的151万人增长7.9%),
 *   drawn only when the change agrees with the two values;
 * - diverging: the changes of three or more items listed in one sentence (医院增加1170个，…，
 *   专业公共卫生机构则减少1624个), a fall below the line.
 *
 * A chart a reader would call misleading is worse than none, so a candidate is refused when it
 * would put different things side by side (another measure, another unit, a share beside a count),
 * when two of its figures give the same date different values (two places under one name), when a
 * period overlaps another, when a value is only a bound (超过, 近) or a range, when parts add up to
 * more than their total, when a stated change does not follow from its two values, or when its
 * dates cannot be trusted. Every item cites its figure (id and text), so resolveCharts checks it.
 */
import type { Figure } from '../extract/figures.ts';
import { readFigures, type FigureReading } from './figure-reading.ts';
import type { ChartItemSpec, ChartSpec } from './spec.ts';

export interface AutoChartOptions {
  /** At most this many charts (the ones with the most points first). */
  limit?: number;
}

/** Units that are not amounts to compare: ratios, fractions. */
const NOT_DRAWN = new Set(['ratio', 'fraction']);
/** A change the text states, right before its figure. */
const CHANGE = /(增长|增加|提高|上升|下降|减少|降低|回落)了?$/;
const FALL = /下降|减少|降低|回落/;
/** A total, right before its figure: 共, 共有, 合计, 总计. */
const TOTAL = /(共有|共计|合计|总计|总数为?|共)$/;

const item = (r: FigureReading, label: string, group?: string): ChartItemSpec => ({ label, figure: r.figure.id, text: r.figure.text, ...(group ? { group } : {}) });
/** A point a chart can stand on: a value, not a bound, a range or a ratio. */
const point = (r: FigureReading) => !NOT_DRAWN.has(r.figure.unit) && r.figure.upper === undefined && r.figure.bound === undefined;
/** The date as the text wrote it, with the Gregorian year when it wrote another (107年 → 107年（2018）). */
function dateLabel(f: Figure): string {
  const written = f.dateWritten ?? f.date ?? '';
  return /(19|20)\d\d/.test(written) || !f.date ? written : `${written}（${f.date.slice(0, 4)}）`;
}
const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/** Whether two figures say the same (the same value, or both values of one date). */
const same = (a: Figure, b: Figure) => Math.abs(a.value - b.value) <= 1e-9 * Math.max(1, Math.abs(a.value));

/** One thing at several dates: columns in date order, or nothing if the dates conflict or overlap. */
function series(group: FigureReading[]): ChartSpec | undefined {
  if (group.some((r) => r.figure.dateTrusted === false || !point(r))) return undefined;
  // A period (2019—2021) beside its years is another kind of figure (a total over it).
  if (group.some((r) => r.figure.dateEnd !== undefined)) return undefined;
  // Each date's figure from the paragraph that gives most of the series (the sentence that lists it).
  const often = new Map<string, number>();
  for (const r of group) often.set(r.figure.paragraph, (often.get(r.figure.paragraph) ?? 0) + 1);
  const byDate = new Map<string, FigureReading>();
  for (const r of group) {
    const had = byDate.get(r.figure.date!);
    if (had && !same(had.figure, r.figure)) return undefined; // one date, two values: two places or two things under one name
    if (!had || often.get(r.figure.paragraph)! > often.get(had.figure.paragraph)!) byDate.set(r.figure.date!, r);
  }
  const points = [...byDate.values()].sort((a, b) => (a.figure.date! < b.figure.date! ? -1 : 1));
  if (points.length < 3) return undefined;
  // All at one precision (years with years), no date inside another (2021 and 2021-03).
  if (new Set(points.map((r) => r.figure.date!.length)).size > 1) return undefined;
  const first = points[0]!;
  const labels = points.map((r) => dateLabel(r.figure));
  return {
    id: `auto-${slug(first.figure.id)}-columns`,
    type: 'columns',
    title: `${first.measure}，${labels[0]}—${labels.at(-1)}`,
    note: points.every((r) => r.figure.measure !== undefined)
      ? `由原文表格的数字生成：表格中同一事物在${points.length}个时间的数值，每个数值链接到它所在的表格。`
      : `由原文的数字生成：同一文档中同一事物在${points.length}个时间的数值，每个数值链接到它所在的段落。`,
    items: points.map((r, i) => item(r, labels[i]!)),
  };
}

/** Figures listed one after another in one sentence (、 between them), the same unit and measure. */
function lists(readings: FigureReading[]): FigureReading[][] {
  const out: FigureReading[][] = [];
  let run: FigureReading[] = [];
  const close = () => {
    if (run.length) out.push(run);
    run = [];
  };
  for (const r of readings) {
    const last = run.at(-1);
    const continues = last !== undefined && r.listed && last.figure.doc === r.figure.doc && last.figure.paragraph === r.figure.paragraph && last.measure === r.measure;
    if (!continues) close();
    run.push(r);
  }
  close();
  return out;
}

/**
 * The first item of a list carries the words that lead into the list (全国已布建A单位、B单位、C单位):
 * when the others share a last character and a length, it is cut to that length.
 */
function firstLabelTrimmed(labels: string[]): string[] {
  const [first, ...rest] = labels;
  if (!first || rest.length < 2) return labels;
  const lengths = new Set(rest.map((l) => l.length));
  const last = new Set(rest.map((l) => l.at(-1)));
  if (lengths.size !== 1 || last.size !== 1 || !first.endsWith(rest[0]!.at(-1)!)) return labels;
  const n = rest[0]!.length;
  return first.length > n + 1 ? [first.slice(-n), ...rest] : labels;
}

/** A list of items as sorted bars: three or more, each with its own name, none a date. */
function bars(list: FigureReading[]): ChartSpec | undefined {
  if (list.length < 3 || !list.every(point) || list.some((r) => r.figure.dateTrusted === false && r.figure.date)) return undefined;
  const labels = firstLabelTrimmed(list.map((r) => r.label));
  if (labels.some((l) => l.length < 2 || /\d|年|月/.test(l)) || new Set(labels).size < labels.length) return undefined;
  const first = list[0]!;
  const when = first.figure.date && list.every((r) => r.figure.date === first.figure.date) ? `（${dateLabel(first.figure)}）` : '';
  if (list.some((r) => (r.figure.date ?? '') !== (first.figure.date ?? ''))) return undefined;
  const sorted = [...list].sort((a, b) => b.figure.value - a.figure.value);
  return {
    id: `auto-${slug(first.figure.id)}-bars`,
    type: 'bars',
    title: `${first.measure || '各项'}${when}`,
    note: `由原文的数字生成：原文同一句中列出的${list.length}项，按数值排列。`,
    items: sorted.map((r) => item(r, labels[list.indexOf(r)]!)),
  };
}

/** A name that is itself a measure (达标率, 诊疗量占比): rows so named are different things, not items of one. */
const MEASURE_NAME = /(率|比例|比重|占比|数量|总数|人数|金额|量)$/;

/** A row that is the whole of the others (合计, 全国 among provinces, 医疗卫生机构合计): beside its parts it would be drawn twice. */
const WHOLE_ROW = /^(?:合计|合計|总计|總計|小计|小計|共计|共計|总数|總數|全部|总体|總體|平均|全国|全國|全省|全市|全区|全區|全县|全縣)|(?:合计|合計|总计|總計|小计|小計|总数|總數)$/;

/**
 * A table's column over its rows, each row an item (基層診所 20%, 地區醫院 30% …), as sorted bars:
 * three or more rows of one block with a figure alone in their cell of that column, one unit, no
 * value below zero, names that are items (not measures: 达标率, 占比; not dates; not the whole: 合计,
 * 全国; not of two levels: 医院 and 其中：公立医院).
 */
function tableBars(readings: FigureReading[]): ChartSpec[] {
  const columns = new Map<string, FigureReading[]>();
  for (const r of readings) {
    const f = r.figure;
    if (f.measure === undefined || !f.label) continue;
    const key = `${f.doc}|${f.paragraph}|${f.measure}|${f.unit}`;
    const rows = columns.get(key);
    if (rows) rows.push(r);
    else columns.set(key, [r]);
  }
  const out: ChartSpec[] = [];
  for (const rows of columns.values()) {
    const items = rows.filter((r) => !WHOLE_ROW.test(r.label));
    const labels = items.map((r) => r.label);
    if (items.length < 3 || !items.every(point) || items.some((r) => r.figure.dateTrusted === false && r.figure.date)) continue;
    // Rows of two levels (医院, 其中：公立医院) are not items side by side; changes with a sign are drawn as changes, not bars.
    if (items.some((r) => /^其中/.test(r.label) || r.figure.value < 0)) continue;
    if (new Set(labels).size < labels.length || labels.some((l) => MEASURE_NAME.test(l) || /\d|年|月/.test(l))) continue;
    const first = items[0]!;
    const when = first.figure.date && items.every((r) => r.figure.date === first.figure.date) ? `（${dateLabel(first.figure)}）` : '';
    const sorted = [...items].sort((a, b) => b.figure.value - a.figure.value);
    out.push({
      id: `auto-${slug(first.figure.id)}-table`,
      type: 'bars',
      title: `${first.measure || labels.join('、')}${when}（原文表格）`,
      note: `由原文表格的数字生成：同一列的${items.length}行，按数值排列。`,
      items: sorted.map((r) => item(r, r.label)),
    });
  }
  return out;
}

/** The parts of a stated total: the total before its parts (共…，其中…) or after them (…，合计…). */
function parts(readings: FigureReading[], i: number): ChartSpec | undefined {
  const total = readings[i]!;
  if (!point(total)) return undefined;
  const sameBlock = (r: FigureReading) => r.figure.doc === total.figure.doc && r.figure.paragraph === total.figure.paragraph && r.figure.unit === total.figure.unit;
  let list: FigureReading[] = [];
  const next = readings[i + 1];
  if (next && sameBlock(next) && /其中/.test(next.lead)) {
    list = [next];
    for (let j = i + 2; j < readings.length && sameBlock(readings[j]!) && readings[j]!.listed; j++) list.push(readings[j]!);
  } else if (TOTAL.test(total.lead) && /合计|总计|共计/.test(total.lead)) {
    for (let j = i - 1; j >= 0 && sameBlock(readings[j]!); j--) {
      list.unshift(readings[j]!);
      if (!readings[j]!.listed) break;
    }
  }
  if (list.length < 2 || !list.every(point)) return undefined;
  const labels = firstLabelTrimmed(list.map((r) => r.label || r.measure));
  if (labels.some((l) => l.length < 2) || new Set(labels).size < labels.length) return undefined;
  const sum = list.reduce((s, r) => s + r.figure.value, 0);
  if (sum > total.figure.value * (1 + 1e-9)) return undefined; // parts that overlap, or of another whole
  // The whole's name: its own words before 其中 (医院3.6万个，其中…), else the parts' names (…，合计1万2,142处).
  const after = /其中/.test(readings[i + 1]?.lead ?? '') && total.measure;
  const name = after ? total.measure : labels.join('、');
  const when = total.figure.date ? `（${dateLabel(total.figure)}）` : '';
  return {
    id: `auto-${slug(total.figure.id)}-stacked`,
    type: 'stacked',
    title: after ? `${name}的构成${when}` : `${name}，合计${total.figure.text}${when}`,
    note: `由原文的数字生成：原文给出总数和其中${list.length}项${sum < total.figure.value ? '，各项之和小于总数，原文未说明的部分单独画出' : ''}。`,
    total: { label: name, figure: total.figure.id, text: total.figure.text },
    // One bar: its name is the total's, shown above it already.
    items: list.map((r, k) => item(r, labels[k]!)),
  };
}

/** A value at two dates and the change the text states, when the change follows from the two values. */
function slope(readings: FigureReading[], i: number): ChartSpec | undefined {
  const change = readings[i]!;
  const verb = CHANGE.exec(change.lead)?.[1];
  if (!verb || (change.figure.unit !== '%' && change.figure.unit !== '个百分点')) return undefined;
  const pair = readings
    .slice(Math.max(0, i - 3), i)
    .filter((r) => r.figure.doc === change.figure.doc && r.figure.paragraph === change.figure.paragraph && r.figure.date && point(r) && r.figure.unit !== '个百分点');
  const [a, b] = pair.slice(-2);
  if (!a || !b || a.figure.unit !== b.figure.unit || a.measure !== b.measure || !a.measure || a.figure.date === b.figure.date) return undefined;
  if (a.figure.dateTrusted === false || b.figure.dateTrusted === false) return undefined;
  const [before, after] = a.figure.date! < b.figure.date! ? [a, b] : [b, a];
  const stated = (FALL.test(verb) ? -1 : 1) * change.figure.value;
  const x = before.figure.value;
  const y = after.figure.value;
  const agrees =
    change.figure.unit === '个百分点'
      ? before.figure.unit === '%' && Math.abs(y - x - stated) <= 0.06
      : before.figure.unit !== '%' && x !== 0 && Math.abs(((y - x) / x) * 100 - stated) <= Math.max(0.1, Math.abs(stated) * 0.02);
  if (!agrees) return undefined;
  return {
    id: `auto-${slug(change.figure.id)}-slope`,
    type: 'slope',
    title: `${before.measure}，${dateLabel(before.figure)}→${dateLabel(after.figure)}`,
    note: '由原文的数字生成：两个时间的数值和原文给出的变化。',
    items: [item(before, dateLabel(before.figure)), item(after, dateLabel(after.figure))],
    change: { label: verb, figure: change.figure.id, text: change.figure.text },
  };
}

/** A part's name for a whole (总数, 合计): beside its parts it would count them twice. */
const WHOLE = /总数|總數|合计|合計|总计|總計|全部|总体/;

/**
 * Changes the text lists, each after its item and a verb (医院增加1170个，基层医疗卫生机构增加17572个，
 * 专业公共卫生机构则减少1624个): three or more of one unit in one sentence, as diverging bars, a fall
 * drawn below the line. The whole's own change (总数增加17273个) is left out: it is not one of the items.
 */
function changes(readings: FigureReading[], i: number): ChartSpec | undefined {
  const first = readings[i]!;
  const isChange = (r: FigureReading) => CHANGE.test(r.lead) && point(r) && r.figure.unit !== '%' && r.figure.unit !== '个百分点';
  if (!isChange(first) || (i > 0 && isChange(readings[i - 1]!) && readings[i - 1]!.figure.paragraph === first.figure.paragraph && first.figure.context.includes(readings[i - 1]!.figure.text))) return undefined;
  const run: FigureReading[] = [];
  for (let j = i; j < readings.length; j++) {
    const r = readings[j]!;
    if (r.figure.doc !== first.figure.doc || r.figure.paragraph !== first.figure.paragraph || r.figure.unit !== first.figure.unit || !isChange(r)) break;
    if (run.length && !r.figure.context.includes(run.at(-1)!.figure.text)) break; // one sentence
    if (!WHOLE.test(r.measure)) run.push(r);
  }
  if (run.length < 3) return undefined;
  const labels = run.map((r) => r.measure.replace(/[则則却卻也亦]$/, ''));
  if (labels.some((l) => l.length < 2) || new Set(labels).size < labels.length) return undefined;
  if (run.some((r) => r.figure.dateTrusted === false || (r.figure.date ?? '') !== (first.figure.date ?? ''))) return undefined;
  const since = first.figure.dateWritten ? `，与${first.figure.dateWritten}相比` : '';
  return {
    id: `auto-${slug(first.figure.id)}-diverging`,
    type: 'diverging',
    title: `各项的增减${since}`,
    note: `由原文的数字生成：原文同一句中列出的${run.length}项变化，减少的画在轴线以下。`,
    items: run.map((r, k) => ({ ...item(r, labels[k]!), ...(FALL.test(CHANGE.exec(r.lead)![1]!) ? { negate: true } : {}) })),
  };
}

/** Charts from the corpus's figures (in reading order, documents in id order), the ones with the most points first. */
export function autoCharts(figures: readonly Figure[], options: AutoChartOptions = {}): ChartSpec[] {
  const readings = readFigures(figures);
  const charts: ChartSpec[] = [];
  const groups = new Map<string, FigureReading[]>();
  for (const r of readings) {
    if (!r.measure || !r.figure.date) continue;
    // Years with years, days with days: a figure dated to the day beside a yearly series is another kind of figure.
    const key = `${r.figure.doc}|${r.measure}|${r.figure.unit}|${r.figure.date.length}`;
    const group = groups.get(key);
    if (group) group.push(r);
    else groups.set(key, [r]);
  }
  for (const g of groups.values()) {
    const c = series(g);
    if (c) charts.push(c);
  }
  charts.push(...tableBars(readings));
  for (const list of lists(readings)) {
    const c = bars(list);
    if (c) charts.push(c);
  }
  readings.forEach((_, i) => {
    for (const make of [parts, slope, changes]) {
      const c = make(readings, i);
      if (c) charts.push(c);
    }
  });
  // A list that is the parts of a total is drawn as parts, not as bars too.
  const inParts = new Set(charts.filter((c) => c.type === 'stacked').flatMap((c) => c.items.map((x) => x.figure)));
  const kept = charts.filter((c) => c.type !== 'bars' || !c.items.every((x) => inParts.has(x.figure)));
  const seen = new Set<string>();
  const unique = kept.filter((c) => !seen.has(c.id) && seen.add(c.id));
  unique.sort((a, b) => b.items.length - a.items.length || (a.id < b.id ? -1 : 1));
  const marked = unique.map((c) => ({ ...c, found: true as const }));
  return options.limit === undefined ? marked : marked.slice(0, options.limit);
}
