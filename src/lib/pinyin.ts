/**
 * The pinyin initial of a Chinese word, for an A–Z index: the collator's pinyin order (ICU, which
 * Node ships) compared with the first character of each letter in that order. No table of readings:
 * a polyphonic first character takes the reading the collator sorts it by.
 */

const collator = new Intl.Collator('zh-CN-u-co-pinyin');
/** The first character (in pinyin order) of each initial letter; I, U and V begin no syllable. */
const BOUNDARIES: [string, string][] = [
  ['A', '阿'], ['B', '八'], ['C', '嚓'], ['D', '哒'], ['E', '妸'], ['F', '发'], ['G', '旮'], ['H', '哈'], ['J', '丌'], ['K', '咔'], ['L', '垃'], ['M', '妈'],
  ['N', '拏'], ['O', '噢'], ['P', '妑'], ['Q', '七'], ['R', '呥'], ['S', '仨'], ['T', '他'], ['W', '屲'], ['X', '夕'], ['Y', '丫'], ['Z', '帀'],
];

/** A–Z for a word beginning with a Han character or a Latin letter; '#' otherwise. */
export function pinyinInitial(word: string): string {
  const first = Array.from(word.trim())[0] ?? '';
  if (/^[A-Za-z]$/.test(first)) return first.toUpperCase();
  if (!/\p{Script=Han}/u.test(first)) return '#';
  let letter = '#';
  for (const [l, c] of BOUNDARIES) if (collator.compare(first, c) >= 0) letter = l;
  return letter;
}

/** Words in pinyin order. */
export const byPinyin = (a: string, b: string) => collator.compare(a, b);
