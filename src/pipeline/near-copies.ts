/**
 * Near-copies: two documents are listed as one only when each holds nearly all of the other's text
 * (a re-scrape, the same article saved twice with other page chrome). A document that shares
 * paragraphs with another but has text of its own is never hidden.
 *
 * Text is compared by its shingles: every run of SHINGLE characters of its identity text (NFKC, no
 * whitespace), hashed to 32 bits. Comparing every pair of a large corpus is quadratic, so pairs are
 * found first by MinHash with banding (locality-sensitive hashing over a small sketch of each
 * document: pairs that share a band of rows are candidates, and near-copies share one with
 * near certainty), then each candidate pair's containment is computed exactly from the two shingle
 * sets. A sketch estimates; the decision never rests on the estimate.
 */
import { mix32 as mix } from '../lib/mix32.ts';

/** Characters per shingle: long enough that two texts on one subject share few by chance, short enough that an edit breaks few. */
export const SHINGLE = 5;

/**
 * Each of two documents holds at least this share of the other's shingles: one document, listed
 * once. Measured (scripts/bench/near-copies.ts): articles sharing 99% of their text (a sentence of
 * their own in 3,000 characters) hold 0.97 of each other's shingles, those sharing 95% 0.92 (their
 * own sentences break the shingles at both ends).
 */
export const NEAR_COPY = 0.95;

/** MinHash rows per band and bands per sketch (BANDS × ROWS minimum hashes). */
const ROWS = 4;
const BANDS = 8;
const K = ROWS * BANDS;
const SEEDS = Uint32Array.from({ length: K }, (_, i) => Math.imul(0x9e3779b1, i + 1) >>> 0);


/** The text as compared: NFKC, whitespace dropped (as paragraph identity is, identify.ts). */
export function comparedText(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '');
}

/** The shingle hash's multiplier (odd: multiplying by it permutes 32-bit numbers), and its power that a character leaves the window with. */
const BASE = 0x01000193;
const LEAVING = Array.from({ length: SHINGLE - 1 }).reduce<number>((power) => Math.imul(power, BASE), 1);

/**
 * The 32-bit hash of every SHINGLE-character run of a text as compared (UTF-16 code units), in the
 * text's order, repeats kept: a rolling polynomial over the run, then mixed (one step a character,
 * where hashing each run afresh took SHINGLE). A text shorter than a shingle is one.
 */
function shingleHashes(text: string): Uint32Array {
  const t = comparedText(text);
  if (t.length === 0) return new Uint32Array(0);
  const width = Math.min(SHINGLE, t.length);
  const out = new Uint32Array(t.length - width + 1);
  let h = 0;
  for (let j = 0; j < width; j++) h = (Math.imul(h, BASE) + t.charCodeAt(j)) | 0;
  out[0] = mix(h);
  for (let i = 1; i < out.length; i++) {
    h = (Math.imul(h - Math.imul(t.charCodeAt(i - 1), LEAVING), BASE) + t.charCodeAt(i + SHINGLE - 1)) | 0;
    out[i] = mix(h);
  }
  return out;
}

/** A text's shingles: the distinct hashes of its SHINGLE-character runs, sorted (to compare two texts exactly, `containment`). */
export function shingles(text: string): Uint32Array {
  const out = shingleHashes(text).sort();
  let w = 0;
  for (let i = 0; i < out.length; i++) if (i === 0 || out[i] !== out[w - 1]) out[w++] = out[i]!;
  return out.slice(0, w);
}

/** The share of each set's shingles the other holds: [|A∩B| / |A|, |A∩B| / |B|] (exact, over the sorted hashes). */
export function containment(a: Uint32Array, b: Uint32Array): [number, number] {
  if (a.length === 0 || b.length === 0) return [0, 0];
  let i = 0;
  let j = 0;
  let both = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      both++;
      i++;
      j++;
    } else if (a[i]! < b[j]!) i++;
    else j++;
  }
  return [both / a.length, both / b.length];
}

/** Whether two shingle sets are one document's: each holds at least NEAR_COPY of the other. */
export function nearCopies(a: Uint32Array, b: Uint32Array): boolean {
  const [ab, ba] = containment(a, b);
  return ab >= NEAR_COPY && ba >= NEAR_COPY;
}

/**
 * A document's sketch: K minimum hashes of its shingles under K permutations, as hex (8 digits
 * each), from its shingles (`shingles`) or straight from its text (a minimum is the same over
 * repeats and in any order: the text's shingles need no sorting for it, half the time of making them).
 */
export function sketch(from: Uint32Array | string): string {
  const hashes = typeof from === 'string' ? shingleHashes(from) : from;
  let out = '';
  for (let k = 0; k < K; k++) {
    const seed = SEEDS[k]!;
    let min = 0xffffffff;
    for (let i = 0; i < hashes.length; i++) {
      const x = mix(hashes[i]! ^ seed);
      if (x < min) min = x;
    }
    out += min.toString(16).padStart(8, '0');
  }
  return out;
}

/** The Jaccard similarity two sketches estimate (the share of their minimum hashes that agree). */
export function estimatedJaccard(a: string, b: string): number {
  let same = 0;
  for (let k = 0; k < K; k++) if (a.slice(k * 8, k * 8 + 8) === b.slice(k * 8, k * 8 + 8)) same++;
  return same / K;
}

/**
 * The pairs of documents worth comparing: those whose sketches agree on every row of at least one
 * band. A pair whose shingle sets have Jaccard similarity J is found with probability
 * 1 - (1 - J^ROWS)^BANDS: near-copies (J ≥ 0.9) all but surely (1 - 1e-4), documents that
 * share half their text often (0.4), unrelated ones almost never. Pairs as [i, j], i < j, indices
 * into `sketches`, in order.
 */
export function candidatePairs(sketches: readonly string[]): Array<[number, number]> {
  const pairs = new Set<number>();
  const out: Array<[number, number]> = [];
  for (let band = 0; band < BANDS; band++) {
    const buckets = new Map<string, number[]>();
    sketches.forEach((s, i) => {
      if (!s) return;
      const key = s.slice(band * ROWS * 8, (band + 1) * ROWS * 8);
      const bucket = buckets.get(key);
      if (bucket) bucket.push(i);
      else buckets.set(key, [i]);
    });
    for (const bucket of buckets.values()) {
      for (let x = 0; x < bucket.length; x++) {
        for (let y = x + 1; y < bucket.length; y++) {
          const [i, j] = [bucket[x]!, bucket[y]!];
          // (A bucket's indices are in order: i < j. Keyed as one number: corpora stay far below 2^26 documents.)
          const key = i * 0x4000000 + j;
          if (pairs.has(key)) continue;
          pairs.add(key);
          out.push([i, j]);
        }
      }
    }
  }
  return out.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
}

/**
 * Whether two documents are near-copies (nearCopies), by their shingles (`shinglesOf`, asked once
 * for each document compared).
 */
export function byShingles<K>(shinglesOf: (doc: K) => Uint32Array): (a: K, b: K) => boolean {
  const cache = new Map<K, Uint32Array>();
  const get = (doc: K) => {
    let s = cache.get(doc);
    if (!s) cache.set(doc, (s = shinglesOf(doc)));
    return s;
  };
  return (a, b) => nearCopies(get(a), get(b));
}

/**
 * Which documents are near-copies of an earlier one (in the order given: the first of a set of
 * copies is the one listed). Each document is compared with the earlier documents it is a
 * candidate pair with (candidatePairs), that are listed themselves, by `isNearCopy` (byShingles:
 * the exact containment of their shingles). Returns copy index -> listed index.
 */
export function findNearCopies(sketches: readonly string[], isNearCopy: (earlier: number, later: number) => boolean): Map<number, number> {
  const earlier = new Map<number, number[]>();
  for (const [i, j] of candidatePairs(sketches)) earlier.set(j, [...(earlier.get(j) ?? []), i]);
  const copies = new Map<number, number>();
  for (const j of [...earlier.keys()].sort((a, b) => a - b)) {
    for (const i of earlier.get(j)!) {
      if (copies.has(i)) continue;
      if (isNearCopy(i, j)) {
        copies.set(j, i);
        break;
      }
    }
  }
  return copies;
}
