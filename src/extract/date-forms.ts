/**
 * The forms a date takes in Chinese text, each read into the pieces it gives (a draft) before any
 * context is applied: 2017年4月12日, 二〇一八年三月, 2022.01.20, 22-01-20, (2018.5), 90年代,
 * 2015-2017年, 2025年1—12月, 2025全年, 4月23日, 今年/去年/明年, 同年/当年/该年/本年/次年/翌年/第二年,
 * 当月23日, Minguo years (民國106年 always; 107年度, 108年3月 and 108-09-30 in a document dated in
 * Minguo years), fiscal years (2022/23年度) and five-year plans (“十三五”期间).
 */
import { numberValue } from './numerals.ts';

export const S = '[ \\u3000]*';
export const YEAR = `((?:1[89]|20)\\d{2}|[〇零一二三四五六七八九]{4})`;
export const MONTH = '(1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])';
/** A month without a capturing group, for lookaheads. */
const MONTH_AHEAD = '(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])';
export const DAY = '(3[01]|[12]\\d|0?[1-9]|三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九])';
/** The dash or word between the two ends of a range. */
export const TO = '[-—–~～至到]';
/** What may follow a month: a day, or a part of the month. */
const MONTH_TAIL = `(?:${S}${DAY}${S}[日号]|(初|底|末|上旬|中旬|下旬))?`;
/** What may follow 年 (groups: month range from, to; month, day, part of the month; half; quarter; part of the year). */
const YEAR_TAIL_BODY = `${S}${MONTH}${S}${TO}${S}${MONTH}${S}月份?(?!${S}\\d|${S}[日号])|${S}${MONTH}${S}月份?${MONTH_TAIL}|(上半年|下半年)|第${S}([一二三四1-4])${S}季度|年?(初|底|末)`;
const YEAR_TAIL = `(?:${YEAR_TAIL_BODY})?`;
/** A Minguo year written in Chinese numerals (一〇七, 一百零七). */
const HAN_YEAR = '[〇零一二三四五六七八九十百]{1,5}';

/** Words that make a relative year: the base it counts from and how many years on. */
export interface Relative {
  base: 'published' | 'context' | 'context-first';
  offset: number;
}
const RELATIVE: Record<string, Relative> = {
  今: { base: 'published', offset: 0 },
  去: { base: 'published', offset: -1 },
  上: { base: 'published', offset: -1 },
  前: { base: 'published', offset: -2 },
  明: { base: 'published', offset: 1 },
  同: { base: 'context', offset: 0 },
  当: { base: 'context', offset: 0 },
  该: { base: 'context', offset: 0 },
  次: { base: 'context', offset: 1 },
  翌: { base: 'context', offset: 1 },
  第二: { base: 'context', offset: 1 },
  // 本年 is the year the text speaks of (an annual report's year), else the year it was published.
  本: { base: 'context-first', offset: 0 },
};
/** Where a word can open a clause: after punctuation, or after a preposition of time. */
const CLAUSE_START = '(?<=^|[\\s,.;:、。“"(]|在|于|至|到|从|自|为)';
/** Relative years. 当 not in 相当/想当年 (then), 本 and 该 only at a clause's start (成本年度, 应该年底), 第二年 only opening a clause (not 建设的第二年). */
const RELATIVE_YEAR = `((?:今|去|前|明|同|次|翌|上)|(?<![想相担充每适正恰应])当|${CLAUSE_START}(?:本|该)|(?<=^|[\\s,.;:、。“"(])第二)年(?![龄级纪轻青会画货夜味])`;

/** Five-year plans: the Nth plan's years, written 十三五 (N = 13) or “十五” (N = 10), with a word saying it is the period. */
const PLAN_ORDINAL = '(十[一二三四五六七八九]?|[一二三四五六七八九])';
const PLAN_PERIOD = '(期间|时期|规划期间?|计划期间?|期末|末期?|期初|初期?|(?=以来))';

export type FormName =
  | 'written'
  | 'full-year'
  | 'minguo'
  | 'minguo-year'
  | 'minguo-short'
  | 'minguo-numeric'
  | 'fiscal'
  | 'plan'
  | 'numeric'
  | 'paren'
  | 'short'
  | 'decade'
  | 'year-range'
  | 'month'
  | 'relative'
  | 'same-month';

interface Form {
  name: FormName;
  re: RegExp;
  /** Only in a document dated in Minguo years: read alone, 107年 is a duration or a year of antiquity. */
  minguo?: true;
}

const FORMS: Form[] = [
  { name: 'written', re: new RegExp(`(?<![\\d.〇零一二三四五六七八九十])${YEAR}${S}年(?!代)${YEAR_TAIL}`, 'g') },
  { name: 'full-year', re: /(?<![\d.])((?:19|20)\d{2})(?=全年)/g },
  { name: 'minguo', re: new RegExp(`民国${S}(\\d{1,3}|${HAN_YEAR})${S}年度?${YEAR_TAIL}`, 'g') },
  // Not a duration (成立107年, 长达107年之久, 107年来).
  { name: 'minguo-year', re: new RegExp(`(?<![\\d.第元]|成立|创立|建校|建院|已有|长达|历经|走过|超过|近|约)(1[0-3]\\d)${S}年度?(?![代级来多余间]|之久)${YEAR_TAIL}`, 'g'), minguo: true },
  // Two digits only as a date: 99年度, 98年底, 99年12月, 96年至105年.
  { name: 'minguo-short', re: new RegExp(`(?<![\\d.第元])([1-9]\\d)${S}年(?:度|(?=[初底末]|${S}${MONTH_AHEAD}${S}月|${S}${TO}${S}1?\\d{2}${S}年))${YEAR_TAIL}`, 'g'), minguo: true },
  { name: 'minguo-numeric', re: /(?<![\d.:/-])(1[0-3]\d)([./-])(1[0-2]|0?[1-9])\2(3[01]|[12]\d|0?[1-9])(?![\d.:/-])/g, minguo: true },
  { name: 'fiscal', re: new RegExp(`(?<![\\d.])((?:19|20)\\d{2})${S}[/-]${S}(\\d{2})${S}(?:财政)?年度`, 'g') },
  { name: 'plan', re: new RegExp(`(?:“|"|「)${PLAN_ORDINAL}五(?:”|"|」)${PLAN_PERIOD}|(?<![〇零一二两三四五六七八九十百千\\d第])${PLAN_ORDINAL}五${PLAN_PERIOD}`, 'g') },
  { name: 'numeric', re: /(?<![\d.])((?:19|20)\d{2})([./-])(1[0-2]|0?[1-9])\2(3[01]|[12]\d|0?[1-9])(?![\d.])/g },
  { name: 'paren', re: /(?<=[(（])((?:19|20)\d{2})\.(1[0-2]|0?[1-9])(?=[)）])/g },
  { name: 'short', re: /(?<![\d.:/-])(\d{2})-(1[0-2]|0[1-9])-(3[01]|[12]\d|0[1-9])(?![\d:-])/g },
  { name: 'decade', re: /(?:上世纪|20世纪|二十世纪)?(?:((?:19|20)\d)0|([1-9])0|([二三四五六七八九])十)年代/g },
  { name: 'year-range', re: new RegExp(`(?<![\\d.])((?:19|20)\\d{2})${S}${TO}${S}((?:19|20)\\d{2})${S}年`, 'g') },
  { name: 'month', re: new RegExp(`(?<![\\d〇零一二两三四五六七八九十年个第几数])${MONTH}${S}月份?${MONTH_TAIL}`, 'g') },
  { name: 'relative', re: new RegExp(`${RELATIVE_YEAR}(?:(同期)|${YEAR_TAIL_BODY})?`, 'g') },
  { name: 'same-month', re: new RegExp(`(当|同)月(?:${S}${DAY}${S}[日号])?`, 'g') },
];

/** The pieces one match gives before context is applied. */
export interface Draft {
  start: number;
  end: number;
  year?: number;
  /** A year relative to another: 今年 0, 去年 -1, 明年 +1 (from publication); 同年, 次年 (from context). */
  relative?: Relative;
  month?: number;
  /** The last month of a range of months in one year (2025年1—12月). */
  untilMonth?: number;
  day?: number;
  half?: 1 | 2;
  quarter?: number;
  decade?: number;
  untilYear?: number;
  part?: 'early' | 'late';
  comparison?: true;
  /** A fiscal year from April to March (2022/23年度). */
  fiscal?: true;
  /** A Minguo year: the end of its range is one too (96年至105年). */
  minguo?: true;
  /** A month (and day) with no year, or 当月: needs the year (and month) from context. */
  needsYear?: boolean;
  needsMonth?: boolean;
}

const PART: Record<string, 'early' | 'late'> = { 初: 'early', 底: 'late', 末: 'late' };
const num = (s: string | undefined) => (s === undefined ? undefined : numberValue(s) ?? undefined);

function monthTail(d: Draft, day: string | undefined, part: string | undefined) {
  if (day !== undefined) d.day = num(day);
  if (part !== undefined && part in PART) d.part = PART[part];
}

/** What follows a year (YEAR_TAIL's eight groups). */
function yearTail(d: Draft, g: Array<string | undefined>) {
  if (g[0] !== undefined && g[1] !== undefined) {
    d.month = num(g[0]);
    d.untilMonth = num(g[1]);
  }
  if (g[2] !== undefined) {
    d.month = num(g[2]);
    monthTail(d, g[3], g[4]);
  }
  if (g[5]) d.half = g[5] === '上半年' ? 1 : 2;
  if (g[6]) d.quarter = num(g[6]);
  if (g[7]) d.part = PART[g[7]];
}

/** The first year of the Nth five-year plan: 1953 and 1958, then every five years from 1966 (after three years of readjustment). */
function planStart(n: number): number {
  return n === 1 ? 1953 : n === 2 ? 1958 : 1966 + 5 * (n - 3);
}

/** The pieces a match of a form gives, or null when it is not a date after all. */
export function draft(form: FormName, m: RegExpExecArray): Draft | null {
  const d: Draft = { start: m.index, end: m.index + m[0].length };
  const g = m.slice(1);
  switch (form) {
    case 'written':
      d.year = num(g[0]);
      yearTail(d, g.slice(1));
      return d;
    case 'full-year':
      return { ...d, year: num(g[0]) };
    case 'minguo':
    case 'minguo-year':
    case 'minguo-short': {
      const n = num(g[0]);
      if (n === undefined || n < 1) return null;
      d.year = 1911 + n;
      d.minguo = true;
      yearTail(d, g.slice(1));
      return d;
    }
    case 'minguo-numeric':
      return { ...d, year: 1911 + Number(g[0]), month: num(g[2]), day: num(g[3]), minguo: true };
    case 'fiscal': {
      const year = Number(g[0]);
      return (year + 1) % 100 === Number(g[1]) ? { ...d, year, fiscal: true } : null;
    }
    case 'plan': {
      const n = num(g[0] ?? g[2]);
      const period = g[1] ?? g[3] ?? '';
      if (n === undefined || n < 1) return null;
      const first = planStart(n);
      if (/末/.test(period)) return { ...d, year: first + 4, part: 'late' };
      if (/初/.test(period) || period === '') return { ...d, year: first, ...(period ? { part: 'early' as const } : {}) };
      return { ...d, year: first, untilYear: first + 4 };
    }
    case 'numeric':
      return { ...d, year: num(g[0]), month: num(g[2]), day: num(g[3]) };
    case 'paren':
      return { ...d, year: num(g[0]), month: num(g[1]) };
    case 'short': {
      const yy = Number(g[0]);
      return { ...d, year: yy <= 69 ? 2000 + yy : 1900 + yy, month: num(g[1]), day: num(g[2]) };
    }
    case 'decade': {
      const decade = g[0] ? Number(g[0]) * 10 : g[1] ? 1900 + Number(g[1]) * 10 : 1900 + (num(g[2]) ?? 0) * 10;
      return { ...d, decade };
    }
    case 'year-range':
      return Number(g[1]) > Number(g[0]) ? { ...d, year: num(g[0]), untilYear: num(g[1]) } : null;
    case 'month':
      d.month = num(g[0]);
      monthTail(d, g[1], g[2]);
      d.needsYear = true;
      return d;
    case 'relative': {
      d.relative = RELATIVE[g[0]!];
      if (g[1]) {
        d.comparison = true;
        return d;
      }
      yearTail(d, g.slice(2));
      // 上年 only in 上年同期; 前年 only as a year of its own (not 前两年).
      if (g[0] === '上') return null;
      return d;
    }
    case 'same-month':
      if (g[1] === undefined) return null; // 当月 alone is "that month" in a clause, not a date
      return { ...d, needsYear: true, needsMonth: true, day: num(g[1]) };
  }
}

/** Candidate matches of every form, longest first where they overlap, left to right. */
export function candidates(t: string, minguo = false): Array<{ form: FormName; m: RegExpExecArray }> {
  const all: Array<{ form: FormName; m: RegExpExecArray }> = [];
  for (const f of FORMS) {
    if (f.minguo && !minguo) continue;
    f.re.lastIndex = 0;
    for (let m = f.re.exec(t); m; m = f.re.exec(t)) {
      if (m[0].length === 0) {
        f.re.lastIndex++;
        continue;
      }
      all.push({ form: f.name, m });
    }
  }
  all.sort((a, b) => a.m.index - b.m.index || b.m[0].length - a.m[0].length);
  const kept: typeof all = [];
  let end = -1;
  for (const c of all) {
    if (c.m.index < end) continue;
    kept.push(c);
    end = c.m.index + c.m[0].length;
  }
  return kept;
}
