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

/**
 * A function that gives the character bigrams of a clause, on simplified text without punctuation:
 * each bigram numbered as this function first sees it, a clause's as a sorted list without repeats.
 * (Small numbers, where the pairs' code units would be numbers above 2^30 for CJK, which V8's maps
 * hash far more slowly; and two sorted lists are compared in one walk.)
 */
function bigramNumbers(): (s: string) => Int32Array {
  const units = new Uint32Array(65536);
  let lastUnit = 0;
  const unitOf = (u: number) => (units[u] ||= ++lastUnit);
  const numbers = new Map<number, number>();
  return (s) => {
    const t = matchText(s).replace(/[^\p{L}\p{N}]/gu, '');
    const out = new Int32Array(Math.max(0, t.length - 1));
    let a = t.length > 0 ? unitOf(t.charCodeAt(0)) : 0;
    for (let i = 1; i < t.length; i++) {
      const b = unitOf(t.charCodeAt(i));
      // (Unit numbers run from 1 to 65,536: each pair its own.)
      const pair = a * 65537 + b;
      let n = numbers.get(pair);
      if (n === undefined) numbers.set(pair, (n = numbers.size));
      out[i - 1] = n;
      a = b;
    }
    out.sort();
    let k = 0;
    for (let i = 0; i < out.length; i++) if (i === 0 || out[i] !== out[i - 1]) out[k++] = out[i]!;
    return out.subarray(0, k);
  };
}

/** Bigram overlap of two clauses, given their sorted bigram numbers (0..1): shared bigrams over the larger count. */
function overlap(x: Int32Array, y: Int32Array): number {
  if (!x.length || !y.length) return 0;
  let same = 0;
  for (let i = 0, j = 0; i < x.length && j < y.length; ) {
    if (x[i] === y[j]) same++, i++, j++;
    else if (x[i]! < y[j]!) i++;
    else j++;
  }
  return same / Math.max(x.length, y.length);
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
  // Most precise tellings first, so that each group is led by the one with the fullest date.
  const ranked = [...all].sort((a, b) => precisionRank[a.precision] - precisionRank[b.precision] || b.date.length - a.date.length || order.get(a.id)! - order.get(b.id)!);
  const merged: TimelineEvent[] = [];
  // An event can only join one with a shared policy, or one of the same date whose words overlap by
  // half or more (sameEvent): index those, so that each telling is compared with its few
  // candidates, not with every event of the corpus or of its date. For the overlap, each merged
  // event is filed under the rarest of its bigrams only (prefix filtering: two sets that share
  // half of the larger one's elements share one among the rarest |x| - ⌈|x|/2⌉ + 1 of each).
  // (A clause's bigrams are worked out when they are asked for, and kept only for the merged events,
  // which are compared with many tellings: every telling's would be as large as the corpus, half a
  // million sets at 10,000 documents.)
  const gramsOf = bigramNumbers();
  const counts: number[] = [];
  for (const e of all) for (const g of gramsOf(e.text)) counts[g] = (counts[g] ?? 0) + 1;
  // Each bigram's place in that order (rarest first, then by number: any one order finds the same events), so a text's rarest are a numeric sort away.
  const byRarity = Int32Array.from(counts.keys()).sort((a, b) => counts[a]! - counts[b]! || a - b);
  const rank = new Int32Array(counts.length);
  byRarity.forEach((g, i) => (rank[g] = i));
  const rarest = (grams: Int32Array) => {
    const ranks = grams.map((g) => rank[g]!).sort();
    return ranks.subarray(0, ranks.length - Math.ceil(ranks.length / 2) + 1);
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
    const grams = gramsOf(e.text);
    const prefix = rarest(grams);
    const sameDate = atDate.get(e.date);
    if (sameDate) for (const g of prefix) for (const i of sameDate.get(g) ?? []) candidates.add(i);
    for (const p of e.policies) for (const i of byPolicyYear.get(policyYear(p, e.date)) ?? []) candidates.add(i);
    const at = [...candidates].sort((a, b) => a - b).find((i) => !tellers[i]!.has(e.doc) && sameEvent(merged[i]!, policyKeys[i]!, e, () => overlap(mergedGrams[i]!, grams)));
    if (at === undefined) {
      merged.push({ ...e, sources: [] });
      mergedGrams.push(grams);
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
