import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEV_WEB, expectedDocument, expectedDocuments, LONG_TERM_CARE } from '../../scripts/bench/labelled-corpus.ts';
import { foundGlossary, withoutCurated } from '../../src/extract/found-glossary.ts';
import { generalCount } from '../../src/extract/general-words.ts';
import { GramTable, HASH1, HASH2, nextHash1, nextHash2 } from '../../src/extract/gram-counts.ts';
import { definitionsIn } from '../../src/extract/term-definitions.ts';
import { discoverTerms, type DiscoveredTerm } from '../../src/extract/term-discovery.ts';
import { compound, evidenceOf, termEvidence } from '../../src/extract/term-evidence.ts';
import { seedCorpus } from '../helpers/seeds.ts';

const corpus = (dir: string) => expectedDocuments(dir).map((e) => expectedDocument(e, dir));
/** The term (or one of its names) as discovery gives it. */
const find = (terms: readonly DiscoveredTerm[], name: string) => terms.find((t) => t.term === name || t.synonyms.includes(name));

describe('what a sentence defines', () => {
  it.each([
    ['长期护理保险（以下简称“长护险”）是针对因年老丧失生活自理能力的被保险人给予补偿的健康保险。', { abbreviations: [['长护险', '长期护理保险']], defined: ['长期护理保险'] }],
    ['長期照顧（以下簡稱長照）是指身心失能持續已達六個月以上者所需之服務。', { abbreviations: [['长照', '长期照顾']], defined: ['长期照顾'] }],
    ['本部於民國106年1月起實施長期照顧十年計畫2.0（以下稱長照2.0），擴大服務對象。', { abbreviations: [['长照2.0', '长期照顾十年计画2.0']], defined: [] }],
    ['為加快推進按疾病診斷相關分組（DRG）付費和按病種分值（DIP）付費', { abbreviations: [['DRG', '疾病诊断相关分组'], ['DIP', '病种分值']], defined: [] }],
    ['长护险，即长期护理保险，是为长期失能人员提供资金保障的社会保险。', { abbreviations: [['长护险', '长期护理保险']], defined: [] }],
    ['所谓“失智专区”，是指护理机构为重度失智老人单独设立的照护区域。', { abbreviations: [], defined: ['失智专区'] }],
    ['第二条　本细则所称失能，是指参保人员因年老、疾病等原因导致生活能力丧失。', { abbreviations: [], defined: ['失能'] }],
    ['专护，即在二级及以上医院设立的医疗专护病房；院护由护理院提供。', { abbreviations: [], defined: ['专护'] }],
    ['医联体是指由不同级别、类别医疗机构之间通过纵横向整合所形成的医疗机构联合组织。', { abbreviations: [], defined: ['医联体'] }],
  ])('%s', (sentence, expected) => {
    const found = definitionsIn(sentence);
    expect(found.abbreviations.filter((a) => !a.organisation).map((a) => [a.short, a.long])).toEqual(expected.abbreviations);
    expect(found.definitions.map((d) => d.term)).toEqual(expected.defined);
  });
  it.each([
    ['（三）易腐垃圾，是指易腐烂的、含有机质的生活废弃物；', '易腐垃圾，是指'],
    ['第二条　本细则所称失能，是指参保人员因年老、疾病等原因导致生活能力丧失。', '本细则所称失能'],
    ['二、河长制，是指由各级党政主要负责同志担任河长的制度。', '河长制，是指'],
  ])('a definition is quoted without the number of its article or list item: %s', (sentence, start) => {
    expect(definitionsIn(sentence).definitions[0]!.text.startsWith(start)).toBe(true);
  });
  it('a body named with its short name is an organisation, not a term', () => {
    expect(definitionsIn('中国互联网络信息中心（CNNIC）发布的报告').abbreviations).toEqual([{ short: 'CNNIC', long: '中国互联网络信息中心', organisation: true }]);
    expect(definitionsIn('国家医疗保障局（以下简称“国家医保局”）').abbreviations[0]).toMatchObject({ organisation: true });
  });
  it('a definition is the clause as written, in its own script', () => {
    expect(definitionsIn('喘息服務，即由居家或機構提供短期照顧，讓家庭照顧者得以休息。').definitions[0]).toEqual({ term: '喘息服务', text: '喘息服務，即由居家或機構提供短期照顧，讓家庭照顧者得以休息。', form: 1 });
  });
  it('never throws on untrusted text', () => {
    fc.assert(fc.property(fc.string({ maxLength: 80 }), (s) => void definitionsIn(s)), { numRuns: 1000 });
  });
});

describe('the general-language baseline', () => {
  it('knows common words and not a corpus’s own', () => {
    expect(generalCount('服务')).toBeGreaterThan(10000);
    expect(generalCount('医院')).toBeGreaterThan(1000);
    expect(generalCount('医联体')).toBe(0);
    expect(generalCount('长护险')).toBe(0);
  });
  it('tells a compound of common words (互联网医院) from a new word (医联体) and a common word (医院)', () => {
    expect(compound('互联网医院')).toBe(true);
    expect(compound('长期护理保险')).toBe(true);
    expect(compound('医联体')).toBe(false);
    expect(compound('医院')).toBe(false);
  });
});

describe('counting strings', () => {
  it('the table counts every string as a plain map of strings does', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...'医联体护理保险长期失能服务'.split('')), { maxLength: 60 }).map((a) => a.join('')), (text) => {
        const oracle = new Map<string, number>();
        const table = new GramTable(4);
        for (let i = 0; i < text.length; i++) {
          let h1 = HASH1;
          let h2 = HASH2;
          for (let n = 1; n <= 8 && i + n <= text.length; n++) {
            h1 = nextHash1(h1, text.charCodeAt(i + n - 1));
            h2 = nextHash2(h2, text.charCodeAt(i + n - 1));
            if (n < 2) continue;
            table.add(h1, h2, i * 16 + n);
            oracle.set(text.slice(i, i + n), (oracle.get(text.slice(i, i + n)) ?? 0) + 1);
          }
        }
        const counted = new Map(table.filter(() => true).map((slot) => [text.substr(table.first[slot]! >> 4, table.first[slot]! & 15), table.counts[slot]!]));
        expect(counted).toEqual(oracle);
      }),
      { numRuns: 300 },
    );
  });
  it('a document’s evidence is bounded by its length and the same for the same document', () => {
    const doc = corpus(LONG_TERM_CARE)[0]!;
    const a = termEvidence(doc);
    expect(termEvidence(doc)).toEqual(a);
    expect(a.grams.length).toBeLessThanOrEqual(48 + a.chars / 8 + a.definitions.length + 2 * a.abbreviations.length + 10);
  });
  it('the corpus’s terms do not depend on the order the documents come in', () => {
    const evidence = corpus(LONG_TERM_CARE).map(termEvidence);
    const forward = discoverTerms(() => evidence);
    fc.assert(
      fc.property(fc.shuffledSubarray(evidence, { minLength: evidence.length }), (shuffled) => {
        expect(discoverTerms(() => shuffled)).toEqual(forward);
      }),
      { numRuns: 10 },
    );
  });
});

describe('the glossary of a corpus with no term list', () => {
  it('long-term-care: its central terms, with their definitions, short forms and both scripts', () => {
    const terms = discoverTerms(() => corpus(LONG_TERM_CARE).map(termEvidence));
    const top = terms.slice(0, 10).flatMap((t) => [t.term, ...t.synonyms]);
    for (const name of ['长期护理保险', '长护险', '失能', '长期照顾', '长照']) expect(top, name).toContain(name);
    expect(find(terms, '长期护理保险')!.synonyms.concat(find(terms, '长期护理保险')!.term)).toEqual(expect.arrayContaining(['长护险', '长期护理保险']));
    for (const [name, defined] of [
      ['失能', '本细则所称失能，是指'],
      ['失能等级评估', '失能等级评估是指'],
      ['定点护理服务机构', '定点护理服务机构，即'],
      ['长期照顾', '長期照顧（以下簡稱長照）是指'],
      ['喘息服务', '喘息服務，即'],
    ] as Array<[string, string]>) {
      expect(find(terms, name)?.definition?.text, name).toContain(defined);
    }
    expect(find(terms, '长照2.0')).toBeDefined();
    expect(find(terms, '护理服务')).toBeDefined();
    expect(find(terms, '长期照顾')!.variants).toEqual(expect.arrayContaining(['长期照顾', '長期照顧']));
    // Not terms: a body (国家医保局), a place, a time, a count, the forum's chrome.
    for (const name of ['国家医保局', '医疗保障局', '南宁市', '年底', '两年', '只看该作者']) expect(find(terms, name), name).toBeUndefined();
  });

  it('dev-web: DRG and DIP with their long forms, 家庭医生, 分级诊疗, 互联网医院', () => {
    const terms = discoverTerms(() => corpus(DEV_WEB).map(termEvidence));
    expect(find(terms, 'DRG')!.synonyms).toContain('疾病诊断相关分组');
    expect(find(terms, 'DIP')!.synonyms).toContain('病种分值');
    for (const name of ['家庭医生', '分级诊疗', '互联网医院', '医保', '基层医疗']) expect(find(terms, name), name).toBeDefined();
    expect(terms.slice(0, 5).map((t) => t.term)).toEqual(expect.arrayContaining(['DRG', 'DIP']));
  });

  it('the seeds: 医联体 first (with the long form that introduces it), its kinds, 分级诊疗, 双向转诊', async () => {
    const documents = (await seedCorpus()).documents;
    const terms = discoverTerms(() => documents.map(termEvidence));
    expect(terms[0]!.term).toBe('医联体');
    expect(terms[0]!.synonyms).toContain('区域性医疗联合体');
    for (const name of ['分级诊疗', '紧密型医联体', '松散型医联体', '专科医联体', '双向转诊', '远程医疗', '医疗联合体']) expect(find(terms, name), name).toBeDefined();
    // Strings are counted in each document's first EVIDENCE_CHARS characters: 医共体 comes only later, in one seed (9,122 characters).
    expect(find(terms, '医共体')).toBeUndefined();
    expect(find(discoverTerms(() => documents.map((d) => evidenceOf(d, Infinity))), '医共体')).toBeDefined();
  });

  it('with its mentions per document, and a curated term list first', () => {
    const docs = corpus(LONG_TERM_CARE);
    const glossary = foundGlossary(docs, { limit: 10 });
    const care = glossary.find((t) => t.term === '长护险' || t.term === '长期护理保险')!;
    expect(Object.keys(care.counts).length).toBeGreaterThanOrEqual(7);
    expect(care.mentions.every((m) => m.text.slice(m.start, m.end).length >= 3)).toBe(true);
    const curated = [{ id: 'changhuxian', term: '长期护理保险', synonyms: ['长护险'] }];
    expect(withoutCurated(discoverTerms(() => docs.map(termEvidence)), curated).some((t) => t.synonyms.includes('长护险') || t.term === '长护险')).toBe(false);
  });
});
