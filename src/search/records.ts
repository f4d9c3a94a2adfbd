/** What the index build makes of one generated document: its units (what the engine checks) and its tokens (what the index maps). */
import type { SearchUnit } from './engine.ts';
import { spelled, type FoldTable } from './fold.ts';
import { addTokens, KeyList } from './index-format.ts';
import type { IndexedDocument } from './index-reader.ts';

/** The parts of a generated document (src/generated/documents/<id>.json) that search reads. */
export interface SearchableDocument {
  id: string;
  title: string;
  blocks: { id: string; type: string; text: string }[];
}

/** The document's title and blocks as search units. */
export function searchUnits(d: SearchableDocument): SearchUnit[] {
  return [['', 'title', d.title], ...d.blocks.map((b): SearchUnit => [b.id, b.type === 'heading' ? 'heading' : 'body', b.text])];
}

/** The document as its units file holds it. */
export function indexedDocument(d: SearchableDocument): IndexedDocument {
  return { doc: d.id, title: d.title, units: searchUnits(d) };
}

/**
 * The document's tokens (index-format.ts), sorted: every character and pair of characters of each of
 * its units (never a pair across two units), and those of its title.
 */
export function documentTokens(d: IndexedDocument, table: FoldTable): { all: Uint32Array; titles: Uint32Array } {
  const all = new KeyList();
  const titles = new KeyList();
  for (const [, where, text] of d.units) {
    const s = spelled(text, table);
    addTokens(s, all);
    if (where === 'title') addTokens(s, titles);
  }
  return { all: all.sorted(), titles: titles.sorted() };
}
