/**
 * Text similarity for matching a re-cleaned or re-scraped text to what was there before:
 * MinHash signatures over character bigrams, small enough to commit in the registry.
 */

const K = 16;
const SEEDS = Array.from({ length: K }, (_, i) => (0x9e3779b1 * (i + 1)) >>> 0);

function hash32(s: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d) >>> 0;
  h ^= h >>> 12;
  return h >>> 0;
}

/** The signature of a text: K minimum hashes of its character bigrams, 4 hex digits each. */
export function signature(text: string): string {
  const t = text.normalize('NFKC').replace(/\s+/g, '');
  const grams = new Set<string>();
  if (t.length < 2) grams.add(t);
  for (let i = 0; i + 1 < t.length; i++) grams.add(t.slice(i, i + 2));
  return SEEDS.map((seed) => {
    let min = 0xffffffff;
    for (const g of grams) {
      const h = hash32(g, seed);
      if (h < min) min = h;
    }
    // The low bits of the minimum identify which bigram won; the high bits are near zero on long texts.
    return (min & 0xffff).toString(16).padStart(4, '0');
  }).join('');
}

/** Estimated Jaccard similarity (0..1) of two texts from their signatures. */
export function similarity(a: string, b: string): number {
  if (a.length !== b.length || a.length === 0) return 0;
  let same = 0;
  for (let i = 0; i < a.length; i += 4) if (a.slice(i, i + 4) === b.slice(i, i + 4)) same++;
  return same / (a.length / 4);
}
