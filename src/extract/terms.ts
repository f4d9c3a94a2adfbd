/**
 * Terms (content/terms.json) found in the text: every name and synonym, in either script, the
 * longest name winning where names overlap (专科医联体 is 专科联盟, not 医联体), with the contexts a
 * term declares false friends (从下转上 is neither 上转 nor 下转). A definition is taken from the
 * corpus where a sentence defines the term (X是指…, 简称X, X是…的…, X,…形成的联合体).
 */
import type { BlockId, DocumentId } from '../pipeline/types.ts';
import { matchText } from './numerals.ts';
import type { Reading } from './reading.ts';
import { clip, MENTION_CONTEXT } from './units.ts';
import { allMatches } from '../lib/matches.ts';

export interface TermSpec {
  /** Used in URLs: /terms/<id>/. */
  id: string;
  term: string;
  synonyms?: string[];
  /** Contexts (regular expressions) in which a name is not this term. */
  exclude?: string[];
}

export interface TermMatch {
  id: string;
  start: number;
  end: number;
  /** As written. */
  text: string;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Simplified, half-width, lower-case: the same length as the text, so offsets carry over. */
export const fold = (s: string) => matchText(s).toLowerCase();

/** A function that finds the terms in a text, left to right, longest name first, without overlaps. */
export function termMatcher(specs: readonly TermSpec[]): (text: string) => TermMatch[] {
  const owner = new Map<string, string>();
  for (const s of specs) {
    for (const name of [s.term, ...(s.synonyms ?? [])]) {
      const key = fold(name);
      if (owner.has(key) && owner.get(key) !== s.id) throw new Error(`terms: "${name}" is a name of both ${owner.get(key)} and ${s.id}`);
      owner.set(key, s.id);
    }
  }
  if (owner.size === 0) return () => [];
  const names = [...owner.keys()].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  // Latin names (HMO) only as whole words.
  const alternation = names.map((n) => `${/^[a-z0-9]/.test(n) ? '(?<![a-z0-9])' : ''}${escape(n)}${/[a-z0-9]$/.test(n) ? '(?![a-z0-9])' : ''}`).join('|');
  const re = new RegExp(alternation, 'g');
  const excludes = specs.flatMap((s) => (s.exclude ?? []).map((x) => ({ id: s.id, re: new RegExp(fold(x), 'g') })));
  return (text) => {
    const t = fold(text);
    const blocked = excludes.flatMap((x) => allMatches(x.re, t).map((m) => ({ id: x.id, start: m.index, end: m.index + m[0].length })));
    const out: TermMatch[] = [];
    for (const m of allMatches(re, t)) {
      const id = owner.get(m[0])!;
      const start = m.index;
      const end = start + m[0].length;
      if (blocked.some((b) => b.id === id && start < b.end && end > b.start)) continue;
      out.push({ id, start, end, text: text.slice(start, end) });
    }
    return out;
  };
}

export interface Mention {
  doc: DocumentId;
  paragraph: BlockId;
  /** The sentence (a table row starts with its first cell). */
  text: string;
  /** Where the mention is in `text`. */
  start: number;
  end: number;
}

export interface TermEntry extends TermSpec {
  definition?: { text: string; doc: DocumentId; paragraph: BlockId };
  /** Mentions per document id. */
  counts: Record<string, number>;
  mentions: Mention[];
}

/** The ways a sentence defines a term, most explicit first; `n` is the alternation of its names. */
const DEFINITIONS: Array<(n: string) => RegExp> = [
  (n) => new RegExp(`(?:${n})[,，]?(?:主要)?(?:是指|指的是)`),
  (n) => new RegExp(`简称[“"「]?(?:${n})`),
  (n) => new RegExp(`(?:^|[,，:：;；])(?:这些)?(?:${n})(?:主要)?(?:是以|是一种|是)[^。]{4,}?的`),
  (n) => new RegExp(`^(?:${n})[,，](?:即)?[^。,，]{2,40}(?:形成|组成|构成)的(?:联合体|体系|模式)`),
];

/** The part of a sentence between semicolons that holds `at` (两个定义 in one sentence: 紧密型…；松散型…). */
function clauseAt(sentence: string, at: number): string {
  const start = Math.max(sentence.lastIndexOf('；', at), sentence.lastIndexOf(';', at)) + 1;
  const ends = [sentence.indexOf('；', at), sentence.indexOf(';', at)].filter((i) => i >= 0);
  const end = ends.length ? Math.min(...ends) + 1 : sentence.length;
  return sentence.slice(start, end).trim();
}

/** A definition found in one document: the term, which of DEFINITIONS found it (the lower, the more explicit), and the clause. */
interface FoundDefinition {
  term: string;
  form: number;
  definition: NonNullable<TermEntry['definition']>;
}

/** One document's mentions of the terms, with the words around each, and the first sentence that defines each term in each way. */
export type DocumentTerms = { mentions: { term: string; mention: Mention }[]; definitions: FoundDefinition[] };

/** Per document, what the glossary takes from it. */
export function documentTerms(specs: readonly TermSpec[]): (r: Pick<Reading, 'sentences'>) => DocumentTerms {
  const find = termMatcher(specs);
  const forms = new Map(
    specs.map((spec) => {
      const names = [spec.term, ...(spec.synonyms ?? [])].map((x) => escape(fold(x))).join('|');
      return [spec.id, DEFINITIONS.map((form) => form(names))];
    }),
  );
  return (r) => {
    const own: DocumentTerms['mentions'] = [];
    const defined: FoundDefinition[] = [];
    for (const s of r.sentences()) {
      const ms = find(s.text);
      if (!ms.length) continue;
      let folded: string | undefined;
      // Each term's ways of being defined are tried once a sentence, not once a mention (a long sentence can hold thousands).
      const tried = new Set<string>();
      for (const m of ms) {
        own.push({ term: m.id, mention: { ...s, ...clip(s.text, m.start, m.end, MENTION_CONTEXT) } });
        if (tried.has(m.id)) continue;
        tried.add(m.id);
        forms.get(m.id)!.forEach((re, form) => {
          if (defined.some((x) => x.term === m.id && x.form === form)) return;
          const hit = re.exec((folded ??= fold(s.text)));
          if (!hit) return;
          const clause = clauseAt(s.text, hit.index + (/^[,，:：;；]/.test(hit[0]) ? 1 : 0));
          defined.push({ term: m.id, form, definition: { text: clause.length > 400 ? `${clause.slice(0, 400)}…` : clause, doc: s.doc, paragraph: s.paragraph } });
        });
      }
    }
    return { mentions: own, definitions: defined };
  };
}

/** The glossary: each term with its definition from the corpus (if any), counts and every mention. */
export function glossary(specs: readonly TermSpec[], results: Iterable<DocumentTerms>): TermEntry[] {
  const mentions = new Map<string, Mention[]>(specs.map((s) => [s.id, []]));
  const definitions = new Map<string, FoundDefinition>();
  for (const found of results) {
    for (const { term, mention } of found.mentions) mentions.get(term)!.push(mention);
    // The most explicit way of defining wins; between documents, the first in id order.
    for (const x of found.definitions) if ((definitions.get(x.term)?.form ?? Infinity) > x.form) definitions.set(x.term, x);
  }
  return specs.map((spec) => {
    const own = mentions.get(spec.id)!;
    const definition = definitions.get(spec.id)?.definition;
    const counts: Record<string, number> = {};
    for (const m of own) counts[m.doc] = (counts[m.doc] ?? 0) + 1;
    return { ...spec, ...(definition ? { definition } : {}), counts, mentions: own };
  });
}
