/**
 * A corpus with expected dates and figures (EXPECTED.json beside its docs/: dev-web, the
 * long-term-care corpus) as the extractors would read it after a perfect cleaning: for a
 * plain-text file with hand labels (labels/<file>.tsv), the lines labelled `content` or
 * `heading`; for one without, every line; a PDF's hard-wrapped lines joined into their paragraph;
 * for the HTML, Markdown and Word files, their visible text, taken out crudely here (script,
 * style, comments, deleted and hidden runs dropped) until the pipeline reads those formats itself.
 * Each document carries the expected title and publication date, so that what is measured is the
 * extraction alone, not the cleaning or the metadata.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { repair } from '../../src/pipeline/repair.ts';
import type { Block, BlockId, DocumentId, DocumentText } from '../../src/pipeline/types.ts';

const FIXTURES = join(import.meta.dirname, '..', '..', 'test', 'fixtures');
export const DEV_WEB = join(FIXTURES, 'dev-web');
export const LONG_TERM_CARE = join(FIXTURES, 'corpora', 'long-term-care');

export interface ExpectedDate {
  key: string;
  start: string | null;
  end: string | null;
  precision: string | null;
}
export interface ExpectedFigure {
  key: string;
  value: number;
  unit: string;
}
export interface ExpectedDocument {
  file: string;
  title: string;
  published: string | null;
  script: 'simplified' | 'traditional';
  dates: ExpectedDate[];
  figures: ExpectedFigure[];
  /** Keys that hold no figure (clock times, phone numbers, postcodes …), where a corpus lists them. */
  not_figures?: string[];
}

export function expectedDocuments(dir = DEV_WEB): ExpectedDocument[] {
  return (JSON.parse(readFileSync(join(dir, 'EXPECTED.json'), 'utf8')) as { documents: ExpectedDocument[] }).documents;
}

/** Blocks with ids made from their position (the measure never links to them). */
function blocks(parts: Array<{ type: 'heading' | 'paragraph'; text: string } | { type: 'table'; rows: string[][] }>): Block[] {
  return parts.map((p, i) => {
    const id = `b${i}` as BlockId;
    if (p.type === 'table') return { id, lines: [], type: 'table', header: [], rows: p.rows };
    return p.type === 'heading' ? { id, lines: [], type: 'heading', level: 2, text: p.text, marks: [] } : { id, lines: [], type: 'paragraph', text: p.text, marks: [] };
  });
}

/** A plain-text file by its labels (content and heading lines), or every line when it has none; a hard-wrapped line joined to the next. */
function plainText(dir: string, file: string): Block[] {
  const labels = join(dir, 'labels', `${file}.tsv`);
  const rows = existsSync(labels)
    ? readFileSync(labels, 'utf8').replace(/\n$/, '').split('\n').map((r) => r.split('\t'))
    : readFileSync(join(dir, 'docs', file), 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/).map((text, i) => [String(i + 1), text.trim() ? 'content' : 'blank', text]);
  const parts: Array<{ type: 'heading' | 'paragraph'; text: string }> = [];
  let open = false;
  // The pipeline's own repairs (flattened ruby with tone marks, entities), which come before cleaning;
  // line for line (the labels are per line: hard-wrapped lines are left as the labels see them).
  const repaired = repair(rows.map(([n, , text = '']) => ({ n: Number(n), text })), { wrapped: false }).lines;
  for (const [i, [, label]] of rows.entries()) {
    const text = repaired[i]!.text;
    if (label !== 'content' && label !== 'heading') {
      open = false;
      continue;
    }
    const line = text.trim();
    const last = parts.at(-1);
    // A PDF's line broken mid-sentence: long, no closing punctuation, and the next line not indented.
    if (open && last && label === 'content' && !/^[\u3000 ]/.test(text)) last.text += line;
    else parts.push({ type: label === 'heading' ? 'heading' : 'paragraph', text: line });
    open = label === 'content' && line.length >= 25 && !/[。！？：；”」]$/.test(line);
  }
  return blocks(parts);
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', nbsp: ' ' };
const decodeEntities = (s: string) => s.replace(/&(#x?[0-9a-f]+|[a-z]+);/gi, (m, e: string) => (e[0] === '#' ? String.fromCodePoint(Number(e[1] === 'x' ? `0${e.slice(1)}` : e.slice(1))) : ENTITIES[e] ?? m));
const stripTags = (s: string) => decodeEntities(s.replace(/<[^>]*>/g, '')).replace(/\s+/g, ' ').trim();

/** The visible text of an HTML page: its body without scripts and styles, one block per block element, tables as rows. */
function htmlText(html: string): Block[] {
  const tables: string[][][] = [];
  const body = html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<head[\s\S]*?<\/head>/i, '')
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, '')
    .replace(/<table[\s\S]*?<\/table>/gi, (t) => {
      tables.push([...t.matchAll(/<tr[\s\S]*?<\/tr>/gi)].map((r) => [...r[0].matchAll(/<t[dh][^>]*>([\s\S]*?)<\/t[dh]>/gi)].map((c) => stripTags(c[1]!))));
      return `\n\u0001${tables.length - 1}\n`;
    })
    .replace(/<h[1-6][^>]*>/gi, '\n\u0002')
    .replace(/<\/?(p|div|li|ul|ol|h[1-6]|figure|figcaption|caption|header|footer|nav|aside|article|main|section|br)\b[^>]*>/gi, '\n');
  const parts: Parameters<typeof blocks>[0] = [];
  for (const line of body.split('\n')) {
    const table = /^\u0001(\d+)$/.exec(line.trim());
    if (table) {
      parts.push({ type: 'table', rows: tables[Number(table[1])]! });
      continue;
    }
    const text = stripTags(line.replace('\u0002', ''));
    if (text) parts.push({ type: line.includes('\u0002') ? 'heading' : 'paragraph', text });
  }
  return blocks(parts);
}

/** The visible text of a Markdown note: no front matter, no comments, no markup; pipe tables as rows. */
function markdownText(md: string): Block[] {
  const text = md.replace(/^---\n[\s\S]*?\n---\n/, '').replace(/<!--[\s\S]*?-->/g, '');
  const parts: Parameters<typeof blocks>[0] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line || /^\|?[-:| ]+\|?$/.test(line)) continue;
    if (line.startsWith('|')) {
      const cells = line.replace(/^\||\|$/g, '').split('|').map((c) => c.trim());
      const last = parts.at(-1);
      if (last?.type === 'table') last.rows.push(cells);
      else parts.push({ type: 'table', rows: [cells] });
      continue;
    }
    const heading = /^#{1,6}\s+(.*)$/.exec(line);
    const plain = (s: string) => s.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/^(>\s*|[-*+]\s+(\[[ x]\]\s+)?|\d+\.\s+)/, '');
    parts.push(heading ? { type: 'heading', text: plain(heading[1]!) } : { type: 'paragraph', text: plain(line) });
  }
  return blocks(parts);
}

/** One file out of a zip archive (a DOCX), by reading its central directory. */
function zipEntry(zip: Buffer, name: string): string {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let at = zip.readUInt32LE(end + 16);
  for (let i = 0; i < zip.readUInt16LE(end + 10); i++) {
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const skip = nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    if (zip.toString('utf8', at + 46, at + 46 + nameLength) === name) {
      const data = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const bytes = zip.subarray(data, data + size);
      return (method === 8 ? inflateRawSync(bytes) : bytes).toString('utf8');
    }
    at += 46 + skip;
  }
  throw new Error(`${name} not in the archive`);
}

/** The visible text of a Word file: tracked insertions kept, deletions and hidden runs dropped, the Title paragraph left to the metadata. */
function docxText(bytes: Buffer): Block[] {
  const xml = zipEntry(bytes, 'word/document.xml').replace(/<w:del\b[\s\S]*?<\/w:del>/g, '');
  const parts: Parameters<typeof blocks>[0] = [];
  for (const p of xml.match(/<w:p[ >][\s\S]*?<\/w:p>/g) ?? []) {
    const style = /<w:pStyle w:val="([^"]+)"/.exec(p)?.[1] ?? '';
    const runs = (p.match(/<w:r[ >][\s\S]*?<\/w:r>/g) ?? []).filter((r) => !/<w:vanish\/>/.test(r));
    const text = decodeEntities(runs.map((r) => [...r.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('')).join('')).trim();
    if (!text || style === 'Title') continue;
    parts.push({ type: /^Heading/.test(style) ? 'heading' : 'paragraph', text });
  }
  return blocks(parts);
}

/** One document as extraction reads it, with the expected title and publication date. */
export function expectedDocument(e: ExpectedDocument, dir = DEV_WEB): DocumentText {
  const path = join(dir, 'docs', e.file);
  const blocks = e.file.endsWith('.html')
    ? htmlText(readFileSync(path, 'utf8'))
    : e.file.endsWith('.md')
      ? markdownText(readFileSync(path, 'utf8'))
      : e.file.endsWith('.docx')
        ? docxText(readFileSync(path))
        : plainText(dir, e.file);
  return {
    id: e.file.slice(0, 2) as DocumentId,
    blocks,
    meta: { title: e.title, titleSource: 'title-line', author: null, published: e.published, publisher: null, editor: null, originalTitle: null, documentNumber: null },
    datesTrusted: true,
  };
}
