/**
 * Text similarity for matching a re-cleaned or re-scraped text to what was there before:
 * MinHash signatures over character bigrams, small enough to commit in the registry.
 */

const K = 16;
const SEEDS = Int32Array.from({ length: K }, (_, i) => Math.imul(0x9e3779b1, i + 1));

/**
 * The signature of a text: K minimum hashes of its character bigrams, 4 hex digits each. Each hash
 * is murmur3's 32-bit finaliser of the bigram xor a seed (cheap, and good enough to make K
 * independent-looking hashes). The minimum is of the hashes as unsigned numbers, worked out in
 * signed 32-bit integers (the sign bit flipped keeps the order), which the engine keeps unboxed.
 * One hash at a time over all the bigrams, the running minimum in a register: a bigram met twice
 * gives the same hash twice, so repeats need no removing.
 */
export function signature(text: string): string {
  const t = text.normalize('NFKC').replace(/\s+/g, '');
  const grams = t.length < 2 ? Int32Array.of(t.length ? t.charCodeAt(0) : 0) : new Int32Array(t.length - 1);
  for (let i = 0; i + 1 < t.length; i++) grams[i] = (t.charCodeAt(i) << 16) | t.charCodeAt(i + 1);
  let out = '';
  for (let k = 0; k < K; k++) {
    const seed = SEEDS[k]!;
    let min = 0x7fffffff;
    for (let i = 0; i < grams.length; i++) {
      let x = grams[i]! ^ seed;
      x ^= x >>> 16;
      x = Math.imul(x, 0x85ebca6b);
      x ^= x >>> 13;
      x = Math.imul(x, 0xc2b2ae35);
      x = x ^ (x >>> 16) ^ 0x80000000;
      if (x < min) min = x;
    }
    // The low bits of the minimum identify which bigram won; the high bits are near zero on long texts.
    out += (min & 0xffff).toString(16).padStart(4, '0');
  }
  return out;
}

/** Estimated Jaccard similarity (0..1) of two texts from their signatures. */
export function similarity(a: string, b: string): number {
  if (a.length !== b.length || a.length === 0) return 0;
  let same = 0;
  for (let i = 0; i < a.length; i += 4) if (a.slice(i, i + 4) === b.slice(i, i + 4)) same++;
  return same / (a.length / 4);
}
