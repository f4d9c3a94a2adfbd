/**
 * How well cleaning does on labelled corpora (npm run bench:clean, and the test that pins it): each
 * source line's hand label (content, heading, title, meta, boilerplate, blank) against what the
 * pipeline did with it (kept in a block, taken as the title or as metadata, removed), and the
 * title, publication date, publisher and author against the expected ones.
 *
 * A labelled corpus is a folder of documents with one label file per document and the expected
 * metadata: dev-web's layout (`docs/`, `labels/<file>.tsv`, `EXPECTED.json`, plus `kinds.tsv`
 * naming each document's kind of site), or the seeds' (`seeds/` and their label files, whose labels
 * are removal reasons).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { processCorpus } from '../../src/pipeline/corpus.ts';
import { simplifyCharacters } from '../../src/pipeline/script.ts';
import type { ProcessedDocument, SourceFile } from '../../src/pipeline/types.ts';

export type LineLabel = 'content' | 'heading' | 'title' | 'meta' | 'boilerplate' | 'blank';

export interface ExpectedMeta {
  /** The title the text gives; null when it gives none (the pipeline must then say its title is inferred). */
  title: string | null;
  published: string | null;
  publisher: string | null;
  author: string | null;
}

export interface LabelledDocument {
  file: string;
  kind: string;
  /** One label per source line (index 0 is line 1); absent for formats whose lines are not labelled. */
  labels?: LineLabel[];
  expected: ExpectedMeta;
}

export interface LabelledCorpus {
  name: string;
  files: SourceFile[];
  documents: LabelledDocument[];
}

/** What happened to one document. */
export interface DocumentScore {
  file: string;
  kind: string;
  /** Line-level counts (only for documents with labels). */
  lines?: {
    boilerplate: number;
    boilerplateRemoved: number;
    /** Boilerplate lines left in the text. */
    missed: { line: number; text: string }[];
    content: number;
    /** Content and heading lines that are in no block. */
    lost: { line: number; text: string; why: string }[];
    /** Title and meta lines left in the text. */
    metaInText: { line: number; text: string }[];
  };
  title: Check;
  published: Check;
  publisher: Check;
  author: Check;
}

export interface Check {
  expected: string | null;
  got: string | null;
  right: boolean;
}

export interface CorpusScore {
  name: string;
  documents: DocumentScore[];
}

/** The sum of a set of document scores. */
export interface Totals {
  documents: number;
  labelled: number;
  boilerplate: number;
  boilerplateRemoved: number;
  content: number;
  contentLost: number;
  metaInText: number;
  titles: number;
  titlesRight: number;
  published: number;
  publishedRight: number;
  /** Dates given where the page gives none (invented). */
  publishedInvented: number;
  publishers: number;
  publishersRight: number;
  authors: number;
  authorsRight: number;
}

const LABELS = new Set<LineLabel>(['content', 'heading', 'title', 'meta', 'boilerplate', 'blank']);

/** Read a corpus in dev-web's layout. */
export function readLabelledCorpus(name: string, dir: string): LabelledCorpus {
  const docsDir = join(dir, 'docs');
  const names = readdirSync(docsDir).sort();
  const expected = JSON.parse(readFileSync(join(dir, 'EXPECTED.json'), 'utf8')) as { documents: (ExpectedMeta & { file: string; kind?: string })[] };
  const kinds = new Map<string, string>();
  if (existsSync(join(dir, 'kinds.tsv'))) {
    for (const row of readFileSync(join(dir, 'kinds.tsv'), 'utf8').split('\n')) {
      if (!row || row.startsWith('#')) continue;
      const [file, kind] = row.split('\t');
      kinds.set(file!, kind!);
    }
  }
  const documents = names.map((file): LabelledDocument => {
    const e = expected.documents.find((d) => d.file === file);
    if (!e) throw new Error(`${name}: ${file} is not in EXPECTED.json`);
    const labelFile = join(dir, 'labels', `${file}.tsv`);
    const labels = existsSync(labelFile) ? readLabelRows(labelFile) : undefined;
    return { file, kind: e.kind ?? kinds.get(file) ?? 'other', labels, expected: { title: e.title, published: e.published, publisher: e.publisher, author: e.author } };
  });
  return { name, files: names.map((f) => ({ name: f, bytes: new Uint8Array(readFileSync(join(docsDir, f))) })), documents };
}

function readLabelRows(path: string): LineLabel[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((row) => row !== '')
    .map((row, i) => {
      const [n, label] = row.split('\t');
      if (Number(n) !== i + 1 || !LABELS.has(label as LineLabel)) throw new Error(`${path}: row ${i + 1} is not "${i + 1}<TAB>label"`);
      return label as LineLabel;
    });
}

/**
 * The seeds: their files, their label files (whose labels name removal reasons: any reason is
 * boilerplate, except `title` and `metadata`), and their expected metadata.
 */
export function readSeedCorpus(root: string): LabelledCorpus {
  const seedsDir = join(root, 'seeds');
  const fixtures = join(root, 'test', 'fixtures', 'seeds');
  const expected = JSON.parse(readFileSync(join(fixtures, 'EXPECTED.json'), 'utf8')) as { documents: (ExpectedMeta & { file: string; kind: string })[] };
  const names = readdirSync(seedsDir).filter((f) => f !== 'kb.json').sort();
  const documents = names.map((file): LabelledDocument => {
    const e = expected.documents.find((d) => d.file === file);
    if (!e) throw new Error(`seeds: ${file} is not in test/fixtures/seeds/EXPECTED.json`);
    const rows = readFileSync(join(fixtures, `${file.slice(0, 3)}.labels.tsv`), 'utf8').split('\n').filter((l) => l && !l.startsWith('#'));
    const labels = rows.map((row): LineLabel => {
      const label = row.split('\t')[1]!;
      if (label === 'content' || label === 'blank' || label === 'title') return label;
      if (label === 'metadata') return 'meta';
      return 'boilerplate';
    });
    return { file, kind: e.kind, labels, expected: { title: e.title, published: e.published, publisher: e.publisher, author: e.author } };
  });
  return { name: 'seeds', files: names.map((f) => ({ name: f, bytes: new Uint8Array(readFileSync(join(seedsDir, f))) })), documents };
}

/** Names compared as a reader would: script, width and spacing folded; a company's legal form (有限公司) left out. */
function sameName(a: string | null, b: string | null): boolean {
  if (a === null || b === null) return a === b;
  const norm = (s: string) =>
    simplifyCharacters(s.normalize('NFC'), true)
      .replace(/\s+/g, '')
      .replace(/(?:股份)?有限(?:责任)?公司$/, '');
  return norm(a) === norm(b);
}

/** Run the pipeline over a corpus (a fresh registry, no errata: what the engine does on its own) and score every document. */
export async function scoreCorpus(corpus: LabelledCorpus): Promise<CorpusScore> {
  const result = await processCorpus(corpus.files, { documents: [] }, { documents: {} }, { today: '2026-01-01' });
  const bySource = new Map(result.documents.map((d) => [d.source, d]));
  return { name: corpus.name, documents: corpus.documents.map((doc) => scoreDocument(doc, bySource.get(doc.file) ?? null)) };
}

export function scoreDocument(doc: LabelledDocument, d: ProcessedDocument | null): DocumentScore {
  const e = doc.expected;
  const inferred = !d || d.meta.titleSource === 'first-sentence' || d.meta.titleSource === 'erratum';
  const title: Check = { expected: e.title, got: d?.meta.title ?? null, right: e.title === null ? inferred : !inferred && sameName(e.title, d?.meta.title ?? null) };
  const published: Check = { expected: e.published, got: d?.meta.published ?? null, right: e.published === (d?.meta.published ?? null) };
  const publisher: Check = { expected: e.publisher, got: d?.meta.publisher ?? null, right: sameName(e.publisher, d?.meta.publisher ?? null) };
  const author: Check = { expected: e.author, got: d?.meta.author ?? null, right: sameName(e.author, d?.meta.author ?? null) };
  const score: DocumentScore = { file: doc.file, kind: doc.kind, title, published, publisher, author };
  if (!doc.labels) return score;

  const inBlocks = new Set(d?.blocks.flatMap((b) => b.lines) ?? []);
  const removed = new Map(d?.cleaning.removed.map((r) => [r.line, r.reason as string]) ?? []);
  const text = (n: number) => d?.sourceLines[n - 1] ?? '';
  const lines: NonNullable<DocumentScore['lines']> = { boilerplate: 0, boilerplateRemoved: 0, missed: [], content: 0, lost: [], metaInText: [] };
  doc.labels.forEach((label, i) => {
    const n = i + 1;
    const kept = inBlocks.has(n);
    if (label === 'boilerplate') {
      lines.boilerplate++;
      if (kept) lines.missed.push({ line: n, text: text(n) });
      else lines.boilerplateRemoved++;
    } else if (label === 'content' || label === 'heading') {
      lines.content++;
      if (!kept) lines.lost.push({ line: n, text: text(n), why: removed.get(n) ?? (d ? 'in no block' : 'document skipped') });
    } else if ((label === 'title' || label === 'meta') && kept) {
      lines.metaInText.push({ line: n, text: text(n) });
    }
  });
  return { ...score, lines };
}

/** Totals over document scores. */
export function totals(scores: readonly DocumentScore[], only?: (s: DocumentScore) => boolean): Totals {
  const t: Totals = { documents: 0, labelled: 0, boilerplate: 0, boilerplateRemoved: 0, content: 0, contentLost: 0, metaInText: 0, titles: 0, titlesRight: 0, published: 0, publishedRight: 0, publishedInvented: 0, publishers: 0, publishersRight: 0, authors: 0, authorsRight: 0 };
  for (const s of scores) {
    if (only && !only(s)) continue;
    t.documents++;
    if (s.lines) {
      t.labelled++;
      t.boilerplate += s.lines.boilerplate;
      t.boilerplateRemoved += s.lines.boilerplateRemoved;
      t.content += s.lines.content;
      t.contentLost += s.lines.lost.length;
      t.metaInText += s.lines.metaInText.length;
    }
    t.titles++;
    if (s.title.right) t.titlesRight++;
    if (s.published.expected !== null) t.published++;
    if (s.published.expected !== null && s.published.right) t.publishedRight++;
    if (s.published.expected === null && s.published.got !== null) t.publishedInvented++;
    if (s.publisher.expected !== null) t.publishers++;
    if (s.publisher.expected !== null && s.publisher.right) t.publishersRight++;
    if (s.author.expected !== null) t.authors++;
    if (s.author.expected !== null && s.author.right) t.authorsRight++;
  }
  return t;
}

const pct = (a: number, b: number) => (b === 0 ? '-' : `${((100 * a) / b).toFixed(1)}%`);

/** One row of the benchmark's table. */
export function totalsRow(name: string, t: Totals): string[] {
  return [
    name,
    String(t.documents),
    `${t.boilerplateRemoved}/${t.boilerplate} (${pct(t.boilerplateRemoved, t.boilerplate)})`,
    String(t.boilerplate - t.boilerplateRemoved),
    `${t.contentLost}/${t.content}`,
    String(t.metaInText),
    `${t.titlesRight}/${t.titles}`,
    `${t.publishedRight}/${t.published}${t.publishedInvented ? ` +${t.publishedInvented} invented` : ''}`,
    `${t.publishersRight}/${t.publishers}`,
    `${t.authorsRight}/${t.authors}`,
  ];
}

export const TABLE_HEADER = ['corpus / kind', 'docs', 'boilerplate removed', 'missed', 'content lost', 'meta in text', 'titles', 'dates', 'publishers', 'authors'];
