/**
 * The glossary a corpus gets: its curated terms (terms.json) first, as the editors wrote them, then
 * the terms term-discovery.ts finds in the corpus itself, each with its mentions in every document
 * (found as terms.ts finds a curated term's, in either script, the longest name first), its
 * definition (the one discovery found: X是指…, 所谓X, X，即…) and why it was found. A found
 * term that shares a name with a curated one is left out, and so is one that holds a curated
 * term's name (推进医联体建设 beside 医联体: a phrase about it).
 *
 * Scale: what one document gives (documentGlossary) is its curated terms' mentions, its evidence
 * (term-evidence.ts, bounded by its length) and its sentences, worked out once and kept; the merge
 * (corpusGlossary) reads those results four times: once for the curated terms, twice to rank (counts,
 * then the neighbours of the candidates only), once to find the found terms' mentions.
 */
import { TERM_CONCORDANCE } from '../lib/limits.ts';
import type { BlockId, DocumentId, DocumentText } from '../pipeline/types.ts';
import type { Reading, Sentence } from './reading.ts';
import { readAll } from './reading.ts';
import { discoverTerms, type DiscoveredTerm, type DiscoveryOptions } from './term-discovery.ts';
import { termEvidence, type TermEvidence } from './term-evidence.ts';
import { documentTerms, fold, glossary, type DocumentTerms, type TermEntry, type TermSpec } from './terms.ts';

/** Why and how strongly a term was found (absent on a curated term). */
export interface FoundBy {
  /** The text defines it, pairs it with a short or long form, or uses it far more than ordinary Chinese. */
  why: DiscoveredTerm['found'];
  score: number;
  /** How many documents use it, and how many times more often than general Chinese. */
  documents: number;
  keyness: number;
}

/** A glossary entry: a curated term, or a found one (with `found`) and its spellings. */
export type GlossaryEntry = TermEntry & { found?: FoundBy; variants?: string[] };

/** A found term with its mentions: a glossary entry (terms.ts) marked as found, with why and how strongly. */
export type FoundTermEntry = TermEntry & Omit<DiscoveredTerm, 'definition'> & { found: DiscoveredTerm['found'] };

/** At most this many found terms (the highest ranked): the glossary of a corpus, not a word list. */
export const FOUND_TERMS = 80;
/**
 * A found term keeps this many mentions of each document (every one is counted): as many as its
 * page shows (TERM_CONCORDANCE), so that 80 terms of a thousand long documents (a million mentions)
 * do not all sit in memory and in /data/terms.json.
 */
export const MENTIONS_PER_DOCUMENT = TERM_CONCORDANCE.perDoc ?? 5;

/**
 * What one document gives the glossary. Each part is kept as JSON text: the merge reads every
 * document's result four times, each time for one part, and one string is read back from the
 * build's store at once, where thousands of small objects took milliseconds a document (the
 * curated terms' mentions as objects: 2.8 ms a document at each reading, 11 s of the merge at 1,000).
 */
export interface DocumentGlossary {
  doc: DocumentId;
  /** The curated terms' mentions and definitions (DocumentTerms), as JSON. */
  curated: string;
  /** Its TermEvidence, as JSON. */
  evidence: string;
  /** Its sentences, as JSON of [paragraph, text] pairs, in which the found terms are looked for. */
  sentences: string;
}

/** A function that reads one document for the glossary, given the curated terms. */
export function documentGlossary(curated: readonly TermSpec[]): (r: Reading) => DocumentGlossary {
  const ofCurated = documentTerms(curated);
  return (r) => ({
    doc: r.doc.id,
    curated: JSON.stringify(ofCurated(r)),
    evidence: JSON.stringify(termEvidence(r.doc)),
    sentences: JSON.stringify(r.sentences().map((s) => [s.paragraph, s.text])),
  });
}

/** The found terms that do not share a name with a curated term (compared in simplified, lower case). */
export function withoutCurated(found: readonly DiscoveredTerm[], curated: readonly TermSpec[]): DiscoveredTerm[] {
  const taken = new Set(curated.flatMap((c) => [c.term, ...(c.synonyms ?? [])].map(fold)));
  return found.filter((t) => ![t.term, ...t.synonyms, ...t.variants].some((name) => taken.has(fold(name))));
}

/** The found terms that are not phrases about a curated term: none of their names holds a curated name (推进医联体建设, 医联体数量). */
function notAboutCurated(found: readonly DiscoveredTerm[], curated: readonly TermSpec[]): DiscoveredTerm[] {
  const names = curated.flatMap((c) => [c.term, ...(c.synonyms ?? [])].map(fold)).filter((n) => n.length >= 2);
  return found.filter((t) => ![t.term, ...t.synonyms].some((x) => names.some((n) => fold(x).includes(n))));
}

/**
 * The found terms as glossary entries, highest ranked first: each term's names owned once (a name
 * two terms share stays with the higher ranked), its mentions found in `sentences` (every
 * document's, in id order, each time it is called).
 */
function foundEntries(terms: readonly DiscoveredTerm[], sentences: () => Iterable<{ sentences(): Sentence[] }>): FoundTermEntry[] {
  const owned = new Set<string>();
  const kept: Array<{ term: DiscoveredTerm; spec: TermSpec }> = [];
  for (const t of terms) {
    const names = [t.term, ...t.synonyms].filter((n) => !owned.has(fold(n)));
    if (!names.length) continue;
    for (const n of names) owned.add(fold(n));
    kept.push({ term: t, spec: { id: t.id, term: names[0]!, synonyms: names.slice(1) } });
  }
  const specs = kept.map((k) => k.spec);
  // Every mention counted; the first MENTIONS_PER_DOCUMENT of each document kept (what a term's page shows).
  const read = documentTerms(specs, { definitions: false, perDocument: MENTIONS_PER_DOCUMENT });
  const counts = new Map<string, Record<string, number>>(specs.map((t) => [t.id, {}]));
  const entries = glossary(specs, (function* () {
    for (const d of sentences()) {
      const found = read(d);
      // (A term counted in a document has its first mention kept: MENTIONS_PER_DOCUMENT is at least one.)
      const doc = found.mentions[0]?.mention.doc;
      for (const term in found.counts) counts.get(term)![doc!] = found.counts[term]!;
      yield found;
    }
  })());
  for (const e of entries) e.counts = counts.get(e.id)!;
  // A found term's definition is the one discovery found, where the sentence defines that very term
  // (terms.ts would also take 失能等级评估是指… as a definition of 评估).
  return entries.map(({ definition: _, ...e }, i) => {
    const t = kept[i]!.term;
    return { ...e, ...t, term: e.term, synonyms: e.synonyms ?? [] };
  });
}

/** A found term as the glossary shows it: its entry, why it was found, its spellings. */
const asGlossaryEntry = (t: FoundTermEntry): GlossaryEntry => ({
  id: t.id,
  term: t.term,
  synonyms: t.synonyms,
  ...(t.definition ? { definition: t.definition } : {}),
  counts: t.counts,
  mentions: t.mentions,
  found: { why: t.found, score: t.score, documents: t.documents, keyness: t.keyness },
  variants: t.variants,
});

/**
 * The corpus's glossary from every document's result (in id order; read four times, so `results`
 * must give them again each time it is iterated): the curated terms first, then the found ones.
 */
export function corpusGlossary(curated: readonly TermSpec[], results: Iterable<DocumentGlossary>, options: DiscoveryOptions = {}): GlossaryEntry[] {
  const own = glossary(curated, (function* () {
    for (const r of results) yield JSON.parse(r.curated) as DocumentTerms;
  })());
  const discovered = discoverTerms(
    function* () {
      for (const r of results) yield JSON.parse(r.evidence) as TermEvidence;
    },
    { limit: FOUND_TERMS + curated.length, ...options },
  );
  const terms = notAboutCurated(withoutCurated(discovered, curated), curated).slice(0, options.limit ?? FOUND_TERMS);
  const found = foundEntries(terms, function* () {
    for (const r of results) {
      const doc = r.doc;
      yield { sentences: () => (JSON.parse(r.sentences) as Array<[BlockId, string]>).map(([paragraph, text]) => ({ doc, paragraph, text })) };
    }
  });
  return [...own, ...found.map(asGlossaryEntry)];
}

/**
 * The corpus's found glossary, highest ranked first, from the documents themselves. `evidence` is
 * each document's term evidence (termEvidence, which a build keeps per document); worked out here when not given.
 */
export function foundGlossary(
  docs: readonly DocumentText[],
  options: DiscoveryOptions & { curated?: readonly TermSpec[]; evidence?: readonly TermEvidence[] } = {},
): FoundTermEntry[] {
  const evidence = options.evidence ?? readAll(docs, (r) => termEvidence(r.doc));
  const terms = withoutCurated(discoverTerms(() => evidence, options), options.curated ?? []);
  return foundEntries(terms, () => readAll(docs, (r) => r));
}
