/**
 * A corpus's own glossary, found with no term list: what its documents define (X是指…, 所谓X, X，即…),
 * the long and short forms they pair (长期护理保险 / 长护险, 疾病诊断相关分组 / DRG), and the words of
 * two to eight characters it uses far more often than ordinary Chinese does — frequent, in several
 * documents, free on both sides (医联体, not 联体 nor 医联体建), holding together more than their
 * parts would by chance, and rare in a general-language baseline (general-words.ts). Each term comes
 * ranked, with its definition where the text gives one, its spellings in both scripts and the
 * reasons it was found.
 *
 * Scale: each document's evidence (term-evidence.ts) is worked out from the document alone and can
 * be kept; this module reads the evidence twice (counts first, then the neighbours of the strings
 * that could be terms only), so memory follows the corpus's distinct strings, not its size.
 */
import * as OpenCC from 'opencc-js/cn2t';
import { createHash } from 'node:crypto';
import type { BlockId, DocumentId } from '../pipeline/types.ts';
import { lazy } from '../lib/memo.ts';
import { generalCount, GENERAL_FLOOR, GENERAL_TOTAL } from './general-words.ts';
import { compound, HAN_COUNT, hanIndex, listedWords, nearOf, type TermEvidence } from './term-evidence.ts';

export interface DiscoveredTerm {
  /** Stable: made from the term (its simplified spelling). */
  id: string;
  /** Simplified. */
  term: string;
  /** Other names: the short or long form the text pairs it with, and the same term with 制度/体系 after it. */
  synonyms: string[];
  /** Every spelling: simplified, traditional (Taiwan standard) and as the documents wrote it. */
  variants: string[];
  definition?: { text: string; doc: DocumentId; paragraph: BlockId };
  /** Why it is a term: the text defines it, pairs it with a short or long form, or uses it far more than ordinary Chinese. */
  found: Array<'defined' | 'abbreviated' | 'frequent'>;
  score: number;
  /** Times it occurs in running text (in documents that repeat it), in how many documents, and how many times more often than in general Chinese. */
  count: number;
  documents: number;
  keyness: number;
  /** How much more often its parts come together than by chance, at its weakest split (bits); absent for one that is not a run of Chinese characters. */
  cohesion?: number;
}

export interface DiscoveryOptions {
  /** At most this many terms (the highest ranked). */
  limit?: number;
  /** A string found by frequency alone needs this many occurrences … */
  minCount?: number;
  /** … in this many documents (with one document, one). */
  minDocuments?: number;
}

/** Characters a term does not start with: particles, prepositions, conjunctions, pronouns, adverbs, and suffixes (型, 级, 性, 化). */
const NOT_FIRST = new Set('的了着过是在和与及或等也都就而且并从对为将把被让向于以其这那此每各该本个已再又还能会可要应需使由到得之所如若但则即据共均总更最很型级性化者率'.split(''));
/** Characters a term does not end with. */
const NOT_LAST = new Set('的了着过是在和与及或等也都就而且并从对为将把被让向于以其这那此每各该个已再又还可需使由到得地们中里内时后前来说给至达有'.split(''));
/** Inside a term: 的 and 是 make a phrase (资源配置的合理性, 联是指). */
const PHRASE = /[的是]/;
/** A place's name (安康市): the places index's, not the glossary's. */
const PLACE = /[省市县州镇乡村]$/;
/** A count or an ordinal (三年, 两个, 第二): not a term. */
const COUNTING = /^[〇零一二两三四五六七八九十百千万亿几数多第每]+[个年月日次种项家名位条类天周人所张批轮期届级]?/;
/** Words of time, not terms (年底, 目前, 期间). */
const TIME_WORD = /^(?:年底|年初|年末|年中|月底|月初|年度|全年|当年|今年|去年|明年|近年|目前|今后|以来|此前|期间|时期|阶段|同期|上年)$/;
/** A body's name (国家医保局, 医疗保障局): the organisations index's, not the glossary's. A 医院 or 中心 may be a kind of place (互联网医院). */
const BODY = /(?:局|部|委|委员会|厅|署|办公室|政府|法院|检察院|协会|学会|公司|集团)$/;
/** A word the general baseline lists (服务, 医疗) is a corpus's term only when the corpus uses it this many times more often. */
const LISTED_KEYNESS = 300;
/** A word it does not list (rarer than 1 in 300,000) needs this many times its greatest possible general rate. */
const UNLISTED_KEYNESS = 10;
/** What makes a term a system or a task without changing what it names: 分级诊疗制度 is 分级诊疗. */
const GENERIC_TAIL = /(?:制度|体系|工作|政策)$/;
/** A term's parts come together at least 2^2.5 (about 6) times as often as chance would have them (照护, 市医 do not). */
const MIN_COHESION = 2.5;
/** A string is held by the characters around it when one of them comes with it this often. */
const BOUND_SHARE = 0.6;
/** A string cuts through the words around it when it does so this often. */
const CUT_SHARE = 0.5;

/** Simplified to traditional (Taiwan standard), made on first use: its dictionaries are tens of megabytes, which a thread that never ranks terms need not hold. */
const converter = lazy(() => OpenCC.Converter({ from: 'cn', to: 'tw' }));
const toTraditional = (s: string) => converter()(s);

/** A string's counts over the corpus. */
interface Counted {
  n: number;
  df: number;
  /** Whether it could be a term, so that its neighbours are counted (worked out after the counts). */
  candidate?: boolean;
  l?: Map<string, number>;
  r?: Map<string, number>;
  /** Its spellings other than the simplified one, and in how many documents each. */
  written?: Map<string, number>;
}

/**
 * What discovery counts over a corpus's evidence: every string's occurrences and documents, the
 * characters, what the documents define and abbreviate, and the neighbours of the strings that
 * could be terms. Every part is a sum over the documents, so a few changed documents are counted
 * by taking their old evidence away and adding their new (recountTerms), not by reading every
 * document again.
 */
export interface TermTally {
  minCount: number;
  minDocuments?: number;
  documents: number;
  chars: number;
  /** Each Chinese character's count, by its place (hanIndex). */
  singles: Float64Array;
  grams: Map<string, Counted>;
  /** What each document defines (the documents that define something). */
  definitions: Map<DocumentId, TermEvidence['definitions']>;
  /** Short and long forms, and the documents that pair them. */
  pairs: Map<string, { short: string; long: string; docs: Set<string> }>;
  /** Names of bodies the documents abbreviate, and how often. */
  organisations: Map<string, number>;
}

/** The share of occurrences taken by the most frequent neighbour that is a character (a break is free). */
function boundShare(neighbours: Map<string, number> | undefined, n: number): number {
  let top = 0;
  for (const [c, k] of neighbours ?? []) if (c !== '' && k > top) top = k;
  return n ? top / n : 0;
}

/** The share taken by the two most frequent neighbours that are characters: 转患者 always has 上 or 下 before it, 联合体成 员 or 立 after it. */
function pairShare(neighbours: Map<string, number> | undefined, n: number): number {
  let first = 0;
  let second = 0;
  for (const [c, k] of neighbours ?? []) {
    if (c === '') continue;
    if (k > first) [first, second] = [k, first];
    else if (k > second) second = k;
  }
  return n ? (first + second) / n : 0;
}
/** Two neighbours that hold a string this often, over at least this many occurrences, bind it. */
const PAIR_SHARE = 0.9;
const PAIR_MIN = 4;

/**
 * The share of occurrences that cut through a common word at the edge, for a string of common
 * words and one character more (互联网|医, 推进|医): what comes after it makes a word the baseline
 * lists with that character (医院, 医疗), so the string ends inside a word. (失能 is no such string:
 * 失能人员 does not cut through 能人.)
 */
function cutShare(neighbours: Map<string, number> | undefined, n: number, g: string, side: 'left' | 'right'): number {
  const rest = side === 'left' ? g.slice(1) : g.slice(0, -1);
  if (rest.length < 2 || !listedWords(rest)) return 0;
  const edge = side === 'left' ? g[0]! : g.at(-1)!;
  let cut = 0;
  for (const [c, k] of neighbours ?? []) if (hanIndex(c) >= 0 && generalCount(side === 'left' ? c + edge : edge + c) > 0) cut += k;
  return n ? cut / n : 0;
}

const idOf = (term: string) => `t-${createHash('sha256').update(term).digest('hex').slice(0, 8)}`;

/** Add one document's counts to the tally (`sign` 1), or take them away (-1). */
function countDocument(t: TermTally, e: TermEvidence, sign: 1 | -1): void {
  t.documents += sign;
  t.chars += sign * e.chars;
  for (let i = 0; i < e.singles.length; i++) t.singles[hanIndex(e.singles[i]!)]! += sign * e.singleCounts[i]!;
  for (let i = 0; i < e.grams.length; i++) {
    const g = e.grams[i]!;
    const m = t.grams.get(g);
    if (!m) {
      // (A document taken away that the tally never counted: recountTerms's caller counts the corpus again.)
      if (sign < 0) throw new Error(`the tally does not hold "${g}" of ${e.doc}`);
      t.grams.set(g, { n: e.counts[i]!, df: 1 });
    }
    else if ((m.df += sign) === 0) t.grams.delete(g);
    else m.n += sign * e.counts[i]!;
  }
  if (sign > 0 && e.definitions.length) t.definitions.set(e.doc, e.definitions);
  if (sign < 0) t.definitions.delete(e.doc);
  for (const a of e.abbreviations) {
    if (a.organisation) {
      for (const name of [a.short, a.long]) tallyOf(t.organisations, name, sign);
      continue;
    }
    const key = `${a.short}|${a.long}`;
    if (sign > 0) {
      if (!t.pairs.has(key)) t.pairs.set(key, { short: a.short, long: a.long, docs: new Set() });
      t.pairs.get(key)!.docs.add(e.doc);
    } else if (t.pairs.get(key)?.docs.delete(e.doc) && !t.pairs.get(key)!.docs.size) t.pairs.delete(key);
  }
}

/** Add `by` to a count, forgetting it at zero. */
function tallyOf(counts: Map<string, number>, key: string, by: number): void {
  const v = (counts.get(key) ?? 0) + by;
  if (v) counts.set(key, v);
  else counts.delete(key);
}

/** Add one document's neighbours and spellings of the candidates (of those in `only`, when given) to the tally, or take them away. */
function countNeighbours(t: TermTally, e: TermEvidence, sign: 1 | -1, only?: ReadonlySet<string>): void {
  for (let i = 0; i < e.grams.length; i++) {
    if (only && !only.has(e.grams[i]!)) continue;
    const m = t.grams.get(e.grams[i]!);
    if (!m?.candidate) continue;
    const x = nearOf(e, i);
    for (const c in x.l) tallyOf(m.l!, c, sign * x.l[c]!);
    for (const c in x.r) tallyOf(m.r!, c, sign * x.r[c]!);
    for (const w of x.w ?? []) tallyOf((m.written ??= new Map()), w, sign);
  }
}

/** What the tally's counts say of each string: which strings the text names, which could be terms, how cohesive and how key each is. */
function judgeOf(t: TermTally) {
  const { grams, chars } = t;
  const minCount = t.minCount;
  const minDocuments = t.minDocuments ?? Math.min(2, t.documents);
  const definitions = new Map<string, { text: string; form: number; doc: DocumentId; paragraph: BlockId }>();
  for (const [doc, list] of t.definitions) {
    for (const d of list) {
      const had = definitions.get(d.term);
      // The most explicit way of defining wins; between equals, the first document in id order.
      if (!had || d.form < had.form || (d.form === had.form && doc < had.doc)) definitions.set(d.term, { text: d.text, form: d.form, doc, paragraph: d.paragraph });
    }
  }
  const named = new Set([...definitions.keys(), ...[...t.pairs.values()].flatMap((p) => [p.short, p.long])]);
  for (const o of t.organisations.keys()) named.delete(o);
  /** Whether a string could be a term at all: not a phrase, a count, a time, a body's or a place's name. */
  const wordlike = (g: string) =>
    !NOT_FIRST.has(g[0]!) && !NOT_LAST.has(g.at(-1)!) && !PHRASE.test(g.slice(1, -1)) && !COUNTING.test(g) && !TIME_WORD.test(g) && !BODY.test(g) && !PLACE.test(g) && !t.organisations.has(g);
  for (const g of [...named]) if (!wordlike(g)) named.delete(g);
  for (const g of [...definitions.keys()]) if (!named.has(g)) definitions.delete(g);
  const candidate = (g: string, m: Counted) => named.has(g) || (m.n >= minCount && (m.df >= minDocuments || m.n > minCount) && wordlike(g));

  const tokens = Math.max(1, chars / 1.5); // the general corpus counts words, of about 1.5 characters
  const countOf = (s: string) => (s.length === 1 ? t.singles[hanIndex(s)] : grams.get(s)?.n);
  /** How much more often the string's parts come together than they would by chance: the weakest split, in bits. */
  const cohesion = (g: string, n: number) => {
    let weakest = Infinity;
    for (let k = 1; k < g.length; k++) {
      const a = countOf(g.slice(0, k));
      const b = countOf(g.slice(k));
      if (a && b) weakest = Math.min(weakest, Math.log2((n * chars) / (a * b)));
    }
    return weakest;
  };
  const keynessOf = (g: string, n: number) => n / tokens / ((generalCount(g) || GENERAL_FLOOR) / GENERAL_TOTAL);
  /**
   * What the counts alone say of a string as a frequent term: used in several documents (or more
   * often than that in one when it is a word of its own, not common words put together: 分级诊疗 in
   * the one notice about it, not 大幅提升), far more often than in general Chinese, its parts
   * holding together. Its neighbours decide the rest.
   */
  const frequentByCounts = (g: string, m: Counted) =>
    ((m.n >= minCount && m.df >= minDocuments) || (m.n > minCount && !compound(g))) &&
    keynessOf(g, m.n) >= (generalCount(g) ? LISTED_KEYNESS : UNLISTED_KEYNESS) &&
    (latinTerm(g) || cohesion(g, m.n) >= MIN_COHESION);
  // Only a string the text names, or one the counts do not rule out, needs its neighbours (a tenth of the candidates).
  const needsNeighbours = (g: string, m: Counted) => candidate(g, m) && (named.has(g) || frequentByCounts(g, m));
  return { definitions, named, cohesion, keynessOf, frequentByCounts, needsNeighbours };
}

const latinTerm = (g: string) => /^[A-Z0-9]+$/.test(g);

/** Mark the strings whose neighbours are counted, as the counts now stand; the strings newly marked (their neighbours are still to count). */
function markCandidates(t: TermTally): Set<string> {
  const { needsNeighbours } = judgeOf(t);
  const added = new Set<string>();
  for (const [g, m] of t.grams) {
    const now = needsNeighbours(g, m);
    if (now && !m.candidate) {
      added.add(g);
      m.l = new Map();
      m.r = new Map();
    } else if (!now && m.candidate) {
      delete m.l;
      delete m.r;
      delete m.written;
    }
    m.candidate = now;
  }
  return added;
}

/** A tally's options and totals, as a tally and a kept tally both hold them (no minDocuments when none was given). */
const totalsOf = (x: Pick<TermTally, 'minCount' | 'minDocuments' | 'documents' | 'chars'>) => ({
  minCount: x.minCount,
  ...(x.minDocuments !== undefined ? { minDocuments: x.minDocuments } : {}),
  documents: x.documents,
  chars: x.chars,
});

/**
 * Count a corpus's evidence: `evidence` gives every document's each time it is called (it is read
 * twice: the counts first, then the neighbours of the strings that could be terms), in any order.
 */
export function countTerms(evidence: () => Iterable<TermEvidence>, options: DiscoveryOptions = {}): TermTally {
  const t: TermTally = {
    ...totalsOf({ minCount: options.minCount ?? 3, minDocuments: options.minDocuments, documents: 0, chars: 0 }),
    singles: new Float64Array(HAN_COUNT),
    grams: new Map(),
    definitions: new Map(),
    pairs: new Map(),
    organisations: new Map(),
  };
  for (const e of evidence()) countDocument(t, e, 1);
  markCandidates(t);
  for (const e of evidence()) countNeighbours(t, e, 1);
  return t;
}

/**
 * The tally of a corpus some of whose documents changed: `gone` their evidence as it was counted,
 * `came` as it is now (a changed document is in both). The counts are changed by theirs alone; a
 * string that now could be a term and could not before has its neighbours counted in every
 * document that holds it, which `holding` gives (the evidence of every document now in the corpus
 * that may hold one of the strings asked for). Changes `tally` and returns it: it counts as
 * countTerms would over the corpus now.
 */
export function recountTerms(
  t: TermTally,
  change: { gone: Iterable<TermEvidence>; came: Iterable<TermEvidence> },
  holding: (strings: ReadonlySet<string>) => Iterable<TermEvidence>,
): TermTally {
  for (const e of change.gone) {
    countNeighbours(t, e, -1);
    countDocument(t, e, -1);
  }
  for (const e of change.came) {
    countDocument(t, e, 1);
    countNeighbours(t, e, 1);
  }
  const added = markCandidates(t);
  if (added.size) for (const e of holding(added)) countNeighbours(t, e, 1, added);
  return t;
}

/** A tally as data a build can keep (V8's serialisation: lists, and numbers in typed arrays), and back. */
export interface KeptTally {
  minCount: number;
  minDocuments?: number;
  documents: number;
  chars: number;
  /** Each character counted (its place) and its count, one after the other. */
  singles: number[];
  /** Every string, and its occurrences and documents in the same order. */
  strings: string[];
  n: Int32Array;
  df: Int32Array;
  /** The candidates' neighbours before and after, and spellings. */
  candidates: Array<[g: string, l: Array<[string, number]>, r: Array<[string, number]>, written: Array<[string, number]>]>;
  definitions: Array<[DocumentId, TermEvidence['definitions']]>;
  pairs: Array<[short: string, long: string, docs: string[]]>;
  organisations: Array<[string, number]>;
}

export function keptTally(t: TermTally): KeptTally {
  const singles: number[] = [];
  for (let i = 0; i < t.singles.length; i++) if (t.singles[i]) singles.push(i, t.singles[i]!);
  const strings: string[] = [];
  const n = new Int32Array(t.grams.size);
  const df = new Int32Array(t.grams.size);
  const candidates: KeptTally['candidates'] = [];
  for (const [g, m] of t.grams) {
    n[strings.length] = m.n;
    df[strings.length] = m.df;
    strings.push(g);
    if (m.candidate) candidates.push([g, [...m.l!], [...m.r!], [...(m.written ?? [])]]);
  }
  return {
    ...totalsOf(t),
    singles,
    strings,
    n,
    df,
    candidates,
    definitions: [...t.definitions],
    pairs: [...t.pairs.values()].map((p) => [p.short, p.long, [...p.docs]]),
    organisations: [...t.organisations],
  };
}

export function tallyFrom(k: KeptTally): TermTally {
  const singles = new Float64Array(HAN_COUNT);
  for (let i = 0; i < k.singles.length; i += 2) singles[k.singles[i]!] = k.singles[i + 1]!;
  const grams = new Map<string, Counted>();
  for (let i = 0; i < k.strings.length; i++) grams.set(k.strings[i]!, { n: k.n[i]!, df: k.df[i]!, candidate: false });
  for (const [g, l, r, written] of k.candidates) Object.assign(grams.get(g)!, { candidate: true, l: new Map(l), r: new Map(r), ...(written.length ? { written: new Map(written) } : {}) });
  return {
    ...totalsOf(k),
    singles,
    grams,
    definitions: new Map(k.definitions),
    pairs: new Map(k.pairs.map(([short, long, docs]) => [`${short}|${long}`, { short, long, docs: new Set(docs) }])),
    organisations: new Map(k.organisations),
  };
}

/**
 * The corpus's terms, highest ranked first. `evidence` gives every document's evidence each time
 * it is called (it is read twice), in any order: the result does not depend on the order.
 */
export function discoverTerms(evidence: () => Iterable<TermEvidence>, options: DiscoveryOptions = {}): DiscoveredTerm[] {
  return rankTerms(countTerms(evidence, options), options.limit);
}

/** The terms a tally gives, highest ranked first (at most `limit`). Reads the tally, does not change it. */
export function rankTerms(tally: TermTally, limit?: number): DiscoveredTerm[] {
  const { definitions, named, cohesion, keynessOf, frequentByCounts } = judgeOf(tally);
  const { grams, pairs } = tally;
  /** The strings whose neighbours were counted, and a named term the counts did not keep (长照2.0 is not a run of Chinese characters), which still counts as named. */
  const considered: Array<[string, Counted]> = [];
  for (const [g, m] of grams) if (m.candidate) considered.push([g, m]);
  for (const g of named) if (!grams.has(g)) considered.push([g, { n: 0, df: 0, l: new Map(), r: new Map() }]);
  const found = new Map<string, DiscoveredTerm>();
  for (const [g, m] of considered) {
    const keyness = keynessOf(g, m.n);
    const reasons: DiscoveredTerm['found'] = [];
    if (definitions.has(g)) reasons.push('defined');
    if (named.has(g) && !definitions.has(g)) reasons.push('abbreviated');
    const free =
      latinTerm(g) ||
      (boundShare(m.l, m.n) < BOUND_SHARE &&
        boundShare(m.r, m.n) < BOUND_SHARE &&
        (m.n < PAIR_MIN || (pairShare(m.l, m.n) < PAIR_SHARE && pairShare(m.r, m.n) < PAIR_SHARE)) &&
        cutShare(m.l, m.n, g, 'left') < CUT_SHARE &&
        cutShare(m.r, m.n, g, 'right') < CUT_SHARE);
    const together = latinTerm(g) ? Infinity : cohesion(g, m.n);
    if (free && frequentByCounts(g, m)) reasons.push('frequent');
    if (!reasons.length) continue;
    // Frequent, in many documents, and far from ordinary usage; a term the text defines or abbreviates ranks as if it occurred twice more.
    const score = Math.log2(2 + m.n + (named.has(g) ? 2 : 0)) * (1 + Math.log2(Math.max(1, m.df))) * Math.min(Math.log2(Math.max(keyness, 2)), 12);
    found.set(g, {
      id: idOf(g),
      term: g,
      synonyms: [],
      // (The documents' spellings in code point order: the same whatever order the documents were counted in.)
      variants: [...new Set([g, toTraditional(g), ...[...(m.written?.keys() ?? [])].sort()])],
      ...(definitions.has(g) ? { definition: (({ form: _f, ...d }) => d)(definitions.get(g)!) } : {}),
      found: reasons,
      score: Math.round(score * 100) / 100,
      count: m.n,
      documents: m.df,
      keyness: Math.round(keyness),
      ...(Number.isFinite(together) ? { cohesion: Math.round(together * 10) / 10 } : {}),
    });
  }
  // One entry for a long form and its short ones (under the most used long form: 疾病诊断相关分组 and
  // 疾病诊断相关分组付费 are both DRG), and for 分级诊疗 and 分级诊疗制度.
  const absorb = (into: string, from: string) => {
    let a = found.get(into);
    let b = found.get(from);
    if (!a || !b || a === b) return;
    const shortForm = (x: DiscoveredTerm) => [...pairs.values()].some((p) => p.short === x.term);
    if (shortForm(a) || (!shortForm(b) && (b.count > a.count || (b.count === a.count && b.term.length < a.term.length)))) [a, b] = [b, a];
    a.synonyms = [...new Set([...a.synonyms, b.term, ...b.synonyms])];
    a.variants = [...new Set([...a.variants, ...b.variants])];
    a.found = [...new Set([...a.found, ...b.found])];
    a.definition ??= b.definition;
    // Both names' weight: the stronger, and half the other.
    a.score = Math.round((Math.max(a.score, b.score) + Math.min(a.score, b.score) / 2) * 100) / 100;
    a.count += b.count;
    a.documents = Math.max(a.documents, b.documents);
    for (const [k, v] of found) if (v === b) found.set(k, a);
  };
  for (const p of [...pairs.values()].sort((x, y) => (x.long < y.long ? -1 : x.long > y.long ? 1 : x.short < y.short ? -1 : 1))) absorb(p.long, p.short);
  for (const g of [...found.keys()].sort()) {
    const base = g.replace(GENERIC_TAIL, '');
    if (base !== g && base.length >= 2 && found.has(base)) absorb(base, g);
  }
  // A string that holds a term used four times as often (医联体建设, 推进医联体建设, 紧密型医联体 beside
  // 医联体) is a phrase about it or a kind of it: it ranks below it. (分级诊疗 holds 诊疗, but is not
  // a minor use of it.)
  const all = [...new Set(found.values())];
  // Each name's terms (a term's strings are at most eight characters: its parts are looked up, not every other term).
  const byName = new Map<string, DiscoveredTerm[]>();
  for (const u of all) for (const x of new Set([u.term, ...u.synonyms])) byName.set(x, [...(byName.get(x) ?? []), u]);
  const scores = new Map<DiscoveredTerm, number>();
  for (const t of all) {
    let holds = false;
    for (let a = 0; a < t.term.length && !holds; a++) {
      for (let b = a + 1; b <= t.term.length && !holds; b++) {
        if (b - a === t.term.length) continue;
        holds = (byName.get(t.term.slice(a, b)) ?? []).some((u) => u !== t && u.count >= 4 * t.count);
      }
    }
    if (holds) scores.set(t, Math.round(t.score * 50) / 100);
  }
  for (const [t, score] of scores) t.score = score;
  // Under its most used name (医联体, not the 区域性医疗联合体 that introduces it once).
  for (const t of new Set(found.values())) {
    const names = [t.term, ...t.synonyms];
    const most = names.reduce((best, x) => ((grams.get(x)?.n ?? 0) > (grams.get(best)?.n ?? 0) ? x : best), t.term);
    if (most !== t.term) {
      t.synonyms = names.filter((x) => x !== most);
      t.term = most;
      t.id = idOf(most);
    }
  }
  const terms = [...new Set(found.values())].sort((a, b) => b.score - a.score || (a.term < b.term ? -1 : 1));
  return limit === undefined ? terms : terms.slice(0, limit);
}
