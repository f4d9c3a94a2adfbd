/**
 * Quantities as Chinese text writes them: 633家, 1.72亿, 47.6万人, 1,278億, 463萬8000人, 76萬5千餘人,
 * 82%, 2.1个百分点, 五分之二, 约1:1, 6∶3∶1, 2-3小时, 四至五家, 三五天, with their hedges (约, 近,
 * 余, 多, 超过, 逾 …) and the measure word. Not quantities: dates, document numbers
 * (国办发〔2017〕32号), ordinals and grades (第二章, 三级医院, 二次入院), place names with numerals
 * (七台河), clock times (13:05), phone numbers and postcodes, markup and style sheets left in a
 * page, and a form's hints (（最多18字）).
 */
import { extractDates } from './dates.ts';
import { matchText, numberValue, scaled } from './numerals.ts';
import { allMatches } from '../lib/matches.ts';

export interface Quantity {
  start: number;
  end: number;
  /** As written, hedges included (约1:1, 2000多家). */
  text: string;
  /** The value, scaled (1.72亿 = 172000000); for a range, its low end; for a ratio, first ÷ second. */
  value: number;
  /** The high end of a range (2-3小时, 四至五家). */
  upper?: number;
  /** %, 个百分点, fraction, ratio, or the measure word (家, 人次, 例, 元 …). */
  unit: string;
  /** The parts of a ratio (6∶3∶1 -> [6, 3, 1]). */
  parts?: number[];
  approximate: boolean;
  /** 超过/逾/余/多/以上: at least; 不到/不足/近/以下: at most. */
  bound?: 'lower' | 'upper';
  /** What is counted, when the words right after the unit say it (633家联盟医院 -> 联盟医院). */
  counted?: string;
}

const DIGITS = '\\d+(?:,\\d{3})*(?:\\.\\d+)?';
const HAN_NUM = '[零〇一二两三四五六七八九十百千]+';
const NUM = `(?:${DIGITS}|${HAN_NUM})`;
/**
 * What may follow a 万 in one number, written out in full: 8000, 4,208, 660 (Taiwan writes
 * 18萬660 for 180,660), 5千, 五千 (463万8000, 76万5千). Not one digit alone (1万5, 两万五), short
 * for 5千: the reader must know it.
 */
const BELOW = '(?:\\d,\\d{3}|\\d{2,4}|\\d{1,3}[千百]|[零〇一二两三四五六七八九]?[千百][零〇一二两三四五六七八九十百]*)(?![\\d.,])';
/** A number: digits (5千), a Chinese numeral, or one with its 亿 and 万 inside (1亿2000万, 463万8000, 1万5051). */
const NUMBER = `(?:${NUM}亿${NUM}万(?:${BELOW})?|${NUM}万${BELOW}|${DIGITS}(?:千(?![米克瓦]))?|${HAN_NUM})`;
const SCALE = '[万亿]?';
/** Measure words, longest first (人次 before 人). */
export const MEASURE_WORDS = [
  '个百分点', '人次', '个小时', '个月', '小时', '分钟', '平方米', '公里', '千米', '周岁', '岁', '家', '个', '人', '例', '名', '所', '张',
  '元', '套', '天', '周', '次', '项', '种', '类', '页', '字', '组', '位', '床', '倍', '台', '辆', '支', '篇', '份', '批', '座', '条', '户', '年',
  '平方公里', '公顷', '处', '间', '吨', '亩', '件',
];
const UNIT = `(?:${MEASURE_WORDS.join('|')})`;
/** Hedges before the number (约 not in 签约, 近 not in 最近). */
const BEFORE_HEDGE = '(?:((?<![签节预制合公条契邀履])约|大约|(?<![最附亲])近|将近|接近|不超过|超过|超|逾|多达|不到|不足|高达|仅)为?[ \\u3000]?)?';
const AFTER_HEDGE = '(余|多)?';

/** Place names that contain numerals. */
const NUMERAL_PLACES = ['七台河', '三明', '十堰', '六盘水', '五指山', '四平', '三亚', '九江', '三门峡', '二连浩特', '万州', '万宁', '五莲', '八宿', '千佛山', '一师'];

const FORMS: Array<{ kind: 'percent' | 'points' | 'fraction' | 'ratio' | 'range' | 'count'; re: RegExp }> = [
  { kind: 'fraction', re: new RegExp(`${BEFORE_HEDGE}(${HAN_NUM})分之(${HAN_NUM})`, 'g') },
  { kind: 'range', re: new RegExp(`${BEFORE_HEDGE}(${DIGITS})[%％]?(?:[-~～—]|至|到)(${DIGITS})()([%％])`, 'g') },
  { kind: 'percent', re: new RegExp(`${BEFORE_HEDGE}(?:(${DIGITS})[%％]|百分之(${NUM}))(以上|以下|左右)?`, 'g') },
  { kind: 'ratio', re: new RegExp(`${BEFORE_HEDGE}(${DIGITS}(?:[:：∶]${DIGITS})+)(?![\\d.])`, 'g') },
  { kind: 'range', re: new RegExp(`${BEFORE_HEDGE}(${DIGITS}|${HAN_NUM})(?:[-~～—]|至|到)(${DIGITS}|${HAN_NUM})(${SCALE})(${UNIT})`, 'g') },
  { kind: 'range', re: /(三五|两三|三四|四五|五六|六七|七八|八九)(天|个|家|年|人|次|名)/g },
  { kind: 'count', re: new RegExp(`${BEFORE_HEDGE}(${NUMBER})(${SCALE})${AFTER_HEDGE}(${SCALE})(?:[ \\u3000]?(${UNIT}))?((?<=年|月|天|周|小时)[多余])?(以上|以下|左右)?`, 'g') },
];

const LOWER = /^(超过|超|逾|多达|高达)$/;
const UPPER = /^(不到|不足|不超过|近|将近|接近)$/;

const NOT_QUANTITIES = [
  /[〔[(（]\d{4}[〕\])）]\d+号/g, // document numbers
  // Phone numbers (010-12345678, (02)2345-6789, 0800-000-123, 400-123-4567, mobiles; any after 电话/热线) and postcodes.
  /\d{3,4}-\d{7,8}|(?:\(0\d{1,3}\)|(?<![\d.])0\d{1,3}-)\s?\d{3,4}-?\d{3,4}(?!\d)|(?<!\d)(?:400|800)-\d{3,4}-\d{3,4}(?!\d)|(?<!\d)1[3-9]\d{9}(?!\d)|(?:电话|热线|传真|手机|专线|tel|Tel|TEL)[:：]?\s*[\d()\s-]{3,}\d|(?:邮编|邮政编码)[:：]?\s*\d{6}/g,
  // Markup and style sheets left in the text: tags, rules, declarations, attributes.
  /<[^<>]*>|\{[^{}]*\}|\b[a-z-]+\s*:\s*[^;{}\s]+;|\b[a-zA-Z-]+\s*=\s*(?:"[^"]*"|'[^']*'|\S+)/g,
  // A form's hint of how long its text may be (（最多18字）).
  /[(（][^()（）]{0,6}?\d+\s*个?(?:字|字符|汉字)(?:以内|以下)?[)）]/g,
  /[A-Za-z]+\d+[A-Za-z]*|\d+[A-Za-z]+\d*/g, // O2O, B2B, 5G
  /\d+\s*\+\s*(?:\d+|[A-Za-z])/g, // 3+2, 16+1, 1+X
  /第[\d零〇一二两三四五六七八九十百千]+/g, // ordinals
  // An address (地址：115204臺北市…488號): its postcode and numbers are not figures.
  /(?:地址|通讯地址|住址)[:：]\s*[^\s。；;]*/g,
  // Place names with numerals, every one where it is (no name ends in a character another begins with, so none overlap).
  new RegExp(NUMERAL_PLACES.join('|'), 'g'),
];

/** Spans that are never quantities: dates, document numbers, phone numbers, postcodes, codes like O2O and 3+2, places like 七台河. */
function excluded(t: string, published: string | null, minguo: boolean): Array<[number, number]> {
  const spans: Array<[number, number]> = extractDates(t, { published, year: 2000, minguo }).mentions.map((m) => [m.start, m.end]);
  for (const re of NOT_QUANTITIES) for (const m of allMatches(re, t)) spans.push([m.index, m.index + m[0].length]);
  return spans;
}

/** Words after a numeral that make it a grade, an ordinal or part of a word, not a count. */
const NOT_A_COUNT_AFTER = /^(级|甲|乙|线|代|期|轮|环|流|体|统一|对一|本通|单通|开放|培训|团队|不变|共享|为|带一路|些|定|起|般|致|样|旦|切|同|道|下|点)/;

/** Nouns of public life that end a counted thing (633家联盟医院, 32个省市, 5993例远程会诊); a corpus adds its field's (its lexicon's countedNouns). */
export const COUNTED_NOUNS = ['医院', '卫生院', '卫生室', '机构', '患者', '病人', '医生', '医师', '人员', '专家', '联合体', '平台', '项目', '中心', '企业', '省份', '省市', '地区', '城市', '县', '单位', '服务器', '系统', '政策', '病例', '会诊', '模式', '家庭', '人口', '门诊', '图表', '诊所', '药店', '学科', '专科', '科室', '团队', '医疗单位', '互联网医院', '村', '乡镇'];

/** The expression of counted nouns: the general ones and a corpus's own (each tried in the order given, at the first place one fits). */
export function countedNounPattern(own: readonly string[] = []): RegExp {
  const escape = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^[\\u4e00-\\u9fa5]{0,5}?(${[...COUNTED_NOUNS, ...own.filter((w) => !COUNTED_NOUNS.includes(w))].map(escape).join('|')})`);
}

const GENERAL_COUNTED = countedNounPattern();

/**
 * Every quantity in a text, left to right, without overlaps (`minguo`: the document dates its years
 * so, and 99年度 is a year; `counted`: the counted nouns, countedNounPattern's, when a corpus adds its own).
 */
export function extractQuantities(text: string, published: string | null = null, options: { minguo?: boolean; counted?: RegExp } = {}): Quantity[] {
  const countedNoun = options.counted ?? GENERAL_COUNTED;
  const t = matchText(text);
  const skip = excluded(t, published, options.minguo ?? false);
  const overlapsSkip = (s: number, e: number) => skip.some(([a, b]) => s < b && e > a);
  const found: Quantity[] = [];
  const taken = (s: number, e: number) => found.some((f) => s < f.end && e > f.start);

  for (const { kind, re } of FORMS) {
    re.lastIndex = 0;
    for (const m of allMatches(re, t)) {
      const start = m.index;
      const end = start + m[0].length;
      if (m[0].length === 0 || taken(start, end) || overlapsSkip(start, end)) continue;
      const before = m[1] ?? '';
      let q: (Omit<Quantity, 'start' | 'end' | 'text' | 'approximate'> & { approximate?: boolean }) | undefined;
      switch (kind) {
        case 'fraction': {
          const whole = numberValue(m[2]!);
          const part = numberValue(m[3]!);
          if (!whole || part === null) continue;
          q = { value: part / whole, unit: 'fraction' };
          break;
        }
        case 'percent': {
          const v = numberValue(m[2] ?? m[3]!);
          if (v === null) continue;
          q = { value: v, unit: '%', ...(m[4] === '以上' ? { bound: 'lower' as const } : m[4] === '以下' ? { bound: 'upper' as const } : {}), ...(m[4] === '左右' ? { approximate: true } : {}) };
          break;
        }
        case 'ratio': {
          const parts = m[2]!.split(/[:：∶]/).map(Number);
          if (parts.some((p) => !Number.isFinite(p)) || parts[1] === 0) continue;
          // A time of day (10:30, 13:05, 18:45:17) is not a ratio, unless the text says it is one (医护比为1:10).
          if (/^\d{1,2}(?::\d{2}){1,2}$/.test(m[2]!) && parts[0]! <= 24 && (parts.length === 3 || parts[1]! >= 10 || m[2]!.includes(':0')) && !/比例?为?\s*$/.test(t.slice(Math.max(0, start - 4), start))) continue;
          q = { value: parts[0]! / parts[1]!, unit: 'ratio', parts };
          break;
        }
        case 'range': {
          if (m.length <= 3) {
            // 三五天: two neighbouring numerals.
            const [a, b] = [...m[1]!].map((c) => numberValue(c)!);
            q = { value: a!, upper: b!, unit: m[2]!, approximate: true };
            break;
          }
          const low = numberValue(m[2]!);
          const high = numberValue(m[3]!);
          if (low === null || high === null || high <= low) continue;
          const scale = m[4] === '亿' ? 1e8 : m[4] === '万' ? 1e4 : 1;
          q = { value: scaled(low, scale), upper: scaled(high, scale), unit: m[5]! };
          break;
        }
        case 'count': {
          const raw = m[2]!;
          const isDigits = /^\d/.test(raw);
          // 1.72亿 and 50多万: the scale comes before or after the hedge.
          const scaleWord = m[3] || m[5] || '';
          const afterHedge = m[4];
          const unit = m[6];
          const afterUnit = m[7]; // 一年多
          const tail = m[8];
          const v = numberValue(raw);
          if (v === null) continue;
          // A Chinese numeral needs a measure word; so do bare digits, unless 万/亿 scales them (门诊量为337万, 1万5051).
          if (!unit && !scaleWord && !/[万亿]/.test(raw)) continue;
          if (!unit && !isDigits) continue;
          const next = t.slice(end);
          if (!isDigits && NOT_A_COUNT_AFTER.test(next)) continue;
          if (!isDigits && unit === '次' && /^[\u4e00-\u9fa5]/.test(next)) continue; // 二次入院
          // 一个, 一种, 一家 …: an article, not a count (一年 and 一年多 are durations).
          if (raw === '一' && unit !== '年' && !afterHedge) continue;
          // 这一年, 每一年: a time, not a duration.
          if (raw === '一' && unit === '年' && /[这那每同该当]$/.test(t.slice(0, start))) continue;
          // 百倍爱心卡, 信心百倍, 百家号, 千家万户: a figure of speech or a name, unless hedged (逾百家).
          if (/^[百千万]$/.test(raw) && (unit === '倍' || !before)) continue;
          // 年 is a duration (十多年, 近7年), never a year: a year is a date, excluded above.
          if (unit === '年' && (v >= 100 || /[年月]/.test(next.slice(0, 1)))) continue;
          if (/^(级|甲)/.test(next) && !unit) continue;
          if (isDigits && /[\d.]$/.test(t.slice(0, start))) continue;
          const scale = scaleWord === '亿' ? 1e8 : scaleWord === '万' ? 1e4 : 1;
          q = { value: scaled(v, scale), unit: unit ?? '' };
          if (afterHedge || afterUnit) Object.assign(q, { approximate: true, bound: 'lower' });
          if (tail === '以上') q.bound = 'lower';
          if (tail === '以下') q.bound = 'upper';
          if (tail === '左右') q.approximate = true;
          if (unit === '个' && next.startsWith('百分点')) continue; // handled as 个百分点
          break;
        }
      }
      if (!q) continue;
      if (before) {
        if (LOWER.test(before)) q.bound = 'lower';
        if (UPPER.test(before)) q.bound = 'upper';
        if (/^(约|大约|近|将近|接近)$/.test(before)) q.approximate = true;
      }
      // What is counted follows the unit.
      const counted = kind === 'count' || kind === 'range' ? countedNoun.exec(t.slice(end))?.[0] : undefined;
      found.push({ start, end, text: text.slice(start, end), approximate: q.approximate ?? false, ...q, ...(counted ? { counted } : {}) } as Quantity);
    }
  }
  return found.sort((a, b) => a.start - b.start);
}
