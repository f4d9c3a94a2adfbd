/**
 * A table's cells as figures: what a number in a cell measures, in what unit and at what date, read
 * from its row's first cell and its column's header. In
 *
 *   年份 | 清运量（万吨） | 无害化处理率
 *   2019 | 24206        | 99.2%
 *
 * 24206 is 清运量 in 万吨 in 2019 (a bare number a sentence would never quote without its unit), and
 * 99.2% is 无害化处理率 in 2019. With the years across the top (指标 | 2019年 | 2020年), the row's
 * first cell names what is measured and the header the date.
 */
import { extractDates, type DateContext } from './dates.ts';
import { matchText, scaled } from './numerals.ts';
import { MEASURE_WORDS } from './quantities.ts';
import type { TextUnit } from './units.ts';

/** One cell of a row after the first, where it is in the row's text (TextUnit: the cells after the first, joined by ；), and its column's header. */
export interface TableCell {
  start: number;
  end: number;
  text: string;
  column: string;
}

/** The cells after the first of a table row, with their headers ('' where the table has none); none for a unit that is not a table row of two or more cells. */
export function tableCells(unit: TextUnit): TableCell[] {
  if (unit.kind !== 'row' || !unit.cells) return [];
  const out: TableCell[] = [];
  let at = 0;
  for (let j = 1; j < unit.cells.length; j++) {
    const text = unit.cells[j]!;
    out.push({ start: at, end: at + text.length, text, column: (unit.header?.[j] ?? '').trim() });
    at += text.length + 1;
  }
  return out;
}

/** A first column that only numbers the rows (序号, 编号, No.): the row's name is the cell after it. */
const NUMBERING = /^(?:序号|序|编号|No\.?|#)$/i;

/** What names a table row: its first cell, or its second after a column of numbering (序号 | 机构名称 | 团队数). */
export function rowName(unit: TextUnit): string {
  const cells = unit.cells ?? [];
  return NUMBERING.test((unit.header?.[0] ?? '').trim()) && cells.length > 2 ? cells[1]!.trim() : (cells[0] ?? unit.label ?? '').trim();
}

/**
 * A column of numbering, codes, contacts or times: its numbers are not amounts (序号 3, 邮编 100000,
 * 年份 2019). A time is the whole header: 平均等待时间（分钟） and 年度预算（万元） hold amounts.
 */
const NOT_AMOUNTS = /序号|编号|代码|编码|代号|排名|名次|排序|电话|传真|邮编|邮政编码|号码|账号|^(?:年|年份|年度|时间|日期|月份|时期|期次|批次|届次)$/;

/** A number alone in a cell: 24206, 24,206, 99.2, -2.9. */
const BARE = /^[-+−]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;

/** What may stand beside a figure in a cell that holds only it (≥95%, 35%以上*, ～1.2万). */
const AROUND_FIGURE = /^[\s≥≤<>＞＜≈~～*※＊]*$/;

/** Whether a cell holds one figure and nothing else (`figure` as written). */
export const holdsOnly = (cell: string, figure: string): boolean => cell.includes(figure) && AROUND_FIGURE.test(cell.replace(figure, ''));

/** What the sign before a cell's figure says of it (≥95%: at least; ＜5%: at most; ≈1.2万: about). */
export function signOf(cell: string): { bound?: 'lower' | 'upper'; approximate?: true } {
  const sign = /^\s*([≥≤<>＞＜≈~～])/.exec(cell)?.[1];
  if (!sign) return {};
  return /[≥>＞]/.test(sign) ? { bound: 'lower' } : /[≤<＜]/.test(sign) ? { bound: 'upper' } : { approximate: true };
}

/** A unit a table gives its numbers: a measure word (or %), and the scale of the numbers written under it (万吨: 吨, 10,000). */
export interface CellUnit {
  unit: string;
  scale: number;
}

/** The units a header or a row's first cell may name, besides the measure words a sentence uses. */
const NAMED_UNITS = ['美元', '港元', '欧元', '公斤', '千克', '克', '米', '立方米', '升', '千瓦', '千瓦时', '兆瓦', '度', '平方千米'];
/** Scales a named unit may start with (万吨, 亿元, 百万元, 千人). */
const SCALES: Array<[string, number]> = [['百万', 1e6], ['千万', 1e7], ['亿', 1e8], ['万', 1e4], ['千', 1e3], ['百', 1e2]];

/** A unit a name gives in brackets or after a slash (清运量（万吨）, 床位数(张), 占比/%, 单位：元), as a measure word and the scale of the numbers under it. */
export function unitOfName(written: string): CellUnit | undefined {
  const name = matchText(written);
  const m = /[（(]\s*(?:单位\s*[:：])?\s*([^()（）]{1,8}?)\s*[)）]\s*$/.exec(name) ?? /[/／]\s*([^/／\s]{1,6})\s*$/.exec(name) ?? /单位\s*[:：]\s*(\S{1,6})\s*$/.exec(name);
  if (!m) return undefined;
  const unit = m[1]!.replace(/％/g, '%');
  if (unit === '%' || unit === '百分比') return { unit: '%', scale: 1 };
  if (unit === '百分点' || unit === '个百分点') return { unit: '个百分点', scale: 1 };
  const known = (u: string) => MEASURE_WORDS.includes(u) || NAMED_UNITS.includes(u) || /^[\u4e00-\u9fa5]{1,2}\/[\u4e00-\u9fa5]{1,3}$/.test(u);
  if (known(unit)) return { unit, scale: 1 };
  for (const [prefix, scale] of SCALES) if (unit.startsWith(prefix) && known(unit.slice(prefix.length))) return { unit: unit.slice(prefix.length), scale };
  return undefined;
}

/** A line that gives the unit of the table under it (（单位：个）, 单位：万元, 表1 医疗卫生机构数（单位：个）): short, and ending in it. */
export function captionUnit(line: string): CellUnit | undefined {
  return line.length <= 60 && /单位\s*[:：]/.test(matchText(line)) ? unitOfName(line.trim()) : undefined;
}

/** A date a table's header or a row's first cell gives: the date, its end for a period, and how it was written. */
export interface NameDate {
  date: string;
  until?: string;
  written: string;
}

/** A header or a row's first cell that is a date (2019, 2019年, 2020年底, 到2017年应达到的标准). */
export function dateOfName(name: string, context: DateContext): NameDate | undefined {
  const text = name.trim();
  const year = /^((?:1[89]|20)\d{2})$/.exec(text);
  if (year) return { date: year[1]!, written: text };
  // One date, however many words beside it (到2017年应达到的标准); a baseline (比2020年3月底增减) is not one.
  const mentions = extractDates(text, context).mentions.filter((m) => !m.named && !m.comparison);
  const [m] = mentions;
  if (mentions.length !== 1) return undefined;
  return { date: m!.date, ...(m!.until ? { until: m!.until } : {}), written: m!.text };
}

/** What a number in a cell is: its measure's name (a header or a row's first cell, its unit kept), the item it is about, and the date the table gives it. */
export interface CellReading {
  measure: string;
  label: string;
  date?: NameDate;
}

/** A row's name that names a measure, not an item (达标率, 医疗卫生机构数, 床位（张）). */
const isMeasureName = (name: string) => /(?:率|比例|比重|占比|数量|总数|数|人次|金额|总额|量|费用|支出|收入)$/.test(matchText(name)) || unitOfName(name) !== undefined;

/**
 * A cell's measure, label and date from its row's first cell and its column's header: the one that
 * is a date dates it. With dates across the top (`across`: two or more of the header's cells), each
 * row is a measure over time (床位数（张） | 1200 | 1350). Under one date column alone, a row is a
 * measure where its name says so (达标率 | ≥95%), else an item at that date (甲市 | 120家), and the
 * header then names no measure.
 */
export function readCell(row: string, column: string, dateOf: (name: string) => NameDate | undefined, across: boolean): CellReading {
  const byColumn = column ? dateOf(column) : undefined;
  const byRow = row ? dateOf(row) : undefined;
  if (byColumn && !byRow) return across || isMeasureName(row) ? { measure: row, label: '', date: byColumn } : { measure: '', label: row, date: byColumn };
  if (byRow && !byColumn) return { measure: column, label: '', date: byRow };
  return { measure: column, label: row };
}

/** Whether two or more of a table's headers are dates (`dateOf`: dateOfName in the document's context): its rows are then measures over time. */
export const datesAcross = (header: readonly string[], dateOf: (name: string) => NameDate | undefined): boolean => header.slice(1).filter((h) => h.trim() && dateOf(h)).length >= 2;

/** The unit of a cell's numbers: its measure's own, else the one the line above the table gives for all of it. */
const unitOfCell = (reading: CellReading, tableUnit?: CellUnit) => unitOfName(reading.measure) ?? tableUnit;

/**
 * A figure alone in its cell, with the unit of its cell where it gives none (`102.6萬` under a
 * caption of （单位：个）: 1,026,000 个; scaled only when it has no scale of its own).
 */
export function withCellUnit<Q extends { text: string; value: number; unit: string }>(q: Q, reading: CellReading, tableUnit?: CellUnit): Q {
  const unit = q.unit === '' ? unitOfCell(reading, tableUnit) : undefined;
  if (!unit) return q;
  return { ...q, unit: unit.unit, value: /[万萬亿億]/.test(q.text) ? q.value : scaled(q.value, unit.scale) };
}

/** A bare number in a cell read as a figure, when its measure or its row names what it counts: its value scaled by the unit its measure's name (or the table's caption, `tableUnit`) gives, or none when the cell is not an amount. */
export function bareFigure(cell: string, reading: CellReading, column: string, tableUnit?: CellUnit): { value: number; unit: string } | undefined {
  const text = cell.trim();
  // Something must say what it counts: a measure, or the item its row names under a header (甲市 under
  // 2023年) or a caption's unit. A table with no header and no unit says nothing of a bare 100000.
  const said = reading.measure || (reading.label && (column || tableUnit));
  if (!BARE.test(text) || !said || NOT_AMOUNTS.test(column)) return undefined;
  const value = Number(text.replace(/,/g, '').replace('−', '-'));
  if (!Number.isFinite(value)) return undefined;
  const unit = unitOfCell(reading, tableUnit);
  // A year under a header of times (成立年份 2015) is a date, not an amount.
  if (!unit && Number.isInteger(value) && value >= 1800 && value <= 2100 && /年|时|期/.test(column)) return undefined;
  return { value: unit ? scaled(value, unit.scale) : value, unit: unit?.unit ?? '' };
}
