/**
 * The glossary a corpus gets with no term list: the terms term-discovery.ts finds, each with its
 * mentions in every document (found as terms.ts finds a curated term's, in either script, the
 * longest name first) and its definition (the one discovery found, else the one terms.ts finds).
 * A curated list (terms.json) comes first: a found term that shares a name with a curated one is
 * left out, the curated one kept as the editors wrote it.
 */
import type { DocumentText } from '../pipeline/types.ts';
import { discoverTerms, type DiscoveredTerm, type DiscoveryOptions } from './term-discovery.ts';
import { termEvidence, type TermEvidence } from './term-evidence.ts';
import { documentTerms, fold, glossary, type TermEntry, type TermSpec } from './terms.ts';
import { readAll } from './reading.ts';
import { inIdOrder } from './units.ts';

/** A found term with its mentions: a glossary entry (terms.ts) marked as found, with why and how strongly. */
export type FoundTermEntry = TermEntry & Omit<DiscoveredTerm, 'definition'> & { found: DiscoveredTerm['found'] };

/** The found terms that do not share a name with a curated term (compared in simplified, lower case). */
export function withoutCurated(found: readonly DiscoveredTerm[], curated: readonly TermSpec[]): DiscoveredTerm[] {
  const taken = new Set(curated.flatMap((c) => [c.term, ...(c.synonyms ?? [])].map(fold)));
  return found.filter((t) => ![t.term, ...t.synonyms, ...t.variants].some((name) => taken.has(fold(name))));
}

/**
 * The corpus's found glossary, highest ranked first. `evidence` is each document's term evidence
 * (termEvidence, which a build keeps per document); worked out here when not given.
 */
export function foundGlossary(
  docs: readonly DocumentText[],
  options: DiscoveryOptions & { curated?: readonly TermSpec[]; evidence?: readonly TermEvidence[] } = {},
): FoundTermEntry[] {
  const evidence = options.evidence ?? inIdOrder(docs).map(termEvidence);
  const terms = withoutCurated(discoverTerms(() => evidence, options), options.curated ?? []);
  // One owner per name: a name two terms share (after folding) stays with the higher ranked.
  const owned = new Set<string>();
  const kept: Array<{ term: DiscoveredTerm; spec: TermSpec }> = [];
  for (const t of terms) {
    const names = [t.term, ...t.synonyms].filter((n) => !owned.has(fold(n)));
    if (!names.length) continue;
    for (const n of names) owned.add(fold(n));
    kept.push({ term: t, spec: { id: t.id, term: names[0]!, synonyms: names.slice(1) } });
  }
  const specs = kept.map((k) => k.spec);
  const entries = glossary(specs, readAll(docs, documentTerms(specs)));
  return entries.map((e, i) => {
    const t = kept[i]!.term;
    const definition = t.definition ?? e.definition;
    return { ...e, ...t, term: e.term, synonyms: e.synonyms ?? [], ...(definition ? { definition } : {}) };
  });
}
