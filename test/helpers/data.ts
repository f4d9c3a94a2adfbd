/** The site's data as a reader downloads it: a list in parts (data/<list>/index.json and its gzip-compressed parts), a document's data in its part. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

interface PartsIndex {
  field: string;
  count: number;
  parts: { name: string; json: string; csv?: string; count: number; documents?: string[] }[];
}

/** A list's index. */
export const dataIndex = (dist: string, list: string) => JSON.parse(readFileSync(join(dist, 'data', list, 'index.json'), 'utf8')) as PartsIndex;

/** A part's file, unpacked. */
export const unpacked = (file: string) => gunzipSync(readFileSync(file)).toString('utf8');

/** Every item of a list in parts, in its index's order. */
export function dataList<T>(dist: string, list: string): T[] {
  const index = dataIndex(dist, list);
  return index.parts.flatMap((p) => (JSON.parse(unpacked(join(dist, 'data', list, p.json))) as Record<string, T[]>)[index.field]!);
}

/** A list's CSV parts, joined as one file would be (one header). */
export function dataCsv(dist: string, list: string): string {
  const texts = dataIndex(dist, list).parts.map((p) => unpacked(join(dist, 'data', list, p.csv!)));
  return texts.map((t, i) => (i === 0 ? t : t.slice(t.indexOf('\r\n') + 2))).join('');
}

/** One document's data, from its part of /data/documents/. */
export function documentData<T = Record<string, unknown>>(dist: string, id: string): T {
  const part = dataIndex(dist, 'documents').parts.find((p) => p.documents!.includes(id));
  if (!part) throw new Error(`no part of data/documents holds ${id}`);
  return (JSON.parse(unpacked(join(dist, 'data', 'documents', part.json))) as { documents: (T & { id: string })[] }).documents.find((d) => d.id === id)!;
}
