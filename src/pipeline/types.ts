/** Data passed between pipeline stages. Every stage is a pure function of these types. */
import type { Encoding, ReadingReport, SourceFile } from '../read/types.ts';

/** A document id: short, opaque, lowercase, assigned once (see identify.ts). */
export type DocumentId = string & { readonly __brand: 'DocumentId' };
/** A paragraph (block) id, unique within its document, used as `#p-<id>`. */
export type BlockId = string & { readonly __brand: 'BlockId' };

export type { Encoding, SourceFile };

/** A line of text with its 1-based line number in the (line-ending-normalised) source. */
export interface Line {
  n: number;
  text: string;
  /** Columns of whitespace the line began with before it was trimmed (a full-width space is two): a paragraph's first line in plain text and PDF extractions. */
  indent?: number;
  /** Source lines this line's text continues onto, joined to it because they were hard-wrapped (unwrap.ts). */
  joined?: number[];
  /** Its parts, when the raw line set them apart with tabs or runs of spaces as a text table's row does (normalise.ts cellsOf); `text` is them joined by one space. */
  cells?: string[];
}

/** A change made to a line by a repair or an erratum. */
export interface Repair {
  line: number;
  kind: 'ruby' | 'entity' | 'erratum' | 'unwrap' | 'dateline';
  before: string;
  after: string;
  /** For errata: why the editor made the correction. */
  note?: string;
}

/** A span of text that looks destroyed (mis-encoding, runs of `?`) and that no rule could restore. */
export interface Flag {
  line: number;
  text: string;
  reason: string;
}

/** Why a line was removed during cleaning. */
export type RemovalReason =
  | 'site-chrome'
  | 'navigation'
  | 'counter'
  | 'advertisement'
  | 'caption'
  | 'post-header'
  | 'separator'
  | 'repeated-in-document'
  | 'legal-block'
  | 'site-notice'
  | 'template-placeholder'
  | 'image-placeholder'
  | 'promotion'
  | 'footer'
  | 'reader-comment'
  | 'download-disclaimer'
  | 'contact'
  | 'link-list'
  | 'repeated-across-documents'
  | 'page-number'
  | 'running-header'
  | 'table-of-contents';

export interface Removal {
  line: number;
  text: string;
  reason: RemovalReason;
}

/** A line taken out of the text into the document's metadata: its title, or a byline, date, source, editor … */
export interface MovedLine {
  line: number;
  text: string;
  to: 'title' | 'metadata';
}

/** Inline annotation on a block's text: an editorial correction or a damaged span. */
export interface Mark {
  kind: 'correction' | 'damaged';
  start: number;
  end: number;
  /** For corrections: the text as found in the source. */
  original?: string;
  note?: string;
}

interface BlockBase {
  id: BlockId;
  /** Source line numbers the block came from. */
  lines: number[];
}
export interface HeadingBlock extends BlockBase {
  type: 'heading';
  level: 2 | 3 | 4;
  text: string;
  marks: Mark[];
}
export interface ParagraphBlock extends BlockBase {
  type: 'paragraph';
  text: string;
  marks: Mark[];
}
export interface ListBlock extends BlockBase {
  type: 'list';
  /** 'contents' marks a source's own table of contents. */
  role?: 'contents';
  items: string[];
}
export interface TableBlock extends BlockBase {
  type: 'table';
  header: string[];
  rows: string[][];
  /** What the reader should know about how the table was recovered. */
  note?: string;
}
export type Block = HeadingBlock | ParagraphBlock | ListBlock | TableBlock;
/** A block before identify gave it an id. */
export type UnidentifiedBlock = Block extends infer B ? (B extends Block ? Omit<B, 'id'> : never) : never;
export type BlockType = Block['type'];

/** Metadata the text itself gives about the document. */
export interface DocumentMeta {
  title: string;
  /** Where the title came from: the text's own title line, split title lines joined, the first sentence, errata, or the file's own metadata (HTML, Markdown, Word, PDF). */
  titleSource: 'title-line' | 'joined-lines' | 'first-sentence' | 'erratum' | 'file';
  author: string | null;
  /** YYYY-MM-DD (or YYYY-MM / YYYY when only that is known), from the page's own metadata lines only. */
  published: string | null;
  /** The site, account or body that published the page (`来源:`, a WeChat account, a notice's issuer, the site's name). */
  publisher: string | null;
  /** `编辑:`/`责任编辑:`. */
  editor: string | null;
  /** `原标题:`, when a page retitled what it reprinted. */
  originalTitle: string | null;
  /** An official document's number (`医保发〔2021〕48号`). */
  documentNumber: string | null;
}

export type Script = 'simplified' | 'traditional';

/** A cleaning report: everything the pipeline changed, for the reader to inspect. */
export interface CleaningReport {
  removed: Removal[];
  /** Title and metadata lines, moved out of the text into the document's metadata. */
  moved: MovedLine[];
  repaired: Repair[];
  flagged: Flag[];
  /** Blank or whitespace-only lines dropped (counted, not listed). */
  blankLines: number;
  normalised: { lineEndings: number; nbsp: number; ideographicSpaces: number; controlChars: number; zeroWidth: number };
  /** Free-text notes about the document's quality (e.g. untrusted dates, truncation). */
  notes: QualityNote[];
}

export interface QualityNote {
  kind: 'untrusted-dates' | 'truncated' | 'title-inferred' | 'table-recovered' | 'missing-figures' | 'damaged-text' | 'errata' | 'spun-text' | 'misconverted';
  text: string;
}

/** One processed document: what every later stage and every page reads. */
export interface ProcessedDocument {
  id: DocumentId;
  /** Date the document entered the corpus (the access date for citations). */
  added: string;
  source: string;
  sha256: string;
  bytes: number;
  encoding: Encoding;
  script: Script;
  meta: DocumentMeta;
  datesTrusted: boolean;
  /** Paragraph ids that no longer exist -> the surviving paragraph nearest to where they were. */
  retired: Record<string, BlockId | null>;
  blocks: Block[];
  /** Blocks rendered in simplified script (only for traditional documents). */
  simplifiedBlocks?: Block[];
  /** The decoded, normalised source lines, for the source view. */
  sourceLines: string[];
  cleaning: CleaningReport;
  /** For a file read from HTML, Markdown, Word or PDF: its format, its original URL and what the reader left out (src/read/). */
  reading?: ReadingReport;
}

/** What extraction (events, figures, terms, indexes, models) reads of a document. */
export type DocumentText = Pick<ProcessedDocument, 'id' | 'blocks' | 'meta' | 'datesTrusted'>;

/** A corpus file the pipeline could not turn into a page, with the reason. */
export interface SkippedFile {
  source: string;
  reason: string;
  kind: 'empty' | 'binary' | 'too-large' | 'undecodable' | 'no-content' | 'duplicate' | 'error' | 'unsupported' | 'encrypted' | 'broken' | 'redirect' | 'no-text-layer';
}
