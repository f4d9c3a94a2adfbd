/** The content build's files: JSON read with a fallback, and data files written whole by rename, piece by piece, or in parts. */
import { createHash } from 'node:crypto';
import { appendFileSync, createReadStream, createWriteStream, existsSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { createGzip, gzip } from 'node:zlib';
import { promisify } from 'node:util';
import { pipeline } from 'node:stream/promises';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import type { PartsSpec } from '../../src/extractors/extractor.ts';
import { map } from '../../src/lib/iterate.ts';

const gzipAsync = promisify(gzip);

/** A JSON file, or `fallback` when there is none. */
export async function readJson<T>(path: string, fallback: T): Promise<T> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as T;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return fallback;
    throw new Error(`${path}: ${(err as Error).message}`);
  }
}

/**
 * Text written piece by piece, about a megabyte per write (a write per piece costs more than the
 * pieces), into a new file renamed into place at the end: the old file is never changed.
 */
export async function writeText(file: string, pieces: Iterable<string>): Promise<void> {
  const partial = `${file}.partial`;
  const out = createWriteStream(partial);
  let pending: string[] = [];
  let size = 0;
  const flush = async () => {
    const text = pending.join('');
    pending = [];
    size = 0;
    if (!out.write(text)) await once(out, 'drain');
  };
  for (const piece of pieces) {
    pending.push(piece);
    size += piece.length;
    if (size >= 1 << 20) await flush();
  }
  await flush();
  out.end();
  await finished(out);
  await rename(partial, file);
}

/**
 * A data file written whole (by renaming a new one into its place, as writeText does, never
 * changing the old one: the built site's data files are hard links to these, astro.config.mjs).
 */
export const replaceFile = (file: string, text: string) => writeText(file, [text]);

const isList = (x: unknown): x is Iterable<unknown> => typeof x === 'object' && x !== null && Symbol.iterator in x;

/** The pieces of JSON.stringify(value): each element of a top-level list on its own. */
function* jsonPieces(value: Record<string, unknown>): Generator<string> {
  let first = true;
  yield '{';
  for (const [key, field] of Object.entries(value)) {
    if (field === undefined) continue;
    yield `${first ? '' : ','}${JSON.stringify(key)}:`;
    first = false;
    if (!isList(field)) {
      yield JSON.stringify(field);
      continue;
    }
    let i = 0;
    yield '[';
    for (const item of field) yield `${i++ ? ',' : ''}${JSON.stringify(item) ?? 'null'}`;
    yield ']';
  }
  yield '}';
}

/**
 * JSON.stringify(value), written element by element, its top-level lists arrays or made as they
 * are written (iterate.ts `map`): a data file may be longer than the longest string JavaScript can
 * hold (about 512 MB; the glossary of 5,000 documents is longer), and its items are never all copied.
 */
export const writeJson = (file: string, value: Record<string, unknown>) => writeText(file, jsonPieces(value));

/** A folder of files (what pages read: never linked into the site, so written in place), and nothing else in it; returns the files, relative to `dir`. */
export async function writeEach(dir: string, files: Iterable<[name: string, text: string]>): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const names: string[] = [];
  // One after another, each at once: thousands of small files, where a wait for each write would leave the thread idle.
  for (const [name, text] of files) {
    writeFileSync(join(dir, name), text);
    names.push(name);
  }
  const kept = new Set(names);
  for (const f of await readdir(dir)) if (!kept.has(f)) await rm(join(dir, f), { recursive: true, force: true });
  return names;
}

/** The largest part of a list (characters of JSON), before it is compressed: well under a static host's limit per file (Cloudflare Pages: 25 MiB). */
export const PART_CHARACTERS = 4_000_000;

/** One part's entry in its index. */
export interface PartEntry {
  name: string;
  /** The part's key (its year, its letter …), when the list is split by one. */
  key?: string;
  /** Its files, relative to the index: gzip-compressed JSON (and CSV). */
  json: string;
  csv?: string;
  count: number;
  /** A digest of its JSON: a part whose JSON is what it was is not written again. */
  sha: string;
}

/** A list's index (<folder>/index.json). */
export interface PartsIndex {
  field: string;
  count: number;
  parts: PartEntry[];
}

/**
 * How hard the data files are compressed: level 4 takes 60% of level 6's time for 4% more bytes
 * (1,000 documents' 410 MB of JSON: 3.9 s and 84.9 MB against 6.4 s and 81.6 MB).
 */
const GZIP = { level: 4 };

/** Text written gzip-compressed, whole, by rename (as writeText writes). */
export async function writeGzip(file: string, text: string | Buffer): Promise<void> {
  const partial = `${file}.partial`;
  // Compressed in libuv's threads: the thread that asks is free meanwhile.
  await writeFile(partial, await gzipAsync(text, GZIP));
  await rename(partial, file);
}

/**
 * Bytes of a list's parts held in memory at once while it is written. A part that fits is
 * compressed straight from memory, or not written at all when it is what it was (a rebuild's usual
 * case: the glossary's 70 MB of JSON at 1,000 documents then never touch the disk). Beyond it, a
 * part holding PART_BUFFER or more adds what it holds to a plain file of its own, compressed when the
 * part closes (a list of 10,000 documents' figures has hundreds of parts open at once): at most
 * this and PART_BUFFER a part are held.
 */
const HELD_BYTES = 32 * 1024 * 1024;
/** What a part holds before it adds to its plain file, once the list holds HELD_BYTES (a write per piece costs more than the pieces). */
const PART_BUFFER = 64 * 1024;

/** Characters of a part's text gathered before they are encoded (one encoding and digest update per piece of an item cost more than the items' JSON). */
const ENCODE_CHARACTERS = 16 * 1024;

/** A file of a part being written: its text as it comes, held or added to a plain file, and its digest. */
class PartFile {
  private pieces: Buffer[] = [];
  private held = 0;
  private spilled = false;
  /** Text added and not encoded yet. */
  private text: string[] = [];
  private characters = 0;
  private readonly hash = createHash('sha256');
  /** Its plain file, if it needs one, and what all the list's parts hold (worker threads strip types: no parameter properties). */
  readonly raw: string;
  private readonly list: { held: number; limit: number };
  constructor(raw: string, list: { held: number; limit: number }) {
    this.raw = raw;
    this.list = list;
  }
  add(text: string): void {
    this.text.push(text);
    this.characters += text.length;
    if (this.characters >= ENCODE_CHARACTERS) this.encode();
  }
  /** The text added since the last time, encoded once, for the digest and the file. */
  private encode(): void {
    if (this.text.length === 0) return;
    const bytes = Buffer.from(this.text.join(''));
    this.text = [];
    this.characters = 0;
    this.hash.update(bytes);
    this.pieces.push(bytes);
    this.held += bytes.length;
    this.list.held += bytes.length;
    if (this.list.held > this.list.limit && this.held >= PART_BUFFER) this.spill();
  }
  /** What it holds, added to its plain file. */
  private spill(): void {
    if (!this.spilled) writeFileSync(this.raw, '');
    this.spilled = true;
    appendFileSync(this.raw, Buffer.concat(this.pieces));
    this.release();
  }
  private release(): void {
    this.list.held -= this.held;
    this.pieces = [];
    this.held = 0;
  }
  /** The file's digest (once all its text is added). */
  digest(): string {
    this.encode();
    return this.hash.digest('hex').slice(0, 16);
  }
  /** Compressed into `file` (by rename). */
  async write(file: string): Promise<void> {
    this.encode();
    if (!this.spilled) {
      const bytes = Buffer.concat(this.pieces);
      this.release();
      return writeGzip(file, bytes);
    }
    this.spill();
    await pipeline(createReadStream(this.raw), createGzip(GZIP), createWriteStream(`${file}.partial`));
    await rename(`${file}.partial`, file);
    await rm(this.raw);
  }
  /** Dropped: the file is what it was. */
  async drop(): Promise<void> {
    this.text = [];
    this.characters = 0;
    this.release();
    if (this.spilled) await rm(this.raw);
  }
}

/** How a list in parts is written (writeParts). */
export interface PartsOptions {
  /** Bytes of its parts held in memory at once (HELD_BYTES). */
  heldBytes?: number;
  /** Keys whose parts stay as the last index lists them: none of their items is given (keptKeys says which can). */
  kept?: ReadonlySet<string>;
}

/** The keys of a list in parts (in `dir`) whose every part is there as its index lists it: those writeParts may keep. */
export async function keptKeys(dir: string): Promise<Set<string>> {
  const index = await readJson<PartsIndex>(join(dir, 'index.json'), { field: '', count: 0, parts: [] });
  const missing = new Set(index.parts.filter((p) => ![p.json, ...(p.csv ? [p.csv] : [])].every((f) => existsSync(join(dir, f)))).map((p) => p.key));
  return new Set(index.parts.flatMap((p) => (p.key !== undefined && !missing.has(p.key) ? [p.key] : [])));
}

/**
 * A list written in parts into `dir` (PartsSpec): items go to their key's part, and a part that has
 * PART_CHARACTERS of JSON is closed and the key's next one opened (`2017`, `2017-2` …; without keys,
 * `part-001` …). Each part is compressed (gzip: the site's data is a bulk download, and a third of
 * its size so), and written only when its JSON is not what the index says it was. Then the index.
 * Items are encoded as they come, and held up to `heldBytes` for all the parts at once (beyond it, a
 * part's text goes to a plain file of its own, compressed when it closes). Files of the
 * folder that are not of this list any more are removed. Returns the files, relative to `dir`.
 */
export function writeParts(dir: string, spec: PartsSpec, options: PartsOptions = {}): Promise<string[]> {
  const keyOf = spec.key as ((item: unknown) => string) | undefined;
  const keyed = map(spec.items, (item): [string | undefined, unknown] => [keyOf?.(item), item]);
  return writeKeyedParts(dir, spec.field, keyed, spec.csv as ((items: Iterable<unknown>) => Iterable<string>) | undefined, options);
}

/** writeParts, its items given with their keys (undefined: a list without keys, in numbered parts). */
export async function writeKeyedParts(
  dir: string,
  field: string,
  items: Iterable<readonly [key: string | undefined, item: unknown]>,
  csvOf: ((items: Iterable<unknown>) => Iterable<string>) | undefined,
  { heldBytes = HELD_BYTES, kept = new Set<string>() }: PartsOptions = {},
): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const last = await readJson<PartsIndex>(join(dir, 'index.json'), { field, count: 0, parts: [] });
  const before = new Map(last.parts.map((p) => [p.name, p]));
  const keptParts = last.parts.filter((p) => p.key !== undefined && kept.has(p.key));
  type Open = PartEntry & { jsonFile: PartFile; csvFile?: PartFile; size: number };
  const parts: Open[] = [];
  const open = new Map<string, Open>();
  const perKey = new Map<string, number>();
  const files: string[] = keptParts.flatMap((p) => [p.json, ...(p.csv ? [p.csv] : [])]);
  let csvHeader: string | undefined;
  const held = { held: 0, limit: heldBytes };
  const close = async (p: Open) => {
    p.jsonFile.add(']}');
    p.sha = p.jsonFile.digest();
    const last = before.get(p.name);
    const same = last?.sha === p.sha && last.json === p.json && existsSync(join(dir, p.json)) && (!p.csv || existsSync(join(dir, p.csv)));
    for (const [f, name] of [[p.jsonFile, p.json], ...(p.csvFile ? [[p.csvFile, p.csv!] as const] : [])] as const) {
      if (same) await f.drop();
      else await f.write(join(dir, name));
    }
    files.push(p.json, ...(p.csv ? [p.csv] : []));
  };
  let count = keptParts.reduce((n, p) => n + p.count, 0);
  for (const [itemKey, item] of items) {
    const key = itemKey ?? '';
    if (kept.has(key)) throw new Error(`${dir}: an item of the kept key ${key}`);
    const json = JSON.stringify(item);
    let p = open.get(key);
    if (p && p.size + json.length > PART_CHARACTERS && p.count > 0) {
      await close(p);
      p = undefined;
    }
    if (!p) {
      const n = (perKey.get(key) ?? 0) + 1;
      perKey.set(key, n);
      const name = itemKey !== undefined ? (n === 1 ? key : `${key}-${n}`) : `part-${String(n).padStart(3, '0')}`;
      const entry = { name, ...(itemKey !== undefined ? { key } : {}), json: `${name}.json.gz`, ...(csvOf ? { csv: `${name}.csv.gz` } : {}), count: 0, sha: '' };
      p = { ...entry, jsonFile: new PartFile(join(dir, `${name}.json.raw`), held), ...(csvOf ? { csvFile: new PartFile(join(dir, `${name}.csv.raw`), held) } : {}), size: 0 };
      p.jsonFile.add(`{${JSON.stringify(field)}:[`);
      parts.push(p);
      open.set(key, p);
    }
    p.jsonFile.add(p.count > 0 ? `,${json}` : json);
    if (csvOf && p.csvFile) {
      // The CSV of one item: its header, then its row (the header once per part).
      const [header, ...rows] = [...csvOf([item])];
      csvHeader ??= header;
      if (p.count === 0) p.csvFile.add(csvHeader!);
      for (const r of rows) p.csvFile.add(r);
    }
    p.size += json.length + 1;
    p.count++;
    count++;
  }
  for (const p of open.values()) await close(p);
  // Parts in the order of their names (years in order), each as its index lists it.
  const entries = [...keptParts, ...parts.map(({ name, key, json, csv, count: n, sha }) => ({ name, ...(key !== undefined ? { key } : {}), json, ...(csv ? { csv } : {}), count: n, sha }))];
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const index: PartsIndex = { field, count, parts: entries };
  await writeText(join(dir, 'index.json'), [JSON.stringify(index, null, 1)]);
  files.push('index.json');
  const wanted = new Set(files);
  for (const f of await readdir(dir)) if (!wanted.has(f) && !f.endsWith('.partial')) await rm(join(dir, f), { recursive: true, force: true });
  return files;
}
