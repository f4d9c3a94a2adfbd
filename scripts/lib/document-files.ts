/**
 * One document's files in src/generated: its data file (/data/documents/<id>.json), what its reading
 * page reads of it (reading/<id>.json), its MDX export and its reading body (mdx/, html/; a
 * traditional document also in simplified script). Written by the content build for a small corpus,
 * and by the pipeline's worker threads for a large one, each as soon as its document is processed
 * (pipeline-worker.ts): the same files either way.
 */
import { existsSync } from 'node:fs';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { documentJson, originalFileName, type SiteLocation } from '../../src/generate/data.ts';
import { blocksToHtml } from '../../src/generate/body.ts';
import { documentToMdx } from '../../src/generate/mdx.ts';
import { readingData } from '../../src/generate/page-data.ts';
import { linkFirstMentions } from '../../src/generate/term-links.ts';
import { termMatcher, type TermSpec } from '../../src/extract/terms.ts';
import type { ProcessedDocument } from '../../src/pipeline/types.ts';
import { replaceFile } from './data-files.ts';

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

/** The key a document's files are made under: written again only when it changes. */
export const filesKey = (setup: Pick<DocumentFilesSetup, 'pagesName'>, digest: string) => `${setup.pagesName}-${digest}`;

/** A function that writes a document's files unless the ones there were made under the same key; it tells whether it wrote them. */
export function documentFiles(setup: DocumentFilesSetup): (d: ProcessedDocument, digest: string) => Promise<boolean> {
  const { outDir, location, terms } = setup;
  const findTerms = termMatcher(terms);
  const base = location.base.endsWith('/') ? location.base : `${location.base}/`;
  const termName = new Map(terms.map((t) => [t.id, t.term]));
  const withTermLinks = (html: string) => linkFirstMentions(html, findTerms, (id) => `${base}terms/${id}/`, (id) => `术语:${termName.get(id)}`);
  return async (d, digest) => {
    const variants = [['', d.blocks], ...(d.simplifiedBlocks ? [['.simplified', d.simplifiedBlocks] as const] : [])] as const;
    const dataFile = join(outDir, 'data', 'documents', `${d.id}.json`);
    const readingFile = join(outDir, 'reading', `${d.id}.json`);
    const original = setup.corpusDir ? originalFileName(d) : null;
    const originalFile = original ? join(outDir, 'data', 'documents', original) : null;
    const files = [dataFile, readingFile, ...(originalFile ? [originalFile] : []), ...variants.flatMap(([suffix]) => [join(outDir, 'mdx', `${d.id}${suffix}.mdx`), join(outDir, 'html', `${d.id}${suffix}.html`)])];
    if (setup.previous[d.id] === filesKey(setup, digest) && files.every((f) => existsSync(f))) return false;
    const json = documentJson(d, location);
    // The data file is a hard link in the built site: replaced, never changed in place (data-files.ts).
    await replaceFile(dataFile, JSON.stringify(json));
    await writeFile(readingFile, JSON.stringify(readingData(json)));
    // Replaced, never changed in place, as the data files are (it is a hard link in the built site).
    if (originalFile) {
      await writeFile(`${originalFile}.partial`, await readFile(join(setup.corpusDir!, d.source)));
      await rename(`${originalFile}.partial`, originalFile);
    }
    for (const [suffix, blocks] of variants) {
      await writeFile(join(outDir, 'mdx', `${d.id}${suffix}.mdx`), documentToMdx(blocks));
      await writeFile(join(outDir, 'html', `${d.id}${suffix}.html`), withTermLinks(withRetiredAnchors(blocksToHtml(blocks), d.retired)));
    }
    return true;
  };
}

/** The names of a document's files in each of their folders (what a folder keeps when the documents' files are tidied). */
export function documentFileNames(d: Pick<ProcessedDocument, 'id' | 'simplifiedBlocks' | 'bytes' | 'reading'>): string[] {
  const original = originalFileName(d);
  return [...(original ? [original] : []), `${d.id}.json`, `${d.id}.mdx`, `${d.id}.html`, ...(d.simplifiedBlocks ? [`${d.id}.simplified.mdx`, `${d.id}.simplified.html`] : [])];
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
