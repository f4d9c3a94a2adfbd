import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { keepEntryPages } from '../../scripts/lib/entry-pages.ts';
import { parseRegistry, serializeRegistry, type Registry } from '../../src/pipeline/identify.ts';

describe('entry pages kept in the registry', () => {
  it('retires the entries a build no longer lists, keeps every one, and takes today\'s name', () => {
    const before = { policies: { a1: '《甲》', b2: '《乙》' }, terms: { t1: '旧名' } };
    const { entries, retired } = keepEntryPages(before, [
      { folder: 'policies', entries: [['b2', '《乙》'], ['c3', '《丙》']] },
      { folder: 'terms', entries: [['t1', '新名']] },
      { folder: 'places', entries: [] },
    ]);
    expect(entries).toEqual({ places: {}, policies: { a1: '《甲》', b2: '《乙》', c3: '《丙》' }, terms: { t1: '新名' } });
    expect(retired).toEqual({ policies: [{ id: 'a1', name: '《甲》' }] });
    // An entry that comes back is live again.
    expect(keepEntryPages(entries, [{ folder: 'policies', entries: [['a1', '《甲》']] }]).retired).toEqual({ policies: [{ id: 'b2', name: '《乙》' }, { id: 'c3', name: '《丙》' }], terms: [{ id: 't1', name: '新名' }] });
  });

  it('round-trips through the registry file, names with spaces and all, in one order whatever the order given', () => {
    const id = fc.stringMatching(/^[a-z0-9-]{1,10}$/);
    const name = fc.string({ minLength: 1, maxLength: 12 });
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom('policies', 'organisations', 'places', 'terms'), fc.dictionary(id, name)), (entries) => {
        const registry: Registry = { documents: [], entries };
        const text = serializeRegistry(registry);
        const back = parseRegistry(JSON.parse(text));
        const nonEmpty = Object.fromEntries(Object.entries(entries).filter(([, v]) => Object.keys(v).length > 0));
        expect(back.entries ?? {}).toEqual(nonEmpty);
        expect(serializeRegistry(back)).toBe(text);
        const reversed = Object.fromEntries(Object.entries(entries).reverse().map(([k, v]) => [k, Object.fromEntries(Object.entries(v).reverse())]));
        expect(serializeRegistry({ documents: [], entries: reversed })).toBe(text);
      }),
    );
  });
});
