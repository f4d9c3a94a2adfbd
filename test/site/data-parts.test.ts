/**
 * The site's data in parts (scripts/lib/data-files.ts writeParts, scripts/lib/document-parts.ts): every
 * list's index lists every part of its folder and nothing else, every part it lists is there and
 * holds what the index says (its count, its list, JSON and CSV alike), every index is linked from
 * the about page, every document is in exactly one part of data/documents/, and each reading page
 * links the part that holds its document. No file of the site is over 20 MB.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildProject } from '../helpers/build.ts';
import { dataIndex, unpacked } from '../helpers/data.ts';
import { ROOT } from '../helpers/seeds.ts';

const DIST = join(ROOT, 'dist');
const LISTS = ['documents', 'timeline', 'figures', 'terms', 'term-mentions', 'policies', 'organisations', 'places'];

beforeAll(() => {
  buildProject();
}, 300_000);

describe('data in parts', () => {
  it.each(LISTS)('%s: the index lists every part of its folder, and each part holds what the index says', (list) => {
    const index = dataIndex(DIST, list);
    const files = readdirSync(join(DIST, 'data', list)).filter((f) => f !== 'index.json' && !/\.(pdf|docx|md|txt)$/.test(f));
    const listed = index.parts.flatMap((p) => [p.json, ...(p.csv ? [p.csv] : [])]);
    expect(files.sort()).toEqual([...listed].sort());
    let count = 0;
    for (const p of index.parts) {
      const items = (JSON.parse(unpacked(join(DIST, 'data', list, p.json))) as Record<string, unknown[]>)[index.field]!;
      expect(items, p.name).toHaveLength(p.count);
      if (p.documents) expect((items as { id: string }[]).map((d) => d.id)).toEqual(p.documents);
      if (p.csv) expect(unpacked(join(DIST, 'data', list, p.csv)).trimEnd().split('\r\n')).toHaveLength(p.count + 1);
      count += p.count;
    }
    expect(count).toBe(index.count);
  });

  it('links every list\'s index from the about page', () => {
    const about = readFileSync(join(DIST, 'about', 'index.html'), 'utf8');
    for (const list of LISTS) expect(about).toContain(`href="/data/${list}/index.json"`);
  });

  it('says CSV beside a list\'s index only where its parts come as CSV too', () => {
    const about = readFileSync(join(DIST, 'about', 'index.html'), 'utf8');
    for (const list of LISTS) {
      const item = new RegExp(`href="/data/${list}/index.json"[^<]*</a>([^<]*)</li>`).exec(about)?.[1];
      expect(item, list).toBeDefined();
      expect(item!.includes('CSV'), list).toBe(dataIndex(DIST, list).parts.some((p) => p.csv));
    }
  });

  it('holds every document in exactly one part, and each reading page links its part', () => {
    const corpus = JSON.parse(readFileSync(join(DIST, 'data', 'corpus.json'), 'utf8')) as { documents: { id: string }[] };
    const parts = dataIndex(DIST, 'documents').parts;
    const held = parts.flatMap((p) => p.documents!);
    expect(held.sort()).toEqual(corpus.documents.map((d) => d.id).sort());
    for (const d of corpus.documents) {
      const part = parts.find((p) => p.documents!.includes(d.id))!;
      expect(readFileSync(join(DIST, 'docs', d.id, 'index.html'), 'utf8')).toContain(`href="/data/documents/${part.json}"`);
    }
  });

  it('has no file over 20 MB', () => {
    const large: string[] = [];
    const walk = (dir: string) => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const f = join(dir, e.name);
        if (e.isDirectory()) walk(f);
        else if (statSync(f).size > 20 * 1024 * 1024) large.push(f);
      }
    };
    walk(DIST);
    expect(large).toEqual([]);
  });
});
