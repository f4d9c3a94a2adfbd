/**
 * repair: undo damage that a general rule can undo, and flag what it cannot.
 * - flattened ruby in every style (ruby.ts): `醫(yī)`, `關(guan) `, `医（yi）` -> the character alone
 *   (Latin in parentheses that is no pinyin, such as `(HMO)`, is real text and stays);
 * - HTML entities, whole (`&#8220;`, `&amp;`) or with the `&` lost (`#8220;`);
 * - hard-wrapped lines joined, page numbers and running headers removed (unwrap.ts);
 * - damaged spans (runs of `?`, U+FFFD, mojibake around them) are flagged, never guessed.
 */
import type { Line, Removal, Repair } from './types.ts';
import { allMatches } from '../lib/matches.ts';
import { isPinyin, rubyCandidates } from './ruby.ts';
import { unwrap, type UnwrapOptions } from './unwrap.ts';


const NAMED_ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ldquo: '“', rdquo: '”', lsquo: '‘', rsquo: '’',
  mdash: '—', ndash: '–', hellip: '…', middot: '·', bull: '•',
};
/**
 * `&#8220;`, `&#x201C;`, `&ldquo;`; escaped twice (`&amp;ldquo;`, `&amp;#8220;`); the numeric forms
 * with the `&` lost (`#8220;`); and the common names with the `;` lost (`&nbsp`, `&ldquo`).
 */
const ENTITY = /&(?:amp;)*#(\d{2,7});|&(?:amp;)*#[xX]([0-9a-fA-F]{2,6});|&(?:amp;)*([a-zA-Z]{2,8});|(?<![&\w])#(\d{4,7});|&(nbsp|ldquo|rdquo|lsquo|rsquo|mdash|hellip|middot|quot)(?![\w;])/g;

export interface RepairResult {
  lines: Line[];
  repaired: Repair[];
  /** Lines the repairs took out: a PDF's page numbers and running headers (unwrap.ts). */
  removed: Removal[];
}

/** Apply the general repairs to every line, then join hard-wrapped lines (unwrap.ts), recording each change. */
export function repair(lines: Line[], options: UnwrapOptions & { wrapped?: boolean } = {}): RepairResult {
  const repaired: Repair[] = [];
  const ruby = lines.map((line) => (line.text.includes('(') || line.text.includes('（') ? rubyCandidates(line.text) : []));
  const inDocument = ruby.reduce((n, r) => n + r.length, 0);
  const out = lines.map((line, i) => {
    let text = line.text;
    const pinyin = ruby[i]!.filter((m) => isPinyin(m, ruby[i]!.length, inDocument));
    if (pinyin.length > 0) {
      let kept = '';
      let from = 0;
      for (const m of pinyin) {
        kept += text.slice(from, m.index);
        from = m.index + m.text.length;
        repaired.push({ line: line.n, kind: 'ruby', before: m.text, after: '' });
      }
      text = kept + text.slice(from);
    }
    const afterEntities = text.replace(ENTITY, (whole, dec, hex, name, bareDec, unclosed) => {
      const value = decodeEntity(dec ?? bareDec, hex, name ?? unclosed);
      if (value === null) return whole;
      repaired.push({ line: line.n, kind: 'entity', before: whole, after: value });
      return value;
    });
    return text === line.text && afterEntities === text ? line : { ...line, text: afterEntities };
  });
  // A format whose lines are its paragraphs (HTML, Markdown, Word: src/read/) has no hard-wrapped lines to join.
  if (options.wrapped === false) return { lines: out, repaired, removed: [] };
  const unwrapped = unwrap(out, options);
  return { lines: unwrapped.lines, repaired: [...repaired, ...unwrapped.repaired], removed: unwrapped.removed };
}

function decodeEntity(dec?: string, hex?: string, name?: string): string | null {
  if (name !== undefined) return NAMED_ENTITIES[name.toLowerCase()] ?? null;
  const code = dec !== undefined ? Number.parseInt(dec, 10) : Number.parseInt(hex!, 16);
  if (!Number.isFinite(code) || code < 0x20 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return null;
  return String.fromCodePoint(code);
}

/** A damaged span within a string: start/end offsets in UTF-16 code units. */
export interface DamagedSpan {
  start: number;
  end: number;
  text: string;
}

const HAN = /\p{Script=Han}/u;
/** Characters that, next to a `?` run inside Chinese text, are debris of a mis-decoding. */
const DEBRIS = /[?\ufffd\p{Script=Latin}\p{N}\p{So}\p{Sm}\p{Co})(]/u;

/**
 * Find damaged spans: two or more `?` (or U+FFFD) in a row, or a single one glued to a
 * letter or character, extended over the mojibake that follows it. A `?` followed by a
 * space, a quote, punctuation or the end of the text is an ordinary question mark.
 */
export function findDamage(text: string): DamagedSpan[] {
  const spans: DamagedSpan[] = [];
  const chars = Array.from(text);
  const offsets: number[] = [];
  let o = 0;
  for (const c of chars) {
    offsets.push(o);
    o += c.length;
  }
  offsets.push(o);
  let i = 0;
  while (i < chars.length) {
    const c = chars[i]!;
    if (c !== '?' && c !== '\ufffd') {
      i++;
      continue;
    }
    let j = i;
    while (j < chars.length && (chars[j] === '?' || chars[j] === '\ufffd')) j++;
    const run = j - i;
    const next = chars[j];
    // An ASCII `?` before Chinese text is an ordinary question mark; before Latin debris it is not.
    const gluedHan = next !== undefined && HAN.test(next);
    const gluedDebris = next !== undefined && /[\p{Script=Latin}\p{N}\p{So}]/u.test(next);
    const prev = chars[i - 1];
    const inText = prev !== undefined && HAN.test(prev);
    const destroyed = chars[i] === '\ufffd' || (run >= 2 && (inText || gluedHan || gluedDebris)) || (inText && gluedDebris);
    if (!destroyed) {
      i = j;
      continue;
    }
    // Extend over debris, and over Han characters that debris follows closely.
    let end = j;
    while (end < chars.length) {
      const d = chars[end]!;
      if (DEBRIS.test(d) && !/[,,。、;;::!!\s“”"'《》]/.test(d)) {
        end++;
        continue;
      }
      if (HAN.test(d)) {
        const ahead = chars.slice(end + 1, end + 5);
        const debrisAhead = ahead.findIndex((a) => DEBRIS.test(a) && !/[()]/.test(a));
        if (debrisAhead >= 0 && ahead.slice(0, debrisAhead).every((a) => HAN.test(a))) {
          end += debrisAhead + 1;
          continue;
        }
      }
      break;
    }
    spans.push({ start: offsets[i]!, end: offsets[end]!, text: chars.slice(i, end).join('') });
    i = end;
  }
  return spans;
}
