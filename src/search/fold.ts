/**
 * Script folding for search: traditional -> simplified character by character (the table is built
 * from OpenCC at index time and shipped with the index), full-width ASCII -> half-width, marks that
 * look alike to a reader -> one of them (the ratio colon ∶ -> :, dashes and minus -> -, curly quotes
 * -> straight ones …), Latin lower-cased, whitespace dropped. The index and the query are folded by
 * this same function. (The index keeps letters and digits only, so folding marks changes no index:
 * it lets the engine's literal check of each paragraph find 6∶3∶1 for 6:3:1.)
 */

/** Traditional character -> simplified character, for every character that changes. */
export type FoldTable = Record<string, string>;

/**
 * The table as shipped with the index (in its meta file): one string,
 * each traditional character followed by its simplified one, less than half the bytes of the same
 * table as a JSON object (it is downloaded with the first query).
 */
export function packTable(table: FoldTable): string {
  return Object.entries(table)
    .map(([from, to]) => {
      if (Array.from(from).length !== 1 || Array.from(to).length !== 1) throw new Error(`fold table: ${from} -> ${to} is not one character to one`);
      return from + to;
    })
    .join('');
}

export function unpackTable(packed: string): FoldTable {
  const chars = Array.from(packed);
  const table: FoldTable = {};
  for (let i = 0; i + 1 < chars.length; i += 2) table[chars[i]!] = chars[i + 1]!;
  return table;
}

/** Marks a reader takes for the same mark, each to the one typed on a keyboard. */
const LOOKALIKE = new Map<number, string>([
  [0x2236, ':'], [0xfe30, ':'], [0xfe55, ':'], [0xa789, ':'], // ∶ ︰ ﹕ ꞉
  [0xfe50, ','], [0xfe51, '、'], [0xfe52, '.'], [0xfe54, ';'], [0xfe56, '?'], [0xfe57, '!'], [0xfe59, '('], [0xfe5a, ')'], // small forms
  [0x2010, '-'], [0x2011, '-'], [0x2012, '-'], [0x2013, '-'], [0x2212, '-'], [0xfe63, '-'], // hyphens, figure and en dash, minus
  [0x301c, '~'], [0x223c, '~'], // 〜 ∼
  [0x2044, '/'], [0x2215, '/'], // ⁄ ∕
  [0x30fb, '·'], [0x2027, '·'], [0x2022, '·'], [0x22c5, '·'], // ・ ‧ • ⋅
  [0x201c, '"'], [0x201d, '"'], [0x2033, '"'], [0x2018, "'"], [0x2019, "'"], [0x2032, "'"], // “ ” ″ ‘ ’ ′
]);

/** Code points that \s matches: what folding drops. */
const SPACES = new Set([0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff]);

/**
 * Fold text for matching. Every input character maps to at most one output character, or none
 * (spaces). Written for speed (it folds every paragraph of every document a query checks): each
 * character of the Basic Multilingual Plane is folded once per table and then looked up in an
 * array (folding each character afresh was most of the time of a query that loads new documents).
 */
export function fold(text: string, table: FoldTable): string {
  const folded = foldings(table);
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // A surrogate pair is one character (for…of reads it so); a lone surrogate is itself.
    if (code >= 0xd800 && code < 0xdc00 && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low < 0xe000) {
        out += foldChar(text.slice(i, i + 2), table);
        i++;
        continue;
      }
    }
    out += folded[code] ??= foldChar(text[i]!, table);
  }
  return out;
}

/** What folding makes of one character. */
function foldChar(ch: string, table: FoldTable): string {
  const code = ch.codePointAt(0)!;
  if (SPACES.has(code)) return '';
  const mapped = table[ch];
  if (mapped !== undefined) return mapped;
  if (code >= 0xff01 && code <= 0xff5e) return String.fromCharCode(code - 0xfee0).toLowerCase();
  if (code < 0x80) return code >= 0x41 && code <= 0x5a ? String.fromCharCode(code + 32) : ch;
  if (code >= 0x3400 && code < 0xa000) return ch;
  return LOOKALIKE.get(code) ?? ch.toLowerCase();
}

/** Each BMP character's folding under a table, worked out the first time it is met. */
const foldingsOf = new WeakMap<FoldTable, (string | undefined)[]>();
function foldings(table: FoldTable): (string | undefined)[] {
  let folded = foldingsOf.get(table);
  if (!folded) foldingsOf.set(table, (folded = new Array<string | undefined>(0x10000)));
  return folded;
}

/** Split a query into the parts that must all appear (several words separated by spaces). */
export function queryParts(query: string, table: FoldTable): string[] {
  return [...new Set(query.trim().split(/[\s\u3000]+/).map((p) => fold(p.replace(/^["“”']+|["“”']+$/g, ''), table)).filter(Boolean))];
}

/**
 * Folded text as the index spells it (index-format.ts): letters and digits only, one character per
 * word. Punctuation is checked afterwards, literally, by the engine.
 */
export function phraseText(folded: string): string {
  return Array.from(folded.replace(/[^\p{L}\p{N}]/gu, '')).join(' ');
}

/**
 * A text as the index reads it: phraseText(fold(text)) without its spaces, at a fraction of the cost
 * (an index folds every character of the corpus): folding and phraseText go character by character,
 * so each character's spelling is worked out once.
 */
export function spelled(text: string, table: FoldTable): string {
  // Lone surrogates that folding brings together (across a dropped space) make a character: such a
  // text (never one the pipeline writes) takes the plain way.
  if (LONE_SURROGATE.test(text)) return phraseText(fold(text, table)).replaceAll(' ', '');
  const spell = spelling(table);
  let out = '';
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    // A code point as for…of reads it: a surrogate pair is one.
    if (code >= 0xd800 && code < 0xdc00 && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low < 0xe000) {
        code = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00);
        i++;
      }
    }
    out += spell(code);
  }
  return out;
}

const LONE_SURROGATE = /\p{Cs}/u;

/**
 * What each character becomes in the index (nothing, or its folded letters and digits), worked out
 * the first time it is met; looked up in an array for the Basic Multilingual Plane (a Map lookup
 * per character was a third of the time).
 */
const spellings = new WeakMap<FoldTable, (code: number) => string>();
function spelling(table: FoldTable): (code: number) => string {
  let spell = spellings.get(table);
  if (spell) return spell;
  const bmp: (string | undefined)[] = new Array(0x10000);
  const astral = new Map<number, string>();
  const work = (code: number) => phraseText(fold(String.fromCodePoint(code), table)).replaceAll(' ', '');
  spell = (code) => {
    if (code < 0x10000) return (bmp[code] ??= work(code));
    let s = astral.get(code);
    if (s === undefined) astral.set(code, (s = work(code)));
    return s;
  };
  spellings.set(table, spell);
  return spell;
}
