/** Citations match the reference strings of ../shared/fixtures/citations.json exactly. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { citations } from '../src/cite/formats.ts';
import { gbt7714 } from '../src/cite/gbt7714.ts';
import { splitName } from '../src/cite/names.ts';
import { ROOT } from './helpers/seeds.ts';

const shared = join(ROOT, '..', 'shared', 'fixtures', 'citations.json');
const local = join(ROOT, 'test', 'fixtures', 'citations.json');
const fixture = JSON.parse(readFileSync(existsSync(shared) ? shared : local, 'utf8'));
const input = fixture.input;
const ref = { title: input.title, authors: [input.author], published: input.published, accessed: input.accessed, url: input.url };

describe('GB/T 7714', () => {
  it('formats the 2015 and 2025 editions exactly as the reference processor', () => {
    expect(gbt7714(ref, '2015', 'numeric')).toBe(fixture.expected['gbt7714-2015-numeric']);
    expect(gbt7714(ref, '2015', 'author-date')).toBe(fixture.expected['gbt7714-2015-author-date']);
    expect(gbt7714(ref, '2025', 'numeric')).toBe(fixture.expected['gbt7714-2025-numeric']);
  });
  it('omits a missing author in numeric lists and writes 佚名 in author-date', () => {
    const anon = { ...ref, authors: [] };
    expect(gbt7714(anon, '2015', 'numeric')).toBe(fixture.no_author['gbt7714-2015-numeric']);
    expect(gbt7714(anon, '2015', 'author-date')).toBe(fixture.no_author['gbt7714-2015-author-date']);
    expect(gbt7714(anon, '2025', 'numeric')).toBe(fixture.no_author['gbt7714-2025-numeric']);
  });
  it('leaves out an unknown publication date and writes Latin names as the standard does', () => {
    expect(gbt7714({ ...ref, published: null }, '2025')).toBe('[1] 夏宇豪. 互联网医院的政策演进与发展现状[EB/OL]. [2025-01-15]. https://example.org/docs/abc.');
    expect(gbt7714({ ...ref, authors: [splitName('David Bawden')] }, '2015')).toMatch(/^\[1\] BAWDEN D\. /);
  });
});

describe('other formats', () => {
  const c = citations({ id: 'abc', title: input.title, author: '夏宇豪', published: input.published, publisher: input.site, accessed: input.accessed, url: input.url, language: 'zh-CN' });
  it('formats APA like the reference processor', () => {
    expect(c.apa).toBe(fixture.expected.apa);
  });
  it('keeps the Chinese text in BibTeX, with the fields reference managers need', () => {
    expect(c.bibtex).toMatch(/^@online\{doc_abc,/);
    expect(c.bibtex).toContain('author = {夏, 宇豪}');
    expect(c.bibtex).toContain('title = {互联网医院的政策演进与发展现状}');
    expect(c.bibtex).toContain('url = {https://example.org/docs/abc}');
    expect(c.bibtex).toContain('urldate = {2025-01-15}');
  });
  it('writes RIS and CSL-JSON', () => {
    expect(c.ris).toMatch(/^TY {2}- ELEC/);
    expect(c.ris).toContain('AU  - 夏, 宇豪');
    expect(JSON.parse(c['csl-json'])[0]).toMatchObject({ type: 'webpage', author: [{ family: '夏', given: '宇豪' }], 'container-title': '动脉网' });
  });
  it('splits Chinese names, including compound surnames', () => {
    expect(splitName('夏宇豪')).toEqual({ family: '夏', given: '宇豪' });
    expect(splitName('欧阳修')).toEqual({ family: '欧阳', given: '修' });
    expect(splitName('王')).toEqual({ family: '王', given: '' });
  });
});
