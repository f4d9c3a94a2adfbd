/**
 * Adding an extractor is its record and one line in the registry (src/extractors/index.ts): a toy
 * one, "the questions the documents ask", written into a copy of the project, gets its per-document
 * results, its merge, its data file and its own page with no other change anywhere.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildIn, copyProject } from '../helpers/build.ts';

const TOY = `/** A toy extractor: the questions the documents ask. */
import { extractor } from './extractor.ts';

export const questions = extractor({
  name: 'questions',
  ofDocument: () => (r) => r.sentences().filter((s) => /[?？]$/.test(s.text)).map((s) => ({ ...s, start: 0, end: s.text.length })),
  merge: (results) => [...results].flat(),
  outputs: (qs) => [{ path: 'data/questions.json', json: { questions: qs } }],
  listing: (qs) => ({ title: '文中的设问', entries: qs.map((q, i) => ({ id: String(i), name: q.text, mentions: [q] })) }),
  summary: (qs) => \`[questions] \${qs.length} questions\`,
});
`;

describe('an extractor added through the registry alone', () => {
  let dir = '';
  let log = '';
  beforeAll(() => {
    dir = copyProject();
    writeFileSync(join(dir, 'src', 'extractors', 'questions.ts'), TOY);
    const index = join(dir, 'src', 'extractors', 'index.ts');
    const registry = readFileSync(index, 'utf8');
    const added = registry.replace(/^(import [^\n]*\n)(?!import)/m, "$1import { questions } from './questions.ts';\n").replace(/(export const EXTRACTORS[^=]*= \[)/, '$1questions, ');
    expect(added).not.toBe(registry);
    writeFileSync(index, added);
    log = buildIn(dir, join(dir, 'seeds')).log;
  }, 600_000);

  it('runs its merge and writes its data file', () => {
    expect(log).toMatch(/\[questions\] [1-9]\d* questions/);
    const data = JSON.parse(readFileSync(join(dir, 'dist', 'data', 'questions.json'), 'utf8')) as { questions: { text: string; doc: string }[] };
    expect(data.questions.length).toBeGreaterThan(0);
    expect(data.questions.every((q) => /[?？]$/.test(q.text))).toBe(true);
  });

  it('has its own page, each question linked to its paragraph', () => {
    const page = readFileSync(join(dir, 'dist', 'questions', 'index.html'), 'utf8');
    expect(page).toContain('<title>文中的设问');
    expect(page).toMatch(/<a href="\/docs\/\w+\/#p-\w+">/);
  });
});
