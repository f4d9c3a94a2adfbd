import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { characterTable } from '../../src/pipeline/script.ts';
import { fold, packTable, phraseText, queryParts, spelled, unpackTable } from '../../src/search/fold.ts';

const table = characterTable();

/** Marks that look alike, as a reader would list them: each with the keyboard's mark. */
const LOOKALIKES: Record<string, string> = {
  '∶': ':', '︰': ':', '﹕': ':', '꞉': ':', '﹐': ',', '﹑': '、', '﹒': '.', '﹔': ';', '﹖': '?', '﹗': '!', '﹙': '(', '﹚': ')',
  '‐': '-', '‑': '-', '‒': '-', '–': '-', '−': '-', '﹣': '-', '〜': '~', '∼': '~', '⁄': '/', '∕': '/',
  '・': '·', '‧': '·', '•': '·', '⋅': '·', '“': '"', '”': '"', '″': '"', '‘': "'", '’': "'", '′': "'",
};

/** The plain definition fold() must keep to (it is written for speed). */
function reference(text: string): string {
  let out = '';
  for (const ch of text) {
    if (/\s/.test(ch)) continue;
    let c = table[ch] ?? LOOKALIKES[ch] ?? ch;
    const code = c.charCodeAt(0);
    if (code >= 0xff01 && code <= 0xff5e) c = String.fromCharCode(code - 0xfee0);
    out += c.toLowerCase();
  }
  return out;
}

describe('folding for search', () => {
  it.each([
    ['醫聯體 HMO', '医联体hmo'],
    ['ＡＢＣ　１２３', 'abc123'],
    ['關於推進', '关于推进'],
    ['ΑΒΓ Ä', 'αβγä'],
    ['6∶3∶1', '6:3:1'],
    ['2–3小时', '2-3小时'],
    ['“医联体”', '"医联体"'],
  ])('%s', (text, expected) => expect(fold(text, table)).toBe(expected));

  it('is the plain definition, character for character, on any text', () => {
    const chars = fc.oneof(
      fc.constantFrom(...'醫聯體医联体關於分級診療 \t\n\u3000\u00a0\ufeffＡＺａｚ０９！～AZaz09ÄÖΣΑ𠀀😀∶–“”'.split('')),
      fc.integer({ min: 0, max: 0x2ffff }).map((c) => String.fromCodePoint(c)),
    );
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 60 }).map((a) => a.join('')), (text) => {
        expect(fold(text, table)).toBe(reference(text));
      }),
      { numRuns: 5000 },
    );
  });

  it('folds under each table its own way, whatever was folded before under another', () => {
    const other = { 體: '体' };
    expect(fold('醫聯體', table)).toBe('医联体');
    expect(fold('醫聯體', other)).toBe('醫聯体');
    expect(fold('醫聯體', {})).toBe('醫聯體');
    expect(fold('醫聯體', table)).toBe('医联体');
    // A character outside the Basic Multilingual Plane, and lone surrogates, as for…of reads them.
    expect(fold('𠀀Ａ\ud800Ｂ\udc00', table)).toBe('𠀀a\ud800b\udc00');
  });

  it('spells a text for the index as phraseText of the folded text, on any text', () => {
    const chars = fc.oneof(
      fc.constantFrom(...'醫聯體医联体關於分級診療。,《》 \t\n\u3000\u00a0\ufeffＡＺａｚ０９！～AZaz09ÄÖΣΑİ𠀀😀'.split('')),
      fc.integer({ min: 0, max: 0x2ffff }).map((c) => String.fromCodePoint(c)),
    );
    const text = fc.array(chars, { maxLength: 40 }).map((a) => a.join(''));
    fc.assert(
      fc.property(text, (t) => {
        expect(spelled(t, table)).toBe(phraseText(fold(t, table)).replaceAll(' ', ''));
      }),
      { numRuns: 3000 },
    );
    expect(spelled('醫聯體,HMO。İ', table)).toBe('医联体hmoi');
    // Lone surrogates joined by folding away the space between them, as phraseText(fold()) joins them.
    expect(spelled('\ud840\n\udc00', table)).toBe(phraseText(fold('\ud840\n\udc00', table)).replaceAll(' ', ''));
  });

  it('splits a query into parts and spells a phrase one character per word', () => {
    expect(queryParts(' 醫聯體　“华西” 医联体 ', table)).toEqual(['医联体', '华西']);
    expect(phraseText('医联体,hmo')).toBe('医 联 体 h m o');
  });

  it('ships the table packed, and unpacks it to the same table, in fewer bytes', () => {
    const packed = packTable(table);
    expect(unpackTable(packed)).toEqual(table);
    expect(Buffer.byteLength(JSON.stringify(packed))).toBeLessThan(Buffer.byteLength(JSON.stringify(table)) * 0.55);
    expect(() => packTable({ 乾: '干乾' })).toThrow(/one character/);
  });
});
