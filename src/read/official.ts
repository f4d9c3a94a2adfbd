/**
 * The parts of a Chinese official document (公文, GB/T 9704) that are metadata: the 版头 (the issuing
 * body's name followed by 文件, printed large at the top), the 文号 (`国办发〔2015〕70号`), and the
 * 落款 (the issuer and the date, right-aligned at the end). Read from lines with their hints; the lines
 * stay in the text, as printed.
 */
import { isoDate } from './dates.ts';
import type { FileMeta, LineHint } from './types.ts';

/** `江北市教育局文件`, `国家医疗保障局文件`. */
export const ISSUER_HEADER = /^([\p{Script=Han}（）()、\s]{2,40}?)\s*文件$/u;
/** `国办发〔2015〕70号`, `江教发[2024]12号`. */
export const DOCUMENT_NUMBER = /^[\p{Script=Han}A-Za-z]{1,16}\s*[〔\[［(（]\s*(?:19|20)\d{2}\s*[〕\]］)）]\s*(?:第\s*)?\d{1,5}\s*号$/u;
const DIGITS: Record<string, string> = { 〇: '0', 零: '0', O: '0', 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' };
/** A 落款 date: `2024年3月15日`, `二〇二四年三月十五日`. */
const SIGNATURE_DATE = /^([0-9〇零O一二三四五六七八九]{4})\s*年\s*([0-9一二三四五六七八九十]{1,3})\s*月\s*([0-9一二三四五六七八九十]{1,3})\s*日$/;

/** A Chinese numeral up to 31 (`十五`, `二十三`) or digits. */
function small(s: string): number {
  if (/^\d+$/.test(s)) return Number(s);
  const [tens, units] = s.includes('十') ? s.split('十') : ['', s];
  return (s.includes('十') ? (tens ? Number(DIGITS[tens!]) : 1) * 10 : 0) + (units ? Number(DIGITS[units]) : 0);
}

/** A 落款 date as YYYY-MM-DD, or null. */
export function signatureDate(text: string): string | null {
  const m = SIGNATURE_DATE.exec(text.replace(/\s/g, ''));
  if (!m) return null;
  const year = [...m[1]!].map((c) => DIGITS[c] ?? c).join('');
  return isoDate(`${year}-${small(m[2]!)}-${small(m[3]!)}`);
}

/** What the official document's parts say: issuer, date, number. */
export function officialMeta(lines: readonly string[], hints: Readonly<Record<number, LineHint>>): FileMeta {
  const meta: FileMeta = {};
  for (const [i, text] of lines.slice(0, 8).entries()) {
    const header = ISSUER_HEADER.exec(text.replace(/\s/g, ''));
    if (header && !meta.publisher && (hints[i + 1]?.size ?? 1) >= 1.15) meta.publisher = header[1]!;
    if (!meta.number && DOCUMENT_NUMBER.test(text.replace(/\s/g, ''))) meta.number = text.replace(/\s/g, '');
  }
  // The 落款: a right-aligned date near the end, with the issuer on the right-aligned line above it.
  for (let i = lines.length - 1; i >= Math.max(0, lines.length - 12); i--) {
    const date = hints[i + 1]?.align === 'right' ? signatureDate(lines[i]!) : null;
    if (!date) continue;
    meta.published = date;
    const above = lines[i - 1];
    if (above && hints[i]?.align === 'right' && above.length <= 40 && !/[。，,；;]/.test(above)) meta.publisher ??= above.trim();
    break;
  }
  return meta;
}

/** The lines (1-based) of a PDF's title: the largest lines of its first page, the 版头 and 文号 aside. */
export function titleLines(lines: readonly string[], hints: Readonly<Record<number, LineHint>>): number[] {
  const candidates = lines
    .map((text, i) => ({ n: i + 1, text, size: hints[i + 1]?.size ?? 1, page: hints[i + 1]?.page ?? 1 }))
    .filter((l) => l.page === 1 && l.size >= 1.15 && !ISSUER_HEADER.test(l.text.replace(/\s/g, '')) && !DOCUMENT_NUMBER.test(l.text.replace(/\s/g, '')));
  const largest = Math.max(0, ...candidates.map((l) => l.size));
  const first = candidates.find((l) => l.size === largest);
  if (!first) return [];
  const run = [first.n];
  while (candidates.some((l) => l.n === run.at(-1)! + 1 && Math.abs(l.size - largest) < 0.05)) run.push(run.at(-1)! + 1);
  return run;
}
