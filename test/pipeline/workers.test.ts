/** The pipeline in worker threads (scripts/lib/pipeline-workers.ts) gives exactly what it gives in one thread, hostile files included. */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { processCorpusInWorkers } from '../../scripts/lib/pipeline-workers.ts';
import { documentDigest } from '../../src/lib/per-document.ts';
import { processCorpus } from '../../src/pipeline/corpus.ts';
import { serializeRegistry } from '../../src/pipeline/identify.ts';
import { makeHostileCorpus } from '../helpers/hostile.ts';
import { SEEDS } from '../helpers/seeds.ts';

const errata = { documents: {} };
const today = '2026-11-22';

describe('the pipeline in worker threads', () => {
  it('gives the same documents, digests, skipped files, warnings and registry as one thread, and then takes every document from the store', async () => {
    const dir = makeHostileCorpus();
    // The seeds too, twice (a copy is listed once, as a duplicate).
    for (const f of readdirSync(SEEDS)) cpSync(join(SEEDS, f), join(dir, `seed-${f}`));
    cpSync(join(SEEDS, readdirSync(SEEDS)[0]!), join(dir, 'seed-copy.txt'));
    const names = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name).slice(dir.length + 1));
    const one = await processCorpus(names.map((name) => ({ name, bytes: new Uint8Array(readFileSync(join(dir, name))) })), { documents: [] }, errata, { today });
    // The store's folder for a code version, as the content build's store makes it (scripts/lib/document-store.ts).
    const cacheDir = mkdtempSync(join(tmpdir(), 'kb-pipeline-'));
    mkdirSync(join(cacheDir, 'test'));
    const threaded = await processCorpusInWorkers(dir, names, { documents: [] }, errata, { cacheDir, version: 'test', workers: 3, today });
    expect(one.documents.length).toBeGreaterThan(5);
    expect(one.skipped.some((s) => s.kind === 'duplicate')).toBe(true);
    expect(threaded.documents).toEqual(one.documents);
    expect(threaded.documents.map(documentDigest)).toEqual(one.documents.map(documentDigest));
    expect(threaded.skipped).toEqual(one.skipped);
    expect(threaded.warnings).toEqual(one.warnings);
    expect(threaded.changes).toEqual(one.changes);
    expect(serializeRegistry(threaded.registry)).toBe(serializeRegistry(one.registry));
    // Again with the registry it wrote: every document's result and every signature from the store, nothing worked out or written again.
    const kept = readdirSync(join(cacheDir, 'test')).sort();
    const again = await processCorpusInWorkers(dir, names, threaded.registry, errata, { cacheDir, version: 'test', workers: 2, today });
    expect(readdirSync(join(cacheDir, 'test')).sort()).toEqual(kept);
    expect(again.hits).toBeGreaterThanOrEqual(2 * one.documents.length);
    // Every result it used is one the first build kept.
    const keptKeys = kept.map((f) => f.replace(/\.[^.]+$/, ''));
    expect(again.used.filter((k) => !keptKeys.includes(k))).toEqual([]);
    expect(again.documents).toEqual(one.documents);
  }, 120_000);
});
