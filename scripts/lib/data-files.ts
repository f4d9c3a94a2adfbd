/** The content build's files: JSON read with a fallback, and data files written whole by rename, piece by piece. */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { readFile, rename } from 'node:fs/promises';
import { finished } from 'node:stream/promises';

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
