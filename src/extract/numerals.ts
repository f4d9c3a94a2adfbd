/**
 * Numbers as Chinese text writes them: Arabic digits (half- or full-width), Chinese numerals
 * (一二三…十百千万亿, 〇/零, 两), read either positionally (二〇一八) or by value (二十三).
 */
import { simplifyCharacters } from '../pipeline/script.ts';

const DIGIT: Record<string, number> = {
  〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const SMALL_UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** Characters that can make up a Chinese numeral. */
export const CHINESE_NUMERAL = '〇零一二两三四五六七八九十百千万亿';

/**
 * Text the extractors match on: simplified characters and half-width digits and punctuation,
 * character for character, so an offset in it is an offset in the text as written.
 */
export function matchText(text: string): string {
  return simplifyCharacters(text, true);
}

/** The value of a Chinese numeral (二十三, 一百零五, 三千二百万, 二〇一八), or null when it is not one. */
export function chineseNumber(s: string): number | null {
  if (!s || [...s].some((c) => !CHINESE_NUMERAL.includes(c))) return null;
  // Positional: digits only (二〇一八, 一九九八).
  if ([...s].every((c) => c in DIGIT)) {
    if (s.length === 1) return DIGIT[s]!;
    if (s.includes('两')) return null;
    return Number([...s].map((c) => DIGIT[c]).join(''));
  }
  let total = 0; // the part counted in 亿
  let wan = 0; // the part counted in 万
  let section = 0; // below 万
  let digit: number | null = null;
  for (const c of s) {
    if (c in DIGIT) {
      if (digit !== null && digit !== 0) return null; // two digits in a row (三四) is not a value
      digit = DIGIT[c]!;
    } else if (c in SMALL_UNIT) {
      section += (digit ?? 1) * SMALL_UNIT[c]!;
      digit = null;
    } else if (c === '万') {
      if (section + (digit ?? 0) === 0) return null;
      wan = (section + (digit ?? 0)) * 1e4;
      section = 0;
      digit = null;
    } else {
      const below = wan + section + (digit ?? 0);
      if (total + below === 0) return null;
      total = (total + below) * 1e8;
      wan = section = 0;
      digit = null;
    }
  }
  return total + wan + section + (digit ?? 0);
}

/** A product rounded to the digits its factors hold (35.13 × 1e8 is 3513000000, not 3513000000.0000005). */
export function scaled(value: number, scale: number): number {
  return scale === 1 ? value : Number((value * scale).toPrecision(15));
}

/** Digits, grouped by commas or not (1,278), or followed by 千/百/十 (5千). */
function digitsValue(t: string): number | null {
  const m = /^(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?([十百千])?$/.exec(t);
  if (!m) return null;
  const v = Number(m[1]!.replaceAll(',', '') + (m[2] ?? ''));
  return m[3] ? scaled(v, SMALL_UNIT[m[3]]!) : v;
}

/**
 * A number that writes its 亿 and 万 in characters and the rest in digits or characters:
 * 463万8000, 76万5千, 1亿2000万, 1万5051. Each part below a 万 or 亿 must be less than it.
 */
function mixedValue(t: string): number | null {
  const part = (s: string, below: number): number | null => {
    if (s === '') return 0;
    const v = digitsValue(s) ?? chineseNumber(s);
    return v !== null && v < below ? v : null;
  };
  const byYi = t.split('亿');
  if (byYi.length > 2) return null;
  const [high, rest] = byYi.length === 2 ? [byYi[0]!, byYi[1]!] : ['', t];
  const byWan = rest.split('万');
  if (byWan.length > 2) return null;
  const [wan, low] = byWan.length === 2 ? [byWan[0]!, byWan[1]!] : ['', rest];
  const h = high === '' ? 0 : digitsValue(high) ?? chineseNumber(high);
  const w = part(wan, 1e4);
  const l = part(low, 1e4);
  if (h === null || w === null || l === null || (t.includes('亿') && h === 0) || (rest.includes('万') && w === 0)) return null;
  return scaled(h, 1e8) + scaled(w, 1e4) + l;
}

/** The value of digits (1,278; 5千), a Chinese numeral or a number mixing the two (463万8000); null for anything else. */
export function numberValue(s: string): number | null {
  const t = s.replace(/\s+/g, '');
  return digitsValue(t) ?? chineseNumber(t) ?? (/[万亿]/.test(t) ? mixedValue(t) : null);
}
