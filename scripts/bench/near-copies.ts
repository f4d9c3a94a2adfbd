/**
 * Near-copies, measured: pairs of articles made of the seeds' sentences that share a given part of
 * their text (50% … 100%), many of each, and for each pair: the exact containment of each in the
 * other (5-character shingles, near-copies.ts), whether MinHash banding finds the pair, whether it is
 * listed once (each holds NEAR_COPY of the other), and the estimate the registry's 16-hash signature
 * of character pairs gives (what decided a merge before, at 0.85): its mean, its spread, and how
 * often it would have merged the pair. Prints one JSON line.
 * Usage: tsx scripts/bench/near-copies.ts [pairs per share]
 */
import { blockText } from '../../src/pipeline/document.ts';
import { processCorpus } from '../../src/pipeline/corpus.ts';
import { candidatePairs, containment, NEAR_COPY, shingles, sketch } from '../../src/pipeline/near-copies.ts';
import { signature, similarity } from '../../src/pipeline/similarity.ts';
import { SAME_DOCUMENT } from '../../src/pipeline/identify.ts';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { seededRandom as random } from '../../src/lib/random.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const SHARES = [0.5, 0.8, 0.9, 0.95, 0.97, 0.99, 1];
const PAIRS = Number(process.argv[2]) || 40;
/** Characters per article. */
const LENGTH = 3000;


const seeds = join(ROOT, 'seeds');
const files = readdirSync(seeds).filter((n) => n.endsWith('.txt')).sort().map((name) => ({ name, bytes: new Uint8Array(readFileSync(join(seeds, name))) }));
const corpus = await processCorpus(files, { documents: [] }, { documents: {} }, { today: '2026-01-01' });
const sentences = [...new Set(corpus.documents.flatMap((d) => d.blocks.filter((b) => b.type === 'paragraph').flatMap((b) => blockText(b).split(/(?<=[。！？])/))).map((s) => s.trim()).filter((s) => s.length >= 20))];

/** Sentences drawn in a random order until `chars` characters. */
function draw(rand: () => number, chars: number, avoid: Set<string>): string[] {
  const out: string[] = [];
  let n = 0;
  while (n < chars) {
    const s = sentences[Math.floor(rand() * sentences.length)]!;
    if (avoid.has(s)) continue;
    avoid.add(s);
    out.push(s);
    n += s.length;
  }
  return out;
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const sd = (xs: number[]) => Math.sqrt(mean(xs.map((x) => (x - mean(xs)) ** 2)));
const rows = SHARES.map((share) => {
  const exact: number[] = [];
  const old: number[] = [];
  let found = 0;
  let listed = 0;
  let oldMerged = 0;
  for (let i = 0; i < PAIRS; i++) {
    const rand = random(Math.round(share * 1000) * 7919 + i);
    const used = new Set<string>();
    const shared = draw(rand, LENGTH * share, used);
    // The pair's own text, each its share, placed among the shared sentences (not all at the end).
    const own = (s: string[]) => {
      const out = [...shared];
      for (const x of s) out.splice(Math.floor(rand() * (out.length + 1)), 0, x);
      return out.join('');
    };
    const a = share < 1 ? own(draw(rand, LENGTH * (1 - share), used)) : shared.join('');
    const b = share < 1 ? own(draw(rand, LENGTH * (1 - share), used)) : shared.join('');
    const [sa, sb] = [shingles(a), shingles(b)];
    const [ab, ba] = containment(sa, sb);
    exact.push(Math.min(ab, ba));
    if (candidatePairs([sketch(sa), sketch(sb)]).length > 0) found++;
    if (ab >= NEAR_COPY && ba >= NEAR_COPY) listed++;
    // The registry's signature of the text (character pairs, 16 hashes), with its length rule.
    const ratio = Math.min(a.length, b.length) / Math.max(a.length, b.length);
    const estimate = ratio >= 0.8 ? similarity(signature(a), signature(b)) : 0;
    old.push(estimate);
    if (estimate >= SAME_DOCUMENT) oldMerged++;
  }
  return {
    share,
    containment: { mean: Number(mean(exact).toFixed(3)), min: Number(Math.min(...exact).toFixed(3)) },
    candidates: found / PAIRS,
    listedOnce: listed / PAIRS,
    before: { estimate: Number(mean(old).toFixed(3)), sd: Number(sd(old).toFixed(3)), merged: oldMerged / PAIRS },
  };
});
console.log(JSON.stringify({ pairs: PAIRS, length: LENGTH, threshold: NEAR_COPY, rows }));
