/**
 * Dates as Chinese text writes them: 2017年4月12日, 二〇一八年三月, ２０１７年, 2020 年 10 月 28 日,
 * 2022.01.20, 2022/1/20, 22-01-20, 2019年上半年, 2021年第三季度, 90年代, 2015年-2017年4月, and the
 * ones that need context: 4月23日 and 当月23日 (year and month from the text before), 同年, and
 * 今年/去年 (from the document's publication date only). Nothing is invented: a date whose year
 * cannot be found is refused with a reason, and a day or month the text does not give stays unknown.
 */
import { matchText, numberValue } from './numerals.ts';
import { allMatches } from '../lib/matches.ts';

/** How much of the date the text gives: `date` (and `until`) are YYYY, YYYY-MM or YYYY-MM-DD. */
export type Precision = 'day' | 'month' | 'quarter' | 'half' | 'year' | 'decade' | 'range';
/** What the text says about the date: 截至 (as of), 底前/前 (by), 到…年 (target), 以来/起 (since), 之前, 之后. */
export type Qualifier = 'as-of' | 'by' | 'target' | 'since' | 'before' | 'after';

export interface DateMention {
  start: number;
  end: number;
  /** The date as written. */
  text: string;
  date: string;
  /** The last day of a range, half-year, quarter or decade. */
  until?: string;
  precision: Precision;
  qualifier?: Qualifier;
  /** 初 (early) or 底/末 (late) in the period. */
  part?: 'early' | 'late';
  /** Where the year (or month) came from when the text did not write it. */
  resolved?: 'context' | 'published' | 'sentence';
  /** A baseline of a comparison (较2019年, 去年同期), not a date something happened. */
  comparison?: true;
  /** Inside a quotation (a policy's own words): its dates do not set the year of the text around it. */
  quoted?: true;
}

export interface RefusedDate {
  start: number;
  end: number;
  text: string;
  reason: string;
  /** The parts the text does give (今年4月 -> month 4), for matching it to a dated telling of the same event. */
  month?: number;
  day?: number;
}

export interface DateContext {
  /** The document's publication date (YYYY[-MM[-DD]]), the only base for 今年/去年; null when it has none. */
  published: string | null;
  /** The year (and month) the text last spoke of, outside quotations, for 4月23日, 同年 and 当月. */
  year?: number;
  month?: number;
}

export interface DateResult {
  mentions: DateMention[];
  refused: RefusedDate[];
  context: DateContext;
}

const S = '[ \\u3000]*';
const YEAR = `((?:1[89]|20)\\d{2}|[〇零一二三四五六七八九]{4})`;
const MONTH = '(1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])';
const DAY = '(3[01]|[12]\\d|0?[1-9]|三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九])';
/** What may follow a month: a day, or a part of the month. */
const MONTH_TAIL = `(?:${S}${DAY}${S}[日号]|(初|底|末|上旬|中旬|下旬))?`;
/** What may follow 年: a month (and day), a half, a quarter, or a part of the year. */
const YEAR_TAIL = `(?:${S}${MONTH}${S}月份?${MONTH_TAIL}|(上半年|下半年)|第${S}([一二三四1-4])${S}季度|年?(初|底|末))?`;

interface Form {
  name: 'written' | 'numeric' | 'paren' | 'short' | 'decade' | 'year-range' | 'month' | 'relative' | 'same-month';
  re: RegExp;
}

const FORMS: Form[] = [
  { name: 'written', re: new RegExp(`(?<![\\d.〇零一二三四五六七八九十])${YEAR}${S}年(?!代)${YEAR_TAIL}`, 'g') },
  { name: 'numeric', re: /(?<![\d.])((?:19|20)\d{2})([./-])(1[0-2]|0?[1-9])\2(3[01]|[12]\d|0?[1-9])(?![\d.])/g },
  { name: 'paren', re: /(?<=[(（])((?:19|20)\d{2})\.(1[0-2]|0?[1-9])(?=[)）])/g },
  { name: 'short', re: /(?<![\d.:/-])(\d{2})-(1[0-2]|0[1-9])-(3[01]|[12]\d|0[1-9])(?![\d:-])/g },
  { name: 'decade', re: /(?:上世纪|20世纪|二十世纪)?(?:((?:19|20)\d)0|([1-9])0|([二三四五六七八九])十)年代/g },
  { name: 'year-range', re: new RegExp(`(?<![\\d.])((?:19|20)\\d{2})${S}[-—–~～至到]${S}((?:19|20)\\d{2})${S}年`, 'g') },
  { name: 'month', re: new RegExp(`(?<![\\d〇零一二两三四五六七八九十年个第几数])${MONTH}${S}月份?${MONTH_TAIL}`, 'g') },
  {
    name: 'relative',
    re: new RegExp(`(今|去|前|明|同|次|翌|上)年(?![龄级纪])(?:(同期)|${S}${MONTH}${S}月份?${MONTH_TAIL}|(上半年|下半年)|第${S}([一二三四1-4])${S}季度|(初|底|末))?`, 'g'),
  },
  { name: 'same-month', re: new RegExp(`(当|同)月(?:${S}${DAY}${S}[日号])?`, 'g') },
];

const pad = (n: number) => String(n).padStart(2, '0');
const num = (s: string | undefined) => (s === undefined ? undefined : numberValue(s) ?? undefined);

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The pieces one match gives before context is applied. */
interface Draft {
  start: number;
  end: number;
  year?: number;
  /** A year relative to another: 今年 0, 去年 -1, 明年 +1 (from publication); 同年 (from context). */
  relative?: { base: 'published' | 'context'; offset: number };
  month?: number;
  day?: number;
  half?: 1 | 2;
  quarter?: number;
  decade?: number;
  untilYear?: number;
  part?: 'early' | 'late';
  comparison?: true;
  /** A month (and day) with no year, or 当月: needs the year (and month) from context. */
  needsYear?: boolean;
  needsMonth?: boolean;
}

const PART: Record<string, 'early' | 'late'> = { 初: 'early', 底: 'late', 末: 'late' };
const RELATIVE: Record<string, { base: 'published' | 'context'; offset: number }> = {
  今: { base: 'published', offset: 0 },
  去: { base: 'published', offset: -1 },
  上: { base: 'published', offset: -1 },
  前: { base: 'published', offset: -2 },
  明: { base: 'published', offset: 1 },
  同: { base: 'context', offset: 0 },
  次: { base: 'context', offset: 1 },
  翌: { base: 'context', offset: 1 },
};

function monthTail(d: Draft, day: string | undefined, part: string | undefined) {
  if (day !== undefined) d.day = num(day);
  if (part !== undefined && part in PART) d.part = PART[part];
}

/** What follows a year (YEAR_TAIL's groups): a month (and day or part), a half, a quarter, a part of the year. */
function yearTail(d: Draft, g: Array<string | undefined>) {
  if (g[0] !== undefined) {
    d.month = num(g[0]);
    monthTail(d, g[1], g[2]);
  }
  if (g[3]) d.half = g[3] === '上半年' ? 1 : 2;
  if (g[4]) d.quarter = num(g[4]);
  if (g[5]) d.part = PART[g[5]];
}

function draft(form: Form['name'], m: RegExpExecArray): Draft | null {
  const d: Draft = { start: m.index, end: m.index + m[0].length };
  const g = m.slice(1);
  switch (form) {
    case 'written': {
      d.year = num(g[0]);
      yearTail(d, g.slice(1));
      return d;
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

/** Quoted stretches (“…”, 「…」, "…"): a quoted policy's target years are not the text's own time. */
function quotedRanges(t: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  let open = -1;
  let closer = '';
  for (let i = 0; i < t.length; i++) {
    const c = t[i];
    if (open < 0) {
      if (c === '“' || c === '「' || c === '"') {
        open = i;
        closer = c === '“' ? '”' : c === '「' ? '」' : '"';
      }
    } else if (c === closer) {
      ranges.push([open, i]);
      open = -1;
    } else if (c === '\n') open = -1;
  }
  return ranges;
}

function qualify(t: string, m: { start: number; end: number }, year: number | undefined, published: string | null) {
  const before = t.slice(Math.max(0, m.start - 4), m.start);
  const after = t.slice(m.end, m.end + 3);
  let qualifier: Qualifier | undefined;
  let comparison: true | undefined;
  if (/(截至|截止到?|截止至)[ \u3000]*$/.test(before)) qualifier = 'as-of';
  else if (/追溯到$/.test(before) || /^[ \u3000]*(以来|起|开始)/.test(after)) qualifier = 'since';
  else if (/^[ \u3000]*(之前|以前)/.test(after)) qualifier = 'before';
  else if (/^[ \u3000]*前/.test(after)) qualifier = 'by';
  else if (/^[ \u3000]*(之后|以后|后)/.test(after)) qualifier = 'after';
  else if (/(^|[,，;；:：。“"、\s]|预计|力争|争取|计划|将)(到|至)$/.test(before)) {
    const pubYear = published ? Number(published.slice(0, 4)) : undefined;
    qualifier = pubYear !== undefined && year !== undefined && year <= pubYear ? 'by' : 'target';
  }
  if (/(较|比|相比|相较)[ \u3000]*$/.test(before) || /^[ \u3000]*同期/.test(after)) comparison = true;
  return { qualifier, comparison };
}

/** Candidate matches of every form, longest first where they overlap, left to right. */
function candidates(t: string): Array<{ form: Form['name']; m: RegExpExecArray }> {
  const all: Array<{ form: Form['name']; m: RegExpExecArray }> = [];
  for (const f of FORMS) {
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

const SENTENCE_END = /[。！？!?\n]/g;

/** Extract every date mention from one text (a paragraph), given what the text before it established. */
export function extractDates(text: string, context: DateContext): DateResult {
  const t = matchText(text);
  const quotes = quotedRanges(t);
  let q = 0;
  const inQuote = (i: number) => {
    while (q < quotes.length && quotes[q]![1] < i) q++;
    return q < quotes.length && i > quotes[q]![0] && i < quotes[q]![1];
  };
  const sentenceEnds: number[] = [];
  for (const m of allMatches(SENTENCE_END, t)) sentenceEnds.push(m.index);
  let passed = 0;
  /** The index of the sentence an offset is in (offsets only grow, so a pointer is enough). */
  const sentenceOf = (i: number) => {
    while (passed < sentenceEnds.length && sentenceEnds[passed]! < i) passed++;
    return passed;
  };

  const mentions: DateMention[] = [];
  const refused: RefusedDate[] = [];
  const ctx: DateContext = { ...context };
  const pubYear = context.published ? Number(context.published.slice(0, 4)) : undefined;
  /** The year and month of the last mention in the current sentence (quoted or not). */
  let sentence = { index: -1, year: undefined as number | undefined, month: undefined as number | undefined };

  const refuse = (d: Draft, reason: string) =>
    refused.push({ start: d.start, end: d.end, text: text.slice(d.start, d.end), reason, ...(d.month !== undefined ? { month: d.month } : {}), ...(d.day !== undefined ? { day: d.day } : {}) });

  let consumed = 0;
  for (const { form, m } of candidates(t)) {
    if (m.index < consumed) continue;
    const d = draft(form, m);
    if (!d) continue;
    const s = sentenceOf(d.start);
    if (s !== sentence.index) sentence = { index: s, year: undefined, month: undefined };
    let resolved: DateMention['resolved'];

    if (d.relative) {
      if (d.relative.base === 'published') {
        if (d.comparison && sentence.year !== undefined && d.relative.offset === -1) {
          d.year = sentence.year - 1;
          resolved = 'sentence';
        } else if (pubYear === undefined) {
          refuse(d, `${text.slice(d.start, d.end)} is relative to a publication date the document does not give`);
          continue;
        } else {
          d.year = pubYear + d.relative.offset;
          resolved = 'published';
        }
      } else {
        if (ctx.year === undefined) {
          refuse(d, `${text.slice(d.start, d.end)} refers to a year the text before does not give`);
          continue;
        }
        d.year = ctx.year + d.relative.offset;
        resolved = 'context';
      }
    }
    if (d.needsYear) {
      const year = sentence.year ?? ctx.year;
      const month = d.needsMonth ? sentence.month ?? ctx.month : d.month;
      if (year === undefined || month === undefined) {
        refuse(d, `${text.slice(d.start, d.end)} has no year in the text before it`);
        continue;
      }
      d.year = year;
      d.month = month;
      resolved = sentence.year !== undefined ? 'sentence' : 'context';
    }

    // Validate what the text gives; nothing is rounded into a date.
    if (d.decade === undefined) {
      const y = d.year;
      if (y === undefined || y < 1900 || y > 2099) continue;
      if (d.month !== undefined && (d.month < 1 || d.month > 12)) continue;
      if (d.day !== undefined && (d.month === undefined || d.day < 1 || d.day > daysIn(y, d.month))) {
        refuse(d, `${text.slice(d.start, d.end)} is not a calendar date`);
        continue;
      }
      if (d.quarter !== undefined && (d.quarter < 1 || d.quarter > 4)) continue;
    }

    // A range: this date, a dash or 至, then another date.
    let end = d.end;
    let until: string | undefined;
    const next = /^[ \u3000]*[-—–~～至到][ \u3000]*/.exec(t.slice(end));
    if (next && d.year !== undefined && d.decade === undefined && d.untilYear === undefined) {
      const rest = t.slice(end + next[0].length);
      const written = new RegExp(`^${YEAR}${S}年(?:${S}${MONTH}${S}月(?:${S}${DAY}${S}[日号])?)?`).exec(rest);
      const monthOnly = d.month !== undefined ? new RegExp(`^${MONTH}${S}月(?:${S}${DAY}${S}[日号])?`).exec(rest) : null;
      const hit = written ?? monthOnly;
      if (hit) {
        const y = written ? num(written[1])! : d.year;
        const mo = num(written ? written[2] : hit[1]);
        const da = num(written ? written[3] : hit[2]);
        const u = mo === undefined ? String(y) : da === undefined ? `${y}-${pad(mo)}` : `${y}-${pad(mo)}-${pad(da)}`;
        const from = d.month === undefined ? String(d.year) : d.day === undefined ? `${d.year}-${pad(d.month)}` : `${d.year}-${pad(d.month)}-${pad(d.day)}`;
        const common = Math.min(from.length, u.length);
        if (u.slice(0, common) > from.slice(0, common)) {
          until = u;
          end = end + next[0].length + hit[0].length;
        }
      }
    }

    consumed = end;
    // 2017年，4月12日: a year, then the day in it, is one date.
    const last = mentions.at(-1);
    if (d.needsYear && !d.needsMonth && last && last.precision === 'year' && !last.qualifier && !last.comparison && /^[,，、 \u3000]*$/.test(t.slice(last.end, d.start))) {
      mentions.pop();
      d.start = last.start;
      resolved = undefined;
    }
    const mention: DateMention = { start: d.start, end, text: text.slice(d.start, end), date: '', precision: 'year' };
    if (d.decade !== undefined) {
      Object.assign(mention, { date: String(d.decade), until: String(d.decade + 9), precision: 'decade' });
    } else {
      const y = d.year!;
      if (d.untilYear !== undefined) Object.assign(mention, { date: String(y), until: String(d.untilYear), precision: 'range' });
      else if (d.half) Object.assign(mention, { date: `${y}-${d.half === 1 ? '01' : '07'}`, until: `${y}-${d.half === 1 ? '06' : '12'}`, precision: 'half' });
      else if (d.quarter) Object.assign(mention, { date: `${y}-${pad(d.quarter * 3 - 2)}`, until: `${y}-${pad(d.quarter * 3)}`, precision: 'quarter' });
      else if (d.day !== undefined) Object.assign(mention, { date: `${y}-${pad(d.month!)}-${pad(d.day)}`, precision: 'day' });
      else if (d.month !== undefined) Object.assign(mention, { date: `${y}-${pad(d.month)}`, precision: 'month' });
      else mention.date = String(y);
      if (until) Object.assign(mention, { until, precision: 'range' });
    }
    const q = qualify(t, mention, d.year ?? d.decade, context.published);
    if (q.qualifier) mention.qualifier = q.qualifier;
    if (d.part) mention.part = d.part;
    if (resolved) mention.resolved = resolved;
    if (d.comparison || q.comparison) mention.comparison = true;
    if (inQuote(d.start)) mention.quoted = true;
    mentions.push(mention);

    // What later dates without a year take as theirs.
    if (d.year !== undefined) {
      sentence.year = d.year;
      sentence.month = d.month;
      const sets = !mention.quoted && !mention.comparison && mention.qualifier !== 'target' && mention.qualifier !== 'by';
      if (sets) {
        ctx.year = until ? Number(until.slice(0, 4)) : d.untilYear ?? d.year;
        ctx.month = d.month;
      }
    }
  }
  return { mentions, refused, context: ctx };
}
