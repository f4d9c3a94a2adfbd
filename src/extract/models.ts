/**
 * The model comparison (content/models.json): the four forms of consortium, the three integration
 * types by six dimensions, and the named practices, each filled from the corpus with the clauses
 * that speak to it, best first. Hand-written summaries are allowed only with a quote the cleaned
 * text contains; a quote the build cannot find stops it.
 */
import type { BlockId, DocumentId, DocumentText } from '../pipeline/types.ts';
import { fold, termMatcher, type TermEntry, type TermSpec } from './terms.ts';
import type { Reading } from './reading.ts';
import { clip, textUnits } from './units.ts';
import { allMatches } from '../lib/matches.ts';

interface Named {
  id: string;
  name: string;
}
export interface ModelsSpec {
  forms: Array<Named & { term: string }>;
  types: Array<Named & { term: string; example: { name: string; patterns: string[] } }>;
  /** Words that speak of every type at once (三类医联体均…). */
  allTypes?: string[];
  dimensions: Array<Named & { keywords: string[] }>;
  practices: Array<Named & { patterns: string[] }>;
  summaries?: Array<{ form?: string; type?: string; dimension?: string; text: string; quote: string }>;
  /** The page's own words for this comparison (its title, what it compares): the editors', since only they know the field. */
  labels?: ModelLabels;
}

export interface Passage {
  text: string;
  doc: DocumentId;
  paragraph: BlockId;
}

export interface Summary extends Passage {
  /** The hand-written summary; `text` is the quote it rests on. */
  summary: string;
}

export interface Cell {
  /** Clauses that speak to this type and dimension, best first. */
  passages: Passage[];
  summary?: Summary;
}

/** What the comparison page calls its parts; unset ones take the interface's general words. */
export interface ModelLabels {
  title?: string;
  intro?: string;
  forms?: string;
  formsIntro?: string;
  matrix?: string;
  matrixIntro?: string;
}

export interface Models {
  labels: ModelLabels;
  forms: Array<Named & { term: string; definition?: Passage; summary?: Summary; byDoc: Record<string, Passage[]> }>;
  types: Array<Named & { term: string; definition?: Passage; example: { name: string; passages: Passage[] }; byDoc: Record<string, Passage[]> }>;
  dimensions: Named[];
  /** matrix[type][dimension] */
  matrix: Record<string, Record<string, Cell>>;
  practices: Array<Named & { passages: Passage[] }>;
}

/** A clause of a document, with the dimension its paragraph opens with (管理模式:…) and the terms it names. */
interface Clause extends Passage {
  lead?: string;
  terms: string[];
}

/** What the comparison takes from one document: its clauses (none when there is nothing to compare), and where it holds each summary's quote. */
export interface DocumentModelText {
  doc: DocumentId;
  clauses: Clause[];
  quotes: Array<{ quote: string; paragraph: BlockId }>;
}

/** Whether a comparison has anything to compare (with none, documents are not cut into clauses). */
const compares = (spec: ModelsSpec) => spec.forms.length + spec.types.length + spec.practices.length > 0;

/** Per document, what the comparison takes from it. */
export function documentModelText(spec: ModelsSpec, terms: readonly TermSpec[]): (r: Reading) => DocumentModelText {
  const find = termMatcher(terms);
  const names = spec.dimensions.map((d) => d.name);
  const quotes = (spec.summaries ?? []).map((s) => ({ quote: s.quote, folded: squeeze(s.quote) }));
  return ({ doc }) => {
    const units = textUnits(doc.blocks);
    const found: DocumentModelText['quotes'] = [];
    for (const q of quotes) {
      const at = units.find((u) => squeeze(u.text).includes(q.folded));
      if (at) found.push({ quote: q.quote, paragraph: at.block });
    }
    return { doc: doc.id, clauses: compares(spec) ? clauses(doc, names).map((c) => ({ ...c, terms: find(c.text).map((m) => m.id) })) : [], quotes: found };
  };
}

/** Text as quotes are looked for in it: folded, without whitespace. */
const squeeze = (s: string) => fold(s).replace(/\s+/g, '');

/** A document's clauses: each paragraph cut at 。！？；, each clause remembering the dimension its paragraph opens with (管理模式:…). */
function clauses(d: Pick<DocumentText, 'id' | 'blocks'>, dimensionNames: string[]) {
  const out: Array<Passage & { lead?: string }> = [];
  for (const u of textUnits(d.blocks)) {
    const lead = dimensionNames.find((n) => new RegExp(`^${n}[:：]`).test(u.text));
    for (const m of allMatches(/[^。！？!?；;]+[。！？!?；;]*/g, u.text)) {
      const text = `${u.label ? `${u.label}：` : ''}${clip(m[0].trim(), 0, 0, 240).text}`;
      if (text.length > 1) out.push({ text, doc: d.id, paragraph: u.block, ...(lead ? { lead } : {}) });
    }
  }
  return out;
}


/** Where a quote is in the cleaned text (whitespace and character width aside): the first document in id order that holds it. */
function findQuote(quote: string, found: readonly DocumentModelText[]): Passage | undefined {
  for (const d of found) {
    const at = d.quotes.find((q) => q.quote === quote);
    if (at) return { text: quote, doc: d.doc, paragraph: at.paragraph };
  }
  return undefined;
}

/**
 * The comparison, filled from the corpus. `glossary` gives the definitions of the form and type
 * terms. What the specification says that the corpus or the glossary no longer bears out (a
 * summary's quote that is not in the text, a form naming a term the glossary lacks) is reported
 * and left out.
 */
export function buildModels(
  spec: ModelsSpec,
  terms: readonly TermSpec[],
  glossary: readonly TermEntry[],
  results: Iterable<DocumentModelText>,
  report: (item: string, problem: string) => void,
): Models {
  const termIds = new Set(terms.map((t) => t.id));
  const named = <X extends { name: string; term: string }>(xs: readonly X[]) =>
    xs.filter((x) => termIds.has(x.term) || (report(x.name, `names term "${x.term}", which terms.json does not have`), false));
  spec = { ...spec, forms: named(spec.forms), types: named(spec.types) };
  const perDoc = [...results];
  // Each clause folded once (the cells below read every clause of the corpus many times).
  const all = perDoc.flatMap((d) => d.clauses).map((c) => ({ ...c, terms: new Set(c.terms), folded: fold(c.text) }));
  const definition = (term: string): Passage | undefined => glossary.find((g) => g.id === term)?.definition;
  const passage = ({ text, doc, paragraph }: Passage): Passage => ({ text, doc, paragraph });
  /** Per document, the clauses that name a term: definitions first, then in reading order. */
  const byDoc = (term: string) => {
    const def = definition(term)?.text;
    const out: Record<string, Passage[]> = {};
    for (const c of all.filter((x) => x.terms.has(term))) (out[c.doc] ??= []).push(passage(c));
    for (const list of Object.values(out)) list.sort((a, b) => Number(!!def && b.text.includes(def)) - Number(!!def && a.text.includes(def)));
    return out;
  };
  const summaries = spec.summaries ?? [];
  const summaryFor = (match: (s: (typeof summaries)[number]) => boolean, where: string): Summary | undefined => {
    const s = summaries.find(match);
    if (!s) return undefined;
    const quoted = findQuote(s.quote, perDoc);
    if (!quoted) report(`the summary for ${where}`, `quotes text that is not in the corpus: “${s.quote}”. A summary must rest on a quote found in the cleaned text.`);
    return quoted && { ...quoted, summary: s.text };
  };

  const examples = new Map(spec.types.map((t) => [t.id, t.example.patterns.map((p) => new RegExp(fold(p)))]));
  const everyType = (spec.allTypes ?? []).map((p) => new RegExp(fold(p)));
  // Per clause, once: the types whose example place it names, and the types it speaks of (by term, example, or all of them).
  const read = all.map((c) => {
    const example = new Set(spec.types.filter((t) => examples.get(t.id)!.some((re) => re.test(c.folded))).map((t) => t.id));
    const every = everyType.some((re) => re.test(c.folded));
    const types = new Set(spec.types.filter((t) => every || c.terms.has(t.term) || example.has(t.id)).map((t) => t.id));
    return { c, example, types };
  });
  const matrix: Models['matrix'] = {};
  for (const t of spec.types) {
    matrix[t.id] = {};
    for (const dim of spec.dimensions) {
      const scored = read
        .filter((x) => x.types.has(t.id))
        .map(({ c, example, types }) => {
          const keywords = dim.keywords.filter((k) => c.text.includes(k)).length;
          const lead = c.lead === dim.name;
          if (!lead && keywords === 0) return null;
          // The other types it speaks of count against it.
          return { c, score: (lead ? 4 : 0) + (example.has(t.id) ? 2 : 0) + Math.min(keywords, 3) - (types.size - 1) };
        })
        .filter((x) => x !== null)
        .sort((a, b) => b.score - a.score);
      const summary = summaryFor((s) => s.type === t.id && s.dimension === dim.id, `${t.name} × ${dim.name}`);
      matrix[t.id]![dim.id] = { passages: scored.map((x) => passage(x.c)), ...(summary ? { summary } : {}) };
    }
  }
  for (const s of summaries) {
    const known = s.form ? spec.forms.some((f) => f.id === s.form) : spec.types.some((t) => t.id === s.type) && spec.dimensions.some((d) => d.id === s.dimension);
    if (!known) report(`a summary`, `names ${s.form ? `form "${s.form}"` : `type "${s.type}" and dimension "${s.dimension}"`}, which the file does not define`);
  }

  return {
    labels: spec.labels ?? {},
    forms: spec.forms.map((f) => {
      const def = definition(f.term);
      const summary = summaryFor((s) => s.form === f.id, f.name);
      return { ...f, ...(def ? { definition: def } : {}), ...(summary ? { summary } : {}), byDoc: byDoc(f.term) };
    }),
    types: spec.types.map((t) => {
      const def = definition(t.term);
      return { ...t, ...(def ? { definition: def } : {}), example: { name: t.example.name, passages: read.filter((x) => x.example.has(t.id)).map((x) => passage(x.c)) }, byDoc: byDoc(t.term) };
    }),
    dimensions: spec.dimensions.map(({ id, name }) => ({ id, name })),
    matrix,
    practices: spec.practices.map((p) => {
      const res = p.patterns.map((x) => new RegExp(fold(x)));
      return { id: p.id, name: p.name, passages: all.filter((c) => res.some((re) => re.test(c.folded))).map(passage) };
    }),
  };
}
