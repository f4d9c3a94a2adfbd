/**
 * Precise Chinese search on top of Pagefind, shared by the browser and `npm run search`.
 * Each part of the query is folded and sent as a quoted phrase (the index holds one word per
 * character, so a phrase is an exact substring) to find the documents; then every title and
 * paragraph of those documents is checked for literal containment of every part, ranked (title,
 * heading, body; exact whole query; how often), and given an excerpt centred on the match in the
 * document's own script.
 *
 * A document's title and paragraphs are not in Pagefind's fragments (which would also carry the
 * whole folded text): the index build writes them, gzipped, to pagefind/units/<Pagefind's page
 * id>.kb_units (src/search/documents.ts), so one small file per matching document is all a search
 * fetches besides the index.
 */
import { escapeAttr } from '../lib/html.ts';
import { fold, phraseText, queryParts, type FoldTable } from './fold.ts';

/** The parts of the Pagefind API this uses (browser and Node alike). */
export interface PagefindApi {
  search(term: string, options?: { filters?: Record<string, string | string[]> }): Promise<{ results: { id: string; data(): Promise<{ url: string; meta: Record<string, string> }> }[] }>;
}

/** A document as search reads it: its page's URL, title, id and searchable units. */
export interface SearchDocument {
  url: string;
  title: string;
  doc: string;
  units: SearchUnit[];
}

/** What the engine searches: Pagefind over http or from the terminal, or the records of the file:// search. */
export interface SearchIndex {
  /** The entries whose text contains a folded phrase (one word per character, see phraseText), best first. */
  find(phrase: string, filters?: Record<string, string | string[]>): Promise<string[]>;
  /** The documents of one entry (one, or more when two shards gave two documents the same Pagefind id). */
  documents(id: string): Promise<SearchDocument[]>;
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
  filters?: Record<string, string | string[]>;
}

const WEIGHT = { title: 100, heading: 10, body: 1 } as const;
const EXCERPT_CHARS = 90;
/** Documents (fragments) loaded at a time. */
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

/** Where each part occurs in a folded text: [start, end) ranges, merged where they overlap (words side by side stay two marks), in order. */
function matchRanges(folded: string, parts: readonly string[]): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (const part of parts) {
    if (!part) continue;
    for (let at = folded.indexOf(part); at >= 0; at = folded.indexOf(part, at + part.length)) ranges.push([at, at + part.length]);
  }
  ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: Array<[number, number]> = [];
  for (const r of ranges) {
    const last = merged.at(-1);
    if (last && r[0] < last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

/**
 * The excerpt around the first match of the longest part, with every occurrence of every part in it
 * highlighted (in the document's own script: offsets map back from the folded text).
 */
export function excerpt(text: string, parts: string[], table: FoldTable): string {
  const { folded, origin } = foldWithOffsets(text, table);
  const part = [...parts].sort((a, b) => b.length - a.length)[0] ?? '';
  const at = folded.indexOf(part);
  if (at < 0) return escapeAttr(text.slice(0, EXCERPT_CHARS));
  const start = origin[at]!;
  const end = origin[at + part.length - 1]! + 1;
  const room = Math.max(0, EXCERPT_CHARS - (end - start));
  const from = Math.max(0, start - Math.floor(room / 2));
  let to = Math.min(text.length, end + Math.ceil(room / 2));
  const ranges = matchRanges(folded, parts).map(([a, b]) => [origin[a]!, origin[b - 1]! + 1] as const);
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

/** Search: only results that contain every part of the query, best first. */
export async function search(index: SearchIndex, table: FoldTable, query: string, options: SearchOptions = {}): Promise<SearchResult[]> {
  const parts = queryParts(query, table);
  if (parts.length === 0) return [];
  const whole = fold(query, table);
  // One lookup per part; candidate documents must appear for every part (taken in the rarest part's order).
  const found = await Promise.all(parts.map((p) => index.find(phraseText(p), options.filters)));
  const ids = found.map((r) => new Set(r));
  const rarest = [...found].sort((a, b) => a.length - b.length)[0]!;
  const candidates = rarest.filter((id) => ids.every((set) => set.has(id)));
  const results: SearchResult[] = [];
  const seen = new Set<string>();
  for (let at = 0; at < candidates.length; at += BATCH) {
    if (options.limit && results.length >= options.limit) break;
    const batch = await Promise.all(candidates.slice(at, at + BATCH).map((id) => index.documents(id)));
    for (const d of batch.flat()) {
      // Each document once, whichever entry brought it.
      if (seen.has(d.doc)) continue;
      seen.add(d.doc);
      results.push(...matchesIn(d, parts, whole, table));
    }
  }
  results.sort(byScore);
  return options.limit ? results.slice(0, options.limit) : results;
}

/** The title and paragraphs of one document that contain every part literally, scored, with excerpts. */
function matchesIn(d: SearchDocument, parts: string[], whole: string, table: FoldTable): SearchResult[] {
  const out: SearchResult[] = [];
  let section = '';
  for (const [position, [id, where, text]] of d.units.entries()) {
    if (where === 'heading') section = text;
    const folded = fold(text, table);
    if (!parts.every((p) => folded.includes(p))) continue;
    const occurrences = parts.reduce((n, p) => n + count(folded, p), 0);
    const exact = parts.length > 1 && folded.includes(whole) ? 2 : 1;
    out.push({
      url: id ? `${d.url}#p-${id}` : d.url,
      title: d.title,
      doc: d.doc,
      where,
      ...(where === 'body' && section ? { section } : {}),
      text,
      excerpt: excerpt(text, parts, table),
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
    for (const r of await search(index, table, q, { filters: options.filters })) {
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
