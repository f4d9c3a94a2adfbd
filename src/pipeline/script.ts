/**
 * scripts: tell simplified from traditional text, and make a simplified rendering of
 * traditional text (OpenCC, Taiwan standard -> mainland; `tw`, not `t`, which gives 随著).
 */
import * as OpenCC from 'opencc-js/t2cn';
import type { Script } from './types.ts';

const toSimplified: (text: string) => string = OpenCC.Converter({ from: 'tw', to: 'cn' });

/** Every CJK character that OpenCC's tw -> cn conversion changes into one character: a one-to-one table. */
let table: Record<string, string> | undefined;
export function characterTable(): Record<string, string> {
  if (table) return table;
  table = {};
  for (let cp = 0x3400; cp <= 0x9fff; cp++) {
    const c = String.fromCodePoint(cp);
    const s = toSimplified(c);
    if (s !== c && Array.from(s).length === 1) table[c] = s;
  }
  return table;
}

/**
 * Simplified characters, one for one: the same length as the input, so that an offset found in the
 * result is an offset in the original (what the extractors need to quote a traditional text as written).
 */
export function simplifyCharacters(text: string): string {
  const t = characterTable();
  // A native search and replace touches only the traditional characters (most text has none).
  traditionalCharacters ??= new RegExp(`[${Object.keys(t).join('')}]`, 'gu');
  return text.replace(traditionalCharacters, (c) => t[c]!);
}
let traditionalCharacters: RegExp | undefined;

/** Convert traditional text to simplified, leaving everything else as it is. */
export function simplify(text: string): string {
  return toSimplified(text);
}

/**
 * A document is traditional when a noticeable share of its Han characters change under
 * conversion (simplified text changes almost nowhere; traditional text changes everywhere).
 */
export function detectScript(text: string): Script {
  const sample = text.length > 20000 ? text.slice(0, 20000) : text;
  const han = Array.from(sample).filter((c) => /\p{Script=Han}/u.test(c));
  if (han.length === 0) return 'simplified';
  const converted = Array.from(toSimplified(han.join('')));
  let changed = 0;
  for (let i = 0; i < han.length; i++) if (han[i] !== converted[i]) changed++;
  return changed / han.length > 0.05 ? 'traditional' : 'simplified';
}
