/**
 * Time per format: a 50-page PDF (printed by Chromium from the test notice's paragraphs, with a CJK
 * font), a 2 MB HTML page (a government page's chrome around 2 MB of paragraphs and tables), a 1 MB
 * Markdown note and a 1 MB Word file, each read (src/read/) and taken through the pipeline alone.
 * Prints one JSON line: per format, its size, the read time and the pipeline's time (read included).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { zipSync, strToU8 } from 'fflate';
import { chromium } from 'playwright-core';
import { read } from '../../src/read/index.ts';
import { processCorpus } from '../../src/pipeline/corpus.ts';

const root = join(import.meta.dirname, '..', '..');
const notice = readFileSync(join(root, 'test', 'fixtures', 'formats', 'pdf', 'notice.html'), 'utf8');
const paragraphs = [...notice.matchAll(/<p>([^<]{40,})<\/p>/g)].map((m) => m[1]!);
const para = (i: number) => `${paragraphs[i % paragraphs.length]!.replace(/。/, `。(第${i}段)`)}`;

async function pdfOfPages(pages: number, dir: string): Promise<Uint8Array> {
  const html = join(dir, 'long.html');
  let body = '';
  for (let i = 0; i < pages * 5; i++) body += `${i % 12 === 0 ? `<h2>${'一二三四五六七八九'[(i / 12) % 9]}、第${i / 12 + 1}部分</h2>` : ''}<p>${para(i)}</p>\n`;
  writeFileSync(html, notice.replace(/<body>[\s\S]*<\/body>/, `<body><h1>长文档的标题</h1>${body}</body>`));
  const userDataDir = mkdtempSync(join(tmpdir(), 'kb-bench-pdf-'));
  const context = await chromium.launchPersistentContext(userDataDir, { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  try {
    const page = await context.newPage();
    await page.goto(pathToFileURL(html).href);
    return new Uint8Array(await page.pdf({ preferCSSPageSize: true, displayHeaderFooter: true, headerTemplate: '<span></span>', footerTemplate: '<div style="font-size:10pt;width:100%;text-align:center">— <span class="pageNumber"></span> —</div>' }));
  } finally {
    await context.close();
    rmSync(userDataDir, { recursive: true, force: true });
  }
}

function htmlPage(bytes: number): Uint8Array {
  const page = readFileSync(join(root, 'test', 'fixtures', 'dev-web', 'docs', '11-gov-fenji-zhenliao-2015.html'), 'utf8');
  let body = '';
  for (let i = 0; Buffer.byteLength(body) < bytes; i++) {
    body += i % 40 === 0 ? `<p><strong>${i / 40 + 1}、第${i / 40 + 1}部分</strong></p><table><tr><th>指标</th><th>数值</th></tr><tr><td>第${i}项</td><td>${i}%</td></tr></table>\n` : `<p>${para(i)}</p>\n`;
  }
  return new Uint8Array(Buffer.from(page.replace(/(<div class="pages_content" id="UCAP-CONTENT">)[\s\S]*?(<\/div>\s*<div class="editor">)/, `$1${body}$2`)));
}

function markdown(bytes: number): Uint8Array {
  let text = '---\ntitle: 长笔记\ndate: 2024-01-01\n---\n\n# 长笔记\n\n';
  for (let i = 0; Buffer.byteLength(text) < bytes; i++) text += i % 30 === 0 ? `## 第${i / 30 + 1}节\n\n| 项目 | 数值 |\n| --- | --- |\n| 第${i}项 | ${i} |\n\n- 要点一\n- 要点二\n\n` : `${para(i)}\n\n`;
  return new Uint8Array(Buffer.from(text));
}

function docx(bytes: number): Uint8Array {
  const w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
  let body = '<w:p><w:pPr><w:pStyle w:val="Title"/></w:pPr><w:r><w:t>长报告</w:t></w:r></w:p>';
  for (let i = 0; body.length * 2 < bytes; i++) body += i % 30 === 0 ? `<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>第${i / 30 + 1}章</w:t></w:r></w:p>` : `<w:p><w:r><w:t>${para(i)}</w:t></w:r></w:p>`;
  const styles = `<w:styles ${w}><w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/></w:style><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/></w:style></w:styles>`;
  return zipSync({ 'word/document.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:document ${w}><w:body>${body}</w:body></w:document>`), 'word/styles.xml': strToU8(styles), '[Content_Types].xml': strToU8('<Types/>') });
}

async function measure(name: string, bytes: Uint8Array) {
  const t0 = performance.now();
  const r = await read({ name, bytes });
  const readMs = performance.now() - t0;
  if ('reason' in r) throw new Error(`${name}: ${r.reason}`);
  const t1 = performance.now();
  const result = await processCorpus([{ name, bytes }], { documents: [] }, { documents: {} }, { today: '2026-01-01' });
  const pipelineMs = performance.now() - t1;
  const d = result.documents[0];
  return { name, bytes: bytes.length, readMs: Math.round(readMs), pipelineMs: Math.round(pipelineMs), blocks: d?.blocks.length ?? 0, pages: r.parts.length };
}

const dir = mkdtempSync(join(tmpdir(), 'kb-bench-formats-'));
try {
  const results = [];
  results.push(await measure('long.pdf', await pdfOfPages(50, dir)));
  results.push(await measure('page.html', htmlPage(2 * 1024 * 1024)));
  results.push(await measure('notes.md', markdown(1024 * 1024)));
  results.push(await measure('report.docx', docx(1024 * 1024)));
  console.log(JSON.stringify(results));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
