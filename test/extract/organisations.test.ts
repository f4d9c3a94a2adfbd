import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allMatches } from '../../src/lib/matches.ts';
import { nameSuffixes, suffixPattern } from '../../src/extract/organisations.ts';

/** The endings of a corpus's field (as the bundled corpus's lexicon gives them), before the engine's. */
const OWN = suffixPattern({
  organisationEndings: [
    { ending: '医疗管理集团', kind: 'hospital' },
    { ending: '医疗集团', kind: 'hospital' },
    { ending: '附[一二三四五六七八九]院', kind: 'hospital' },
  ],
});

const SUFFIXES = ['附一院', '附二院', '医院', '卫生院', '社区卫生服务中心', '医疗集团', '医疗管理集团', '集团', '公司', '研究院', '研究所'];
/** The expression the suffix scan replaces: a name of 1 to 18 characters, as short as it can be, then its suffix. */
const NAMED = /([\u4e00-\u9fa5A-Za-z0-9]{1,18}?)((?:医疗管理集团|医疗集团|附[一二三四五六七八九]院|医院|卫生院|社区卫生服务中心)|(?:集团|公司|研究院|研究所))/g;

/** Texts of suffixes, their pieces (near-misses), name characters, stops and other text, in runs long and short. */
const text = fc
  .array(
    fc.oneof(
      fc.constantFrom(...SUFFIXES),
      fc.constantFrom(...SUFFIXES).map((s) => s.slice(0, -1)),
      fc.constantFrom(...SUFFIXES).map((s) => s.slice(1)),
      fc.constantFrom('华西', '北京', 'HMO', '2017', '的', ',', '。', ' ', '、', '\ud83c\udfe5', '医', '疗', '院'),
      fc.constantFrom('重庆大学附属第一', '四川省人民', '远程视界').map((s) => s.repeat(3)),
      fc.string({ maxLength: 3 }),
    ),
    { maxLength: 30 },
  )
  .map((parts) => parts.join(''));

describe('names ending in a suffix', () => {
  it('are where the lazy name-then-suffix expression finds its suffixes', () => {
    fc.assert(
      fc.property(text, (t) => {
        const expected = allMatches(NAMED, t).map((m) => ({ start: m.index + m[1]!.length, end: m.index + m[0].length }));
        expect(nameSuffixes(t, OWN)).toEqual(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it('skips a suffix with no name before it, and one that starts inside the last', () => {
    // 医疗集团 after a comma: no name before 医疗集团, but 医疗 names the 集团 after it.
    expect(nameSuffixes(',医疗集团', OWN)).toEqual([{ start: 3, end: 5 }]);
    // The second 医院 has no name character of its own before it; 集团 inside 医疗集团 is not another suffix.
    expect(nameSuffixes('华西医院医院', OWN)).toEqual([{ start: 2, end: 4 }]);
    expect(nameSuffixes('某医疗集团', OWN)).toEqual([{ start: 1, end: 5 }]);
    expect(nameSuffixes('医院', OWN)).toEqual([]);
  });
});
