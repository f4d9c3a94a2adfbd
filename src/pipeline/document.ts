/** One document through every stage: bytes in, a ProcessedDocument (or a reason it was skipped) out. */
import { clean } from './clean.ts';
import { applyErrata, type DocumentErrata } from './errata.ts';
import { assignParagraphIds, type ParagraphLine } from './identify.ts';
import { shingles, sketch } from './near-copies.ts';
import type { Normalised } from './normalise.ts';
import { textQualityNotes } from './quality.ts';
import { findDamage } from './repair.ts';
import type { RepairResult } from './repair.ts';
import { detectScript, simplify } from './script.ts';
import { structure, type DraftBlock } from './structure.ts';
import { structureWithHints } from './structure-hints.ts';
import type { FileMeta, LineHint, ReadingReport } from '../read/types.ts';
import type { Block, BlockId, DocumentId, DocumentMeta, Encoding, Flag, Mark, ProcessedDocument, QualityNote, UnidentifiedBlock } from './types.ts';

/** What the first pass (decode, normalise, repair) produced for one file. */
export interface Prepared {
  source: string;
  sha256: string;
  bytes: number;
  encoding: Encoding;
  normalised: Normalised;
  repaired: RepairResult;
  /** What the reader found besides the text (HTML, Markdown, Word, PDF; none for plain text). */
  reading?: PreparedReading;
  /** What the reader said about the file (a name that lies about its format), for the build's log. */
  notes?: string[];
}

/** A reading's hints and metadata (for structure), and what the document keeps of it. */
export interface PreparedReading {
  hints: Record<number, LineHint>;
  meta: FileMeta;
  report: ReadingReport;
}

export interface DocumentContext {
  id: DocumentId;
  /** Date the document entered the corpus. */
  added: string;
  /** The paragraph ids this document had before, from the registry. */
  previousParagraphs?: ParagraphLine[];
  retiredParagraphs?: Record<string, BlockId | null>;
  errata?: DocumentErrata;
  repeatedLines?: ReadonlySet<string>;
}

export interface DocumentResult<D = ProcessedDocument> {
  document: D | null;
  /** The sketch of its cleaned text (near-copies.ts), for finding near-copies of it; with the document. */
  sketch?: string;
  /** The document's paragraph records and retired ids, for the registry. */
  paragraphs?: ParagraphLine[];
  retired?: Record<string, BlockId | null>;
  /** Why there is no document (no content left after cleaning). */
  skipped?: string;
  /** Its errata that match nothing in its text: stale curation (`<file>: <item>: <problem>`). */
  stale?: string[];
  /** What the reader said about the file (a name that lies about its format): for the build's log, not stale curation. */
  notices?: string[];
}

const FIGURE_REFERENCE = /如图所示|如下图|见下图|上图|下图|图表中|如图/;

/** Clean, structure, correct, identify and annotate one prepared document. */
export function processDocument(p: Prepared, ctx: DocumentContext): DocumentResult {
  const notices = (p.notes ?? []).map((note) => `${p.source}: ${note}`);
  const cleaned = clean(p.repaired.lines, { repeatedLines: ctx.repeatedLines });
  if (cleaned.content.length === 0) {
    return { document: null, skipped: 'no content left after removing boilerplate', ...(notices.length > 0 ? { notices } : {}) };
  }
  const removed = p.repaired.removed.length > 0 ? [...p.repaired.removed, ...cleaned.removed].sort((a, b) => a.line - b.line) : cleaned.removed;
  const removedNumbers = new Set([...removed, ...cleaned.moved].map((r) => r.line));
  const fileMeta: FileMeta = p.reading?.meta ?? {};
  const hinted = p.reading ? structureWithHints(cleaned.content, p.reading.hints, fileMeta.title) : null;
  const s = hinted ?? structure(cleaned.content, removedNumbers);

  const drafts = s.blocks.map(withMarks);
  const corrected = applyErrata(drafts, ctx.errata?.corrections);
  const stale: string[] = [];
  for (const e of corrected.unapplied) stale.push(`errata.json: document ${ctx.id} (${p.source}): the correction "${e.find}" -> "${e.replace}" matches nothing in its text`);

  const flagged: Flag[] = [];
  const annotated = corrected.blocks.map((b) => {
    if (b.type !== 'heading' && b.type !== 'paragraph') return b;
    const damage: Mark[] = findDamage(b.text)
      .filter((d) => !b.marks.some((m) => m.start < d.end && d.start < m.end))
      .map((d) => ({ kind: 'damaged', start: d.start, end: d.end, note: '原文此处因编码错误损毁,无法还原' }));
    for (const d of damage) flagged.push({ line: b.lines[0]!, text: b.text.slice(d.start, d.end), reason: 'destroyed by mis-encoding; no rule can restore it' });
    return { ...b, marks: [...b.marks, ...damage].sort((x, y) => x.start - y.start) };
  });
  const identified = assignParagraphIds(annotated.map(blockText), ctx.previousParagraphs, ctx.retiredParagraphs);
  const blocks = annotated.map((b, i) => ({ ...b, id: identified.ids[i]! }) as Block);

  const allText = blocks.map(blockText).join('\n');
  const script = detectScript(allText);
  // What the file says about itself is more reliable than what the text suggests (a <title>, front matter, Word's properties);
  // then the line the format marks as the title (h1, Word's Title style, a PDF's largest lines), then the text's.
  const hintedTitle = hinted?.title ?? null;
  const title = ctx.errata?.title?.text ?? fileMeta.title ?? hintedTitle ?? cleaned.meta.title ?? s.firstSentence;
  const titleSource = ctx.errata?.title ? 'erratum' : fileMeta.title ? 'file' : hintedTitle ? 'title-line' : (cleaned.meta.titleSource ?? 'first-sentence');

  const notes: QualityNote[] = [];
  if (ctx.errata?.untrustedDates) notes.push({ kind: 'untrusted-dates', text: ctx.errata.untrustedDates });
  if (s.endsMidSentence) notes.push({ kind: 'truncated', text: '原文在句子中间结束,后文缺失。' });
  if (titleSource === 'erratum') notes.push({ kind: 'title-inferred', text: `标题由编者拟定:${ctx.errata!.title!.note}` });
  else if (titleSource === 'first-sentence') notes.push({ kind: 'title-inferred', text: '原文没有标题,标题取自正文第一句。' });
  for (const b of blocks) if (b.type === 'table' && b.note) notes.push({ kind: 'table-recovered', text: b.note });
  const images = cleaned.removed.filter((r) => r.reason === 'image-placeholder').length;
  if (images > 0 || FIGURE_REFERENCE.test(allText)) {
    notes.push({ kind: 'missing-figures', text: images > 0 ? `原文的 ${images} 幅图片没有随文本保存,只留下了文件名。` : '正文提到的图表没有随文本保存。' });
  }
  if (flagged.length > 0) notes.push({ kind: 'damaged-text', text: `${flagged.length} 处文字因编码错误损毁,已标出。` });
  notes.push(...textQualityNotes(allText, script));
  if (corrected.repaired.length > 0) notes.push({ kind: 'errata', text: `编者校正 ${corrected.repaired.length} 处,见文中标记与清理报告。` });

  const document: ProcessedDocument = {
    id: ctx.id,
    added: ctx.added,
    source: p.source,
    sha256: p.sha256,
    bytes: p.bytes,
    encoding: p.encoding,
    script,
    meta: { ...cleaned.meta, ...fromFile(fileMeta), title, titleSource },
    datesTrusted: !ctx.errata?.untrustedDates,
    retired: identified.retired,
    blocks,
    ...(script === 'traditional' ? { simplifiedBlocks: blocks.map(simplifyBlock) } : {}),
    sourceLines: p.normalised.lines.map((l) => l.text),
    cleaning: {
      removed,
      moved: cleaned.moved,
      repaired: [...p.repaired.repaired, ...cleaned.repaired, ...corrected.repaired],
      flagged,
      blankLines: cleaned.blankLines,
      normalised: p.normalised.stats,
      notes,
    },
    ...(p.reading ? { reading: p.reading.report } : {}),
  };
  return { document, sketch: sketch(copyText(document)), ...(notices.length > 0 ? { notices } : {}), ...(stale.length > 0 ? { stale } : {}), paragraphs: identified.paragraphs, retired: identified.retired };
}

/** A document's cleaned text as near-copies are compared (near-copies.ts): every block's text. */
const copyText = (d: Pick<ProcessedDocument, 'blocks'>) => d.blocks.map(blockText).join('\n');

/** The shingles of a document's cleaned text (near-copies.ts). */
export const copyShingles = (d: Pick<ProcessedDocument, 'blocks'>): Uint32Array => shingles(copyText(d));

/** The metadata a file states (HTML meta tags, front matter, Word's properties, a notice's 落款), over what the text suggests. */
function fromFile(m: FileMeta): Partial<DocumentMeta> {
  return {
    ...(m.author ? { author: m.author } : {}),
    ...(m.published ? { published: m.published } : {}),
    ...(m.publisher ? { publisher: m.publisher } : {}),
    ...(m.number ? { documentNumber: m.number } : {}),
  };
}

function withMarks(b: DraftBlock): UnidentifiedBlock {
  return b.type === 'heading' || b.type === 'paragraph' ? { ...b, marks: [] } : b;
}

/** The plain text of a block (for ids, search and script detection). */
export function blockText(b: UnidentifiedBlock): string {
  switch (b.type) {
    case 'heading':
    case 'paragraph':
      return b.text;
    case 'list':
      return b.items.join('\n');
    case 'table':
      return [b.header, ...b.rows].map((r) => r.join('\t')).join('\n');
  }
}

function simplifyBlock(b: Block): Block {
  switch (b.type) {
    case 'heading':
    case 'paragraph': {
      const text = simplify(b.text);
      // OpenCC maps character for character here; if a phrase changed length, drop the offsets.
      const marks = text.length === b.text.length ? b.marks.map((m) => ({ ...m, ...(m.original ? { original: simplify(m.original) } : {}) })) : [];
      return { ...b, text, marks };
    }
    case 'list':
      return { ...b, items: b.items.map(simplify) };
    case 'table':
      return { ...b, header: b.header.map(simplify), rows: b.rows.map((r) => r.map(simplify)) };
  }
}

