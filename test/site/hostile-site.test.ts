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
  const project = copyProject({ seedsContent: false });
  const projectBefore = files(project);
  out = buildIn(project, dir);
  // What the build wrote: only its outputs in the project, nothing in the corpus folder.
  written = [...files(project)]
    .filter(([f, t]) => projectBefore.get(f) !== t)
    .map(([f]) => f)
    .filter((f) => !/^(dist|src\/generated|\.cache|\.astro)\//.test(f) && f !== 'content/registry.json');
  const corpusAfter = files(dir);
  if ([...corpusAfter].some(([f, t]) => corpusBefore.get(f) !== t) || corpusAfter.size !== corpusBefore.size) written.push('the corpus folder changed');
  corpus = JSON.parse(readFileSync(join(out.dir, 'dist', 'data', 'corpus.json'), 'utf8'));
}, 600_000);

const bySource = (name: string) => corpus.documents.find((d) => d.source === name);
const html = (id: string) => readFileSync(join(out.dir, 'dist', 'docs', id, 'index.html'), 'utf8');

describe('a hostile corpus', () => {
  it('skips empty, whitespace-only and binary files with a one-line reason naming the file', () => {
    const skipped = Object.fromEntries(corpus.skipped.map((s) => [s.source, s.kind]));
    expect(skipped).toMatchObject({ 'empty.txt': 'empty', 'whitespace.txt': 'empty', 'random.bin': 'binary' });
    expect(out.log).toMatch(/\[skipped\] empty\.txt: the file is empty/);
    expect(out.log).toMatch(/\[skipped\] random\.bin: .*binary/);
  });

  it('decodes every encoding into readable text', () => {
    expect(bySource('gbk.txt')?.encoding).toBe('gb18030');
    expect(bySource('big5.txt')?.encoding).toBe('big5');
    expect(bySource('utf16le-bom.txt')?.encoding).toBe('utf-16le');
    expect(bySource('utf8-bom-crlf.txt')?.encoding).toBe('utf-8');
    expect(html(bySource('gbk.txt')!.id)).toContain('医联体是分级诊疗。');
    expect(html(bySource('big5.txt')!.id)).toContain('醫聯體是分級診療。');
    // (As a reading page sets it: the colon between Chinese full-width.)
    expect(html(bySource('utf16le-bom.txt')!.id)).toContain('第19段：医联体建设');
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
    expect(text).toContain('import fs from "node:fs"');
    expect(text).toContain('&lt;img src=x onerror="alert(1)"&gt;');
    expect(body).not.toMatch(/[“”]alert/);
    expect(body).toContain('{process.exit(1)}');
    expect(existsSync(join(out.dir, 'PWNED'))).toBe(false);
    // Only the build's own outputs were written: nothing else in the project, nothing in the corpus.
    expect(written).toEqual([]);
    expect(readdirSync(out.dir)).not.toContain('PWNED');
  });
});
