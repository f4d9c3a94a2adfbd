/** identify: document ids kept across renames, duplicates recognised, removals recorded. */
import { describe, expect, it } from 'vitest';
import { assignBlockIds, assignDocumentIds, type Registry } from '../../src/pipeline/identify.ts';

describe('document ids', () => {
  const files = [
    { source: 'a.txt', sha256: '1' },
    { source: 'b.txt', sha256: '2' },
  ];
  const first = assignDocumentIds(files, { documents: [] });

  it('assigns short opaque lowercase ids to new documents', () => {
    expect(first.changes.map((c) => c.kind)).toEqual(['new', 'new']);
    for (const id of first.ids.values()) expect(id).toMatch(/^[a-z2-9]{6}$/);
  });

  it('keeps ids for the same names, and for a renamed file with the same bytes', () => {
    const again = assignDocumentIds([{ source: 'a.txt', sha256: '1' }, { source: 'renamed.txt', sha256: '2' }], first.registry);
    expect(again.ids.get('a.txt')).toBe(first.ids.get('a.txt'));
    expect(again.ids.get('renamed.txt')).toBe(first.ids.get('b.txt'));
    expect(again.changes).toEqual([{ kind: 'renamed', id: first.ids.get('b.txt'), from: 'b.txt', to: 'renamed.txt' }]);
  });

  it('records removed documents and never gives their id to another', () => {
    const gone = assignDocumentIds([{ source: 'a.txt', sha256: '1' }], first.registry);
    expect(gone.changes).toEqual([{ kind: 'removed', id: first.ids.get('b.txt'), source: 'b.txt' }]);
    const entry = gone.registry.documents.find((e) => e.id === first.ids.get('b.txt'));
    expect(entry?.removed).toBe(true);
    const reg: Registry = gone.registry;
    const next = assignDocumentIds([{ source: 'a.txt', sha256: '1' }, { source: 'b.txt', sha256: '3' }], reg);
    expect(next.ids.get('b.txt')).not.toBe(first.ids.get('b.txt'));
  });

  it('recognises byte-identical duplicates', () => {
    const dup = assignDocumentIds([...files, { source: 'copy of a.txt', sha256: '1' }], first.registry);
    expect(dup.changes).toContainEqual({ kind: 'duplicate', id: first.ids.get('a.txt'), source: 'copy of a.txt', of: 'a.txt' });
  });
});

describe('paragraph ids', () => {
  it('depend only on the paragraph text, so inserting a paragraph moves no anchor', () => {
    const before = assignBlockIds(['第一段。', '第二段。']);
    const after = assignBlockIds(['新插入的一段。', '第一段。', '第二段。']);
    expect(after.slice(1)).toEqual(before);
  });
  it('ignore whitespace and punctuation width, and number repeats', () => {
    expect(assignBlockIds(['医联体, 建设'])).toEqual(assignBlockIds(['医联体,建设']));
    const [a, b] = assignBlockIds(['同一段。', '同一段。']);
    expect(b).toBe(`${a}-2`);
  });
});
