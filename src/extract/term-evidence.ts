/**
 * What one document says about the words it uses, for finding a corpus's own terms
 * (term-discovery.ts): the strings of two to eight characters it repeats, with the characters
 * around each (a word is free on both sides; 联体 always has 医 before it), its single characters,
 * and the terms its sentences define or abbreviate. Plain data, worked out from the document
 * alone, so it can be kept between builds and merged over any number of documents; bounded by the
 * document's length (its most repeated strings only).
 */
import type { BlockId, DocumentId, DocumentText } from '../pipeline/types.ts';
import { GramTable, HASH1, HASH2, hashesOf, nextHash1, nextHash2 } from './gram-counts.ts';
import { generalCount } from './general-words.ts';
import { matchText } from './numerals.ts';
import { definitionsIn } from './term-definitions.ts';
import { sentenceSpans, textUnits } from './units.ts';

/** One string's counts in a document: how often, what came before and after it ('' for a break), how it was written when not simplified. */
export interface GramEvidence {
  n: number;
  l: Record<string, number>;
  r: Record<string, number>;
  /** Its spellings in the document's own script, when they differ from the simplified one. */
  w?: string[];
}

/**
 * A document's evidence, in the shape the build keeps it (as JSON) and reads it back: lists rather
 * than objects keyed by string, and each string's neighbours as JSON text of their own. A corpus's
 * ranking reads every document's evidence twice, the second time for the neighbours of the strings
 * that could be terms only: as plain objects, the thousand small maps of each document took 1.9 s to
 * read back at 1,000 documents, each time.
 */
export interface TermEvidence {
  doc: DocumentId;
  /** Characters of running text counted. */
  chars: number;
  /** The strings it keeps, and each one's count (`counts[i]` is `grams[i]`'s). */
  grams: string[];
  counts: number[];
  /** Each string's neighbours and spellings (GramEvidence without its count), as JSON. */
  near: string[];
  /** The Chinese characters of its running text, each once, and each one's count: for how much more often a string's parts come together than apart. */
  singles: string;
  singleCounts: number[];
  definitions: Array<{ term: string; text: string; form: number; paragraph: BlockId }>;
  abbreviations: Array<{ short: string; long: string; organisation?: true; paragraph: BlockId }>;
}

/** A string's neighbours and spellings, read from its evidence. */
export const nearOf = (e: TermEvidence, i: number) => JSON.parse(e.near[i]!) as Omit<GramEvidence, 'n'>;

/** The Chinese characters counted one by one (U+3400 to U+9FFF: the unified ideographs and extension A), by their place from the first. */
export const HAN_FIRST = 0x3400;
export const HAN_COUNT = 0x9fff - HAN_FIRST + 1;
/** A character's place among them, or -1. */
export const hanIndex = (ch: string) => (ch.length === 1 && ch.charCodeAt(0) - HAN_FIRST >= 0 && ch.charCodeAt(0) - HAN_FIRST < HAN_COUNT ? ch.charCodeAt(0) - HAN_FIRST : -1);

export const MIN_GRAM = 2;
export const MAX_GRAM = 8;
/** Running text: a sentence with Chinese punctuation inside or at its end, long enough to be prose (not a menu, a heading, a caption or a post's header with its time). */
const PROSE = /[，、；：。]/;

/**
 * What is next to a run of Chinese characters: a break (''), or a Latin letter or digit, which
 * holds the string as a character would (付费国家试点 in DRG付费国家试点 is not free on its left).
 */
const outside = (c: string | undefined) => (c === undefined ? '' : /[A-Za-z]/.test(c) ? 'A' : /[0-9]/.test(c) ? '0' : '');
/** A numeral next to a string, as one class: 三级医院 and 二级医院 both hold 级医院. */
const neighbour = (c: string) => (/[〇零一二两三四五六七八九十百千]/.test(c) ? '一' : c);

/** The words the baseline lists at the start of a string, longest first (four characters to two). */
function listedAt(r: string, i: number): number {
  for (let k = 4; k >= 2; k--) if (i + k <= r.length && generalCount(r.slice(i, i + k)) > 0) return k;
  return 0;
}

/** Whether a string is made of words the general baseline lists (医院; 互联网|医院), cut longest word first. */
export function listedWords(g: string): boolean {
  for (let i = 0; i < g.length; ) {
    const k = listedAt(g, i);
    if (!k) return false;
    i += k;
  }
  return g.length > 0;
}

/** Whether a string of four to eight characters is two or more listed words and not one (互联网|医院, 长期|护理|保险). */
export function compound(g: string): boolean {
  return g.length >= 4 && g.length <= MAX_GRAM && /^[\u3400-\u9fff]+$/.test(g) && generalCount(g) === 0 && listedWords(g);
}

/** The compounds in a run of characters: two or three listed words in a row, as the run cuts into words longest first. */
export function compoundsIn(r: string): string[] {
  // Where each word starts and how long it is (a character the baseline does not list: 1).
  const starts: number[] = [];
  const lengths: number[] = [];
  for (let i = 0; i < r.length; ) {
    const k = listedAt(r, i);
    starts.push(i);
    lengths.push(k || 1);
    i += k || 1;
  }
  const out: string[] = [];
  for (let w = 0; w + 1 < starts.length; w++) {
    if (lengths[w]! < 2 || lengths[w + 1]! < 2) continue;
    for (let span = 2; span <= 3 && w + span <= starts.length && lengths[w + span - 1]! >= 2; span++) {
      const end = starts[w + span - 1]! + lengths[w + span - 1]!;
      if (end - starts[w]! > MAX_GRAM) break;
      const g = r.slice(starts[w]!, end);
      if (generalCount(g) === 0) out.push(g);
    }
  }
  return out;
}

/** How many strings a document keeps: a few dozen, and one for every 8 characters beyond. */
const keep = (chars: number) => 48 + Math.floor(chars / 8);

/**
 * The characters of running text a document's strings are counted in: its first 4,000. A corpus's
 * own words come back in every few thousand characters of its documents, and counting them costs
 * some 2 µs a character (a 24,000-character document would cost four times as much and tell little
 * more); what the document defines or abbreviates is read in all of it.
 */
export const EVIDENCE_CHARS = 4000;

/** The evidence of one document (pure: the same document gives the same evidence). */
export function termEvidence(d: Pick<DocumentText, 'id' | 'blocks'>): TermEvidence {
  return evidenceOf(d, EVIDENCE_CHARS);
}

/** The evidence of one document, its strings counted in its first `maxChars` characters of running text. */
export function evidenceOf(d: Pick<DocumentText, 'id' | 'blocks'>, maxChars: number): TermEvidence {
  /** Each character's count, by its code (the runs hold U+3400..U+9FFF only). */
  const codes = new Int32Array(HAN_COUNT);
  const definitions: TermEvidence['definitions'] = [];
  const abbreviations: TermEvidence['abbreviations'] = [];
  const named = new Set<string>();
  /** Runs of Chinese characters in the running text: simplified, as written, and the characters around them. */
  const runs: Array<{ r: string; written: string; before: string; after: string }> = [];
  const latin = new Map<string, number>();
  let chars = 0;
  /** The running text, simplified, one sentence a line. */
  let prose = '';

  for (const unit of textUnits(d.blocks)) {
    for (const [s, e] of sentenceSpans(unit.text)) {
      const written = unit.text.slice(s, e);
      const found = definitionsIn(written);
      for (const x of found.definitions) {
        definitions.push({ ...x, paragraph: unit.block });
        named.add(x.term);
      }
      for (const x of found.abbreviations) {
        abbreviations.push({ ...x, paragraph: unit.block });
        named.add(x.short).add(x.long);
      }
      if (unit.kind === 'heading' || written.length < 12 || !PROSE.test(written) || chars >= maxChars) continue;
      const t = matchText(written);
      prose += `${t}\n`;
      // Latin abbreviations (DRG, DIP, CNNIC) as words of their own.
      for (const m of t.matchAll(/(?<![A-Za-z0-9])[A-Z][A-Z0-9]{1,7}(?![A-Za-z0-9])/g)) latin.set(m[0], (latin.get(m[0]) ?? 0) + 1);
      // Runs of Chinese characters: a string never spans punctuation, a digit or a Latin letter.
      for (const run of t.matchAll(/[\u3400-\u9fff]+/g)) {
        const r = run[0];
        chars += r.length;
        for (let i = 0; i < r.length; i++) codes[r.charCodeAt(i) - HAN_FIRST]!++;
        runs.push({ r, written: written.slice(run.index, run.index + r.length), before: outside(t[run.index - 1]), after: outside(t[run.index + r.length]) });
      }
    }
  }

  // First how often each string occurs, then the neighbours and spellings of those kept only.
  const all = runs.map((x) => x.r).join('\n');
  /** The slot of the string of each length at each position (read again for the neighbours), moved with the table when it grows. */
  const SPAN = MAX_GRAM - MIN_GRAM + 1;
  const slotAt = new Int32Array(all.length * SPAN).fill(-1);
  const table = new GramTable(all.length * 2, (to) => {
    for (let k = 0; k < slotAt.length; k++) if (slotAt[k]! >= 0) slotAt[k] = to[slotAt[k]!]!;
  });
  let offset = 0;
  for (const { r } of runs) {
    for (let i = 0; i < r.length; i++) {
      let h1 = HASH1;
      let h2 = HASH2;
      for (let n = 1; n <= MAX_GRAM && i + n <= r.length; n++) {
        const code = r.charCodeAt(i + n - 1);
        h1 = nextHash1(h1, code);
        h2 = nextHash2(h2, code);
        if (n >= MIN_GRAM) slotAt[(offset + i) * SPAN + n - MIN_GRAM] = table.add(h1, h2, (offset + i) * 16 + n);
      }
    }
    offset += r.length + 1;
  }
  // The compounds of common words the document uses (互联网医院, 分级诊疗: a corpus's term may be used
  // once in each of its documents), found by cutting each run into the words the baseline lists.
  for (const { r } of runs) {
    for (const g of compoundsIn(r)) {
      const slot = table.find(...hashesOf(g));
      if (slot >= 0) table.marks[slot] = 1;
    }
  }
  // Keep what repeats and those compounds, the most repeated first, then the longest.
  const kept = table.filter((slot) => table.counts[slot]! >= 2 || table.marks[slot] === 1);
  const length = (slot: number) => table.first[slot]! & 15;
  kept.sort((a, b) => table.counts[b]! * length(b) - table.counts[a]! * length(a) || table.first[a]! - table.first[b]!);
  /** Each slot's neighbours while they are counted (Maps: a character as a key is slow on a plain object), by its index plus one (0: not kept). */
  const keptAt = new Int32Array(table.counts.length);
  const evidence: Array<{ g: string; n: number; l: Map<string, number>; r: Map<string, number>; w?: string[] }> = [];
  const keepSlot = (slot: number) => {
    if (keptAt[slot]) return;
    evidence.push({ g: all.substr(table.first[slot]! >> 4, length(slot)), n: table.counts[slot]!, l: new Map(), r: new Map() });
    keptAt[slot] = evidence.length;
  };
  for (const slot of kept.slice(0, keep(chars))) keepSlot(slot);
  // And what the document names, however rarely.
  for (const g of named) {
    const slot = table.find(...hashesOf(g));
    if (slot >= 0) keepSlot(slot);
  }
  const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
  offset = 0;
  for (const { r, written, before, after } of runs) {
    const same = written === r;
    for (let i = 0; i < r.length; i++) {
      for (let n = MIN_GRAM; n <= MAX_GRAM && i + n <= r.length; n++) {
        const slot = slotAt[(offset + i) * SPAN + n - MIN_GRAM]!;
        if (!keptAt[slot]) continue;
        const x = evidence[keptAt[slot]! - 1]!;
        bump(x.l, i > 0 ? neighbour(r[i - 1]!) : before);
        bump(x.r, i + n < r.length ? neighbour(r[i + n]!) : after);
        if (!same) {
          const w = written.slice(i, i + n);
          if (w !== r.slice(i, i + n) && !(x.w ??= []).includes(w) && x.w.length < 3) x.w.push(w);
        }
      }
    }
    offset += r.length + 1;
  }
  const grams = new Map<string, GramEvidence>();
  for (const x of evidence) grams.set(x.g, { n: x.n, l: Object.fromEntries(x.l), r: Object.fromEntries(x.r), ...(x.w ? { w: x.w } : {}) });
  for (const [g, n] of latin) if ((n >= 2 || named.has(g)) && !grams.has(g)) grams.set(g, { n, l: { '': n }, r: { '': n } });
  // A name that is not a run of Chinese characters (长照2.0): its occurrences in the running text, with nothing around them counted.
  for (const g of named) if (!grams.has(g) && prose.includes(g)) grams.set(g, { n: prose.split(g).length - 1, l: {}, r: {} });
  let singles = '';
  const singleCounts: number[] = [];
  for (let i = 0; i < codes.length; i++) {
    if (!codes[i]) continue;
    singles += String.fromCharCode(HAN_FIRST + i);
    singleCounts.push(codes[i]!);
  }
  return {
    doc: d.id,
    chars,
    grams: [...grams.keys()],
    counts: [...grams.values()].map((x) => x.n),
    near: [...grams.values()].map(({ n: _, ...near }) => JSON.stringify(near)),
    singles,
    singleCounts,
    definitions,
    abbreviations,
  };
}
