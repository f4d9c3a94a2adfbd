import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allMatches } from '../../src/lib/matches.ts';

/** What allMatches must give: String.prototype.matchAll's matches (index, groups and all). */
const reference = (re: RegExp, text: string) => [...text.matchAll(re)].map((m) => ({ index: m.index, all: [...m] }));
const mine = (re: RegExp, text: string) => allMatches(re, text).map((m) => ({ index: m.index, all: [...m] }));

describe('allMatches', () => {
  it('finds what matchAll finds, empty matches and astral characters included, on any text', () => {
    const patterns = ['医联体|医共体', '(\\d+)(万|亿)?', 'a*', '(?:)', '[^。]*。?', '\\p{Script=Han}*', '.', '(?<=联)体|$'];
    const text = fc.array(fc.constantFrom(...'医联体共。1２3万亿ab 😀𠀀'.split(''), '😀', '𠀀'), { maxLength: 30 }).map((a) => a.join(''));
    fc.assert(
      fc.property(fc.constantFrom(...patterns), fc.constantFrom('g', 'gu', 'gv', 'gy'), text, (source, flags, t) => {
        if (/\\p/.test(source) && flags === 'g') return;
        const re = new RegExp(source, flags);
        expect(mine(re, t)).toEqual(reference(new RegExp(source, flags), t));
        expect(re.lastIndex).toBe(0);
      }),
      { numRuns: 3000 },
    );
  });

  it('can be used again on the same expression while its matches are read', () => {
    const re = /联/g;
    const outer = allMatches(re, '联联联').map((m) => allMatches(re, '联联').length + m.index);
    expect(outer).toEqual([2, 3, 4]);
  });

  it('refuses an expression without the g flag, as matchAll does', () => {
    expect(() => allMatches(/联/, '联')).toThrow(/not global/);
  });
});
