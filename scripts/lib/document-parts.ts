/**
 * /data/documents/: every document's data (the content build's documents/<id>.json) in parts of
 * about PART_DOCUMENTS documents, gzip-compressed, with an index (index.json) that lists each part and its documents.
 * A static host counts files, and a corpus of 10,000 documents would otherwise add 10,000 of them
 * (and a reader who wants the data wants it in bulk). A document's part is fixed by its id and the
 * corpus's size (documentPart), so a rebuild writes again only the parts whose documents changed.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { documentPart, partCount } from '../../src/generate/data.ts';
import { readJson, writeGzip, writeText } from './data-files.ts';

const COMMA = Buffer.from(',');

/** One part as the index lists it: its file, its documents (ids, in order), and a digest of what they were made from. */
interface DocumentPartEntry {
  name: string;
  json: string;
  count: number;
  documents: string[];
  key: string;
}

/** Write the parts of the documents (id -> the key its files were made under, as documents.json holds them); returns how many were written. */
export async function writeDocumentParts(outDir: string, made: Readonly<Record<string, string>>): Promise<number> {
  const dir = join(outDir, 'data', 'documents');
  const ids = Object.keys(made).sort();
  const parts = new Map<string, string[]>();
  for (const id of ids) {
    const part = documentPart(id, ids.length);
    parts.set(part, [...(parts.get(part) ?? []), id]);
  }
  const before = new Map((await readJson<{ parts: DocumentPartEntry[] }>(join(dir, 'index.json'), { parts: [] })).parts.map((p) => [p.name, p.key]));
  const entries: DocumentPartEntry[] = [];
  let written = 0;
  for (const [name, members] of [...parts].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const key = members.map((id) => `${id}:${made[id]}`).join(' ');
    const json = `${name}.json.gz`;
    entries.push({ name, json, count: members.length, documents: members, key });
    if (before.get(name) === key && existsSync(join(dir, json))) continue;
    // The documents' own files, joined as they are, as bytes (not decoded and encoded again: 1.8 s of
    // the main thread at 1,000 documents, beside the merges); replaced whole (the built site's file is a hard link to it).
    const files = await Promise.all(members.map((id) => readFile(join(outDir, 'documents', `${id}.json`))));
    await writeGzip(join(dir, json), Buffer.concat([Buffer.from('{"documents":['), ...files.flatMap((f, i) => (i ? [COMMA, f] : [f])), Buffer.from(']}')]));
    written++;
  }
  await writeText(join(dir, 'index.json'), [JSON.stringify({ field: 'documents', count: ids.length, parts: entries }, null, 1)]);
  // Parts of a corpus of another size.
  const wanted = new Set(entries.map((e) => e.json));
  for (const f of await readdir(dir)) if (/^part-[0-9a-f]+\.json(\.gz)?$/.test(f) && !wanted.has(f)) await rm(join(dir, f));
  return written;
}

export { partCount };
