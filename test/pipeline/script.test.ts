import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchText } from '../../src/extract/numerals.ts';
import { characterTable, simplifyCharacters } from '../../src/pipeline/script.ts';

const table = characterTable();
const traditional = Object.keys(table);
/** Texts of traditional and simplified characters, full-width and half-width ASCII, surrogate pairs and anything else. */
const text = fc
  .array(
    fc.oneof(
      fc.constantFrom(...traditional.slice(0, 400)),
      fc.constantFrom('医联体', '２０１７年', '（ＨＭＯ）', 'ｈｍｏ', '！～', '\uff00', '\uff5f', '\ud83c\udfe5', '\ud83c'),
      fc.string({ maxLength: 4 }),
      fc.integer({ min: 0xff00, max: 0xff60 }).map((c) => String.fromCharCode(c)),
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(''));

/** Code unit by code unit: its simplified character, or with `halfWidth` its half-width form (！ to ～), or itself. */
const reference = (t: string, halfWidth: boolean) =>
  t
    .split('')
    .map((c) => table[c] ?? (halfWidth && c >= '\uff01' && c <= '\uff5e' ? String.fromCharCode(c.charCodeAt(0) - 0xfee0) : c))
    .join('');

describe('characters one for one', () => {
  it('simplified, and full-width ASCII made half-width when asked, nothing else changed', () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(simplifyCharacters(t)).toBe(reference(t, false));
        expect(simplifyCharacters(t, true)).toBe(reference(t, true));
        expect(matchText(t)).toBe(reference(t, true));
      }),
      { numRuns: 1000 },
    );
    expect(matchText('醫聯體（ＨＭＯ）２０１７年')).toBe('医联体(HMO)2017年');
  });
});
