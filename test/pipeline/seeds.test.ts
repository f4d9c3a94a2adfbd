/** The five seeds end to end: hand-checked line labels, metadata, repairs, errata. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { blockText } from '../../src/pipeline/document.ts';
import { parseRegistry, serializeRegistry } from '../../src/pipeline/identify.ts';
import { ROOT, seed, seedCorpus } from '../helpers/seeds.ts';

let corpus: Awaited<ReturnType<typeof seedCorpus>>;
beforeAll(async () => {
  corpus = await seedCorpus();
});

/** Read a hand-checked label file: line number -> 'content' | 'blank' | 'title' | 'metadata' | removal reason. */
function labels(prefix: string): Map<number, string> {
  const text = readFileSync(join(ROOT, 'test', 'fixtures', 'seeds', `${prefix}.labels.tsv`), 'utf8');
  return new Map(
    text
      .split('\n')
      .filter((l) => l && !l.startsWith('#'))
      .map((l) => {
        const [n, label] = l.split('\t');
        return [Number(n), label!];
      }),
  );
}

describe('seed cleaning matches the hand-checked labels', () => {
  for (const prefix of ['000', '001', '002', '003', '004']) {
    it(`labels every line of seed ${prefix}`, () => {
      const d = seed(corpus, prefix);
      const expected = labels(prefix);
      const removed = new Map([...d.cleaning.removed.map((r) => [r.line, r.reason as string] as const), ...d.cleaning.moved.map((m) => [m.line, m.to] as const)]);
      const actual = new Map(d.sourceLines.map((t, i) => [i + 1, t === '' ? 'blank' : (removed.get(i + 1) ?? 'content')]));
      expect(actual.size).toBe(expected.size);
      const wrong = [...expected].filter(([n, label]) => actual.get(n) !== label).map(([n, label]) => `${n}: expected ${label}, got ${actual.get(n)}`);
      expect(wrong).toEqual([]);
    });
  }

  it('keeps every content line in some block (no content lost)', () => {
    for (const d of corpus.documents) {
      const expected = labels(d.source.slice(0, 3));
      const inBlocks = new Set(d.blocks.flatMap((b) => b.lines));
      const content = [...expected].filter(([, l]) => l === 'content').map(([n]) => n);
      const missing = content.filter((n) => !inBlocks.has(n));
      expect(missing, d.source).toEqual([]);
    }
  });
});

describe('the committed registry', () => {
  it('is exactly what the bundled corpus gives (run npm run prepare-content and commit it when this fails)', () => {
    // Its documents here; the entries with pages of their own it keeps too are the site build's (test/site/seeds-site.test.ts).
    const committed = readFileSync(join(ROOT, 'content', 'registry.json'), 'utf8');
    expect(serializeRegistry({ ...corpus.registry, entries: parseRegistry(JSON.parse(committed)).entries })).toBe(committed);
    expect(corpus.changes).toEqual([]);
  });
});

describe('seed metadata and structure', () => {
  it('reads title, author, date and publisher of seed 000 from its byline and chrome', () => {
    const d = seed(corpus, '000');
    expect(d.meta).toMatchObject({
      title: '重构医疗生产关系,带来商业新机会——医联体商业价值报告',
      titleSource: 'title-line',
      author: '夏宇豪',
      published: '2018-06-09',
      publisher: '动脉网',
    });
  });

  it('gives seed 000 chapter, section and sub-headings at three levels, and its contents as a list', () => {
    const d = seed(corpus, '000');
    const h = d.blocks.filter((b) => b.type === 'heading').map((b) => [b.level, b.text.slice(0, 8)]);
    expect(h).toContainEqual([2, '第一章医联体构建']);
    expect(h).toContainEqual([3, '1、医疗资源固化']);
    expect(h).toContainEqual([4, '地方政策紧随其后']);
    const contents = d.blocks.find((b) => b.type === 'list');
    expect(contents?.type === 'list' && contents.role).toBe('contents');
    expect(contents?.type === 'list' && contents.items).toHaveLength(21);
  });

  it('joins the three headings of seed 004 that were split over two lines', () => {
    const h = seed(corpus, '004').blocks.filter((b) => b.type === 'heading').map((b) => b.text);
    expect(h).toEqual(['深扎根 稳“出头”,奠定互联网医联体基础', '深耕细作显成效,两年规模比肩三级医院', '数字化健康管护组织,开辟互联网医疗新航道']);
  });

  it('recovers the flattened table of seed 002 with one row per place', () => {
    const d = seed(corpus, '002');
    const table = d.blocks.find((b) => b.type === 'table');
    if (table?.type !== 'table') throw new Error('no table');
    expect(table.header).toEqual(['省市', '现状 / 前景']);
    expect(table.rows.length).toBe(34);
    expect(table.rows.map((r) => r[0])).toEqual(expect.arrayContaining(['北京', '广东 · 广州', '广东 · 深圳', '安徽 · 蚌埠', '江西 · 九江']));
    expect(table.rows[0]![1]).toMatch(/^\d{4}年底开始探索区域医疗联合体建设/);
  });

  it('marks seed 002 as untrusted, truncated and corrected, and applies every erratum', () => {
    const d = seed(corpus, '002');
    expect(d.datesTrusted).toBe(false);
    expect(d.cleaning.notes.map((n) => n.kind)).toEqual(expect.arrayContaining(['untrusted-dates', 'truncated', 'table-recovered', 'errata']));
    const text = d.blocks.map(blockText).join('\n');
    for (const spun of ['效劳', '根底', '承当', '确实立', '〞', '〔', '〕']) expect(text).not.toContain(spun);
    expect(corpus.stale).toEqual([]);
    expect(corpus.notices).toEqual([]);
  });

  it('removes every flattened ruby annotation from seed 003 and keeps (HMO)-style Latin', () => {
    const d = seed(corpus, '003');
    const text = d.blocks.map(blockText).join('\n');
    expect(text).not.toMatch(/\([a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*\)/);
    expect(d.cleaning.repaired.filter((r) => r.kind === 'ruby').length).toBeGreaterThanOrEqual(200);
    expect(text).toContain('HMO');
    expect(d.script).toBe('traditional');
    expect(d.simplifiedBlocks?.map(blockText).join('\n')).toContain('医联体');
  });

  it('corrects the destroyed spans of seed 003 through errata and marks each correction', () => {
    const d = seed(corpus, '003');
    const text = d.blocks.map(blockText).join('\n');
    expect(text).not.toMatch(/\?\?|♂|#8220;/);
    const corrections = d.blocks.flatMap((b) => ('marks' in b ? b.marks : [])).filter((m) => m.kind === 'correction');
    expect(corrections.length).toBe(9);
    expect(corrections.every((m) => m.original && m.note)).toBe(true);
  });

  it('gives every block a unique id in every document', () => {
    for (const d of corpus.documents) {
      const ids = d.blocks.map((b) => b.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const id of ids) expect(id).toMatch(/^[a-z2-9]{6}(-\d+)?$/);
    }
  });
});
