import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allMatches } from '../../src/lib/matches.ts';
import { PLACE_NAMES, placeAt, placeNamesIn } from '../../src/pipeline/places.ts';

/** Texts made of place names, their pieces (the first and last characters of one, to be near-misses) and other text. */
const text = fc
  .array(
    fc.oneof(
      fc.constantFrom(...PLACE_NAMES),
      fc.constantFrom(...PLACE_NAMES).map((n) => n.slice(0, -1)),
      fc.constantFrom(...PLACE_NAMES).map((n) => n.slice(1)),
      fc.constantFrom('省', '市', '医联体', '的', '2017年', ' ', '\ud83c\udfe5', '大同小异'),
      fc.string({ maxLength: 3 }),
    ),
    { maxLength: 30 },
  )
  .map((parts) => parts.join(''));

describe('place names in a text', () => {
  it('are what a global regular expression of the names, longest first, finds', () => {
    const names = new RegExp(PLACE_NAMES.join('|'), 'g');
    fc.assert(
      fc.property(text, (t) => {
        expect(placeNamesIn(t)).toEqual(allMatches(names, t).map((m) => ({ index: m.index, name: m[0] })));
      }),
      { numRuns: 1000 },
    );
  });

  it('at a position: the longest name that starts there', () => {
    fc.assert(
      fc.property(text, fc.nat(), (t, n) => {
        const i = t.length ? n % t.length : 0;
        expect(placeAt(t, i)).toBe(PLACE_NAMES.find((name) => t.startsWith(name, i)) ?? null);
      }),
      { numRuns: 1000 },
    );
    // 黑龙江 and 黑河 each whole, 呼和浩特 whole, 吉林 once (a province and a city).
    expect(placeNamesIn('黑龙江省黑河市与呼和浩特、吉林')).toEqual([
      { index: 0, name: '黑龙江' },
      { index: 4, name: '黑河' },
      { index: 8, name: '呼和浩特' },
      { index: 13, name: '吉林' },
    ]);
  });
});
