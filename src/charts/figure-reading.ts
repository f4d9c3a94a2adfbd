/**
 * What a figure measures and what it is labelled with, read from its sentence: in
 * 长护险参保人数2020年底为1.08亿人，2021年底为1.45亿人, both figures measure 长护险参保人数 (the second
 * takes it from the first); in 享受待遇人数西乡塘区1208人、青秀区1035人, the figures measure
 * 享受待遇人数 and are labelled 西乡塘区 and 青秀区. Used by auto.ts to put together only figures of
 * the same thing.
 */
import type { Figure } from '../extract/figures.ts';
import { matchText } from '../extract/numerals.ts';

/**
 * Where a figure's text stands in a text, from `from`: not inside a longer number (20 is not the 20
 * of 2020年 in `2020年 20`, a table row's context), or -1.
 */
export function figureAt(text: string, figure: string, from = 0): number {
  const digitAt = (i: number) => /[\d.]/.test(text[i] ?? '');
  for (let i = text.indexOf(figure, from); i >= 0; i = text.indexOf(figure, i + 1)) {
    if (/^\d/.test(figure) && digitAt(i - 1)) continue;
    if (/\d$/.test(figure) && (digitAt(i + figure.length) || /^,\d/.test(text.slice(i + figure.length)))) continue;
    return i;
  }
  return -1;
}

/** Where the figure's text is in its context: after a cut (…) the figure sits 60 characters in; else where its text occurs, the nth time for the nth figure of the same context. */
export function locate(f: Figure, nth = 0): number {
  const cut = f.context.indexOf('…');
  if (cut >= 0 && cut < 12 && f.context.startsWith(f.text, cut + 61)) return cut + 61;
  let at = -1;
  for (let k = 0; k <= nth; k++) {
    const next = figureAt(f.context, f.text, at + 1);
    if (next < 0) break;
    at = next;
  }
  return at;
}

/** Dates, clock-free: 2020年底, 2021年12月底, 107年, 2019/20年度, 上年 (removed from a measure's words). */
const DATE_WORDS = /(?:(?:\d{2,4}|[〇零一二三四五六七八九十]{2,4})年(?:度)?(?:\d{1,2}月(?:\d{1,2}日)?)?(?:底|末|初|上半年|下半年)?(?:以来|前|后)?|\d{1,2}月(?:\d{1,2}日)?(?:底|末|初)?|(?:今|去|上|同|当|本|次|翌)年(?:同期)?|全年|年内|年底|同期|截至|截止|到|至)/g;
/** Words that lead into a figure and are not what it measures. */
const LEAD = /^(?:据统计|数据显示|其中|包括|分别为|分别是|分别|从|在|按|截至|截止|共有|共|合计|总计|另有|另|此外|同时|全年|来|以来|和|及|与|比|较|由|自)+/;
/** Words between what is measured and the number (为, 达到, 增至, 比…的). */
const VERB = /(?:为|是|达到|达|增至|增加到|增加了|增加|增长到|增长|提高到|提高至|提高|上升到|上升至|下降到|下降至|降至|降到|减少到|减少至|减少|扩大到|扩大为|扩大|突破|超过|超|逾|近|约|有|共有|共|累计|合计|总计|已经|已|分别为|分别|占|的|比|较|由|从|增到|升至|升到|跌至|仅|只有|高达|多达|之|自|和|及|与|于|在|到|向|对|将|就|又|增|升|降)+$/;
/** What ends the words naming a measure (人数, 数量, 规模, 金额 …): a label after them is the item's (享受待遇人数|西乡塘区). */
const MEASURE_END = /(?:人数|人次|数量|总数|规模|金额|总额|支出|收入|费用|总量|数)(?=[\u3400-\u9fff]{2,}$)/;

/** The words before a figure, cleaned: no dates, no leading marks, no lead words, no verbs between them and the number; the last such stretch. */
function words(text: string): string {
  const parts = matchText(text)
    .replace(DATE_WORDS, ' ')
    .split(/[^\u3400-\u9fffA-Za-z]+/)
    .map((p) => p.replace(LEAD, '').replace(VERB, '').replace(LEAD, ''))
    .filter((p) => p.length >= 2);
  return parts.at(-1) ?? '';
}

/** The last break before `at` in `text` (an index, or -1). */
function lastBreak(text: string, at: number, breaks: RegExp): number {
  for (let i = at - 1; i >= 0; i--) if (breaks.test(text[i]!)) return i;
  return -1;
}

export interface FigureReading {
  figure: Figure;
  /** What the figure counts, as the sentence names it (inherited from the figure before it for the same unit when its own words name none). */
  measure: string;
  /** The item it is about in a list (西乡塘区, 养老机构): the words right before it, '' when none. */
  label: string;
  /** The words right before it in its sentence (for 其中, 共, 合计 and 比). */
  lead: string;
  /** Where it is in its context. */
  at: number;
  /** It goes on a list the figure before it started (、青秀区1035人). */
  listed: boolean;
}

const CLAUSE_BREAK = /[,，;；:：。!?！？]/;
const ITEM_BREAK = /[,，;；:：。!?！？、]/;

/** The measure and label of each figure, in reading order. */
export function readFigures(figures: readonly Figure[]): FigureReading[] {
  const out: FigureReading[] = [];
  const seen = new Map<string, number>();
  const previous = new Map<string, FigureReading>();
  for (const f of figures) {
    const key = `${f.doc}|${f.paragraph}|${f.context}`;
    const nth = seen.get(key) ?? 0;
    seen.set(key, nth + 1);
    const at = locate(f, nth);
    if (at < 0) continue;
    // A table's figure alone in its cell: its header and row said what it is (extract/figures.ts).
    if (f.measure !== undefined) {
      out.push({ figure: f, measure: f.measure, label: f.label ?? '', lead: '', at, listed: false });
      continue;
    }
    // The figure before it in the paragraph, where this context shows it (a long sentence's figures each have their own cut of it).
    const paragraph = `${f.doc}|${f.paragraph}`;
    const before = previous.get(paragraph);
    const seenAt = before ? f.context.lastIndexOf(before.figure.text, at - before.figure.text.length) : -1;
    const prev = seenAt >= 0 ? before : undefined;
    const from = prev ? seenAt + prev.figure.text.length : 0;
    const between = f.context.slice(from, at);
    const clause = words(f.context.slice(Math.max(from, lastBreak(f.context, at, CLAUSE_BREAK) + 1), at));
    const item = words(f.context.slice(Math.max(from, lastBreak(f.context, at, ITEM_BREAK) + 1), at));
    // A list goes on (、青秀区1035人): the measure is the list's; the words are the item's.
    const listed = prev !== undefined && prev.figure.unit === f.unit && /^[^,，;；:：。!?！？]*$/.test(between) && /[、和及与]/.test(between);
    const split = MEASURE_END.exec(item);
    const label = split ? item.slice(split.index + split[0].length) : item;
    let measure = listed ? prev.measure : split ? item.slice(0, split.index + split[0].length) : clause;
    if (!measure && prev && prev.figure.unit === f.unit) measure = prev.measure;
    // Names as the document wrote them (matchText keeps every character's place): 長照服務人數, not 长照服务人数.
    const folded = matchText(f.context);
    const written = (name: string) => {
      const i = name ? folded.lastIndexOf(name, at) : -1;
      return i >= 0 ? f.context.slice(i, i + name.length) : name;
    };
    const reading: FigureReading = { figure: f, measure: written(measure), label: label === measure ? '' : written(label), lead: matchText(f.context.slice(Math.max(0, at - 8), at)), at, listed };
    previous.set(paragraph, reading);
    out.push(reading);
  }
  return out;
}
