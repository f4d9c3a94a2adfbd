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
 * (corpusGlossary) reads those results three times: twice to rank (counts, then the neighbours of
 * the candidates only), once for the curated terms' mentions and to find the found terms'. What it
 * counted and found is kept, so that the next build's merge reads again only the documents that
 * changed (and, of the others, those that hold a string the change made worth counting).
 */
import { TERM_CONCORDANCE } from '../lib/limits.ts';
import type { BlockId, DocumentId, DocumentText } from '../pipeline/types.ts';
import type { Reading } from './reading.ts';
import { readAll } from './reading.ts';
import { countTerms, discoverTerms, keptTally, rankTerms, recountTerms, tallyFrom, type DiscoveredTerm, type DiscoveryOptions, type KeptTally, type TermTally } from './term-discovery.ts';
import { termEvidence, type TermEvidence } from './term-evidence.ts';
import { documentTerms, fold, glossary, termMatcher, type DocumentTerms, type TermEntry, type TermSpec } from './terms.ts';
import { clip, MENTION_CONTEXT } from './units.ts';
import { filter, map } from '../lib/iterate.ts';

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
 * document's result three times, each time for a part or two, and one string is read back from the
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
 * One document's mentions of the found terms: how many of each term, and where its first
 * MENTIONS_PER_DOCUMENT are, four numbers a mention (the term's place in the list, the sentence's,
 * and where the mention starts and ends in it). Numbers, not the mentions in context: what a build
 * keeps of every document for the next build's merge.
 */
interface MentionsIn {
  counts: Record<string, number>;
  at: number[];
}

/** A document's sentences as its result keeps them: [paragraph, text] pairs. */
type Sentences = ReadonlyArray<readonly [BlockId, string]>;

/** A document's mentions, as mentionsIn found them, in context. */
function inContext(doc: DocumentId, sentences: Sentences, found: MentionsIn, specs: readonly TermSpec[]): DocumentTerms {
  const mentions: DocumentTerms['mentions'] = [];
  for (let k = 0; k < found.at.length; k += 4) {
    const [paragraph, text] = sentences[found.at[k + 1]!]!;
    // (As terms.ts makes a mention: the sentence's text, clipped around it.)
    mentions.push({ term: specs[found.at[k]!]!.id, mention: { doc, paragraph, ...clip(text, found.at[k + 2]!, found.at[k + 3]!, MENTION_CONTEXT) } });
  }
  return { mentions, definitions: [] };
}

/** What the found glossary keeps for the next build: the terms its mentions were found for (as JSON), and each document's mentions. */
interface KeptMentions {
  specs: string;
  documents: Array<[DocumentId, MentionsIn]>;
}

/**
 * The found terms as glossary entries, highest ranked first: each term's names owned once (a name
 * two terms share stays with the higher ranked), its mentions found in every document's sentences
 * (`documents` gives them in id order, each time it is called). With `kept`, what the last build
 * found for the same terms: a document not in `changed` is not read again.
 */
function foundEntries(
  terms: readonly DiscoveredTerm[],
  documents: () => Iterable<{ doc: DocumentId; sentences(): Sentences }>,
  kept?: { mentions: KeptMentions; changed: ReadonlySet<DocumentId> },
): { entries: FoundTermEntry[]; mentions: KeptMentions } {
  const owned = new Set<string>();
  const chosen: Array<{ term: DiscoveredTerm; spec: TermSpec }> = [];
  for (const t of terms) {
    const names = [t.term, ...t.synonyms].filter((n) => !owned.has(fold(n)));
    if (!names.length) continue;
    for (const n of names) owned.add(fold(n));
    chosen.push({ term: t, spec: { id: t.id, term: names[0]!, synonyms: names.slice(1) } });
  }
  const specs = chosen.map((k) => k.spec);
  const mentions: KeptMentions = { specs: JSON.stringify(specs), documents: [] };
  const last = kept?.mentions.specs === mentions.specs ? new Map(kept.mentions.documents) : undefined;
  const find = termMatcher(specs);
  const place = new Map(specs.map((t, i) => [t.id, i]));
  /** Every mention counted; the first MENTIONS_PER_DOCUMENT of each term kept (what a term's page shows). */
  const mentionsIn = (sentences: Sentences): MentionsIn => {
    const counts: Record<string, number> = {};
    const at: number[] = [];
    sentences.forEach(([, text], i) => {
      for (const m of find(text)) if ((counts[m.id] = (counts[m.id] ?? 0) + 1) <= MENTIONS_PER_DOCUMENT) at.push(place.get(m.id)!, i, m.start, m.end);
    });
    return { counts, at };
  };
  const counts = new Map<string, Record<string, number>>(specs.map((t) => [t.id, {}]));
  const entries = glossary(specs, (function* () {
    for (const d of documents()) {
      const had = kept?.changed.has(d.doc) ? undefined : last?.get(d.doc);
      // (Sentences are read only where there is something to find or show.)
      const sentences = had && !had.at.length ? [] : d.sentences();
      const found = had ?? mentionsIn(sentences);
      mentions.documents.push([d.doc, found]);
      for (const term in found.counts) counts.get(term)![d.doc] = found.counts[term]!;
      yield inContext(d.doc, sentences, found, specs);
    }
  })());
  for (const e of entries) e.counts = counts.get(e.id)!;
  // A found term's definition is the one discovery found, where the sentence defines that very term
  // (terms.ts would also take 失能等级评估是指… as a definition of 评估).
  const found = entries.map(({ definition: _, ...e }, i) => {
    const t = chosen[i]!.term;
    return { ...e, ...t, term: e.term, synonyms: e.synonyms ?? [] };
  });
  return { entries: found, mentions };
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

/** What the glossary's merge keeps for the next build's (corpusGlossary): its counts, and each document's mentions of the found terms. */
export interface GlossaryKept {
  tally: KeptTally;
  mentions: KeptMentions;
}

/** The documents whose results changed since a merge: their results then (`gone`) and now (`came`; a changed document is in both). */
export interface GlossaryChange {
  kept: GlossaryKept;
  gone: Iterable<DocumentGlossary>;
  came: Iterable<DocumentGlossary>;
}

const evidenceOf = (r: DocumentGlossary) => JSON.parse(r.evidence) as TermEvidence;
const sentencesOf = (r: DocumentGlossary) => JSON.parse(r.sentences) as Array<[BlockId, string]>;

/**
 * The corpus's glossary from every document's result (in id order; read three times, so `results`
 * must give them again each time it is iterated): the curated terms first, then the found ones. With `since`, what the last merge kept and the results that changed since: the counts are
 * changed by those alone and a document that did not change is not searched again (while the found
 * terms are the same); the glossary is the same as without it. What to keep for the next is returned too.
 */
export function corpusGlossary(
  curated: readonly TermSpec[],
  results: Iterable<DocumentGlossary>,
  options: DiscoveryOptions = {},
  since?: GlossaryChange,
): { entries: GlossaryEntry[]; kept: GlossaryKept } {
  const tally = (since && recounted(since, results, options)) || countTerms(() => map(results, evidenceOf), options);
  const discovered = rankTerms(tally, FOUND_TERMS + curated.length);
  const terms = notAboutCurated(withoutCurated(discovered, curated), curated).slice(0, options.limit ?? FOUND_TERMS);
  const kept = since && { mentions: since.kept.mentions, changed: new Set(map(since.came, (r) => r.doc)) };
  // The curated terms' mentions are read in the same pass as the found terms' (each reading of every result takes a quarter of a second at 1,000 documents).
  const ofCurated: DocumentTerms[] = [];
  const found = foundEntries(
    terms,
    () => map(results, (r) => (ofCurated.push(JSON.parse(r.curated) as DocumentTerms), { doc: r.doc, sentences: () => sentencesOf(r) })),
    kept,
  );
  const own = glossary(curated, ofCurated);
  return { entries: [...own, ...found.entries.map(asGlossaryEntry)], kept: { tally: keptTally(tally), mentions: found.mentions } };
}

/**
 * The last merge's counts changed by the documents that went and came; undefined when they were
 * counted with other options, or do not hold a document that went (then the corpus is counted again).
 */
function recounted(since: GlossaryChange, results: Iterable<DocumentGlossary>, options: DiscoveryOptions): TermTally | undefined {
  const k = since.kept.tally;
  if (k.minCount !== (options.minCount ?? 3) || k.minDocuments !== options.minDocuments) return undefined;
  try {
    return recountTerms(tallyFrom(k), { gone: map(since.gone, evidenceOf), came: map(since.came, evidenceOf) }, (strings) => {
      // A document whose evidence lists none of the strings is not read (JSON.stringify quotes a string as the evidence's JSON does).
      const quoted = [...strings].map((g) => JSON.stringify(g));
      return map(filter(results, (r) => quoted.some((q) => r.evidence.includes(q))), evidenceOf);
    });
  } catch {
    return undefined;
  }
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
  return foundEntries(terms, () => readAll(docs, (r) => ({ doc: r.doc.id, sentences: () => r.sentences().map((s) => [s.paragraph, s.text] as const) }))).entries;
}
