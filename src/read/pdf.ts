/**
 * PDF reader, on pdf.js (`pdfjs-dist`) with the CJK character maps and standard fonts shipped inside
 * the package (nothing is downloaded): each page's text items, laid out as lines by pdf-layout.ts;
 * the title from the largest lines of the first page (the document information's Title only when the
 * text bears it out: it is often a file name); an encrypted, broken or image-only PDF is refused with
 * the reason.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { layOut, type PageItems } from './pdf-layout.ts';
import { titleLines } from './official.ts';
import type { Reading, Refusal } from './types.ts';

const packageDir = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjs: Promise<PdfJs> | undefined;
/** pdf.js, loaded on the first PDF (a corpus without PDFs never loads it). */
const load = () => (pdfjs ??= import(pathToFileURL(join(packageDir, 'legacy/build/pdf.mjs')).href) as Promise<PdfJs>);

/** Read a PDF. */
export async function readPdf(bytes: Uint8Array): Promise<Reading | Refusal> {
  const { getDocument } = await load();
  // pdf.js takes the buffer over: give it a copy.
  const task = getDocument({
    data: bytes.slice(),
    cMapUrl: `${join(packageDir, 'cmaps')}/`,
    cMapPacked: true,
    standardFontDataUrl: `${join(packageDir, 'standard_fonts')}/`,
    useSystemFonts: false,
    disableFontFace: true,
    verbosity: 0,
  });
  let doc: Awaited<typeof task.promise>;
  try {
    doc = await task.promise;
  } catch (err) {
    const e = err as Error;
    await task.destroy().catch(() => {});
    if (e.name === 'PasswordException') return { kind: 'encrypted', reason: 'the PDF is encrypted and needs a password to open' };
    return { kind: 'broken', reason: `the PDF cannot be read (${e.message || e.name})` };
  }
  try {
    const pages: PageItems[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const { width, height } = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      const items = content.items.flatMap((it) => ('str' in it && it.str ? [{ str: it.str, x: it.transform[4] as number, y: it.transform[5] as number, width: it.width, size: Math.hypot(it.transform[2] as number, it.transform[3] as number) || (it.height as number) }] : []));
      pages.push({ width, height, items });
      page.cleanup();
    }
    if (pages.every((p) => p.items.every((i) => !i.str.trim()))) {
      return { kind: 'no-text-layer', reason: `the PDF has no text layer (${doc.numPages} ${doc.numPages === 1 ? 'page' : 'pages'} of images: a scan?); text recognition (OCR) is not done` };
    }
    const { out, dropped, parts } = layOut(pages);
    const info = ((await doc.getMetadata().catch(() => null))?.info ?? {}) as Record<string, unknown>;
    const infoTitle = typeof info.Title === 'string' ? info.Title.trim() : '';
    const squeeze = (s: string) => s.replace(/\s+/g, '');
    for (const n of titleLines(out.lines, out.hints)) out.hints[n] = { ...out.hints[n], heading: 1 };
    const meta = { ...(infoTitle && squeeze(out.text).includes(squeeze(infoTitle)) && infoTitle.length >= 4 ? { title: infoTitle } : {}) };
    return { format: 'pdf', text: out.text, encoding: 'utf-8', hints: out.hints, meta, dropped, parts, notes: [] };
  } catch (err) {
    return { kind: 'broken', reason: `the PDF cannot be read (${(err as Error).message})` };
  } finally {
    await task.destroy();
  }
}
