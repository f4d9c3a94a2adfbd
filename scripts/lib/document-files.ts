/**
 * One document's files in src/generated: its data (documents/<id>.json: the parts of /data/documents/ are made of these), what its reading
 * page reads of it (reading/<id>.json), its reading body as the page shows it (html/; a
 * traditional document's also in simplified script), and the lines its source page shows beside
 * the reading page's data (source/<id>.json). Written by the content build for a small corpus,
 * and by the pipeline's worker threads for a large one, each as soon as its document is processed
 * (pipeline-worker.ts): the same files either way.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { documentJson, originalFileName, type SiteLocation } from '../../src/generate/data.ts';
import { blocksToHtml } from '../../src/generate/body.ts';
import { readingData, type PageVariant } from '../../src/generate/page-data.ts';
import { pageCitations, type ReadingCitations } from '../../src/cite/page-citations.ts';
import { linkFirstMentions } from '../../src/generate/term-links.ts';
import { fullWidthHtmlCounted } from '../../src/lib/typography.ts';
import { termMatcher, type TermSpec } from '../../src/extract/terms.ts';
import type { ProcessedDocument } from '../../src/pipeline/types.ts';

/** What every document's files are written with (plain data: it goes to worker threads). */
export interface DocumentFilesSetup {
  outDir: string;
  location: SiteLocation;
  terms: TermSpec[];
  /** What a document's files depend on besides the document: the code, the site's location, the terms (its key begins with this). */
  pagesName: string;
  /** The key each document's files were last written under (src/generated/documents.json). */
  previous: Record<string, string>;
  /** The corpus folder: a document read from HTML, Markdown, Word or PDF has its original file served beside its data file. */
  corpusDir?: string;
}

const variantOf = (suffix: string): PageVariant => (suffix ? 'simplified' : 'original');

/** The key a document's files are made under: written again only when it changes. */
export const filesKey = (setup: Pick<DocumentFilesSetup, 'pagesName'>, digest: string) => `${setup.pagesName}-${digest}`;

/** A document's files, as paths under the content build's folder (with its original file when the corpus folder is given). */
export function documentFilePaths(setup: Pick<DocumentFilesSetup, 'corpusDir'>, d: Pick<ProcessedDocument, 'id' | 'simplifiedBlocks' | 'bytes' | 'reading'>): string[] {
  const original = setup.corpusDir ? originalFileName(d) : null;
  const variants = ['', ...(d.simplifiedBlocks ? ['.simplified'] : [])];
  return [`documents/${d.id}.json`, `reading/${d.id}.json`, `source/${d.id}.json`, ...(original ? [`data/documents/${original}`] : []), ...variants.map((v) => `html/${d.id}${v}.html`)];
}

/**
 * For a document (its id, digest and file paths): whether its files need writing (those there were
 * made under another key, or some are missing), and a function that writes them from the document.
 */
export function documentFiles(setup: DocumentFilesSetup) {
  const { outDir, location, terms } = setup;
  const findTerms = termMatcher(terms);
  const base = location.base.endsWith('/') ? location.base : `${location.base}/`;
  const termName = new Map(terms.map((t) => [t.id, t.term]));
  const withTermLinks = (html: string) => linkFirstMentions(html, findTerms, (id) => `${base}terms/${id}/`, (id) => `术语:${termName.get(id)}`);
  return (id: string, digest: string, paths: readonly string[]) => ({
    needed: setup.previous[id] !== filesKey(setup, digest) || !paths.every((p) => existsSync(join(outDir, p))),
    // Written at once (a thread's only work is these files; waiting for each write left it idle a tenth of the time).
    run(d: ProcessedDocument): void {
      const variants = [['', d.blocks], ...(d.simplifiedBlocks ? [['.simplified', d.simplifiedBlocks] as const] : [])] as const;
      const dataFile = join(outDir, 'documents', `${d.id}.json`);
      const original = setup.corpusDir ? originalFileName(d) : null;
      const json = documentJson(d, location);
      const bodies = variants.map(([suffix, blocks]) => [suffix, withTermLinks(withRetiredAnchors(blocksToHtml(blocks), d.retired))] as const);
      const citations: ReadingCitations = Object.fromEntries(bodies.map(([suffix, body]) => [variantOf(suffix), pageCitations(json, body, variantOf(suffix), location)]));
      // Each body as its reading page shows it, half-width marks beside Chinese set full-width (a display rule: search and the source page keep them as found).
      const shown = bodies.map(([suffix, body]) => [suffix, fullWidthHtmlCounted(body)] as const);
      const punctuation = Object.fromEntries(shown.map(([suffix, s]) => [variantOf(suffix), s.changed]));
      writeFileSync(dataFile, JSON.stringify(json));
      writeFileSync(join(outDir, 'reading', `${d.id}.json`), JSON.stringify(readingData(json, citations, punctuation)));
      writeFileSync(join(outDir, 'source', `${d.id}.json`), JSON.stringify(json.sourceLines));
      // Replaced, never changed in place, as the data files are (it is a hard link in the built site).
      if (original) {
        const originalFile = join(outDir, 'data', 'documents', original);
        writeFileSync(`${originalFile}.partial`, readFileSync(join(setup.corpusDir!, d.source)));
        renameSync(`${originalFile}.partial`, originalFile);
      }
      for (const [suffix, body] of shown) writeFileSync(join(outDir, 'html', `${d.id}${suffix}.html`), body.html);
    },
  });
}

/**
 * Anchors for retired paragraph ids, just before the paragraph that took their place, so an old
 * `#p-…` link still lands where its paragraph was (with or without JavaScript).
 */
export function withRetiredAnchors(html: string, retired: Record<string, string | null>): string {
  const before = new Map<string, string[]>();
  for (const [old, successor] of Object.entries(retired)) before.set(successor ?? '', [...(before.get(successor ?? '') ?? []), old]);
  const anchors = (ids: string[]) => ids.map((id) => `<span id="p-${id}" class="retired-anchor"></span>`).join('');
  let out = html;
  for (const [successor, olds] of before) {
    const at = successor ? out.indexOf(` id="p-${successor}"`) : -1;
    const start = at >= 0 ? out.lastIndexOf('<', at) : 0;
    out = out.slice(0, start) + anchors(olds) + out.slice(start);
  }
  return out;
}
