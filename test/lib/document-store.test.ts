/** The per-document results on disk (scripts/lib/document-store.ts): a result's digest is its data's, however the data was made. */
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { deserialize, serialize } from 'node:v8';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resultFiles } from '../../scripts/lib/document-store.ts';

function store() {
  const dir = mkdtempSync(join(tmpdir(), 'kb-store-'));
  mkdirSync(join(dir, 'v'));
  return resultFiles(dir, 'v');
}

/** Plain data as results hold it: objects, arrays, strings (CJK too), numbers, booleans, null. */
const data = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.string({ unit: 'grapheme' }),
    fc.string({ unit: fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCodePoint(c)) }),
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.string({ maxLength: 4 }), tie('value'), { maxKeys: 4 }),
  ),
})).value;

describe('resultFiles', () => {
  it('gives the same digest for the same data, whether its strings are held one byte or two a character', () => {
    const s = store();
    // Sliced from a string with a CJK character, the ASCII text is held two bytes a character, and V8 serialises it so.
    const sliced = '医abcdefghijklmnopqrstuvwxyz'.slice(1);
    expect(serialize({ id: sliced }).equals(serialize({ id: 'abcdefghijklmnopqrstuvwxyz' }))).toBe(false);
    s.setResult('a', { id: sliced, n: 3 });
    s.setResult('b', { id: 'abcdefghijklmnopqrstuvwxyz', n: 3 });
    expect(s.digest('a')).toBe(s.digest('b'));
    expect(s.get('a')).toEqual({ id: 'abcdefghijklmnopqrstuvwxyz', n: 3 });
    s.setResult('c', { id: 'abcdefghijklmnopqrstuvwxyZ', n: 3 });
    expect(s.digest('c')).not.toBe(s.digest('a'));
    expect(s.digest('missing')).toBeUndefined();
    expect(s.get('missing')).toBeUndefined();
  });

  it('keeps Maps and Sets apart from plain objects and arrays, and from each other', () => {
    const s = store();
    s.setResult('map', new Map([['a', 1]]));
    s.setResult('object', { a: 1 });
    s.setResult('set', new Set(['a']));
    s.setResult('array', ['a']);
    expect(new Set(['map', 'object', 'set', 'array'].map((k) => s.digest(k))).size).toBe(4);
    expect(s.get('map')).toEqual(new Map([['a', 1]]));
  });

  it('reads back what it keeps; the same data read back and kept again has the same digest, other data another', () => {
    const s = store();
    fc.assert(
      fc.property(data, data, (x, y) => {
        s.setResult('x', x);
        expect(s.get('x')).toEqual(x);
        const digest = s.digest('x');
        s.setResult('x', deserialize(serialize(x)));
        expect(s.digest('x')).toBe(digest);
        s.setResult('y', y);
        // -0 and 0 are the same data here (JSON has one zero); everything else that differs, differs.
        if (!isDeepStrictEqual(JSON.parse(JSON.stringify(x)), JSON.parse(JSON.stringify(y)))) expect(s.digest('y')).not.toBe(digest);
      }),
      { numRuns: 300 },
    );
  });
});
