/**
 * How often ordinary Chinese uses a word: the general-language baseline that a corpus's own terms
 * are measured against (term-discovery.ts). The data (general-words-data.ts) is derived from jieba's
 * dictionary by scripts/make-general-words.ts, which says where it comes from and under what licence.
 */
import { lazy } from '../lib/memo.ts';
import { GENERAL_MIN_COUNT, GENERAL_TOTAL, GENERAL_WORDS } from './general-words-data.ts';

export { GENERAL_TOTAL };
/** What a word the baseline does not list is taken to count: it is rarer than the rarest it lists. */
export const GENERAL_FLOOR = GENERAL_MIN_COUNT / 2;

/** Each listed word's count, read from the data the first time a word is looked up. */
const counts = lazy(() => {
  const table = new Map<string, number>();
  for (const line of GENERAL_WORDS.split('\n')) {
    const [count, ...words] = line.split(' ');
    for (const w of words) table.set(w, Number(count));
  }
  return table;
});

/** The word's count in the general corpus (of GENERAL_TOTAL words), or 0 when it is rarer than the baseline lists. */
export function generalCount(word: string): number {
  return counts().get(word) ?? 0;
}
