/**
 * Dates as pages write them, read into YYYY-MM-DD (or YYYY-MM): 2025-05-19, 2021/5/26, 2018.06.09,
 * 2021年11月19日, 二〇二二年十二月十九日, and Taiwan's Minguo years. Used by the readers of metadata
 * lines (meta-lines.ts, record-lines.ts); matched on folded text.
 */

/** The value of each Chinese digit (〇 and 零 are both 0). */
const DIGIT: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
export const CN_NUMBER = '[〇零一二三四五六七八九十]';
/**
 * A date as pages write it: 2025-05-19, 2021/5/26, 2018.06.09, 2021年11月19日, 二〇二二年十二月十九日,
 * and Taiwan's Minguo years (113-01-30, 民國113年1月30日: a three-digit year, or any after 民国).
 */
export const DATE = new RegExp(
  `(?:民国)?(\\d{4}|(?<=民国)\\d{1,3}|1\\d{2})\\s*[-/.年]\\s*(\\d{1,2})\\s*(?:[-/.月]\\s*(\\d{1,2})\\s*日?|月)|(${CN_NUMBER}{4})年(${CN_NUMBER}{1,3})月(?:(${CN_NUMBER}{1,3})日)?`,
);
const TIME = /\d{1,2}:\d{2}(?::\d{2})?/;
export const DATE_TIME = new RegExp(`(?:${DATE.source})(?:\\s*${TIME.source})?`);

/** The first date in a string, as YYYY-MM-DD or YYYY-MM; null when there is none or it is not a real date. */
export function parseDate(folded: string): string | null {
  const m = DATE.exec(folded);
  if (!m) return null;
  const written = m[1] ? Number(m[1]) : Number([...m[4]!].map((c) => DIGIT[c] ?? NaN).join(''));
  const year = m[1] && m[1].length < 4 ? written + 1911 : written;
  const month = m[1] ? Number(m[2]) : chineseSmall(m[5]!);
  const dayText = m[1] ? m[3] : m[6];
  const day = dayText === undefined ? null : m[1] ? Number(dayText) : chineseSmall(dayText);
  if (!(year >= 1900 && year <= 2100 && month >= 1 && month <= 12) || (day !== null && !(day >= 1 && day <= 31))) return null;
  const mm = String(month).padStart(2, '0');
  return day === null ? `${year}-${mm}` : `${year}-${mm}-${String(day).padStart(2, '0')}`;
}

/** 一 .. 三十一 */
function chineseSmall(s: string): number {
  const d = (c: string) => DIGIT[c] ?? NaN;
  if (s === '十') return 10;
  if (s.startsWith('十')) return 10 + d(s[1]!);
  if (s.length === 3 && s[1] === '十') return d(s[0]!) * 10 + d(s[2]!);
  if (s.length === 2 && s[1] === '十') return d(s[0]!) * 10;
  return s.length === 1 ? d(s) : -1;
}
