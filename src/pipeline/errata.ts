/**
 * errata: editorial corrections that no general rule can make (text destroyed by mis-encoding,
 * synonym-spun words, untrustworthy dates). They come from the committed `content/errata.json`,
 * apply to the structured blocks, and every one applied is recorded and shown to the reader.
 */
import type { Mark, Repair } from './types.ts';

/** One correction: replace `find` by `replace` (every occurrence when `all`). */
export interface Erratum {
  find: string;
  replace: string;
  all?: boolean;
  note: string;
}

/** Everything the editors say about one document. */
export interface DocumentErrata {
  /** The source file name, for people reading the errata file. */
  source?: string;
  corrections?: Erratum[];
  /** A title to use when the text has none or a broken one. */
  title?: { text: string; note: string };
  /** Set when the document's dates cannot be trusted; the note says why. */
  untrustedDates?: string;
}

export interface ErrataFile {
  documents: Record<string, DocumentErrata>;
}

export interface ErrataResult<B> {
  blocks: B[];
  repaired: Repair[];
  /** Corrections whose `find` text occurs nowhere: stale errata the maintainer must look at. */
  unapplied: Erratum[];
}

/** A block as errata see it: text with marks, or cells without. */
type Correctable =
  | { type: 'heading'; text: string; marks: Mark[]; lines: number[] }
  | { type: 'paragraph'; text: string; marks: Mark[]; lines: number[] }
  | { type: 'list'; items: string[]; lines: number[] }
  | { type: 'table'; header: string[]; rows: string[][]; lines: number[] };

/**
 * Apply one document's corrections to its blocks. Text blocks get a `correction` mark over
 * each replacement (so the reader sees it); list items and table cells are corrected in place.
 */
export function applyErrata<B extends Correctable>(blocks: B[], corrections: readonly Erratum[] = []): ErrataResult<B> {
  const repaired: Repair[] = [];
  const unapplied: Erratum[] = [];
  let out = blocks;
  for (const e of corrections) {
    let applied = 0;
    const record = (line: number) => {
      applied++;
      repaired.push({ line, kind: 'erratum', before: e.find, after: e.replace, note: e.note });
    };
    out = out.map((original) => {
      if (applied > 0 && !e.all) return original;
      const block = original as Correctable;
      const line = block.lines[0] ?? 0;
      if (block.type === 'heading' || block.type === 'paragraph') {
        let { text, marks } = block;
        let from = 0;
        for (;;) {
          const at = text.indexOf(e.find, from);
          if (at < 0 || (applied > 0 && !e.all)) break;
          const shift = e.replace.length - e.find.length;
          marks = marks
            .filter((m) => m.end <= at || m.start >= at + e.find.length)
            .map((m) => (m.start >= at + e.find.length ? { ...m, start: m.start + shift, end: m.end + shift } : m));
          marks.push({ kind: 'correction', start: at, end: at + e.replace.length, original: e.find, note: e.note });
          text = text.slice(0, at) + e.replace + text.slice(at + e.find.length);
          from = at + e.replace.length;
          record(line);
        }
        return { ...original, text, marks: marks.sort((a, b) => a.start - b.start) };
      }
      const fix = (cell: string) => {
        if (!cell.includes(e.find) || (applied > 0 && !e.all)) return cell;
        const parts = cell.split(e.find);
        const n = e.all ? parts.length - 1 : 1;
        for (let k = 0; k < n; k++) record(line);
        return e.all ? parts.join(e.replace) : cell.replace(e.find, () => e.replace);
      };
      if (block.type === 'list') return { ...original, items: block.items.map(fix) };
      return { ...original, header: block.header.map(fix), rows: block.rows.map((r) => r.map(fix)) };
    });
    if (applied === 0) unapplied.push(e);
  }
  return { blocks: out, repaired, unapplied };
}

/** Check the shape of a parsed errata file, naming the first problem found. */
export function parseErrata(json: unknown, file = 'errata.json'): ErrataFile {
  const fail = (why: string): never => {
    throw new Error(`${file}: ${why}`);
  };
  if (typeof json !== 'object' || json === null || typeof (json as ErrataFile).documents !== 'object') fail('expected {"documents": {...}}');
  const docs = (json as ErrataFile).documents;
  for (const [id, d] of Object.entries(docs)) {
    for (const [i, c] of (d.corrections ?? []).entries()) {
      if (typeof c.find !== 'string' || c.find === '' || typeof c.replace !== 'string' || typeof c.note !== 'string') {
        fail(`documents.${id}.corrections[${i}] needs a non-empty "find", a "replace" and a "note"`);
      }
    }
  }
  return json as ErrataFile;
}
