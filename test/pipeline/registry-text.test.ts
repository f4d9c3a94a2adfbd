import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileThen, stageRegistry, writePieces } from '../../scripts/lib/registry-file.ts';
import { registryDocumentPieces, registryEntryPieces, registryPieces, serializeRegistry, type Registry } from '../../src/pipeline/identify.ts';
import type { DocumentId } from '../../src/pipeline/types.ts';

/** The registry file as it has always been written: JSON.stringify of the whole, with an indent of one (the files committed so far). */
function wholeText(registry: Registry): string {
  const documents = registry.documents.map(({ paragraphs, ...rest }) => ({ ...rest, ...(paragraphs ? { paragraphs } : {}) }));
  const entries = Object.entries(registry.entries ?? {})
    .filter(([, byId]) => Object.keys(byId).length > 0)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([folder, byId]) => [folder, Object.keys(byId).sort().map((id) => `${id} ${byId[id]}`)] as const);
  return `${JSON.stringify({ documents, ...(entries.length > 0 ? { entries: Object.fromEntries(entries) } : {}) }, null, 1)}\n`;
}

const id = fc.stringMatching(/^[a-z0-9]{1,8}$/);
const text = fc.string({ maxLength: 12, unit: 'binary' });
const paragraph = fc.tuple(id, fc.stringMatching(/^[0-9a-f]{8}$/), fc.stringMatching(/^[0-9a-f]{16}$/)).map((parts) => parts.join(' '));
const entry = fc.record(
  {
    id,
    source: text,
    sha256: fc.stringMatching(/^[0-9a-f]{64}$/),
    sig: fc.stringMatching(/^[0-9a-f]{64}$/),
    chars: fc.nat(),
    added: fc.constantFrom('2026-12-06', '2020-01-01'),
    removed: fc.constant(true as const),
    mergedInto: id,
    paragraphs: fc.array(paragraph, { maxLength: 4 }),
    retired: fc.dictionary(id, fc.option(id, { nil: null })),
  },
  { requiredKeys: ['id', 'source', 'sha256', 'added'] },
);
const registry: fc.Arbitrary<Registry> = fc.record(
  { documents: fc.array(entry, { maxLength: 5 }), entries: fc.dictionary(fc.constantFrom('policies', 'terms', 'places'), fc.dictionary(id, text)) },
  { requiredKeys: ['documents'] },
) as fc.Arbitrary<Registry>;

describe('the registry file, written a document at a time', () => {
  it('is the text the whole registry made, byte for byte, whatever it holds (names with quotes, line breaks, lone surrogates)', () => {
    fc.assert(
      fc.property(registry, (r) => {
        expect(serializeRegistry(r)).toBe(wholeText(r));
      }),
      { numRuns: 500 },
    );
  });

  it('staged as the content build does, its documents first to a file of their own, then their text and the entries: the same bytes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kb-registry-parts-'));
    await fc.assert(
      fc.asyncProperty(registry, async (r) => {
        const part = join(dir, 'documents.part');
        await writePieces(registryDocumentPieces(r.documents), part);
        const staged = await stageRegistry(fileThen(part, registryEntryPieces(r.entries)), join(dir, 'staged.json'), join(dir, 'none.json'));
        expect(readFileSync(join(dir, 'staged.json'), 'utf8')).toBe(wholeText(r));
        await staged.discard();
      }),
      { numRuns: 100 },
    );
  });

  it('comes in one piece per document, so that no more than one is held', () => {
    const r: Registry = { documents: [1, 2, 3].map((n) => ({ id: `d${n}` as DocumentId, source: `${n}.txt`, sha256: '0'.repeat(64), added: '2026-12-06' })) };
    const pieces = [...registryPieces(r)];
    expect(pieces.filter((p) => p.includes('"source"'))).toHaveLength(3);
    expect(pieces.join('')).toBe(wholeText(r));
    expect(serializeRegistry({ documents: [] })).toBe('{\n "documents": []\n}\n');
  });
});
