/**
 * Our HTML main-content extraction against Mozilla Readability on dev-web's labelled HTML pages:
 * how many must_show strings each keeps, how many must_not_show strings each lets through, and how
 * much text. Readability is given a 100-character threshold: at its default of 500 it returns
 * nothing for a short Chinese article (it counts characters as it would Latin text). One JSON line.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { readHtml } from '../../src/read/html.ts';

const dir = join(import.meta.dirname, '..', '..', 'test', 'fixtures', 'dev-web');
const squeeze = (s: string) => s.replace(/\s+/g, '');
const rows = readdirSync(join(dir, 'docs'))
  .filter((f) => f.endsWith('.html'))
  .map((f) => {
    const src = readFileSync(join(dir, 'docs', f), 'utf8');
    const labels = JSON.parse(readFileSync(join(dir, 'labels', `${f}.json`), 'utf8')) as { must_show: string[]; must_not_show: string[] };
    const score = (text: string) => ({
      shown: labels.must_show.filter((s) => text.includes(squeeze(s))).length,
      leaked: labels.must_not_show.filter((s) => text.includes(squeeze(s))).length,
      characters: text.length,
    });
    const { document } = parseHTML(src);
    const article = new Readability(document as unknown as Document, { charThreshold: 100 }).parse();
    const ours = readHtml(new Uint8Array(Buffer.from(src)));
    return { file: f, mustShow: labels.must_show.length, mustNotShow: labels.must_not_show.length, readability: score(squeeze(article?.textContent ?? '')), ours: score('text' in ours ? squeeze(ours.text) : '') };
  });
console.log(JSON.stringify(rows));
