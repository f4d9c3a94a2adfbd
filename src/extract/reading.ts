/**
 * What the extractors read of one document, each part worked out once however many extractors
 * ask for it (the timeline and the figures share its dates; the glossary and the indexes its
 * sentences; the organisations' and the places' indexes those that are not chrome). A reading
 * belongs to one document and lives as long as whoever made it holds it: nothing is remembered
 * between documents.
 */
import type { BlockId, DocumentId, DocumentText } from '../pipeline/types.ts';
import { isChromeSentence } from './chrome-sentences.ts';
import { documentContext, extractDates, type DateContext, type DateResult } from './dates.ts';
import { inIdOrder, sentenceSpans, textUnits, type TextUnit } from './units.ts';

/** A sentence of a document with its paragraph (a table row's starts with its first cell: `上海：…`). */
export interface Sentence {
  doc: DocumentId;
  paragraph: BlockId;
  text: string;
}

/** A document's text and its parts, each read on first use. */
export interface Reading {
  doc: DocumentText;
  /** The dates of each piece of the text, in order. */
  dates(): Array<{ unit: TextUnit; result: DateResult }>;
  /** Every sentence, with its paragraph. */
  sentences(): Sentence[];
  /** The sentences that are not chrome cleaning left in (isChromeSentence): where the indexes find names. */
  ownSentences(): Sentence[];
}

/** A reading of one document. */
export function reading(doc: DocumentText): Reading {
  let dates: ReturnType<Reading['dates']> | undefined;
  let sentences: Sentence[] | undefined;
  let own: Sentence[] | undefined;
  const all = () => (sentences ??= readSentences(doc));
  return {
    doc,
    dates: () => (dates ??= readDates(doc)),
    sentences: all,
    ownSentences: () => (own ??= all().filter((s) => !isChromeSentence(s.text))),
  };
}

/**
 * The dates of each piece of a document, read in order: a date without a year takes it from the
 * text before it in the same section (a heading starts a new one); a table row or list item stands
 * on its own; a section starts from the title's year.
 */
function readDates(d: Pick<DocumentText, 'blocks' | 'meta'>): Array<{ unit: TextUnit; result: DateResult }> {
  const out: Array<{ unit: TextUnit; result: DateResult }> = [];
  const units = textUnits(d.blocks);
  // The publication date, the calendar and the title's year: what every section starts from.
  const base = documentContext(d.meta.title, d.meta.published, units.map((u) => u.text));
  const own: DateContext = { published: base.published, ...(base.minguo ? { minguo: true } : {}) };
  let context: DateContext = base;
  for (const unit of units) {
    if (unit.kind === 'heading') context = base;
    const alone = unit.kind === 'row' || unit.kind === 'item';
    const result = extractDates(unit.text, alone ? own : context);
    if (!alone) context = result.context;
    out.push({ unit, result });
  }
  return out;
}

function readSentences(d: Pick<DocumentText, 'id' | 'blocks'>): Sentence[] {
  return textUnits(d.blocks).flatMap((u) => sentenceSpans(u.text).map(([s, e]) => ({ doc: d.id, paragraph: u.block, text: `${u.label ? `${u.label}：` : ''}${u.text.slice(s, e).trim()}` })));
}

/** A per-document extractor's results for every document, in id order (the order every corpus-wide list keeps), each document read anew. */
export const readAll = <T>(docs: readonly DocumentText[], extract: (r: Reading) => T): T[] => inIdOrder(docs).map((d) => extract(reading(d)));
