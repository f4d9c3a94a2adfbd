/**
 * Counting every string of two to eight characters in a document without making a string for
 * each: a table keyed by two 32-bit hashes of the characters (open addressing over typed arrays),
 * which remembers where each string first occurred so that the ones kept can be read back. Two
 * different strings share both hashes with a chance of about one in 2^64 per pair: for the
 * hundred thousand strings of a long document, never in practice (and the same text always
 * gives the same table).
 */

/** The first hash of a string, one character more (FNV-1a); start from HASH1. */
export const nextHash1 = (h: number, code: number) => Math.imul(h ^ code, 0x01000193) | 0;
/** The second hash (multiplicative); start from HASH2. */
export const nextHash2 = (h: number, code: number) => (Math.imul(h, 0x5bd1e995) + code + 0x3779b9) | 0;
export const HASH1 = 0x811c9dc5 | 0;
export const HASH2 = 0;

/** Both hashes of a whole string. */
export function hashesOf(s: string): [number, number] {
  let h1 = HASH1;
  let h2 = HASH2;
  for (let i = 0; i < s.length; i++) {
    h1 = nextHash1(h1, s.charCodeAt(i));
    h2 = nextHash2(h2, s.charCodeAt(i));
  }
  return [h1, h2];
}

export class GramTable {
  private size = 0;
  private mask: number;
  private h1: Int32Array;
  private h2: Int32Array;
  /** The count of each slot's string (0: the slot is empty). */
  counts: Int32Array;
  /** Where each slot's string first occurred: an offset into the text the caller keeps, times 16, plus its length. */
  first: Int32Array;
  /** A mark the caller may set on a slot (a compound of common words). */
  marks: Uint8Array;

  /** Told, when the table grows, where each old slot went (old slot -> new slot). */
  private readonly moved?: (to: Int32Array) => void;

  /** `moved` is told, when the table grows, where each old slot went (old slot -> new slot). (No parameter property: worker threads load this file with Node's type stripping.) */
  constructor(capacity = 1024, moved?: (to: Int32Array) => void) {
    this.moved = moved;
    let n = 16;
    while (n < capacity * 2) n *= 2;
    this.mask = n - 1;
    this.h1 = new Int32Array(n);
    this.h2 = new Int32Array(n);
    this.counts = new Int32Array(n);
    this.first = new Int32Array(n);
    this.marks = new Uint8Array(n);
  }

  /** The slot of a string's hashes, or -1 when it is not in the table. */
  find(h1: number, h2: number): number {
    for (let i = (h1 ^ (h2 >>> 7)) & this.mask; ; i = (i + 1) & this.mask) {
      if (this.counts[i] === 0) return -1;
      if (this.h1[i] === h1 && this.h2[i] === h2) return i;
    }
  }

  /** Count one occurrence of a string at `at` (offset × 16 + length); the slot it is in. */
  add(h1: number, h2: number, at: number): number {
    if ((this.size + 1) * 2 > this.mask) this.grow();
    let i = (h1 ^ (h2 >>> 7)) & this.mask;
    for (; this.counts[i] !== 0; i = (i + 1) & this.mask) {
      if (this.h1[i] === h1 && this.h2[i] === h2) {
        this.counts[i]!++;
        return i;
      }
    }
    this.h1[i] = h1;
    this.h2[i] = h2;
    this.counts[i] = 1;
    this.first[i] = at;
    this.size++;
    return i;
  }

  private grow() {
    const old = { h1: this.h1, h2: this.h2, counts: this.counts, first: this.first, marks: this.marks };
    const n = (this.mask + 1) * 2;
    this.mask = n - 1;
    this.h1 = new Int32Array(n);
    this.h2 = new Int32Array(n);
    this.counts = new Int32Array(n);
    this.first = new Int32Array(n);
    this.marks = new Uint8Array(n);
    const to = new Int32Array(old.counts.length).fill(-1);
    for (let j = 0; j < old.counts.length; j++) {
      if (old.counts[j] === 0) continue;
      let i = (old.h1[j]! ^ (old.h2[j]! >>> 7)) & this.mask;
      while (this.counts[i] !== 0) i = (i + 1) & this.mask;
      this.h1[i] = old.h1[j]!;
      this.h2[i] = old.h2[j]!;
      this.counts[i] = old.counts[j]!;
      this.first[i] = old.first[j]!;
      this.marks[i] = old.marks[j]!;
      to[j] = i;
    }
    this.moved?.(to);
  }

  /** The slots in use that pass a test. */
  filter(keep: (slot: number) => boolean): number[] {
    const out: number[] = [];
    for (let i = 0; i <= this.mask; i++) if (this.counts[i] !== 0 && keep(i)) out.push(i);
    return out;
  }
}
