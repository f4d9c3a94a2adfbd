/** A list written in parts (scripts/lib/data-files.ts writeParts): what the parts hold, their CSV, and parts not written again. */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { keptKeys, PART_CHARACTERS, writeParts, type PartsIndex } from '../../scripts/lib/data-files.ts';
import { csvLines } from '../../src/generate/csv.ts';

interface Item {
  id: string;
  year: string;
  text: string;
}
const csv = (items: Iterable<Item>) => csvLines(['id', 'year', 'text'], [...items].map((x) => [x.id, x.year, x.text]));
const gz = (file: string) => gunzipSync(readFileSync(file)).toString('utf8');

/** Items in years 2019–2023, each a few hundred characters (and some of `big` characters). */
function items(n: number, big = 0): Item[] {
  return Array.from({ length: n }, (_, i) => ({ id: `e${i}`, year: String(2019 + (i % 5)), text: `第${i}条，含“引号”,逗号`.repeat(i % 7 === 0 && big ? Math.ceil(big / 12) : 20) }));
}

describe('writeParts', () => {
  it('puts each item in its key\'s part, in order, splits a part past its size, writes each part\'s CSV with its header once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parts-'));
    // Some items of 300,000 characters: the busiest year needs more than one part.
    const list = items(400, 300_000);
    const files = await writeParts(dir, { field: 'events', items: list, key: (x: Item) => x.year, csv });
    const index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as PartsIndex;
    expect(index.count).toBe(list.length);
    expect(new Set(readdirSync(dir))).toEqual(new Set(files));
    expect(files.sort()).toEqual(['index.json', ...index.parts.flatMap((p) => [p.json, p.csv!])].sort());
    expect(index.parts.some((p) => p.name.includes('-'))).toBe(true);
    const seen: Item[] = [];
    for (const p of index.parts) {
      const json = gz(join(dir, p.json));
      expect(json.length).toBeLessThanOrEqual(PART_CHARACTERS + 400_000);
      const got = (JSON.parse(json) as { events: Item[] }).events;
      expect(got.length).toBe(p.count);
      expect(got.every((x) => x.year === p.key)).toBe(true);
      expect(gz(join(dir, p.csv!))).toBe([...csv(got)].join(''));
      seen.push(...got);
    }
    // Every item once, each key's items in the order they came.
    expect(seen.map((x) => x.id).sort()).toEqual(list.map((x) => x.id).sort());
    for (const year of ['2019', '2023']) expect(seen.filter((x) => x.year === year).map((x) => x.id)).toEqual(list.filter((x) => x.year === year).map((x) => x.id));
  });

  it('writes the same parts when they are held in memory as when they go through plain files (a list larger than what is held)', async () => {
    const list = items(400, 300_000);
    const held = mkdtempSync(join(tmpdir(), 'parts-'));
    const spilled = mkdtempSync(join(tmpdir(), 'parts-'));
    const files = await writeParts(held, { field: 'events', items: list, key: (x: Item) => x.year, csv });
    // Each part past 64 KB goes to its plain file once the list holds 100 KB.
    expect(await writeParts(spilled, { field: 'events', items: list, key: (x: Item) => x.year, csv }, { heldBytes: 100_000 })).toEqual(files);
    expect(readFileSync(join(spilled, 'index.json'), 'utf8')).toBe(readFileSync(join(held, 'index.json'), 'utf8'));
    for (const f of files.filter((f) => f.endsWith('.gz'))) expect(gz(join(spilled, f))).toBe(gz(join(held, f)));
    expect(readdirSync(spilled).some((f) => f.endsWith('.raw'))).toBe(false);
  });

  it('writes again only the parts whose items changed, and removes the parts of keys gone', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parts-'));
    const list = items(100);
    await writeParts(dir, { field: 'events', items: list, key: (x: Item) => x.year, csv });
    const past = new Date('2020-01-01');
    for (const f of readdirSync(dir)) utimesSync(join(dir, f), past, past);
    const changed = list.map((x) => (x.id === 'e3' ? { ...x, text: '改了' } : x)).filter((x) => x.year !== '2020');
    const files = await writeParts(dir, { field: 'events', items: changed, key: (x: Item) => x.year, csv });
    const rewritten = readdirSync(dir).filter((f) => f !== 'index.json' && statSync(join(dir, f)).mtime > past);
    // e3 is of 2022.
    expect(rewritten.sort()).toEqual(['2022.csv.gz', '2022.json.gz']);
    expect(files.some((f) => f.startsWith('2020'))).toBe(false);
    expect(readdirSync(dir).some((f) => f.startsWith('2020') || f.endsWith('.raw'))).toBe(false);
    expect((JSON.parse(gz(join(dir, '2022.json.gz'))) as { events: Item[] }).events.find((x) => x.id === 'e3')!.text).toBe('改了');
  });

  it('writes parts in order without keys, and an empty list as an index of none', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parts-'));
    const files = await writeParts(dir, { field: 'x', items: items(5) });
    expect(files).toEqual(['part-001.json.gz', 'index.json']);
    expect(JSON.parse(gz(join(dir, 'part-001.json.gz')))).toEqual({ x: items(5) });
    const empty = mkdtempSync(join(tmpdir(), 'parts-'));
    expect(await writeParts(empty, { field: 'x', items: [] })).toEqual(['index.json']);
    expect(JSON.parse(readFileSync(join(empty, 'index.json'), 'utf8'))).toEqual({ field: 'x', count: 0, parts: [] });
  });

  it('keeps the parts of the keys it is told to keep as the index lists them, their items not given', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parts-'));
    const list = items(100, 300_000);
    await writeParts(dir, { field: 'events', items: list, key: (x: Item) => x.year, csv });
    const whole = readFileSync(join(dir, 'index.json'), 'utf8');
    expect(await keptKeys(dir)).toEqual(new Set(['2019', '2020', '2021', '2022', '2023']));
    // 2021's CSV is gone: it cannot be kept.
    rmSync(join(dir, '2021.csv.gz'));
    const kept = new Set(['2019', '2020']);
    expect(await keptKeys(dir)).toEqual(new Set(['2019', '2020', '2022', '2023']));
    const files = await writeParts(dir, { field: 'events', items: list.filter((x) => !kept.has(x.year)), key: (x: Item) => x.year, csv }, { kept });
    expect(readFileSync(join(dir, 'index.json'), 'utf8')).toBe(whole);
    expect(new Set(readdirSync(dir))).toEqual(new Set(files));
    await expect(writeParts(dir, { field: 'events', items: list, key: (x: Item) => x.year, csv }, { kept })).rejects.toThrow(/kept key 2019/);
  });
});
