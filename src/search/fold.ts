/**
 * Script folding for search: traditional -> simplified character by character (the table is built
 * from OpenCC at index time and shipped with the index), full-width ASCII -> half-width, Latin
 * lower-cased, whitespace dropped. The index and the query are folded by this same function.
 */

/** Traditional character -> simplified character, for every character that changes. */
export type FoldTable = Record<string, string>;

/** Fold text for matching. Every input character maps to at most one output character, or none (spaces). */
export function fold(text: string, table: FoldTable): string {
  let out = '';
  for (const ch of text) {
    if (/\s/.test(ch)) continue;
    let c = table[ch] ?? ch;
    const code = c.charCodeAt(0);
    if (code >= 0xff01 && code <= 0xff5e) c = String.fromCharCode(code - 0xfee0);
    out += c.toLowerCase();
  }
  return out;
}

/** Split a query into the parts that must all appear (several words separated by spaces). */
export function queryParts(query: string, table: FoldTable): string[] {
  return [...new Set(query.trim().split(/[\s\u3000]+/).map((p) => fold(p.replace(/^["“”']+|["“”']+$/g, ''), table)).filter(Boolean))];
}

/**
 * Folded text as Pagefind indexes it, and as a query phrase is sent to it: letters and digits only
 * (Pagefind's own handling of punctuation would break phrases), one word per character, so that a
 * quoted phrase is a substring match. Punctuation is checked afterwards, literally, by the engine.
 */
export function phraseText(folded: string): string {
  return Array.from(folded.replace(/[^\p{L}\p{N}]/gu, '')).join(' ');
}
