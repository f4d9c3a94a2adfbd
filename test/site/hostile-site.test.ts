/** A hostile corpus builds: each file becomes a clean page or a clear message, and nothing runs. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildIn, copyProject, type BuildOutput } from '../helpers/build.ts';
import { makeHostileCorpus } from '../helpers/hostile.ts';

let out: BuildOutput;
let written: string[] = [];

/** Files under a folder (not following node_modules), with their modification times. */
function files(dir: string): Map<string, number> {
  const out = new Map<string, number>();
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.name === 'node_modules') continue;
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.set(relative(dir, p), statSync(p).mtimeMs);
    }
  };
  walk(dir);
  return out;
}
let corpus: { documents: { id: string; source: string; encoding: string; title: string }[]; skipped: { source: string; reason: string; kind: string }[]; retired: { id: string }[] };

beforeAll(() => {
  const dir = makeHostileCorpus();
  const corpusBefore = files(dir);
  const project = copyProject();
  const projectBefore = files(project);
  out = buildIn(project, dir);
  // What the build wrote: only its outputs in the project (not even the bundled corpus's registry),
  // and in the corpus folder only its own registry (its id lockfile, in its curation folder).
  written = [...files(project)]
    .filter(([f, t]) => projectBefore.get(f) !== t)
    .map(([f]) => f)
    .filter((f) => !/^(dist|src\/generated|\.cache|\.astro)\//.test(f));
  const corpusAfter = files(dir);
  for (const [f, t] of corpusAfter) if (corpusBefore.get(f) !== t && f !== 'curation/registry.json') written.push(`the corpus's ${f}`);
  for (const f of corpusBefore.keys()) if (!corpusAfter.has(f)) written.push(`the corpus's ${f} (removed)`);
  expect(corpusAfter.has('curation/registry.json')).toBe(true);
  corpus = JSON.parse(readFileSync(join(out.dir, 'dist', 'data', 'corpus.json'), 'utf8'));
}, 600_000);

const bySource = (name: string) => corpus.documents.find((d) => d.source === name);
/** A page's text without its tags (a term's link splits the words it names). */
const visible = (page: string) => page.replace(/<[^>]*>/g, '');
/** A reading page, its colons as the source wrote them (reading views set `:` beside Chinese full-width: a display rule, not what these tests are about). */
const html = (id: string) => readFileSync(join(out.dir, 'dist', 'docs', id, 'index.html'), 'utf8').replaceAll('：', ':');

describe('a hostile corpus', () => {
  it('skips empty, whitespace-only and binary files with a one-line reason naming the file', () => {
    const skipped = Object.fromEntries(corpus.skipped.map((s) => [s.source, s.kind]));
    expect(skipped).toMatchObject({ 'empty.txt': 'empty', 'whitespace.txt': 'empty', 'random.bin': 'binary' });
    expect(out.log).toMatch(/\[skipped\] empty\.txt: the file is empty/);
    expect(out.log).toMatch(/\[skipped\] random\.bin: .*binary/);
  });

  it('refuses each unreadable file of another format with one line naming it and the reason, and builds the rest', () => {
    const skipped = Object.fromEntries(corpus.skipped.map((s) => [s.source, s.kind]));
    expect(skipped).toMatchObject({
      'encrypted.pdf': 'encrypted',
      'scan.pdf': 'no-text-layer',
      'broken.pdf': 'broken',
      'empty.pdf': 'empty',
      'not-a-zip.docx': 'binary',
      'image.docx': 'unsupported',
      'redirect.html': 'redirect',
    });
    expect(out.log).toMatch(/^\[skipped\] encrypted\.pdf: the PDF is encrypted and needs a password to open$/m);
    expect(out.log).toMatch(/^\[skipped\] scan\.pdf: the PDF has no text layer .*OCR.*$/m);
    expect(out.log).toMatch(/^\[skipped\] broken\.pdf: the PDF cannot be read .*$/m);
    expect(out.log).toMatch(/^\[skipped\] not-a-zip\.docx: not a Word \.docx \(not a ZIP archive.*$/m);
    expect(out.log).toMatch(/^\[skipped\] image\.docx: not a Word \.docx .*it is a PNG image, which is not read$/m);
    expect(out.log).toMatch(/^\[skipped\] redirect\.html: the page only redirects to https:\/\/example\.org\/new-place; it has no text of its own$/m);
  });

  it('reads a file whose extension lies by what its bytes are, and says so in one line', () => {
    expect(out.log).toMatch(/^\[warning\] page-saved-as\.pdf: not a PDF \(no %PDF- header\); its bytes are an HTML page, read as such$/m);
    expect(out.log).toMatch(/^\[warning\] notes-saved-as\.docx: not a Word \.docx .*its bytes are plain text, read as such$/m);
    const page = html(bySource('page-saved-as.pdf')!.id);
    expect(visible(page)).toContain('第1段:医联体建设');
    expect(page).not.toContain('alert(1)');
    expect(bySource('page-saved-as.pdf')!.title).toBe('扩展名写错的网页');
  });

  it('shows an HTML page\'s text, never its markup or scripts, and serves the original as text', () => {
    const doc = bySource('page.html')!;
    const page = html(doc.id);
    expect(visible(page)).toContain('第4段:医联体建设');
    expect(page).not.toContain('document.title="pwned"');
    expect(page).not.toMatch(/<script>document\.title/);
    expect(page).toContain(`href="/data/documents/${doc.id}.html.txt"`);
    expect(existsSync(join(out.dir, 'dist', 'data', 'documents', `${doc.id}.html.txt`))).toBe(true);
    expect(existsSync(join(out.dir, 'dist', 'data', 'documents', `${doc.id}.html`))).toBe(false);
  });

  it('decodes every encoding into readable text', () => {
    expect(bySource('gbk.txt')?.encoding).toBe('gb18030');
    expect(bySource('big5.txt')?.encoding).toBe('big5');
    expect(bySource('utf16le-bom.txt')?.encoding).toBe('utf-16le');
    expect(bySource('utf8-bom-crlf.txt')?.encoding).toBe('utf-8');
    expect(html(bySource('gbk.txt')!.id)).toContain('医联体是分级诊疗。');
    expect(html(bySource('big5.txt')!.id)).toContain('醫聯體是分級診療。');
    // (As a reading page sets it: the colon between Chinese full-width.)
    expect(html(bySource('utf16le-bom.txt')!.id)).toContain('第19段:医联体建设');
  });

  it('builds pages for the huge, the one-line and the awkwardly named documents', () => {
    expect(html(bySource('huge-8mb.txt')!.id)).toContain('第1000段');
    expect(html(bySource('one-line.txt')!.id)).toContain('医联体医联体');
    expect(html(bySource('医联体 报告 (终稿) & 附件#1.txt')!.id)).toContain('这是一个文件名很别扭的文档。');
  });

  it('lists exact and near-identical copies once, saying which document they repeat', () => {
    const skipped = Object.fromEntries(corpus.skipped.map((s) => [s.source, s]));
    expect(skipped['copy of 000.txt']).toMatchObject({ kind: 'duplicate', reason: expect.stringMatching(/^the same bytes as 000_0a541419aa7a6cf2\.txt/) });
    expect(skipped['near-duplicate-001.txt']).toMatchObject({ kind: 'duplicate', reason: expect.stringMatching(/^nearly the same text as 001_22c9feea7e663964\.txt/) });
    expect(bySource('000_0a541419aa7a6cf2.txt')).toBeDefined();
  });

  it('renders injection attempts as text: no live element, attribute or code from the corpus', () => {
    const page = html(bySource('injection.txt')!.id);
    // The document's text: the body, up to what the page adds after it (the page's own script comes after).
    const body = page.slice(page.indexOf('<div class="body">'), page.indexOf('<div class="after-text">'));
    expect(body.length).toBeGreaterThan(500);
    expect(body).not.toMatch(/<(script|iframe|style|img)\b/i);
    expect(body).not.toMatch(/<[^>]+\son[a-z]+=/i);
    expect(body).not.toMatch(/<a [^>]*href="(javascript|data):/i);
    // Exactly the source's characters: straight quotes stay straight (no smart punctuation).
    const text = body.replace(/&quot;/g, '"');
    expect(text).toContain('&lt;script&gt;document.title = "pwned"&lt;/script&gt;');
    // (The first line may be taken for the title: it is shown, as text, as the title.)
    expect(page.replace(/&quot;/g, '"')).toContain('import fs from "node:fs"');
    expect(text).toContain('&lt;img src=x onerror="alert(1)"&gt;');
    expect(body).not.toMatch(/[“”]alert/);
    expect(body).toContain('{process.exit(1)}');
    expect(existsSync(join(out.dir, 'PWNED'))).toBe(false);
    // Only the build's own outputs were written: nothing else in the project, nothing in the corpus.
    expect(written).toEqual([]);
    expect(readdirSync(out.dir)).not.toContain('PWNED');
  });
});
