/** Per-document results: worked out once per document, kept between builds under the document's digest. */
import { describe, expect, it } from 'vitest';
import { documentDigest, keptFor, perDocument, setDocumentDigest, useDocumentStore, type DocumentStore } from '../../src/lib/per-document.ts';

function memoryStore(): DocumentStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, get: (k) => (data.has(k) ? JSON.parse(data.get(k)!) : undefined), set: (k, v) => void data.set(k, JSON.stringify(v)) };
}

describe('perDocument', () => {
  it('works a result out once per document and name when there is a store, every time when there is none', () => {
    let calls = 0;
    const d = { id: 'a', text: '医联体' };
    const count = () => ++calls;
    useDocumentStore(memoryStore());
    try {
      expect(perDocument('n', d, count)).toBe(1);
      expect(perDocument('n', d, count)).toBe(1);
      expect(perDocument('m', d, count)).toBe(2);
      expect(perDocument('n', { ...d, text: '医共体' }, count)).toBe(3);
    } finally {
      useDocumentStore(undefined);
    }
    expect(perDocument('n', d, count)).toBe(4);
    expect(perDocument('n', d, count)).toBe(5);
  });

  it('takes a result from the store for a document with the same digest, and never for another', () => {
    const store = memoryStore();
    useDocumentStore(store);
    try {
      let calls = 0;
      const first = { id: 'a', text: '县域医共体' };
      expect(perDocument('events', first, () => ({ n: ++calls, list: [1, 2] }))).toEqual({ n: 1, list: [1, 2] });
      // The next build: a new object for the same document.
      const again = JSON.parse(JSON.stringify(first));
      expect(perDocument('events', again, () => ({ n: ++calls, list: [] }))).toEqual({ n: 1, list: [1, 2] });
      expect(perDocument('events', { id: 'a', text: '县域医联体' }, () => ({ n: ++calls, list: [] }))).toEqual({ n: 2, list: [] });
      // A document known by the digest of what it was made from (the pipeline's key).
      const named = { id: 'b' };
      setDocumentDigest(named, 'pipeline-x');
      expect(documentDigest(named)).toBe('pipeline-x');
      perDocument('figures', named, () => 7);
      expect(store.data.get('figures-pipeline-x')).toBe('7');
    } finally {
      useDocumentStore(undefined);
    }
  });

  it('keeps a corpus-wide result under its inputs: worked out again when they change, every time without them', () => {
    let calls = 0;
    const count = () => ++calls;
    useDocumentStore(memoryStore());
    try {
      expect(keptFor('timeline', 'a', count)).toBe(1);
      expect(keptFor('timeline', 'a', count)).toBe(1);
      expect(keptFor('timeline', 'b', count)).toBe(2);
      expect(keptFor('timeline', 'a', count)).toBe(1);
      expect(keptFor('timeline', undefined, count)).toBe(3);
      expect(keptFor('timeline', undefined, count)).toBe(4);
    } finally {
      useDocumentStore(undefined);
    }
  });
});

