/**
 * The search index's format, shared by the index build and every reader (browser over http, a page
 * opened from disk, the terminal). Documents are numbered 0…n-1 in the order of their ids. A
 * document's text is folded and kept as letters and digits only (fold.ts phraseText), and its
 * tokens are every character and every pair of adjacent characters within one title or paragraph,
 * each once. Each token is hashed to 32 bits (its key); the index maps a key to the documents that
 * have the token anywhere, and to those that have it in their title, and is split by key into
 * `buckets` files, so that a query loads one small file per token it has (two or three for a
 * Chinese word), whatever the corpus's size.
 *
 * A query part's documents are those that have all its tokens: every document that contains the
 * part, and perhaps a few that have its pairs apart (the engine's literal check of each paragraph
 * then leaves those out). Keys that collide only add documents too.
 *
 * A bucket file, before it is deflated: varint token count, then per token (in key order) its key
 * over the bucket count (varint, the difference from the last: the key's low bits are the bucket's
 * number), its documents and, when its list's header says so, its title's documents. A document
 * list is a varint header (count × 4, +2 when the title's list follows, +1 for a bitmap) and either
 * the numbers (varint differences) or a bitmap of n bits, whichever is shorter. (Most tokens are in
 * one or two documents and no title: the key's high part alone and no empty title list take 1,000
 * documents' buckets from 90 to 72 KB each, what a query loads per pair of characters.)
 */
import { mix32 as mix } from '../lib/mix32.ts';

/** Characters or pairs of characters, as their 32-bit keys. */
export type TokenKeys = Uint32Array;


/** The key of one character (a code point). */
export const charKey = (c: number): number => mix(c ^ 0x5bd1e995);
/** The key of a pair of characters. */
export const pairKey = (a: number, b: number): number => mix(Math.imul(a, 0x9e3779b1) ^ mix(b));

/** The code points of a text already folded and kept as letters and digits (no spaces). */
function codePoints(spelled: string): number[] {
  const out: number[] = [];
  for (const ch of spelled) out.push(ch.codePointAt(0)!);
  return out;
}

/**
 * Keys gathered as they come, repeats and all, then sorted (by radix, 11 bits at a time) and each
 * kept once: a document's tokens (tens of thousands, most of them repeats) took 30% of the time a
 * Set of numbers and a sort of it took; with the typed array's own sort, 70%.
 */
export class KeyList {
  private keys = new Uint32Array(1024);
  private n = 0;

  add(key: number): void {
    if (this.n === this.keys.length) {
      const grown = new Uint32Array(this.n * 2);
      grown.set(this.keys);
      this.keys = grown;
    }
    this.keys[this.n++] = key;
  }

  /** The keys, in order, each once. */
  sorted(): TokenKeys {
    const s = radixSorted(this.keys.subarray(0, this.n));
    let kept = 0;
    for (let i = 0; i < s.length; i++) if (kept === 0 || s[i] !== s[kept - 1]) s[kept++] = s[i]!;
    return s.slice(0, kept);
  }
}

/** 32-bit numbers sorted, in place: three passes of 11, 11 and 10 bits, lowest first (each pass keeps the order of the one before). */
export function radixSorted<T extends Uint32Array>(keys: T): T {
  let from: Uint32Array = keys;
  let to: Uint32Array = new Uint32Array(keys.length);
  const counts = new Uint32Array(2048);
  for (const shift of [0, 11, 22]) {
    counts.fill(0);
    for (let i = 0; i < from.length; i++) counts[(from[i]! >>> shift) & 2047]!++;
    let sum = 0;
    for (let b = 0; b < 2048; b++) {
      const c = counts[b]!;
      counts[b] = sum;
      sum += c;
    }
    for (let i = 0; i < from.length; i++) to[counts[(from[i]! >>> shift) & 2047]!++] = from[i]!;
    [from, to] = [to, from];
  }
  // (Three passes: the sorted numbers are in the scratch array.)
  keys.set(from);
  return keys;
}

/** The keys of a spelled text (letters and digits only, no spaces): each character, and each pair. */
export function addTokens(spelled: string, into: KeyList): void {
  let last = -1;
  for (const ch of spelled) {
    const c = ch.codePointAt(0)!;
    into.add(charKey(c));
    if (last >= 0) into.add(pairKey(last, c));
    last = c;
  }
}

/** The keys a query part must all have: its pairs (or its one character). None when it has no letter or digit. */
export function queryKeys(spelled: string): number[] {
  const cs = codePoints(spelled);
  if (cs.length === 1) return [charKey(cs[0]!)];
  const keys = new Set<number>();
  for (let i = 0; i + 1 < cs.length; i++) keys.add(pairKey(cs[i]!, cs[i + 1]!));
  return [...keys];
}

/** The bucket of a key (`buckets` is a power of two). */
export const bucketOf = (key: number, buckets: number): number => key & (buckets - 1);

/** The bucket count for `size` (documents, bytes …) at about `per` per bucket: a power of two, at least 1. */
export function bucketCount(size: number, per: number): number {
  let b = 1;
  while (b * per < size) b *= 2;
  return b;
}

/** A growing byte buffer with varints. */
export class ByteWriter {
  private buf = new Uint8Array(1024);
  length = 0;
  private room(n: number) {
    if (this.length + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.length + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.length));
    this.buf = next;
  }
  varint(v: number): void {
    this.room(5);
    while (v >= 0x80) {
      this.buf[this.length++] = (v & 0x7f) | 0x80;
      v >>>= 7;
    }
    this.buf[this.length++] = v;
  }
  bytes(b: Uint8Array): void {
    this.room(b.length);
    this.buf.set(b, this.length);
    this.length += b.length;
  }
  result(): Uint8Array {
    return this.buf.slice(0, this.length);
  }
  /** What is written so far, not copied (until the next write). */
  view(): Uint8Array {
    return this.buf.subarray(0, this.length);
  }
}

/** Reads what ByteWriter wrote. */
export class ByteReader {
  at = 0;
  private readonly buf: Uint8Array;
  constructor(buf: Uint8Array) {
    this.buf = buf;
  }
  varint(): number {
    let v = 0;
    let shift = 0;
    for (;;) {
      const b = this.buf[this.at++]!;
      v += (b & 0x7f) * 2 ** shift;
      if (b < 0x80) return v;
      shift += 7;
    }
  }
  bytes(n: number): Uint8Array {
    const out = this.buf.subarray(this.at, this.at + n);
    this.at += n;
    return out;
  }
}

/**
 * Write a sorted list of document numbers (of n documents): as differences, or as a bitmap when that
 * is shorter. `more` is a bit of the caller's, kept in the list's header (readDocs gives it back).
 */
export function writeDocs(w: ByteWriter, docs: ArrayLike<number>, n: number, more = false): void {
  const bitmap = Math.ceil(n / 8);
  const flag = more ? 2 : 0;
  // A difference takes at least a byte: a list longer than the bitmap is a bitmap.
  if (docs.length > bitmap) {
    w.varint(docs.length * 4 + flag + 1);
    const bits = new Uint8Array(bitmap);
    for (let i = 0; i < docs.length; i++) bits[docs[i]! >> 3]! |= 1 << (docs[i]! & 7);
    w.bytes(bits);
    return;
  }
  w.varint(docs.length * 4 + flag);
  let last = 0;
  for (let i = 0; i < docs.length; i++) {
    w.varint(docs[i]! - last);
    last = docs[i]!;
  }
}

/** Read a list written by writeDocs: its numbers, and the caller's bit. */
export function readDocs(r: ByteReader, n: number): { docs: number[]; more: boolean } {
  const header = r.varint();
  const count = Math.floor(header / 4);
  const more = (header & 2) !== 0;
  const out: number[] = [];
  if (header % 2 === 1) {
    const bits = r.bytes(Math.ceil(n / 8));
    for (let i = 0; i < bits.length; i++) {
      const b = bits[i]!;
      if (b === 0) continue;
      for (let j = 0; j < 8; j++) if (b & (1 << j)) out.push(i * 8 + j);
    }
    return { docs: out, more };
  }
  let last = 0;
  for (let i = 0; i < count; i++) out.push((last += r.varint()));
  return { docs: out, more };
}

/** One token of a bucket: its key, its documents, and those that have it in their title. */
export interface Posting {
  key: number;
  docs: ArrayLike<number>;
  titles: ArrayLike<number>;
}

/** The part of a key its bucket's file keeps: all but the bits that name the bucket. */
const highPart = (key: number, buckets: number) => Math.floor(key / buckets);

/**
 * A bucket file's bytes (before deflating), a key at a time, in key order: its count of keys, then
 * each key's high part (as a difference from the last), documents and title documents. (Written as
 * the keys come, not from a list of them: an index rebuilt after one document was added made a
 * million small lists at 1,000 documents.)
 */
export class BucketWriter {
  private readonly body = new ByteWriter();
  private count = 0;
  private last = 0;
  private readonly n: number;
  private readonly buckets: number;
  /** For `n` documents, a bucket of `buckets`. */
  constructor(n: number, buckets: number) {
    this.n = n;
    this.buckets = buckets;
  }
  add(key: number, docs: ArrayLike<number>, titles: ArrayLike<number>): void {
    const high = highPart(key, this.buckets);
    this.body.varint(high - this.last);
    this.last = high;
    writeDocs(this.body, docs, this.n, titles.length > 0);
    if (titles.length > 0) writeDocs(this.body, titles, this.n);
    this.count++;
  }
  result(): Uint8Array {
    const w = new ByteWriter();
    w.varint(this.count);
    w.bytes(this.body.view());
    return w.result();
  }
}

/** A bucket file's bytes (before deflating): its postings, in key order, all of one bucket of `buckets`. */
export function encodeBucket(postings: readonly Posting[], n: number, buckets: number): Uint8Array {
  const w = new BucketWriter(n, buckets);
  for (const p of postings) w.add(p.key, p.docs, p.titles);
  return w.result();
}

/** Skip a list written by writeDocs; returns the caller's bit. */
function skipDocs(r: ByteReader, n: number): boolean {
  const header = r.varint();
  if (header % 2 === 1) r.at += Math.ceil(n / 8);
  else for (let count = Math.floor(header / 4); count > 0; count--) r.varint();
  return (header & 2) !== 0;
}

/** A token's documents and title's documents, read where they start. */
function readPosting(r: ByteReader, n: number): { docs: number[]; titles: number[] } {
  const { docs, more } = readDocs(r, n);
  return { docs, titles: more ? readDocs(r, n).docs : [] };
}

/** One key's postings in a bucket's bytes (a bucket of `buckets`), or undefined: the other keys' lists are skipped, not read. */
export function findInBucket(bytes: Uint8Array, key: number, n: number, buckets: number): { docs: number[]; titles: number[] } | undefined {
  const r = new ByteReader(bytes);
  const high = highPart(key, buckets);
  let at = 0;
  for (let count = r.varint(); count > 0; count--) {
    at += r.varint();
    if (at === high) return readPosting(r, n);
    if (at > high) return undefined;
    if (skipDocs(r, n)) skipDocs(r, n);
  }
  return undefined;
}

/** A bucket's postings by key (bucket `bucket` of `buckets`). */
export function decodeBucket(bytes: Uint8Array, n: number, bucket: number, buckets: number): Map<number, { docs: number[]; titles: number[] }> {
  const r = new ByteReader(bytes);
  const out = new Map<number, { docs: number[]; titles: number[] }>();
  let high = 0;
  for (let count = r.varint(); count > 0; count--) {
    high += r.varint();
    out.set(high * buckets + bucket, readPosting(r, n));
  }
  return out;
}

/** What meta.js holds: the numbers a reader needs and the fold table (packed). */
export interface IndexMeta {
  /** Documents in the index. */
  n: number;
  /** Bucket files (a power of two). */
  buckets: number;
  /** Documents per units file (u/<number ÷ pack>). */
  pack: number;
  /** The fold table, packed (fold.ts packTable). */
  table: string;
}

/**
 * Documents per units file: a first query loads a few documents' units, and the site has a third as
 * many files (a static host counts them: at 1,000 documents, files of two made 4.15 files per
 * document, over the 4 the host budget allows; of three, 3.98, for 52 KB more on a first query, measured).
 */
export const PACK = 3;

/** The name of a bucket's file and of a document's units file (under the index's folder, without .js). */
export const bucketName = (b: number) => `b/${b.toString(16)}`;
export const unitsName = (doc: number, pack: number) => `u/${Math.floor(doc / pack)}`;

/**
 * An index file as written: a classic script that hands its name and payloads to the page
 * (`KBI(["b/1f","…"]);`), so that a page opened from disk loads it with a script element; read
 * over http or from the terminal by its text (parseIndexFile), never run. Each payload is bytes
 * deflated (raw), in base64: a bucket's, the meta's JSON, or one document's units as JSON (a units
 * file holds `pack` documents, one payload each).
 */
export const INDEX_GLOBAL = 'KBI';
export function indexFileText(name: string, payloads: readonly string[]): string {
  return `${INDEX_GLOBAL}(${JSON.stringify([name, ...payloads])});\n`;
}
export function parseIndexFile(text: string): string[] {
  const start = text.indexOf('(');
  const end = text.lastIndexOf(')');
  if (!text.startsWith(INDEX_GLOBAL) || start < 0 || end < start) throw new Error('not a search index file');
  return JSON.parse(text.slice(start + 1, end)) as string[];
}
