/**
 * The pieces of a document the extractors read, each tied to the paragraph a link can point to:
 * a heading, a paragraph, a list item, or a table row (its cells after the first, labelled with the first).
 */
import type { Block, BlockId } from '../pipeline/types.ts';
import { allMatches } from '../lib/matches.ts';

/** Documents in id order: the order every corpus-wide list (figures, mentions, indexes) keeps. */
export const inIdOrder = <D extends { id: string }>(docs: readonly D[]): D[] => [...docs].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

export interface TextUnit {
  block: BlockId;
  kind: 'heading' | 'paragraph' | 'item' | 'row';
  text: string;
  /** A table row's first cell (the place a row of 002's table is about). */
  label?: string;
  /** A table row's cells, the first included, and its table's header (what each column holds). */
  cells?: string[];
  header?: string[];
}

export function textUnits(blocks: readonly Block[]): TextUnit[] {
  const units: TextUnit[] = [];
  for (const b of blocks) {
    switch (b.type) {
      case 'heading':
      case 'paragraph':
        units.push({ block: b.id, kind: b.type, text: b.text });
        break;
      case 'list':
        for (const item of b.items) units.push({ block: b.id, kind: 'item', text: item });
        break;
      case 'table':
        for (const row of b.rows) units.push(row.length > 1 ? { block: b.id, kind: 'row', text: row.slice(1).join('；'), label: row[0]!, cells: row, header: b.header } : { block: b.id, kind: 'row', text: row[0] ?? '' });
        break;
    }
  }
  return units;
}

/** Sentences of a text as [start, end) offsets, the end including its 。！？ (and a closing quote). */
export function sentenceSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  const re = /[。！？!?]+[”」"']?|\n/g;
  let start = 0;
  for (const m of allMatches(re, text)) {
    const end = m.index + m[0].length;
    if (end > start) spans.push([start, end]);
    start = end;
  }
  if (start < text.length) spans.push([start, text.length]);
  return spans.filter(([a, b]) => text.slice(a, b).trim().length > 0);
}

/**
 * The most context a figure (CONTEXT) or a mention of a term, policy, organisation or place
 * (MENTION_CONTEXT) carries on either side: a 300,000-character "sentence" must not be copied for
 * each, and a 1,000-document corpus has hundreds of thousands of mentions.
 */
export const CONTEXT = 60;
export const MENTION_CONTEXT = 40;

/**
 * A sentence cut to the context around [start, end), with an ellipsis where it was cut, and the
 * span's place in the cut text. Short sentences come back whole.
 */
export function clip(text: string, start: number, end: number, room = CONTEXT): { text: string; start: number; end: number } {
  const from = Math.max(0, start - room);
  const to = Math.min(text.length, end + room);
  if (from === 0 && to === text.length) return { text, start, end };
  const before = from > 0 ? '…' : '';
  return { text: `${before}${text.slice(from, to)}${to < text.length ? '…' : ''}`, start: start - from + before.length, end: end - from + before.length };
}
