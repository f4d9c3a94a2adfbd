/**
 * A synthetic corpus for the scale benchmark, made the same way every time from the seeds' cleaned
 * paragraphs: document i is a title and about `chars` characters of headings and paragraphs drawn
 * in an order of its own. So that no two documents look alike to the near-duplicate check (which
 * compares character bigrams), each document swaps about a third of the kinds of characters for
 * others, leaving the words the extractors look for (terms, dates, quantities, 《》) as they are.
 * Usage: tsx scripts/bench/synthetic.ts <folder> <documents> [characters per document]
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { blockText } from '../../src/pipeline/document.ts';
import { processCorpus } from '../../src/pipeline/corpus.ts';
import { characterTable } from '../../src/pipeline/script.ts';
import { seededRandom as random } from '../../src/lib/random.ts';

const ROOT = join(import.meta.dirname, '..', '..');


/** Characters never swapped: what the terms, dates, quantities and policy titles are made of. */
function protectedCharacters(): Set<string> {
  const terms = JSON.parse(readFileSync(join(ROOT, 'content', 'terms.json'), 'utf8')) as { terms: { term: string; synonyms?: string[] }[] };
  const words = terms.terms.flatMap((t) => [t.term, ...(t.synonyms ?? [])]).join('');
  return new Set([...words, ...'年月日季度上下半第至到今去同期约近余多超过逾不足以家个人次例元万亿百千十零〇一二两三四五六七八九《》“”（）、，。：；？！年底初末关于意见通知国务院办公厅卫计委健委省市县区医院']);
}

/** The seeds' cleaned blocks as lines: headings and paragraphs, each a line of text. */
async function seedLines(): Promise<Array<{ heading: boolean; text: string }>> {
  const seeds = join(ROOT, 'seeds');
  const files = readdirSync(seeds).filter((n) => n.endsWith('.txt')).sort().map((name) => ({ name, bytes: new Uint8Array(readFileSync(join(seeds, name))) }));
  const result = await processCorpus(files, { documents: [] }, { documents: {} });
  return result.documents.flatMap((d) => d.blocks.map((b) => ({ heading: b.type === 'heading', text: blockText(b).replace(/\s*\n\s*/g, ' ') })));
}

/** Write documents first … first + count - 1, of about `chars` characters each, into `dir`. */
export async function writeSyntheticCorpus(dir: string, count: number, chars = 24_000, first = 0): Promise<void> {
  mkdirSync(dir, { recursive: true });
  const lines = await seedLines();
  const keep = protectedCharacters();
  const traditional = characterTable();
  for (let i = first; i < first + count; i++) {
    const rand = random(i + 1);
    // This document's swap: about a third of the other CJK characters move to a neighbour.
    const offset = 1 + (i % 97);
    const swap = (ch: string) => {
      const c = ch.codePointAt(0)!;
      if (keep.has(ch) || c < 0x4e00 || c > 0x9fa5) return ch;
      const h = Math.imul(c ^ (i * 2654435761), 0x9e3779b1) >>> 0;
      if (h % 3 !== 0) return ch;
      // A simplified character, as the corpus is: step on past traditional ones.
      let to = 0x4e00 + ((c - 0x4e00 + offset) % (0x9fa5 - 0x4e00));
      while (traditional[String.fromCodePoint(to)]) to = to + 1 > 0x9fa5 ? 0x4e00 : to + 1;
      return String.fromCodePoint(to);
    };
    const year = 2010 + (i % 12);
    const out = [`合成文献第${i + 1}号:医联体建设观察`, `作者:合成 ${year}年${1 + (i % 12)}月${1 + (i % 28)}日`, ''];
    let length = 0;
    while (length < chars) {
      const line = lines[Math.floor(rand() * lines.length)]!;
      const text = [...line.text].map(swap).join('');
      out.push(text, '');
      length += text.length;
    }
    writeFileSync(join(dir, `doc-${String(i + 1).padStart(5, '0')}.txt`), out.join('\n'));
  }
}

const isMain = process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!);
if (isMain) {
  const [dir, count, chars] = process.argv.slice(2);
  if (!dir || !count) throw new Error('usage: tsx scripts/bench/synthetic.ts <folder> <documents> [characters per document]');
  await writeSyntheticCorpus(dir, Number(count), chars ? Number(chars) : undefined);
}
