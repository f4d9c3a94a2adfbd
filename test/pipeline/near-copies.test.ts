/**
 * Near-copies: a document is listed as another's copy only when each holds nearly all of the
 * other's text, decided by the pipeline on the cleaned text. Pairs that share 50%, 80% and 95% of
 * their text both stay; a pair sharing 99% is one document; a re-scrape that only adds page chrome
 * is one document; a byte-identical copy is one document without being read twice.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { processCorpus } from '../../src/pipeline/corpus.ts';
import { assignDocumentIds } from '../../src/pipeline/identify.ts';
import { byShingles, candidatePairs, containment, estimatedJaccard, findNearCopies, NEAR_COPY, shingles, sketch } from '../../src/pipeline/near-copies.ts';
import { blockText, copyShingles } from '../../src/pipeline/document.ts';
import { seedCorpus } from '../helpers/seeds.ts';

const TODAY = '2026-12-06';
const enc = new TextEncoder();
const file = (name: string, text: string) => ({ name, bytes: enc.encode(text) });

/** Sentences of the seeds' cleaned paragraphs, each once, 20 to 120 characters. */
let sentences: string[];
beforeAll(async () => {
  const seeds = await seedCorpus();
  const all = seeds.documents.flatMap((d) => d.blocks.filter((b) => b.type === 'paragraph').flatMap((b) => blockText(b).split(/(?<=[。！？])/)));
  sentences = [...new Set(all.map((s) => s.trim()).filter((s) => s.length >= 20 && s.length <= 120))];
}, 60_000);

/** An article: a title, a byline, then paragraphs of three sentences each. */
function article(title: string, body: string[]): string {
  const paragraphs: string[] = [];
  for (let i = 0; i < body.length; i += 3) paragraphs.push(body.slice(i, i + 3).join(''));
  return [title, '', '作者:王明 2021年3月5日', '', ...paragraphs.flatMap((p) => [p, ''])].join('\n');
}

/** Sentences from `from` on, `chars` characters of them. */
function take(from: number, chars: number): { body: string[]; next: number } {
  const body: string[] = [];
  let n = 0;
  let i = from;
  while (n < chars) {
    const s = sentences[i++]!;
    body.push(s);
    n += s.length;
  }
  return { body, next: i };
}

/** Two articles of about 6,000 characters that share `share` of their text (by characters): the shared sentences, each article's own among them (every fifth place). */
function pair(share: number): [string, string] {
  const total = 6000;
  const shared = take(0, total * share);
  const a = take(shared.next, total * (1 - share));
  const b = take(a.next, total * (1 - share));
  const among = (own: string[]) => {
    const out = [...shared.body];
    own.forEach((s, i) => out.splice(Math.min(out.length, (i + 1) * 5 + i), 0, s));
    return out;
  };
  return [article('医联体建设的进展与问题', among(a.body)), article('医联体建设的进展与问题', among(b.body))];
}

async function listed(files: { name: string; bytes: Uint8Array }[]) {
  return processCorpus(files, { documents: [] }, { documents: {} }, { today: TODAY });
}

describe('near-copies, decided on the cleaned text', () => {
  it.each([0.5, 0.8, 0.95])('keeps both documents of a pair sharing %s of their text', async (share) => {
    const [a, b] = pair(share);
    const r = await listed([file('a.txt', a), file('b.txt', b)]);
    // (95%: each holds 0.94 of the other's shingles, its own sentences breaking them at both ends: under the line, as the benchmark finds such pairs.)
    const [ab, ba] = containment(copyShingles(r.documents[0]!), copyShingles(r.documents[1]!));
    expect(Math.max(ab, ba)).toBeLessThan(NEAR_COPY);
    expect(r.documents.map((d) => d.source)).toEqual(['a.txt', 'b.txt']);
    expect(r.skipped).toEqual([]);
    expect(r.registry.documents.filter((e) => !e.mergedInto && !e.removed)).toHaveLength(2);
  });

  it('lists a pair sharing 99% of their text once, as the first, and says why', async () => {
    const [a, b] = pair(0.99);
    const [x, y] = (await listed([file('a.txt', a)])).documents.concat((await listed([file('b.txt', b)])).documents);
    expect(Math.min(...containment(copyShingles(x!), copyShingles(y!)))).toBeGreaterThanOrEqual(NEAR_COPY);
    const r = await listed([file('a.txt', a), file('b.txt', b)]);
    expect(r.documents.map((d) => d.source)).toEqual(['a.txt']);
    expect(r.skipped).toEqual([{ source: 'b.txt', kind: 'duplicate', reason: expect.stringMatching(/^nearly the same text as a\.txt .*listed once, as [a-z2-9]{6}$/) }]);
    // The copy never had a page: it gets no entry of its own in the registry.
    expect(r.registry.documents.map((e) => e.source)).toEqual(['a.txt']);
    expect(r.changes.map((c) => c.kind).sort()).toEqual(['duplicate', 'new']);
  });

  it.each([
    ['a-page.txt', 'b-page-again.txt'],
    ['b-page.txt', 'a-page-again.txt'],
  ])('lists a re-scrape that only adds page chrome once, and keeps the title of the one listed (%s, %s)', async (plain, again) => {
    const text = article('县域医共体建设的三点经验', take(0, 5000).body);
    const chrome = [
      '首页 | 新闻中心 | 政策法规 | 专题专栏 | 关于我们',
      '当前位置：首页 > 新闻中心 > 行业动态',
      '【字体：大 中 小】 打印本页 关闭窗口',
      '分享到：微信 微博 QQ空间',
    ];
    const footer = ['相关阅读', '· 国家卫健委召开新闻发布会 2021-03-01', '· 医保支付方式改革持续推进 2021-02-26', '扫一扫在手机打开当前页', '版权所有 © 2021 健康资讯网 京ICP备12345678号-1', '主办单位：健康资讯网 联系我们 网站地图'];
    const rescraped = [...chrome, '', text, '', ...footer].join('\n');
    const r = await listed([file(plain, text), file(again, rescraped)]);
    const [first, second] = [plain, again].sort();
    expect(r.documents.map((d) => d.source)).toEqual([first]);
    expect(r.documents[0]!.meta.title).toBe('县域医共体建设的三点经验');
    expect(r.skipped.map((s) => [s.source, s.kind])).toEqual([[second, 'duplicate']]);
  });

  it('lists a byte-identical copy once without reading it again', async () => {
    const [a] = pair(0.5);
    const r = await listed([file('a.txt', a), file('b.txt', a)]);
    expect(r.documents.map((d) => d.source)).toEqual(['a.txt']);
    expect(r.skipped).toEqual([{ source: 'b.txt', kind: 'duplicate', reason: expect.stringMatching(/^the same bytes as a\.txt/) }]);
  });

  it('keeps the id of a document that was listed before its copy arrived, and redirects a listed document that becomes a copy', async () => {
    const [a, b] = pair(0.99);
    const [, c] = pair(0.5);
    const first = await listed([file('a.txt', a), file('b.txt', c)]);
    const idOf = (source: string) => first.registry.documents.find((e) => e.source === source)!.id;
    // b.txt is now a near-copy of a.txt: its page redirects to a.txt's.
    const next = await processCorpus([file('a.txt', a), file('b.txt', b)], first.registry, { documents: {} }, { today: TODAY });
    expect(next.documents.map((d) => d.id)).toEqual([idOf('a.txt')]);
    expect(next.registry.documents.find((e) => e.id === idOf('b.txt'))?.mergedInto).toBe(idOf('a.txt'));
    expect(next.retiredDocuments.map((e) => e.id)).toEqual([idOf('b.txt')]);
  });
});

describe('near-copies, the measure', () => {
  it('containment is exact: the share of each set the other holds', () => {
    const a = shingles('第一句话在这里。第二句话在那里。');
    expect(containment(a, a)).toEqual([1, 1]);
    const b = shingles('第一句话在这里。第二句话在那里。第三句话是另外加上的内容。');
    const [ab, ba] = containment(a, b);
    expect(ab).toBe(1);
    expect(ba).toBeLessThan(0.6);
  });

  it('hashes a run of characters the same wherever it stands, and sketches a text as its shingles', () => {
    const text = fc.string({ unit: fc.constantFrom(...Array.from('医联体共建设发展年月12ab，。 𠀀')), minLength: 0, maxLength: 40 });
    fc.assert(
      fc.property(text, text, text, (before, run, after) => {
        const whole = shingles(before + run + after);
        const has = new Set(whole);
        // Every shingle of the run is one of the whole text's, whatever stands before and after it (a rolling hash that drifts fails this).
        if (run.replace(/\s/g, '').length >= 5) for (const h of shingles(run)) expect(has.has(h)).toBe(true);
        expect([...whole]).toEqual([...has].sort((x, y) => x - y));
        expect(sketch(before + run + after)).toBe(sketch(whole));
      }),
      { numRuns: 500 },
    );
    expect(shingles('')).toHaveLength(0);
    expect(shingles('医联')).toHaveLength(1);
    expect(shingles('医联体医联体医联体')).toEqual(shingles('医联体医联体医联体医联体'));
  });

  it('finds near-copies among many documents by their sketches, comparing only candidate pairs', () => {
    // Thirty documents, each sharing sentences with its neighbours.
    const texts = Array.from({ length: 30 }, (_, i) => take(i * 9, 1200).body.join(''));
    // Document 30 is document 7 with a few characters more: a near-copy (each holds ≥ 95% of the other).
    texts.push(`${texts[7]!}另有补充。`);
    const sets = texts.map(shingles);
    const asked = new Set<number>();
    const copies = findNearCopies(sets.map(sketch), byShingles((i) => (asked.add(i), sets[i]!)));
    expect([...copies]).toEqual([[30, 7]]);
    // Neighbours share much of their text and are compared; the rest are not.
    expect(asked.size).toBeLessThan(texts.length / 2);
  });

  it('a pair with mutual containment of at least NEAR_COPY is a candidate pair (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 60 }), (start, extra) => {
        const base = take(start, 2500).body.join('');
        const copy = base + sentences[(start + 150) % sentences.length]!.slice(0, extra);
        const [a, b] = [shingles(base), shingles(copy)];
        const [ab, ba] = containment(a, b);
        if (ab < NEAR_COPY || ba < NEAR_COPY) return;
        expect(candidatePairs([sketch(a), sketch(b)])).toEqual([[0, 1]]);
        expect(estimatedJaccard(sketch(a), sketch(b))).toBeGreaterThan(0.6);
      }),
      { numRuns: 60 },
    );
  });

  it('assigns ids without comparing texts: only byte-identical files are one document before cleaning', () => {
    const f = (source: string, sha256: string) => ({ source, sha256, sig: 'ffff'.repeat(16), chars: 100 });
    const r = assignDocumentIds([f('a.txt', '1'), f('b.txt', '2'), f('c.txt', '1')], { documents: [] }, TODAY);
    expect([...r.duplicates]).toEqual([['c.txt', { of: 'a.txt', near: false }]]);
  });
});
