/**
 * scripts: tell simplified from traditional text, and make a simplified rendering of
 * traditional text (OpenCC, Taiwan standard -> mainland; `tw`, not `t`, which gives 随著).
 */
import * as OpenCC from 'opencc-js/t2cn';
import { lazy } from '../lib/memo.ts';
import type { Script } from './types.ts';

const toSimplified: (text: string) => string = OpenCC.Converter({ from: 'tw', to: 'cn' });

/** Every CJK character that OpenCC's tw -> cn conversion changes into one character: a one-to-one table. */
export const characterTable = lazy((): Record<string, string> => {
  const table: Record<string, string> = {};
  for (let cp = 0x3400; cp <= 0x9fff; cp++) {
    const c = String.fromCodePoint(cp);
    const s = toSimplified(c);
    if (s !== c && Array.from(s).length === 1) table[c] = s;
  }
  return table;
});

/** The table as an array over the CJK blocks it covers (U+3400..U+9FFF), for a lookup per code unit. */
const FIRST = 0x3400;
const LAST = 0x9fff;
const codeTable = lazy((): (string | undefined)[] => {
  const byCode = new Array<string | undefined>(LAST - FIRST + 1).fill(undefined);
  for (const [from, to] of Object.entries(characterTable())) byCode[from.charCodeAt(0) - FIRST] = to;
  return byCode;
});

/** Full-width ASCII (！ to ～), which the extractors read as the half-width character. */
const WIDE_FIRST = 0xff01;
const WIDE_LAST = 0xff5e;

/**
 * Simplified characters, and full-width ASCII as half-width (with `halfWidth`), one for one: the
 * same number of characters as the input, so that an offset found in the result is an offset in the
 * original (what the extractors need to quote a traditional text as written). A scan of code units
 * that copies nothing when the text has nothing to change (most text): the extractors call this on
 * every sentence they read.
 */
export function simplifyCharacters(text: string, halfWidth = false): string {
  const codes = codeTable();
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let s: string | undefined;
    if (c >= FIRST && c <= LAST) s = codes[c - FIRST];
    else if (halfWidth && c >= WIDE_FIRST && c <= WIDE_LAST) s = String.fromCharCode(c - 0xfee0);
    if (s === undefined) continue;
    out += text.slice(from, i) + s;
    from = i + 1;
  }
  return from === 0 ? text : out + text.slice(from);
}

/** How many of a text's Han characters (U+3400..U+9FFF) and how many of those are traditional. */
function traditionalShare(text: string): { han: number; traditional: number } {
  const codes = codeTable();
  let han = 0;
  let traditional = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < FIRST || c > LAST) continue;
    han++;
    if (codes[c - FIRST] !== undefined) traditional++;
  }
  return { han, traditional };
}

/** Convert traditional text to simplified, leaving everything else as it is. */
export function simplify(text: string): string {
  return toSimplified(text);
}

/**
 * A document is traditional when a noticeable share of its Han characters are traditional ones
 * (simplified text has almost none; traditional text has them everywhere).
 */
export function detectScript(text: string): Script {
  const { han, traditional } = traditionalShare(text.length > 20000 ? text.slice(0, 20000) : text);
  if (han === 0) return 'simplified';
  return traditional / han > 0.05 ? 'traditional' : 'simplified';
}
