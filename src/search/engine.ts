/**
 * Precise Chinese search, shared by the browser (over http and from disk) and `npm run search`.
 * The index (index-format.ts) gives the documents that may contain every part of the query (all its
 * characters and pairs of characters); then every title and paragraph of those documents is checked
 * for literal containment of every part, ranked (title, heading, body; exact whole query; how
 * often), and given an excerpt centred on the match in the document's own script.
 *
 * `search` checks every candidate (the terminal, the tests, the counts); `openSearch` checks them a
 * batch at a time, so that a page shows its first results after loading a few documents, however
 * many documents a common word is in.
 */
import { escapeAttr } from '../lib/html.ts';
import { fold, queryParts, type FoldTable } from './fold.ts';

/** A document as search reads it: its page's URL, title, id and searchable units. */
export interface SearchDocument {
  url: string;
  title: string;
  doc: string;
  units: SearchUnit[];
}

/** What the engine searches (index-reader.ts: the same index over http, from disk and in the terminal). */
export interface SearchIndex {
  /**
   * The entries that may contain every folded part (at least every one that does): those whose
   * titles may, first. `signal`: the search is abandoned when it aborts (what only it loads may stop).
   */
  candidates(parts: readonly string[], signal?: AbortSignal): Promise<string[]>;
  /** The documents of one entry. */
  documents(id: string, signal?: AbortSignal): Promise<SearchDocument[]>;
  /** Bytes of documents' text loaded so far (what checking a candidate costs a reader). */
  loaded?(): number;
}

export interface SearchResult {
  url: string;
  title: string;
  doc: string;
  /** Where the match is: the document title, a heading, or body text. */
  where: 'title' | 'heading' | 'body';
  section?: string;
  /** The matched paragraph in the document's own script. */
  text: string;
  /** HTML: the excerpt, escaped, with every occurrence of every query word in it in <mark>. */
  excerpt: string;
  score: number;
  /** The unit's place in its document (0 the title), for listing a document's hits in reading order. */
  position: number;
}

export interface SearchOptions {
  limit?: number;
}

const WEIGHT = { title: 100, heading: 10, body: 1 } as const;
const EXCERPT_CHARS = 90;
/** Documents loaded at a time when every candidate is checked. */
const BATCH = 12;

/** One searchable unit of a document, as the index stores it: [paragraph id ('' for the title), where, text]. */
export type SearchUnit = [id: string, where: 'title' | 'heading' | 'body', text: string];

/** Fold a text and keep, for each folded character, the index of the original character it came from. */
function foldWithOffsets(text: string, table: FoldTable): { folded: string; origin: number[] } {
  let folded = '';
  const origin: number[] = [];
  let i = 0;
  for (const ch of text) {
    const f = fold(ch, table);
    for (const c of f) {
      folded += c;
      origin.push(i);
    }
    i += ch.length;
  }
  origin.push(text.length);
  return { folded, origin };
}

function count(haystack: string, needle: string): number {
  let n = 0;
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + needle.length)) n++;
  return n;
}

/** A part of the query where it occurs in a folded text: its index among the parts, and [start, end). */
interface Occurrence {
  part: number;
  start: number;
  end: number;
}

/** Every occurrence of every part in a folded text, in order of where they start. */
function occurrencesIn(folded: string, parts: readonly string[]): Occurrence[] {
  const at: Occurrence[] = [];
  parts.forEach((part, i) => {
    if (part) for (let k = folded.indexOf(part); k >= 0; k = folded.indexOf(part, k + part.length)) at.push({ part: i, start: k, end: k + part.length });
  });
  return at.sort((a, b) => a.start - b.start || a.part - b.part);
}

/** The occurrences as [start, end) ranges, merged where they overlap (words side by side stay two marks), in order. */
function matchRanges(at: readonly Occurrence[]): Array<[number, number]> {
  const merged: Array<[number, number]> = [];
  for (const { start, end } of at) {
    const last = merged.at(-1);
    if (last && start < last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

/**
 * Where an excerpt is centred, in the folded text: the first stretch of EXCERPT_CHARS (in the text
 * as written) that holds the most different of the `parts` parts of the query (`at`, their
 * occurrences), from its first match to the end of its last; undefined when no part is there.
 * (Centred on one part alone, a paragraph with two query words 200 characters apart showed one of
 * them and never the other.)
 */
function matchedStretch(at: readonly Occurrence[], origin: readonly number[], parts: number): [number, number] | undefined {
  // In the text as written: a folded character's start, and the end of the one before `end`.
  const written = (m: Occurrence) => [origin[m.start]!, origin[m.end - 1]! + 1] as const;
  const counts = new Array<number>(parts).fill(0);
  let distinct = 0;
  let best: [number, number] | undefined;
  let bestDistinct = 0;
  for (let left = 0, right = 0; right < at.length; right++) {
    if (counts[at[right]!.part]!++ === 0) distinct++;
    while (left < right && written(at[right]!)[1] - written(at[left]!)[0] > EXCERPT_CHARS) if (--counts[at[left++]!.part]! === 0) distinct--;
    if (distinct > bestDistinct) {
      bestDistinct = distinct;
      best = [at[left]!.start, Math.max(...at.slice(left, right + 1).map((m) => m.end))];
    }
  }
  return best;
}

/**
 * The excerpt around the first stretch that shows the most words of the query (matchedStretch),
 * with every occurrence of every part in it highlighted (in the document's own script: offsets map
 * back from the folded text).
 */
export function excerpt(text: string, parts: string[], table: FoldTable): string {
  const { folded, origin } = foldWithOffsets(text, table);
  const at = occurrencesIn(folded, parts);
  const stretch = matchedStretch(at, origin, parts.length);
  if (!stretch) return escapeAttr(text.slice(0, EXCERPT_CHARS));
  const start = origin[stretch[0]]!;
  const end = origin[stretch[1] - 1]! + 1;
  const room = Math.max(0, EXCERPT_CHARS - (end - start));
  const from = Math.max(0, start - Math.floor(room / 2));
  let to = Math.min(text.length, end + Math.ceil(room / 2));
  const ranges = matchRanges(at).map(([a, b]) => [origin[a]!, origin[b - 1]! + 1] as const);
  // A match that begins in the window is shown whole (never half a word marked).
  for (const [s, e] of ranges) if (s < to && e > to) to = e;
  let html = from > 0 ? '…' : '';
  let cursor = from;
  for (const [s, e] of ranges) {
    if (e <= from || s >= to) continue;
    const cs = Math.max(s, cursor);
    const ce = Math.min(e, to);
    if (ce <= cs) continue;
    html += `${escapeAttr(text.slice(cursor, cs))}<mark>${escapeAttr(text.slice(cs, ce))}</mark>`;
    cursor = ce;
  }
  return `${html}${escapeAttr(text.slice(cursor, to))}${to < text.length ? '…' : ''}`;
}

/** Search: only results that contain every part of the query, best first (every candidate checked). */
export async function search(index: SearchIndex, table: FoldTable, query: string, options: SearchOptions = {}): Promise<SearchResult[]> {
  const s = await openSearch(index, table, query);
  while (!s.done && !(options.limit && s.results.length >= options.limit)) await s.more(BATCH);
  const results = [...s.results].sort(byScore);
  return options.limit ? results.slice(0, options.limit) : results;
}

/** A search checked a batch of candidate documents at a time (openSearch). */
export interface OpenSearch {
  /** The documents that may match (the index's candidates). */
  candidates: number;
  /** Candidates checked so far. */
  checked: number;
  /** Whether every candidate is checked: `results` is then every result. */
  done: boolean;
  /** The results of the candidates checked so far, in the order they were checked (each batch best first). */
  results: SearchResult[];
  /**
   * Check the next `documents` candidates (at most): their results, best first. Once `wanted` says
   * no (a reader has asked something else meanwhile), the documents not checked yet are left for a
   * later call, unread. One call at a time: the next starts where this one stopped.
   */
  more(documents: number, wanted?: () => boolean): Promise<SearchResult[]>;
}

/**
 * A search whose candidates are checked as asked: candidates whose titles may match first, then in
 * the index's order. Each batch's documents are loaded side by side. Once `signal` aborts (a reader
 * has asked something else), the files only this search asked for may stop loading: it fails if it
 * has not its candidates yet, and checks no more documents.
 */
export async function openSearch(index: SearchIndex, table: FoldTable, query: string, signal?: AbortSignal): Promise<OpenSearch> {
  const parts = queryParts(query, table);
  const candidates = parts.length > 0 ? await index.candidates(parts, signal) : [];
  const whole = fold(query, table);
  const seen = new Set<string>();
  const s: OpenSearch = {
    candidates: candidates.length,
    checked: 0,
    done: candidates.length === 0,
    results: [],
    async more(documents, wanted = () => true) {
      const ids = candidates.slice(s.checked, s.checked + documents);
      const loading = ids.map((id) => index.documents(id, signal));
      // (A load stopped because the search was abandoned fails with no one waiting for it.)
      for (const load of loading) load.catch(() => {});
      const found: SearchResult[] = [];
      // Each document checked as soon as it and those before it are loaded (a new query's files are
      // read in between), and not at all once it is no longer wanted.
      for (const load of loading) {
        if (signal?.aborted) break;
        let docs: SearchDocument[];
        try {
          docs = await load;
        } catch (err) {
          if (signal?.aborted) break;
          throw err;
        }
        if (!wanted() || signal?.aborted) break;
        s.checked++;
        for (const d of docs) {
          // Each document once, whichever entry brought it.
          if (seen.has(d.doc)) continue;
          seen.add(d.doc);
          found.push(...matchesIn(d, parts, whole, table));
        }
      }
      s.done = s.checked >= candidates.length;
      found.sort(byScore);
      s.results.push(...found);
      return found;
    },
  };
  return s;
}

/** Each document's units folded, once (a reader's later queries check the same documents again). */
const foldedUnits = new WeakMap<SearchDocument, string[]>();

/** The title and paragraphs of one document that contain every part literally, scored, with excerpts. */
function matchesIn(d: SearchDocument, parts: string[], whole: string, table: FoldTable): SearchResult[] {
  const out: SearchResult[] = [];
  let section = '';
  let foldedAll = foldedUnits.get(d);
  if (!foldedAll) foldedUnits.set(d, (foldedAll = d.units.map((u) => fold(u[2], table))));
  for (const [position, [id, where, text]] of d.units.entries()) {
    if (where === 'heading') section = text;
    const folded = foldedAll[position]!;
    if (!parts.every((p) => folded.includes(p))) continue;
    const occurrences = parts.reduce((n, p) => n + count(folded, p), 0);
    const exact = parts.length > 1 && folded.includes(whole) ? 2 : 1;
    let shown: string | undefined;
    out.push({
      url: id ? `${d.url}#p-${id}` : d.url,
      title: d.title,
      doc: d.doc,
      where,
      ...(where === 'body' && section ? { section } : {}),
      text,
      // Made when first read: a page shows a few dozen of a common word's thousands of results.
      get excerpt() {
        return (shown ??= excerpt(text, parts, table));
      },
      score: WEIGHT[where] * exact * (1 + Math.log2(occurrences)) * (1 + parts.join('').length / Math.max(1, folded.length)),
      position,
    });
  }
  return out;
}

/** Results for any of several queries (a term and its other names), each exact: merged, each paragraph once, best first. */
export async function searchAny(index: SearchIndex, table: FoldTable, queries: readonly string[], options: SearchOptions = {}): Promise<SearchResult[]> {
  const byUrl = new Map<string, SearchResult>();
  for (const q of queries) {
    for (const r of await search(index, table, q)) {
      const had = byUrl.get(r.url);
      if (!had || r.score > had.score) byUrl.set(r.url, r);
    }
  }
  const results = [...byUrl.values()].sort(byScore);
  return options.limit ? results.slice(0, options.limit) : results;
}

const byScore = (a: SearchResult, b: SearchResult) => b.score - a.score || (a.url < b.url ? -1 : a.url > b.url ? 1 : 0);

/** One document's results: its best first, the rest in reading order. */
export interface DocumentHits {
  doc: string;
  title: string;
  /** The document's page (without a paragraph anchor). */
  url: string;
  best: SearchResult;
  others: SearchResult[];
}

/** Results (best first) grouped by document, documents in the order of their best result. */
export function groupByDocument(results: readonly SearchResult[]): DocumentHits[] {
  const groups = new Map<string, DocumentHits>();
  for (const r of results) {
    const g = groups.get(r.doc);
    if (g) g.others.push(r);
    else groups.set(r.doc, { doc: r.doc, title: r.title, url: r.url.split('#')[0]!, best: r, others: [] });
  }
  for (const g of groups.values()) g.others.sort((a, b) => a.position - b.position);
  return [...groups.values()];
}
