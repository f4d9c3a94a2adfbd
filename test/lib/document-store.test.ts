/** The per-document results on disk (scripts/lib/document-store.ts): a result's digest is its data's, however the data was made. */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { deserialize, serialize } from 'node:v8';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { documentStore, resultFiles } from '../../scripts/lib/document-store.ts';

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

describe('documentStore', () => {
  it('keeps the digests of the results a build used for the next build, which takes them while their files are there', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kb-store-'));
    const first = await documentStore(dir, 'v');
    first.setResult('a', { n: 1 });
    first.setResult('b', { n: 2 });
    first.setResult('gone', { n: 3 });
    const a = first.digest('a')!;
    // A worker thread wrote `c` and told its digest; `gone` was not used this time (a fresh store's view).
    const other = resultFiles(dir, 'v');
    other.setResult('c', { n: 4 });
    const c = other.digest('c')!;
    const next = await documentStore(dir, 'v');
    next.digest('a');
    next.digest('b');
    next.keep(['c'], [['c', c]]);
    await next.close();
    const index = JSON.parse(readFileSync(join(dir, 'v', 'digests.json'), 'utf8')) as Record<string, string>;
    expect(Object.keys(index)).toEqual(['a', 'b', 'c']);
    expect(existsSync(join(dir, 'v', 'gone.v8'))).toBe(false);
    // The next build reads a's digest from the index, not from its file (whose header is overwritten here) …
    const file = join(dir, 'v', 'a.v8');
    const bytes = readFileSync(file);
    bytes.fill(7, 0, 32);
    writeFileSync(file, bytes);
    const later = resultFiles(dir, 'v');
    expect(later.digest('a')).toBe(a);
    expect(later.digest('c')).toBe(c);
    // … and none for a result whose file is gone; a result written again has its new digest.
    rmSync(join(dir, 'v', 'b.v8'));
    expect(later.digest('b')).toBeUndefined();
    later.setResult('c', { n: 5 });
    expect(later.digest('c')).not.toBe(c);
    expect(resultFiles(dir, 'v').digest('c')).toBe(c);
  });

  it('reads an index it cannot parse as none', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kb-store-'));
    const s = await documentStore(dir, 'v');
    s.setResult('a', { n: 1 });
    const a = s.digest('a');
    await s.close();
    writeFileSync(join(dir, 'v', 'digests.json'), '{"a":');
    expect(resultFiles(dir, 'v').digest('a')).toBe(a);
  });
});
