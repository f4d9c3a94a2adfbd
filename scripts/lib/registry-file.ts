/**
 * The corpus's registry file (curation/registry.json), written a piece at a time: at 10,000
 * documents its text is 225 MB, and made whole, beside the committed file read whole to compare
 * them, it was the content build's peak (700 MB more). The new text is written to a file of the
 * build's own folder while it is hashed, and compared with the committed file by digest, read as a
 * stream. Its documents' part (their paragraph records) is written first, before the merges, so that
 * the build need not hold the records through them (scripts/content-build.ts).
 */
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { copyFile, mkdir, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { once } from 'node:events';

/** A file's sha-256, read as a stream ('' when there is no such file). */
async function fileDigest(file: string): Promise<string> {
  const hash = createHash('sha256');
  try {
    for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return '';
    throw err;
  }
  return hash.digest('hex');
}

/** The registry's new text, staged beside the build: whether it differs from the committed file, and how to put it in its place. */
export interface StagedRegistry {
  changed: boolean;
  /** Copy it over the committed file (the corpus folder's file is written in place, by copy: it may be on another file system than the build's folder). */
  commit(): Promise<void>;
  /** Remove the staged copy. */
  discard(): Promise<void>;
}

/** Text in pieces, as they are made or read. */
type Pieces = Iterable<string | Uint8Array> | AsyncIterable<string | Uint8Array>;

/** Write `pieces` to `file` as they come; their sha-256. */
export async function writePieces(pieces: Pieces, file: string): Promise<string> {
  await mkdir(dirname(file), { recursive: true });
  const out = createWriteStream(file);
  const hash = createHash('sha256');
  for await (const piece of pieces) {
    hash.update(piece);
    if (!out.write(piece)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return hash.digest('hex');
}

/** A file's bytes (as written by writePieces), then more pieces. */
export async function* fileThen(file: string, more: Iterable<string>): AsyncGenerator<string | Uint8Array> {
  for await (const chunk of createReadStream(file)) yield chunk as Buffer;
  yield* more;
}

/** Write `pieces` to `staging` (hashing them as they go) and compare them with `committed`. */
export async function stageRegistry(pieces: Pieces, staging: string, committed: string): Promise<StagedRegistry> {
  const changed = (await writePieces(pieces, staging)) !== (await fileDigest(committed));
  const discard = () => rm(staging, { force: true });
  return {
    changed,
    discard,
    commit: async () => {
      await mkdir(dirname(committed), { recursive: true });
      // Whole or not at all: copied next to it, then renamed over it.
      await copyFile(staging, `${committed}.partial`);
      await rename(`${committed}.partial`, committed);
      await discard();
    },
  };
}
