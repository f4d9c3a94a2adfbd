/**
 * The model comparison (content/models.json): the four forms of consortium, the three integration
 * types by six dimensions, and the named practices, each filled from the corpus with the clauses
 * that speak to it, best first. Hand-written summaries are allowed only with a quote the cleaned
 * text contains; a quote the build cannot find stops it.
 */
import type { BlockId, DocumentId, ProcessedDocument } from '../pipeline/types.ts';
import { fold, termMatcher, type TermEntry, type TermSpec } from './terms.ts';
import { clip, inIdOrder, textUnits } from './units.ts';
import { digestOf, perDocument } from '../lib/per-document.ts';
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

export interface Models {
  forms: Array<Named & { term: string; definition?: Passage; summary?: Summary; byDoc: Record<string, Passage[]> }>;
  types: Array<Named & { term: string; definition?: Passage; example: { name: string; passages: Passage[] }; byDoc: Record<string, Passage[]> }>;
  dimensions: Named[];
  /** matrix[type][dimension] */
  matrix: Record<string, Record<string, Cell>>;
  practices: Array<Named & { passages: Passage[] }>;
}

/** A document's clauses: each paragraph cut at 。！？；, each clause remembering the dimension its paragraph opens with (管理模式:…). */
function clauses(d: Pick<ProcessedDocument, 'id' | 'blocks'>, dimensionNames: string[]) {
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


/** Where a quote is in the cleaned text (whitespace and character width aside), or a clear error. */
function findQuote(quote: string, docs: readonly Pick<ProcessedDocument, 'id' | 'blocks'>[], where: string): Passage {
  const q = fold(quote).replace(/\s+/g, '');
  for (const d of inIdOrder(docs)) {
    for (const u of textUnits(d.blocks)) if (fold(u.text).replace(/\s+/g, '').includes(q)) return { text: quote, doc: d.id, paragraph: u.block };
  }
  throw new Error(`content/models.json: the summary for ${where} quotes text that is not in the corpus: “${quote}”. A summary must rest on a quote found in the cleaned text.`);
}

/** The comparison, filled from the corpus. `glossary` gives the definitions of the form and type terms. */
export function buildModels(spec: ModelsSpec, terms: readonly TermSpec[], glossary: readonly TermEntry[], docs: readonly Pick<ProcessedDocument, 'id' | 'blocks'>[]): Models {
  const termIds = new Set(terms.map((t) => t.id));
  for (const x of [...spec.forms, ...spec.types]) if (!termIds.has(x.term)) throw new Error(`content/models.json: ${x.name} names term "${x.term}", which content/terms.json does not have`);
  const find = termMatcher(terms);
  // Each document's clauses with the terms they name (worked out per document; none when there is nothing to compare).
  const names = spec.dimensions.map((d) => d.name);
  const name = `model-clauses-${digestOf([names, terms])}`;
  const compared = spec.forms.length + spec.types.length + spec.practices.length > 0;
  const all = (compared ? inIdOrder(docs) : [])
    .flatMap((d) => perDocument(name, d, () => clauses(d, names).map((c) => ({ ...c, terms: find(c.text).map((m) => m.id) }))))
    .map((c) => ({ ...c, terms: new Set(c.terms) }));
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
    return s ? { ...findQuote(s.quote, docs, where), summary: s.text } : undefined;
  };

  const examples = new Map(spec.types.map((t) => [t.id, t.example.patterns.map((p) => new RegExp(fold(p)))]));
  const everyType = (spec.allTypes ?? []).map((p) => new RegExp(fold(p)));
  const mentionsType = (c: (typeof all)[number], t: ModelsSpec['types'][number]) =>
    c.terms.has(t.term) || examples.get(t.id)!.some((re) => re.test(fold(c.text))) || everyType.some((re) => re.test(fold(c.text)));
  const matrix: Models['matrix'] = {};
  for (const t of spec.types) {
    matrix[t.id] = {};
    for (const dim of spec.dimensions) {
      const scored = all
        .filter((c) => mentionsType(c, t))
        .map((c) => {
          const keywords = dim.keywords.filter((k) => c.text.includes(k)).length;
          const lead = c.lead === dim.name;
          if (!lead && keywords === 0) return null;
          const example = examples.get(t.id)!.some((re) => re.test(fold(c.text)));
          const others = spec.types.filter((o) => o.id !== t.id && mentionsType(c, o)).length;
          return { c, score: (lead ? 4 : 0) + (example ? 2 : 0) + Math.min(keywords, 3) - others };
        })
        .filter((x) => x !== null)
        .sort((a, b) => b.score - a.score);
      const summary = summaryFor((s) => s.type === t.id && s.dimension === dim.id, `${t.name} × ${dim.name}`);
      matrix[t.id]![dim.id] = { passages: scored.map((x) => passage(x.c)), ...(summary ? { summary } : {}) };
    }
  }
  for (const s of summaries) {
    const known = s.form ? spec.forms.some((f) => f.id === s.form) : spec.types.some((t) => t.id === s.type) && spec.dimensions.some((d) => d.id === s.dimension);
    if (!known) throw new Error(`content/models.json: a summary names ${s.form ? `form "${s.form}"` : `type "${s.type}" and dimension "${s.dimension}"`}, which the file does not define`);
  }

  return {
    forms: spec.forms.map((f) => {
      const def = definition(f.term);
      const summary = summaryFor((s) => s.form === f.id, f.name);
      return { ...f, ...(def ? { definition: def } : {}), ...(summary ? { summary } : {}), byDoc: byDoc(f.term) };
    }),
    types: spec.types.map((t) => {
      const def = definition(t.term);
      return { ...t, ...(def ? { definition: def } : {}), example: { name: t.example.name, passages: all.filter((c) => examples.get(t.id)!.some((re) => re.test(fold(c.text)))).map(passage) }, byDoc: byDoc(t.term) };
    }),
    dimensions: spec.dimensions.map(({ id, name }) => ({ id, name })),
    matrix,
    practices: spec.practices.map((p) => {
      const res = p.patterns.map((x) => new RegExp(fold(x)));
      return { id: p.id, name: p.name, passages: all.filter((c) => res.some((re) => re.test(fold(c.text)))).map(passage) };
    }),
  };
}
