/**
 * Dates as Chinese text writes them (the forms are in date-forms.ts), resolved in context:
 * 4月23日 and 当月23日 take the year and month of the text before, 同年/当年/次年 its year, 本年 its
 * year or else the publication's, 今年/去年/明年 the publication's, a month with no year before it
 * (预计11月2日上路, a dateline 8月5日电) the year that puts it next to the publication date. Nothing
 * is invented: a date whose year cannot be found is refused with a reason, and a day or month the
 * text does not give stays unknown.
 */
import { candidates, DAY, draft, MONTH, S, TO, YEAR, type Draft } from './date-forms.ts';
import { minguoDated } from './minguo.ts';
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
  /** Inside a 《》 title: part of a name (《规划纲要（2022－2035年）》), not a time the text speaks of. */
  named?: true;
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
  /** The document counts its years in the Minguo calendar (minguo.ts): 107年度 and 108-09-30 are read as such. */
  minguo?: boolean;
}

export interface DateResult {
  mentions: DateMention[];
  refused: RefusedDate[];
  context: DateContext;
}

const pad = (n: number) => String(n).padStart(2, '0');
const num = (s: string | undefined) => (s === undefined ? undefined : numberValue(s) ?? undefined);

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
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

const SENTENCE_END = /[。！？!?\n]/g;

/** A date as YYYY, YYYY-MM or YYYY-MM-DD. */
const ymd = (y: number, m?: number, d?: number) => (m === undefined ? String(y) : d === undefined ? `${y}-${pad(m)}` : `${y}-${pad(m)}-${pad(d)}`);

/** Whether date `a` is later than `b`, compared at the precision both give. */
const later = (a: string, b: string) => {
  const n = Math.min(a.length, b.length);
  return a.slice(0, n) > b.slice(0, n);
};

/**
 * The year of a month (and day) the text gives without one, from the publication date: the year
 * that puts it nearest that date (news speaks of the months around it: 预计11月2日上路 in a page of
 * 30 October), or for a dateline (8月5日电) the last one not after it.
 */
function yearNear(published: string, month: number, day: number | undefined, notAfter: boolean): number {
  const [py, pm = 7, pd = 15] = published.split('-').map(Number) as [number, number?, number?];
  if (published.length === 4) return py;
  const at = Date.UTC(py, pm - 1, pd);
  let best = py;
  let bestGap = Infinity;
  for (const y of [py - 1, py, py + 1]) {
    const gap = Date.UTC(y, month - 1, day ?? 15) - at;
    if (notAfter && gap > (day === undefined ? 31 : 0) * 86400000) continue;
    if (Math.abs(gap) < bestGap) [best, bestGap] = [y, Math.abs(gap)];
  }
  return best;
}

/** What may end a range after a dash or 至: a year (and month, day), a month (and day), or a day. */
function rangeEnd(rest: string, d: Draft): { until: string; length: number } | undefined {
  const written = new RegExp(`^${d.minguo ? '(\\d{2,3})' : YEAR}${S}年(?:${S}${MONTH}${S}月(?:${S}${DAY}${S}[日号])?)?`).exec(rest);
  if (written) return { until: ymd(num(written[1])! + (d.minguo ? 1911 : 0), num(written[2]), num(written[3])), length: written[0].length };
  if (d.month === undefined) return undefined;
  const month = new RegExp(`^${MONTH}${S}月(?:${S}${DAY}${S}[日号])?`).exec(rest);
  if (month) return { until: ymd(d.year!, num(month[1]), num(month[2])), length: month[0].length };
  if (d.day === undefined) return undefined;
  const day = new RegExp(`^${DAY}${S}[日号]`).exec(rest);
  if (day) return { until: ymd(d.year!, d.month, num(day[1])), length: day[0].length };
  return undefined;
}

/**
 * Years listed one after another and then counted (按2022年、2023年、2024年三年推进): one period, from
 * the first to the last. A list not followed by its count stays a list of years (2010年、2014年、2015年).
 */
function joinListedYears(t: string, mentions: DateMention[], text: string): DateMention[] {
  const out: DateMention[] = [];
  for (let i = 0; i < mentions.length; ) {
    let j = i;
    const isYear = (m: DateMention) => m.precision === 'year' && !m.part && !m.resolved && /^\d{4}$/.test(m.date);
    while (j + 1 < mentions.length && isYear(mentions[j]!) && isYear(mentions[j + 1]!) && Number(mentions[j + 1]!.date) === Number(mentions[j]!.date) + 1 && /^[ \u3000]*[、和及与][ \u3000]*$/.test(t.slice(mentions[j]!.end, mentions[j + 1]!.start))) j++;
    const count = j > i ? /^[ \u3000]*(?:这|连续)?([两三四五六七八九十]|\d{1,2})[ \u3000]*个?年/.exec(t.slice(mentions[j]!.end)) : null;
    if (count && numberValue(count[1]!) === j - i + 1) {
      const first = mentions[i]!;
      const last = mentions[j]!;
      out.push({ ...first, end: last.end, text: text.slice(first.start, last.end), until: last.date, precision: 'range', ...(last.qualifier && !first.qualifier ? { qualifier: last.qualifier } : {}) });
    } else out.push(...mentions.slice(i, j + 1));
    i = j + 1;
  }
  return out;
}

/** Extract every date mention from one text (a paragraph), given what the text before it established. */
export function extractDates(text: string, context: DateContext): DateResult {
  const t = matchText(text);
  const quotes = quotedRanges(t);
  let q = 0;
  const inQuote = (i: number) => {
    while (q < quotes.length && quotes[q]![1] < i) q++;
    return q < quotes.length && i > quotes[q]![0] && i < quotes[q]![1];
  };
  const titles = allMatches(/《[^《》\n]*》/g, t);
  let k = 0;
  const inTitle = (i: number) => {
    while (k < titles.length && titles[k]!.index + titles[k]![0].length <= i) k++;
    return k < titles.length && i > titles[k]!.index;
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
  const published = context.published;
  const pubYear = published ? Number(published.slice(0, 4)) : undefined;
  /** The year and month of the last mention in the current sentence (quoted or not). */
  let sentence = { index: -1, year: undefined as number | undefined, month: undefined as number | undefined };

  const refuse = (d: Draft, reason: string) =>
    refused.push({ start: d.start, end: d.end, text: text.slice(d.start, d.end), reason, ...(d.month !== undefined ? { month: d.month } : {}), ...(d.day !== undefined ? { day: d.day } : {}) });

  let consumed = 0;
  for (const { form, m } of candidates(t, context.minguo)) {
    if (m.index < consumed) continue;
    const d = draft(form, m);
    if (!d) continue;
    const s = sentenceOf(d.start);
    if (s !== sentence.index) sentence = { index: s, year: undefined, month: undefined };
    let resolved: DateMention['resolved'];
    const written = text.slice(d.start, d.end);

    if (d.relative) {
      const { base, offset } = d.relative;
      if (base === 'context' || (base === 'context-first' && ctx.year !== undefined)) {
        if (ctx.year === undefined) {
          refuse(d, `${written} refers to a year the text before does not give`);
          continue;
        }
        d.year = ctx.year + offset;
        resolved = 'context';
      } else if (d.comparison && sentence.year !== undefined && offset === -1) {
        d.year = sentence.year - 1;
        resolved = 'sentence';
      } else if (pubYear === undefined) {
        refuse(d, `${written} is relative to a publication date the document does not give`);
        continue;
      } else {
        d.year = pubYear + offset;
        resolved = 'published';
      }
    }
    if (d.needsYear) {
      // A dateline (新华社北京8月5日电) is dated by the publication, whatever the text said before.
      const dateline = !d.needsMonth && d.day !== undefined && /^[ \u3000]*电/.test(t.slice(d.end));
      let year = dateline ? undefined : sentence.year ?? ctx.year;
      const month = d.needsMonth ? sentence.month ?? ctx.month : d.month;
      resolved = sentence.year !== undefined ? 'sentence' : 'context';
      if (year === undefined && !d.needsMonth && month !== undefined && published) {
        year = yearNear(published, month, d.day, dateline);
        resolved = 'published';
      }
      if (year === undefined || month === undefined) {
        refuse(d, `${written} has no year in the text before it${published ? '' : ' and the document no publication date'}`);
        continue;
      }
      d.year = year;
      d.month = month;
    }

    // 7月12-13日: the days of a month, from one to the other.
    let untilDay: number | undefined;
    if (d.month !== undefined && d.day === undefined && d.untilMonth === undefined && !d.part) {
      const days = new RegExp(`^${S}${DAY}${S}${TO}${S}${DAY}${S}[日号]`).exec(t.slice(d.end));
      if (days) {
        d.day = num(days[1]);
        untilDay = num(days[2]);
        d.end += days[0].length;
      }
    }

    // Validate what the text gives; nothing is rounded into a date.
    if (d.decade === undefined) {
      const y = d.year;
      if (y === undefined || y < 1900 || y > 2099) continue;
      if (d.month !== undefined && (d.month < 1 || d.month > 12)) continue;
      if (d.untilMonth !== undefined && (d.month === undefined || d.untilMonth <= d.month || d.untilMonth > 12)) continue;
      if (d.day !== undefined && (d.month === undefined || d.day < 1 || d.day > daysIn(y, d.month))) {
        refuse(d, `${written} is not a calendar date`);
        continue;
      }
      if (d.quarter !== undefined && (d.quarter < 1 || d.quarter > 4)) continue;
      if (untilDay !== undefined && (untilDay <= d.day! || untilDay > daysIn(y, d.month!))) continue;
    }

    // A range: this date, a dash or 至, then another date (2015年-2017年4月, 3月至5月, 7月12日-13日).
    let end = d.end;
    let until = untilDay !== undefined ? ymd(d.year!, d.month, untilDay) : undefined;
    const next = new RegExp(`^${S}${TO}${S}`).exec(t.slice(end));
    if (next && !until && d.year !== undefined && d.decade === undefined && d.untilYear === undefined && d.untilMonth === undefined && !d.fiscal) {
      const hit = rangeEnd(t.slice(end + next[0].length), d);
      if (hit) {
        const from = ymd(d.year, d.month, d.day);
        const common = Math.min(from.length, hit.until.length);
        if (hit.until.slice(0, common) > from.slice(0, common)) {
          until = hit.until;
          end = end + next[0].length + hit.length;
        }
      }
    }

    consumed = end;
    // 2017年，4月12日: a year, then the day in it, is one date.
    const last = mentions.at(-1);
    if (d.needsYear && !d.needsMonth && resolved !== 'published' && last && last.precision === 'year' && !last.qualifier && !last.comparison && /^[,，、 \u3000]*$/.test(t.slice(last.end, d.start))) {
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
      else if (d.fiscal) Object.assign(mention, { date: `${y}-04`, until: `${y + 1}-03`, precision: 'range' });
      else if (d.untilMonth !== undefined) Object.assign(mention, { date: ymd(y, d.month), until: ymd(y, d.untilMonth), precision: 'range' });
      else if (d.half) Object.assign(mention, { date: `${y}-${d.half === 1 ? '01' : '07'}`, until: `${y}-${d.half === 1 ? '06' : '12'}`, precision: 'half' });
      else if (d.quarter) Object.assign(mention, { date: `${y}-${pad(d.quarter * 3 - 2)}`, until: `${y}-${pad(d.quarter * 3)}`, precision: 'quarter' });
      else if (d.day !== undefined) Object.assign(mention, { date: ymd(y, d.month, d.day), precision: 'day' });
      else if (d.month !== undefined) Object.assign(mention, { date: ymd(y, d.month), precision: 'month' });
      else mention.date = String(y);
      if (until) Object.assign(mention, { until, precision: 'range' });
    }
    const q = qualify(t, mention, d.year ?? d.decade, published);
    if (q.qualifier) mention.qualifier = q.qualifier;
    if (d.part) mention.part = d.part;
    if (resolved) mention.resolved = resolved;
    if (d.comparison || q.comparison) mention.comparison = true;
    if (inQuote(d.start)) mention.quoted = true;
    if (inTitle(d.start)) mention.named = true;
    mentions.push(mention);

    // What later dates without a year take as theirs: not a quotation, a comparison's baseline, a
    // target, nor a plan (a date after the publication: 明年上半年, 最快7月).
    if (d.year !== undefined) {
      sentence.year = d.year;
      sentence.month = d.month;
      const plan = published !== null && later(mention.date, published);
      const sets = !mention.quoted && !mention.named && !mention.comparison && mention.qualifier !== 'target' && mention.qualifier !== 'by' && !plan;
      if (sets) {
        ctx.year = until ? Number(until.slice(0, 4)) : d.untilYear ?? d.year;
        ctx.month = d.month;
      }
    }
  }
  return { mentions: joinListedYears(t, mentions, text), refused, context: ctx };
}

/**
 * What a document's dates start from: its publication date, its calendar (Minguo or not, from
 * all its text) and the year its title names (2019年全国将重点建设500个医共体: its 本年 is 2019).
 */
export function documentContext(title: string, published: string | null, texts: Iterable<string>): DateContext {
  const base: DateContext = { published, ...(minguoDated([title, ...texts]) ? { minguo: true } : {}) };
  return extractDates(title, base).context;
}
