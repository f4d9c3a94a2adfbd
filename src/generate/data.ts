/** The public data files: /data/corpus.json and /data/documents/<id>.json. */
import { memo } from '../lib/memo.ts';
import { blockText } from '../pipeline/document.ts';
import type { RegistryEntry } from '../pipeline/identify.ts';
import type { ProcessedDocument, SkippedFile } from '../pipeline/types.ts';

/** The largest original file the site serves (Cloudflare Pages' limit per file); a larger one is named, not served. */
export const MAX_SERVED_BYTES = 25 * 1024 * 1024;
/** Extensions the originals are served under: an HTML page as text, so its scripts never run on this site. */
const ORIGINAL_EXTENSION = { html: '.html.txt', markdown: '.md', docx: '.docx', pdf: '.pdf' } as const;

/**
 * The name of a document's original file beside its data file (/data/documents/<name>), for the
 * formats whose source is not its text (HTML, Markdown, Word, PDF); null for plain text, whose
 * source view is the original, and for a file too large to serve.
 */
export function originalFileName(d: Pick<ProcessedDocument, 'id' | 'bytes' | 'reading'>): string | null {
  if (!d.reading || d.bytes > MAX_SERVED_BYTES) return null;
  return `${d.id}${ORIGINAL_EXTENSION[d.reading.format]}`;
}

export interface SiteLocation {
  /** Absolute site URL, e.g. https://kb.example.cn; '' when none is configured: links are then site-relative (/docs/abc/). */
  site: string;
  /** Base path, '/' or '/kb/'. */
  base: string;
}

/** The absolute URL of a path on the site; without a configured site URL, the path from the host's root (never a made-up domain). */
export function absoluteUrl(loc: SiteLocation, path: string): string {
  const base = loc.base.endsWith('/') ? loc.base : `${loc.base}/`;
  const url = new URL(base.replace(/^\/?/, '/') + path.replace(/^\//, ''), loc.site || 'http://site.invalid');
  return loc.site ? url.href : url.href.slice(url.origin.length);
}

/** The site's documents folder as an absolute URL, worked out once per location (a large corpus links hundreds of thousands of paragraphs). */
const docsRoot = memo((loc: SiteLocation) => absoluteUrl(loc, 'docs/'), 16);

/**
 * A paragraph's absolute URL: the same as absoluteUrl(loc, `docs/<doc>/#p-<paragraph>`) for ids
 * made of URL-safe characters (ours are [a-z0-9]); any other id goes through the URL parser.
 */
export function paragraphUrl(loc: SiteLocation, doc: string, paragraph: string): string {
  if (!/^[a-z0-9]+$/.test(doc) || !/^[a-z0-9]+$/.test(paragraph)) return absoluteUrl(loc, `docs/${doc}/#p-${paragraph}`);
  return `${docsRoot(loc)}${doc}/#p-${paragraph}`;
}

/** Documents per part of /data/documents/, about (scripts/lib/document-parts.ts). */
export const PART_DOCUMENTS = 32;

/** How many parts /data/documents/ has for a corpus of `documents` (or another list by document, of `perPart` documents a part): a power of two, about PART_DOCUMENTS documents each. */
export function partCount(documents: number, perPart = PART_DOCUMENTS): number {
  let parts = 1;
  while (parts * perPart < documents) parts *= 2;
  return parts;
}

/**
 * The part of /data/documents/ that holds a document (`part-0f`), or of another list by document
 * (`perPart`): by a hash of its id (FNV-1a), so that it stays put while the corpus grows, until the
 * part count doubles.
 */
export function documentPart(id: string, documents: number, perPart = PART_DOCUMENTS): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193) >>> 0;
  const parts = partCount(documents, perPart);
  return `part-${(h & (parts - 1)).toString(16).padStart(Math.max(1, (parts - 1).toString(16).length), '0')}`;
}

/** One entry of /data/corpus.json. */
export function corpusEntry(d: ProcessedDocument, loc: SiteLocation) {
  return {
    id: d.id,
    title: d.meta.title,
    titleSource: d.meta.titleSource,
    author: d.meta.author,
    published: d.meta.published,
    publisher: d.meta.publisher,
    editor: d.meta.editor,
    originalTitle: d.meta.originalTitle,
    documentNumber: d.meta.documentNumber,
    source: d.source,
    sha256: d.sha256,
    bytes: d.bytes,
    encoding: d.encoding,
    script: d.script,
    datesTrusted: d.datesTrusted,
    added: d.added,
    url: absoluteUrl(loc, `docs/${d.id}/`),
    characters: d.blocks.reduce((n, b) => n + blockText(b).length, 0),
    blocks: d.blocks.length,
    cleaning: {
      removed: d.cleaning.removed.length,
      repaired: d.cleaning.repaired.length,
      flagged: d.cleaning.flagged.length,
    },
    notes: d.cleaning.notes,
    ...(d.reading ? readingEntry(d, loc) : {}),
  };
}

/** What a corpus entry says of a document read from HTML, Markdown, Word or PDF: its format, the original file served here, the original's own URL. */
function readingEntry(d: ProcessedDocument, loc: SiteLocation) {
  const name = originalFileName(d);
  return {
    format: d.reading!.format,
    ...(name ? { original: absoluteUrl(loc, `data/documents/${name}`) } : {}),
    ...(d.reading!.url ? { originalUrl: d.reading!.url } : {}),
  };
}

export type CorpusEntry = ReturnType<typeof corpusEntry>;

/** /data/corpus.json: the documents (their corpusEntry), the files skipped, and the ids that no longer have a page of their own. */
export function corpusJson(entries: CorpusEntry[], skipped: SkippedFile[], retired: RegistryEntry[]) {
  return {
    documents: entries,
    skipped,
    retired: retired.map((e) => ({ id: e.id, source: e.source, ...(e.mergedInto ? { mergedInto: e.mergedInto } : { removed: true }) })),
  };
}

/** /data/documents/<id>.json: the cleaned blocks and the whole cleaning report. */
export function documentJson(d: ProcessedDocument, loc: SiteLocation) {
  return {
    ...corpusEntry(d, loc),
    blocks: d.blocks.map((b) => ({ ...b, text: blockText(b), url: paragraphUrl(loc, d.id, b.id) })),
    cleaning: d.cleaning,
    retired: d.retired,
    ...(d.reading ? { reading: d.reading } : {}),
    /** The decoded source, one entry per line, as the source view shows it. */
    sourceLines: d.sourceLines,
  };
}
