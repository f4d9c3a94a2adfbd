/**
 * The timeline: every dated clause of every document that tells an event (event-telling.ts) becomes one, linked to its paragraph,
 * with its kind, the policies and organisations it names; one event told by several documents is
 * shown once with all its sources. Dates of a document whose dates cannot be trusted stay apart.
 */
import { NO_LEXICON, type Lexicon } from './lexicon.ts';
import type { BlockId, DocumentId } from '../pipeline/types.ts';
import type { DateMention, Precision, Qualifier } from './dates.ts';
import { eventKinds, type EventKind } from './event-kinds.ts';
import { tellsEvent } from './event-telling.ts';
import { mix32 } from '../lib/mix32.ts';
import { matchText } from './numerals.ts';
import { organisationFinder } from './organisations.ts';
import { policyKey, policyTitles } from './policies.ts';
import type { Reading } from './reading.ts';
import { sentenceSpans } from './units.ts';

export { EVENT_KINDS, RETIRED_EVENT_KINDS, type EventKind } from './event-kinds.ts';

export interface EventSource {
  doc: DocumentId;
  paragraph: BlockId;
  /** The date as this source writes it (今年4月 for a source whose year cannot be resolved). */
  written: string;
  text: string;
}

export interface TimelineEvent {
  /** Stable: the first source's document and paragraph, and the event's place in that paragraph. */
  id: string;
  date: string;
  end?: string;
  precision: Precision;
  qualifier?: Qualifier;
  part?: 'early' | 'late';
  /** The date as written. */
  written: string;
  /** The clause carrying the date. */
  text: string;
  kind: EventKind;
  doc: DocumentId;
  paragraph: BlockId;
  trusted: boolean;
  policies: string[];
  organisations: string[];
  /** Other documents telling the same event. */
  sources: EventSource[];
}

/** A dated mention whose year the text does not give, kept to join a dated telling of the same policy. */
interface Unresolved {
  doc: DocumentId;
  paragraph: BlockId;
  written: string;
  text: string;
  month?: number;
  policies: string[];
}

/**
 * The clause each date belongs to. Dates with no clause break between them (2010年、2014年) share
 * one clause. The first clause of a sentence takes the sentence's opening words (早在…, 我们发现…)
 * unless a colon or an opening quote introduces the date, or that would take more than 60
 * characters. A clause that is little more than its date (到了2017年,) runs on into the next one.
 */
function clauses(text: string, span: [number, number], dates: Array<{ start: number; end: number; text: string }>): string[] {
  const isBreak = (c: string) => /[,，;；:：]/.test(c);
  const starts: number[] = [];
  dates.forEach((d, i) => {
    const prevEnd = i === 0 ? span[0] : dates[i - 1]!.end;
    let s = d.start;
    while (s > prevEnd && !isBreak(text[s - 1]!) && !/[“「]/.test(text[s - 1]!)) s--;
    if (i > 0 && s === prevEnd && !isBreak(text.slice(prevEnd, d.start))) {
      starts.push(starts[i - 1]!); // same clause as the date before
      return;
    }
    if (i === 0) {
      // Back to the sentence start, stopping at a colon or at the opening quote the date is inside.
      let w = s;
      let closed = 0;
      while (w > span[0]) {
        const c = text[w - 1]!;
        if (/[:：]/.test(c)) break;
        if (/[”」]/.test(c)) closed++;
        if (/[“「]/.test(c) && closed-- === 0) break;
        w--;
      }
      if (s - w <= 60) s = w;
    }
    starts.push(s);
  });
  const groupStarts = [...new Set(starts)];
  const groupText = (g: number, upTo: number) => text.slice(groupStarts[g]!, g + upTo < groupStarts.length ? groupStarts[g + upTo] : span[1]);
  return dates.map((d, i) => {
    const g = groupStarts.indexOf(starts[i]!);
    let c = tidy(groupText(g, 1));
    if (c.replace(d.text, '').replace(/[^\p{L}\p{N}]/gu, '').length < 4) c = tidy(groupText(g, 2));
    return c;
  });
}

/** A clause without the punctuation left at its edges (and without unbalanced quotes). */
function tidy(clause: string): string {
  let c = clause.trim().replace(/^[,，;；:：、。\s]+|[,，;；:：、\s]+$/g, '');
  if ((c.match(/“/g) ?? []).length < (c.match(/”/g) ?? []).length) c = c.replace(/”/, '');
  if ((c.match(/“/g) ?? []).length > (c.match(/”/g) ?? []).length) c = c.replace(/^“/, '');
  return c;
}

/** One document's events, and its dated mentions whose year the text does not give. */
export interface DocumentEvents {
  events: TimelineEvent[];
  unresolved: Unresolved[];
}

/** A function that gives one document's events, in reading order, their kinds and organisations told with the corpus's lexicon. */
export function eventsOf(lexicon: Lexicon): (r: Reading) => DocumentEvents {
  const kindOf = eventKinds(lexicon);
  const organisations = organisationFinder(lexicon);
  return (r) => readEvents(r, kindOf, organisations);
}

/** One document's events with the engine's general words alone. */
export const documentEvents = eventsOf(NO_LEXICON);

function readEvents(r: Reading, kindOf: ReturnType<typeof eventKinds>, organisations: ReturnType<typeof organisationFinder>): DocumentEvents {
  const d = r.doc;
  const events: TimelineEvent[] = [];
  const unresolved: Unresolved[] = [];
  const perParagraph = new Map<string, number>();
  for (const { unit, result } of r.dates()) {
    for (const span of sentenceSpans(unit.text)) {
      const inside = <T extends { start: number }>(xs: T[]) => xs.filter((x) => x.start >= span[0] && x.start < span[1]);
      const dated = inside(result.mentions).filter((m) => !m.comparison && !m.named);
      const refused = inside(result.refused);
      const all = [...dated, ...refused].sort((a, b) => a.start - b.start);
      if (all.length === 0) continue;
      const texts = clauses(unit.text, span, all);
      all.forEach((m, i) => {
        const text = unit.label && !texts[i]!.startsWith(unit.label) ? `${unit.label}：${texts[i]}` : texts[i]!;
        const policies = [...new Set(policyTitles(text).map((p) => p.title))];
        if (!('date' in m)) {
          unresolved.push({ doc: d.id, paragraph: unit.block, written: m.text, text, ...(m.month !== undefined ? { month: m.month } : {}), policies });
          return;
        }
        const named = [...new Set(organisations(text).map((o) => o.name))];
        if (!tellsEvent(text, m.text, policies.length > 0 || named.length > 0)) return;
        const n = (perParagraph.get(unit.block) ?? 0) + 1;
        perParagraph.set(unit.block, n);
        events.push({
          id: `${d.id}-${unit.block}-${n}`,
          date: m.date,
          ...(m.until ? { end: m.until } : {}),
          precision: m.precision,
          ...(m.qualifier ? { qualifier: m.qualifier } : {}),
          ...(m.part ? { part: m.part } : {}),
          written: m.text,
          text,
          kind: kindOf(text, m),
          doc: d.id,
          paragraph: unit.block,
          trusted: d.datesTrusted,
          policies,
          organisations: named,
          sources: [],
        });
      });
    }
  }
  return { events, unresolved };
}

/** Whether two dates can be the same day: equal, or one a coarser form of the other (2017 and 2017-04-23). */
function compatible(a: string, b: string): boolean {
  return a.startsWith(b) || b.startsWith(a);
}

/** Whether a code unit is a letter or a number (\p{L}, \p{N}): 1 yes, 2 no, 0 not asked yet. */
const WORD_UNIT = new Uint8Array(65536);
const WORD = /^[\p{L}\p{N}]$/u;
function isWordUnit(c: number): boolean {
  let k = WORD_UNIT[c]!;
  if (k === 0) WORD_UNIT[c] = k = WORD.test(String.fromCharCode(c)) ? 1 : 2;
  return k === 1;
}

/**
 * The character bigrams of clauses, on simplified text without punctuation: each bigram numbered as
 * first seen (0, 1, 2 …), a clause's each once, in no particular order. (Small numbers, where the
 * pairs' code units would be numbers above 2^30 for CJK.) The pairs' numbers are kept in a table of
 * their own (open addressing over typed arrays), a clause's repeats are left out by marking the
 * numbers it gave, punctuation is skipped as the clause is read, and a clause's bigrams are read
 * into one list used again for the next (`grams`): with a Map, a regular expression, a sort and two
 * new lists per clause this took half of the timeline's merge (67,000 tellings: 1.0 of 2.3 s).
 */
class ClauseBigrams {
  /** The last clause's bigrams: the first `read` gave. */
  grams = new Int32Array(256);
  private units = new Uint32Array(65536);
  private lastUnit = 0;
  /** Each pair as (first unit − 1) × 2^16 + second unit − 1 (units are 1 to 65,536), and its number + 1 (0: the slot is empty). */
  private pairs = new Uint32Array(1 << 12);
  private numbers = new Int32Array(1 << 12);
  /** How many bigrams have a number. */
  count = 0;
  /** The clause each number was last given for. */
  private givenFor = new Int32Array(1 << 12);
  private clause = 0;

  /** Read a clause: its bigrams are then the first so many (returned) of `grams`. */
  read(s: string): number {
    const t = matchText(s);
    if (this.grams.length < t.length) this.grams = new Int32Array(t.length * 2);
    this.clause++;
    let n = 0;
    let a = 0;
    const add = (c: number) => {
      const b = (this.units[c] ||= ++this.lastUnit);
      if (a) {
        const g = this.numberOf((((a - 1) << 16) | (b - 1)) >>> 0);
        if (this.givenFor[g] !== this.clause) (this.givenFor[g] = this.clause), (this.grams[n++] = g);
      }
      a = b;
    };
    for (let i = 0; i < t.length; i++) {
      const c = t.charCodeAt(i);
      const low = t.charCodeAt(i + 1);
      // A character beyond the first plane (𠮷): its two units are kept or skipped together, as it is a letter or not.
      if (c >= 0xd800 && c <= 0xdbff && low >= 0xdc00 && low <= 0xdfff) {
        if (WORD.test(t.slice(i, i + 2))) add(c), add(low);
        i++;
      } else if (isWordUnit(c)) add(c);
    }
    return n;
  }

  private numberOf(key: number): number {
    const i = slot(key, this.pairs, this.numbers);
    if (this.numbers[i] !== 0) return this.numbers[i]! - 1;
    this.pairs[i] = key;
    this.numbers[i] = ++this.count;
    if (this.count * 2 > this.pairs.length) this.grow();
    if (this.count > this.givenFor.length) {
      const given = new Int32Array(this.givenFor.length * 2);
      given.set(this.givenFor);
      this.givenFor = given;
    }
    return this.count - 1;
  }

  private grow(): void {
    const [pairs, numbers] = [this.pairs, this.numbers];
    this.pairs = new Uint32Array(pairs.length * 2);
    this.numbers = new Int32Array(pairs.length * 2);
    for (let j = 0; j < pairs.length; j++) {
      if (numbers[j] === 0) continue;
      const k = slot(pairs[j]!, this.pairs, this.numbers);
      this.pairs[k] = pairs[j]!;
      this.numbers[k] = numbers[j]!;
    }
  }
}

/** Where a key is in an open-addressed table, or the empty slot it would take (`taken[i]` is 0 for an empty one). */
function slot(key: number, table: Uint32Array, taken: Int32Array): number {
  const mask = table.length - 1;
  let i = mix32(key) & mask;
  while (taken[i] !== 0 && table[i] !== key) i = (i + 1) & mask;
  return i;
}

/**
 * Bigram overlap of a clause with the one whose bigrams are marked (`marked[g] === mark`, `size` of
 * them), 0..1: shared bigrams over the larger count. (Marked once per telling, then each candidate's
 * bigrams counted: no list sorted.)
 */
function overlapWithMarked(x: Int32Array, marked: Int32Array, mark: number, size: number): number {
  if (!x.length || !size) return 0;
  let same = 0;
  for (let i = 0; i < x.length; i++) if (marked[x[i]!] === mark) same++;
  return same / Math.max(x.length, size);
}

/**
 * Whether telling `b` tells merged event `a`: the same policy (`aPolicies`: the keys of a's), or the
 * same date and words that overlap by half (`overlapOf`: worked out only then).
 */
function sameEvent(a: TimelineEvent, aPolicies: ReadonlySet<string>, b: TimelineEvent, overlapOf: () => number): boolean {
  if (a.doc === b.doc || a.trusted !== b.trusted) return false;
  if (!compatible(a.date, b.date) || (a.end ?? '') !== (b.end ?? '')) return false;
  if ((a.qualifier ?? '') !== (b.qualifier ?? '') && a.qualifier && b.qualifier) return false;
  if (b.policies.some((p) => aPolicies.has(policyKey(p)))) return true;
  return a.date === b.date && overlapOf() >= 0.5;
}

const precisionRank: Record<Precision, number> = { day: 0, month: 1, quarter: 2, half: 3, range: 4, year: 5, decade: 6 };

/** Sort key: date, then document and reading order. */
function byDate(a: TimelineEvent, b: TimelineEvent, order: Map<string, number>): number {
  return a.date < b.date ? -1 : a.date > b.date ? 1 : (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0);
}

/**
 * The corpus timeline: each document's events, an event told by several documents merged into the
 * telling with the most precise date (the others become its sources), sorted by date.
 */
export function timeline(results: Iterable<DocumentEvents>): TimelineEvent[] {
  const perDoc = [...results];
  const all = perDoc.flatMap((p) => p.events);
  const order = new Map(all.map((e, i) => [e.id, i]));
  // Most precise tellings first, so that each group is led by the one with the fullest date, then
  // in reading order: each telling's place as one number (precision, date length, place), sorted.
  const keys = Float64Array.from(all, (e, i) => (precisionRank[e.precision] * 64 + 63 - Math.min(63, e.date.length)) * 2 ** 32 + i).sort();
  const ranked = Array.from(keys, (k) => all[k % 2 ** 32]!);
  const merged: TimelineEvent[] = [];
  // An event can only join one with a shared policy, or one of the same date whose words overlap by
  // half or more (sameEvent): index those, so that each telling is compared with its few
  // candidates, not with every event of the corpus or of its date. For the overlap, each merged
  // event is filed under the rarest of its bigrams only (prefix filtering: two sets that share
  // half of the larger one's elements share one among the rarest |x| - ⌈|x|/2⌉ + 1 of each).
  // (A clause's bigrams are worked out when they are asked for, and kept only for the merged events,
  // which are compared with many tellings: every telling's would be as large as the corpus, half a
  // million sets at 10,000 documents.)
  const bigrams = new ClauseBigrams();
  const counts: number[] = [];
  for (const e of all) {
    const n = bigrams.read(e.text);
    for (let i = 0; i < n; i++) counts[bigrams.grams[i]!] = (counts[bigrams.grams[i]!] ?? 0) + 1;
  }
  // Each bigram's place in that order (rarest first, then by number: any one order finds the same events), so a text's rarest are a numeric sort away.
  const byRarity = new Float64Array(counts.length);
  for (let g = 0; g < counts.length; g++) byRarity[g] = (counts[g] ?? 0) * 2 ** 32 + g;
  byRarity.sort();
  const rank = new Int32Array(counts.length);
  byRarity.forEach((k, i) => (rank[k % 2 ** 32] = i));
  // The bigrams of the telling being placed (marked with its step), their ranks, its candidates.
  const marked = new Int32Array(counts.length);
  let step = 0;
  let ranks = new Int32Array(256);
  let found = new Int32Array(256);
  /** The rarest of the bigrams of the clause just read (its `size` first of bigrams.grams). */
  const rarest = (size: number) => {
    if (ranks.length < size) ranks = new Int32Array(size * 2);
    for (let i = 0; i < size; i++) ranks[i] = rank[bigrams.grams[i]!]!;
    return ranks.subarray(0, size).sort().subarray(0, size - Math.ceil(size / 2) + 1);
  };
  const mergedGrams: Int32Array[] = [];
  // Per date, the merged events under each of their rarest bigrams; per policy key, the merged events
  // naming it, and the same per year: an event joins only one whose date is its date's prefix or
  // extends it (compatible), and every date starts with its four-digit year.
  const atDate = new Map<string, Map<number, number[]>>();
  const byPolicy = new Map<string, number[]>();
  const byPolicyYear = new Map<string, number[]>();
  const policyYear = (p: string, date: string) => `${policyKey(p)}|${date.slice(0, 4)}`;
  // The documents that tell each merged event (its own and its sources'): a document tells an event once.
  const tellers: Set<string>[] = [];
  // Each merged event's policies and organisations as it gathers them (its policies' keys too, for
  // sameEvent): added to as tellings join, never copied whole (an event of a large corpus is told
  // by thousands of documents).
  const policies: Set<string>[] = [];
  const policyKeys: Set<string>[] = [];
  const organisations: Set<string>[] = [];
  const file = <K>(index: Map<K, number[]>, key: K, i: number) => {
    const list = index.get(key) ?? [];
    if (list.at(-1) !== i) list.push(i);
    index.set(key, list);
  };
  for (const e of ranked) {
    const candidates = new Set<number>();
    const size = bigrams.read(e.text);
    step++;
    for (let i = 0; i < size; i++) marked[bigrams.grams[i]!] = step;
    const prefix = rarest(size);
    const sameDate = atDate.get(e.date);
    if (sameDate) for (const g of prefix) for (const i of sameDate.get(g) ?? []) candidates.add(i);
    for (const p of e.policies) for (const i of byPolicyYear.get(policyYear(p, e.date)) ?? []) candidates.add(i);
    // The candidates in the order the events were made: the first that tells the same event.
    if (found.length < candidates.size) found = new Int32Array(candidates.size * 2);
    let k = 0;
    for (const i of candidates) found[k++] = i;
    let at: number | undefined;
    for (const i of found.subarray(0, k).sort()) {
      if (tellers[i]!.has(e.doc) || !sameEvent(merged[i]!, policyKeys[i]!, e, () => overlapWithMarked(mergedGrams[i]!, marked, step, size))) continue;
      at = i;
      break;
    }
    if (at === undefined) {
      merged.push({ ...e, sources: [] });
      mergedGrams.push(bigrams.grams.slice(0, size));
      tellers.push(new Set([e.doc]));
      policies.push(new Set(e.policies));
      policyKeys.push(new Set(e.policies.map(policyKey)));
      organisations.push(new Set(e.organisations));
      if (!atDate.has(e.date)) atDate.set(e.date, new Map());
      for (const g of prefix) file(atDate.get(e.date)!, g, merged.length - 1);
      for (const p of e.policies) file(byPolicy, policyKey(p), merged.length - 1);
      for (const p of e.policies) file(byPolicyYear, policyYear(p, e.date), merged.length - 1);
      continue;
    }
    const into = merged[at]!;
    into.sources.push({ doc: e.doc, paragraph: e.paragraph, written: e.written, text: e.text });
    tellers[at]!.add(e.doc);
    for (const p of e.policies) policies[at]!.add(p), policyKeys[at]!.add(policyKey(p));
    for (const o of e.organisations) organisations[at]!.add(o);
    for (const p of e.policies) file(byPolicy, policyKey(p), at);
    for (const p of e.policies) file(byPolicyYear, policyYear(p, into.date), at);
  }
  // (An event no other telling joined keeps its lists as they were.)
  merged.forEach((m, i) => {
    if (tellers[i]!.size === 1) return;
    m.policies = [...policies[i]!];
    m.organisations = [...organisations[i]!];
  });
  // A telling whose year the text does not give (今年4月, in a document without a date) joins the
  // event that names the same policy in the same month.
  for (const u of perDoc.flatMap((p) => p.unresolved)) {
    if (!u.policies.length) continue;
    const keys = new Set(u.policies.map(policyKey));
    const candidates = [...new Set([...keys].flatMap((k) => byPolicy.get(k) ?? []))].sort((a, b) => a - b).map((i) => merged[i]!);
    const into = candidates.find(
      (m) =>
        m.trusted &&
        m.doc !== u.doc &&
        !m.sources.some((s) => s.doc === u.doc) &&
        m.policies.some((p) => keys.has(policyKey(p))) &&
        (u.month === undefined || Number(m.date.slice(5, 7)) === u.month),
    );
    if (into) into.sources.push({ doc: u.doc, paragraph: u.paragraph, written: u.written, text: u.text });
  }
  for (const m of merged) m.sources.sort((a, b) => (a.doc < b.doc ? -1 : a.doc > b.doc ? 1 : 0));
  return merged.sort((a, b) => byDate(a, b, order));
}
