/**
 * What connects a document to the rest of the corpus, for its reading page: the index entries and
 * terms it names (each with its own page), the documents nearest to it by what they name in common,
 * and its neighbours in the document list. Worked out once per build from what the pages already
 * read (src/generated/pages/): an index entry is linked from a document when the entry's page shows
 * that document's mentions, so the link always leads to them.
 */
import { loadCorpus, loadOrganisations, loadPlaces, loadPolicies, loadTerms } from './content.ts';
import { documentPart, type CorpusEntry } from '../generate/data.ts';
import { digestOf } from '../lib/digest.ts';

export type EntryKind = 'policies' | 'organisations' | 'places' | 'terms';

export interface NamedEntry {
  kind: EntryKind;
  id: string;
  name: string;
  /** Mentions in this document. */
  count: number;
  /** Documents that name it. */
  docs: number;
}

export interface RelatedDocument {
  id: string;
  title: string;
  /** The names the two share, most telling first. */
  shared: string[];
  score: number;
}

/** A feature shared by more documents than this tells little, and would cost the square of its documents to compare. */
const COMMON = 200;

let named: Map<string, NamedEntry[]> | undefined;

/** Every document's named entries, by kind order then most mentioned. */
function allNames(): Map<string, NamedEntry[]> {
  if (named) return named;
  named = new Map();
  const add = (doc: string, e: NamedEntry) => {
    const list = named!.get(doc);
    if (list) list.push(e);
    else named!.set(doc, [e]);
  };
  const fromMentions = (kind: EntryKind, entries: { id: string; mentions: { doc: string }[] }[], name: (e: never) => string) => {
    for (const e of entries) {
      const counts = new Map<string, number>();
      for (const m of e.mentions) counts.set(m.doc, (counts.get(m.doc) ?? 0) + 1);
      for (const [doc, count] of counts) add(doc, { kind, id: e.id, name: name(e as never), count, docs: counts.size });
    }
  };
  fromMentions('policies', loadPolicies().entries, (e: { title: string }) => `《${e.title}》`);
  fromMentions('organisations', loadOrganisations().entries, (e: { name: string }) => e.name);
  fromMentions('places', loadPlaces().entries, (e: { name: string }) => e.name);
  for (const t of loadTerms().terms) {
    const docs = Object.keys(t.counts).length;
    for (const [doc, count] of Object.entries(t.counts)) if (count > 0) add(doc, { kind: 'terms', id: t.id, name: t.term, count, docs });
  }
  for (const list of named.values()) list.sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : 1));
  return named;
}

/** The entries a document names. */
export function namesIn(doc: string): NamedEntry[] {
  return allNames().get(doc) ?? [];
}

let related: Map<string, RelatedDocument[]> | undefined;

/** The documents sharing the most telling names with `doc` (a name fewer documents share tells more), best first. */
export function relatedDocuments(doc: string, limit = 5): RelatedDocument[] {
  if (!related) {
    const { documents } = loadCorpus();
    const n = documents.length;
    const titles = new Map<string, string>(documents.map((d) => [d.id, d.title]));
    // Inverted: each entry, the documents that name it and how much it tells (its inverse document frequency).
    const byEntry = new Map<string, { name: string; weight: number; docs: string[] }>();
    for (const [d, list] of allNames()) {
      if (!titles.has(d)) continue;
      for (const e of list) {
        const key = `${e.kind}/${e.id}`;
        const entry = byEntry.get(key) ?? { name: e.name, weight: Math.log((n + 1) / e.docs), docs: [] };
        entry.docs.push(d);
        byEntry.set(key, entry);
      }
    }
    const scores = new Map<string, Map<string, { score: number; shared: { name: string; weight: number }[] }>>();
    for (const e of byEntry.values()) {
      if (e.docs.length < 2 || e.docs.length > COMMON || e.weight <= 0) continue;
      for (const a of e.docs) {
        let row = scores.get(a);
        if (!row) scores.set(a, (row = new Map()));
        for (const b of e.docs) {
          if (a === b) continue;
          const s = row.get(b) ?? { score: 0, shared: [] };
          s.score += e.weight;
          s.shared.push({ name: e.name, weight: e.weight });
          row.set(b, s);
        }
      }
    }
    related = new Map();
    for (const [a, row] of scores) {
      related.set(
        a,
        [...row]
          .map(([b, s]) => ({ id: b, title: titles.get(b)!, score: s.score, shared: s.shared.sort((x, y) => y.weight - x.weight).map((x) => x.name) }))
          .sort((x, y) => y.score - x.score || (x.id < y.id ? -1 : 1)),
      );
    }
  }
  return (related.get(doc) ?? []).slice(0, limit);
}

let order: CorpusEntry[] | undefined;
/** Each document's place in the reading order (every reading page asks for its own: a search of the list each time grew with the square of the corpus). */
let places: Map<string, number> | undefined;

/** The documents in the order of the document list: newest first, undated last, then by title. */
export function readingOrder(): CorpusEntry[] {
  if (!order) {
    const byTitle = new Intl.Collator('zh-CN').compare;
    order = [...loadCorpus().documents].sort((a, b) => (b.published ?? '').localeCompare(a.published ?? '') || byTitle(a.title, b.title));
  }
  return order;
}

/** The documents before and after `doc` in the document list. */
export function neighbours(doc: string): { previous?: CorpusEntry; next?: CorpusEntry } {
  const list = readingOrder();
  places ??= new Map(list.map((d, i) => [d.id, i]));
  const at = places.get(doc);
  if (at === undefined) return {};
  return { previous: list[at - 1], next: list[at + 1] };
}

/**
 * What a reading page shows of other documents (its neighbours, related documents, the names it
 * shares with them), as a digest for its cache key: a page is rendered again when any of it changes.
 */
export function connectionsKey(doc: string): string {
  const { previous, next } = neighbours(doc);
  // What the page shows of them: not the scores nor how many documents name an entry (a document added elsewhere changes those).
  const related = relatedDocuments(doc, 5).map((r) => [r.id, r.title, r.shared.slice(0, 4)]);
  const names = namesIn(doc).map((n) => [n.kind, n.id, n.name, n.count]);
  return digestOf([previous && [previous.id, previous.title, previous.script], next && [next.id, next.title, next.script], related, names, documentPart(doc, loadCorpus().documents.length)]);
}
