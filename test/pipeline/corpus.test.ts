/** processCorpus with a store: each document worked out once, then taken from the store, also by the build after its ids were first written. */
import { describe, expect, it } from 'vitest';
import { processCorpus } from '../../src/pipeline/corpus.ts';
import type { DocumentStore } from '../../src/lib/store.ts';
import { parseRegistry, serializeRegistry } from '../../src/pipeline/identify.ts';
import { seedFiles } from '../helpers/seeds.ts';

/** A store counting the calls for documents' results (`calls`) and for files' summaries (`summaries`: with one kept, a file is not decoded). */
function countingStore() {
  const data = new Map<string, string>();
  const calls = { hits: 0, misses: 0, sets: 0 };
  const summaries = { hits: 0, misses: 0, sets: 0 };
  const count = (k: string) => (k.startsWith('summary-') ? summaries : calls);
  const store: DocumentStore = {
    get: (k) => {
      if (data.has(k)) count(k).hits++;
      else count(k).misses++;
      return data.has(k) ? JSON.parse(data.get(k)!) : undefined;
    },
    set: (k, v) => {
      count(k).sets++;
      data.set(k, JSON.stringify(v));
    },
  };
  return { store, calls, summaries, data };
}

const errata = { documents: {} };
const today = '2026-11-22';

describe('processCorpus with a store', () => {
  it('takes every document from the store in the build after the one that registered it, with the same digest', async () => {
    const { store, calls, summaries } = countingStore();
    // A corpus new to the registry: the first build assigns every id and records its paragraphs.
    const first = await processCorpus(seedFiles(), { documents: [] }, errata, { store, today });
    expect(calls.hits).toBe(0);
    expect(summaries).toEqual({ hits: 0, misses: 5, sets: 5 });
    expect(first.documents.length).toBe(5);
    // The next build reads the registry the first one wrote (as committed).
    const registry = parseRegistry(JSON.parse(serializeRegistry(first.registry)));
    const before = { ...calls };
    const second = await processCorpus(seedFiles(), registry, errata, { store, today });
    expect(calls.hits - before.hits).toBe(5);
    expect(calls.misses - before.misses).toBe(0);
    expect(calls.sets - before.sets).toBe(0);
    // Nor is any file decoded and summarised again.
    expect(summaries).toEqual({ hits: 5, misses: 5, sets: 5 });
    expect(second.documents).toEqual(first.documents);
    expect([...second.digests]).toEqual([...first.digests]);
    expect(serializeRegistry(second.registry)).toBe(serializeRegistry(first.registry));
  });

  it('works a document out again when its text changes, and only that one', async () => {
    const { store, calls, summaries } = countingStore();
    const first = await processCorpus(seedFiles(), { documents: [] }, errata, { store, today });
    const registry = parseRegistry(JSON.parse(serializeRegistry(first.registry)));
    const files = seedFiles();
    const text = new TextDecoder().decode(files[1]!.bytes).split('\n');
    files[1] = { ...files[1]!, bytes: new TextEncoder().encode([...text.slice(0, 12), '', '这一段是后来加上的,只为看缓存是否只重算这一篇。', '', ...text.slice(12)].join('\n')) };
    const before = { ...calls };
    const second = await processCorpus(files, registry, errata, { store, today });
    expect(calls.misses - before.misses).toBe(1);
    expect(calls.hits - before.hits).toBe(4);
    expect(summaries).toEqual({ hits: 4, misses: 6, sets: 6 });
    const changed = second.documents.find((d) => d.source === files[1]!.name)!;
    expect(changed.blocks.some((b) => 'text' in b && String(b.text).includes('只为看缓存'))).toBe(true);
  });

  it('decodes a file again when its summary is kept and its result is not, and gives the same document', async () => {
    const { store, calls, summaries, data } = countingStore();
    const first = await processCorpus(seedFiles(), { documents: [] }, errata, { store, today });
    const registry = parseRegistry(JSON.parse(serializeRegistry(first.registry)));
    // Every document's result is lost; the summaries stay.
    for (const k of [...data.keys()]) if (k.startsWith('pipeline-')) data.delete(k);
    const before = { ...calls };
    const second = await processCorpus(seedFiles(), registry, errata, { store, today });
    expect(summaries.hits).toBe(5);
    expect(calls.misses - before.misses).toBe(5);
    expect(second.documents).toEqual(first.documents);
    expect([...second.digests]).toEqual([...first.digests]);
  });
});
