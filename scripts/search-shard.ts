/**
 * Index shards of the corpus with Pagefind, in a process of its own (so that shards are built side
 * by side, and the memory goes back when the process ends); scripts/search-index.ts starts one or
 * more and sends each one shard after another (IPC messages: ShardJob in, ShardDone out), so that
 * Node and the fold table start once per process, not once per shard.
 * A shard is its Pagefind files, with its documents' units files in place of Pagefind's fragments
 * (scripts/lib/search-units.ts), and its documents' records for the file:// search (comma-separated JSON).
 * From a terminal, one shard: tsx scripts/search-shard.ts <output folder> <records file> <document id>...
 */
import { corpusConfig } from '../src/corpus/config.ts';
import { open, readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { characterTable } from '../src/pipeline/script.ts';
import { INDEX_LANGUAGE, offlineRecord, pagefindRecord, searchDocument } from '../src/search/records.ts';
import { packDocuments, writeUnits } from './lib/search-units.ts';

export interface ShardJob {
  outputPath: string;
  recordsPath: string;
  ids: string[];
}
export type ShardDone = { ok: true } | { ok: false; error: string };

const ROOT = join(import.meta.dirname, '..');
const generated = join(ROOT, 'src', 'generated', 'data', 'documents');
const base = corpusConfig().base;
/** Pagefind's files for its own UIs: this site has its own search page and never loads them. */
const UNUSED = /^pagefind-(ui|modular-ui|component-ui|highlight)\.(js|css)$/;
/** Records sent to Pagefind before waiting for its answers. */
const IN_FLIGHT = 16;
const table = characterTable();

async function buildShard({ outputPath, recordsPath, ids }: ShardJob): Promise<void> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: INDEX_LANGUAGE });
  if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
  let pending: Promise<unknown>[] = [];
  // Each document is let go of as soon as it is sent: its records for the file:// search go to their
  // file, its units are kept packed (a sixth of the size) until Pagefind has named its page.
  const offline = await open(recordsPath, 'w');
  const packed = new Map<string, Buffer>();
  try {
    for (const [i, id] of ids.entries()) {
      const d = JSON.parse(await readFile(join(generated, `${id}.json`), 'utf8'));
      const doc = searchDocument(d, base);
      await offline.write(`${i ? ',' : ''}${JSON.stringify(offlineRecord(doc, base))}`);
      packed.set(doc.url, packDocuments([doc]));
      pending.push(
        index.addCustomRecord(pagefindRecord(doc, d.published, table)).then((r) => {
          if (r.errors.length) throw new Error(`pagefind, document ${id}: ${r.errors.join('; ')}`);
        }),
      );
      if (pending.length >= IN_FLIGHT) {
        await Promise.all(pending);
        pending = [];
      }
    }
  } finally {
    await offline.close();
  }
  await Promise.all(pending);
  const written = await index.writeFiles({ outputPath });
  if (written.errors.length) throw new Error(`pagefind: ${written.errors.join('; ')}`);
  // Pagefind's service stops, and its memory goes back, after each shard (the next one starts its own):
  // a service kept on keeps the memory of its largest index.
  await pagefind.close();
  for (const f of await readdir(outputPath)) if (UNUSED.test(f)) await rm(join(outputPath, f));
  await writeUnits(outputPath, packed);
}

if (process.send) {
  // Started by search-index.ts: one job at a time until it lets go.
  const send = (message: ShardDone) => new Promise<void>((resolve) => process.send!(message, () => resolve()));
  process.on('message', (job: ShardJob) => {
    buildShard(job).then(
      () => send({ ok: true }),
      (err: Error) => send({ ok: false, error: err.stack ?? err.message }),
    );
  });
  process.on('disconnect', () => process.exit(0));
} else {
  const [outputPath, recordsPath, ...ids] = process.argv.slice(2);
  if (!outputPath || !recordsPath) throw new Error('usage: tsx scripts/search-shard.ts <output folder> <records file> <document id>...');
  await buildShard({ outputPath, recordsPath, ids });
}
