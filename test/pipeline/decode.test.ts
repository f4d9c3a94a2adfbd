/** decode: every encoding the corpus may arrive in, made here from a known string. */
import { describe, expect, it } from 'vitest';
import { decode } from '../../src/read/decode.ts';

const zh = '医联体是分级诊疗的重要载体,“基层首诊”与双向转诊。\n';
const zhHant = '醫聯體是分級診療的重要載體,「基層首診」與雙向轉診。\n';

function utf16(text: string, littleEndian: boolean, bom: boolean): Uint8Array {
  const out = new Uint8Array(text.length * 2 + (bom ? 2 : 0));
  const view = new DataView(out.buffer);
  if (bom) view.setUint16(0, 0xfeff, littleEndian);
  for (let i = 0; i < text.length; i++) view.setUint16((bom ? 2 : 0) + i * 2, text.charCodeAt(i), littleEndian);
  return out;
}

// GBK and Big5 bytes, written out so the test does not depend on an encoder library.
const GBK_YILIANTI = Uint8Array.from([0xd2, 0xbd, 0xc1, 0xaa, 0xcc, 0xe5, 0xca, 0xc7, 0xb7, 0xd6, 0xbc, 0xb6, 0xd5, 0xef, 0xc1, 0xc6, 0xa1, 0xa3]); // 医联体是分级诊疗。
const BIG5_YILIANTI = Uint8Array.from([0xc2, 0xe5, 0xc1, 0x70, 0xc5, 0xe9, 0xac, 0x4f, 0xa4, 0xc0, 0xaf, 0xc5, 0xb6, 0x45, 0xc0, 0xf8, 0xa1, 0x43]); // 醫聯體是分級診療。

const repeat = (b: Uint8Array, n: number) => {
  const out = new Uint8Array(b.length * n);
  for (let i = 0; i < n; i++) out.set(b, i * b.length);
  return out;
};

describe('decode', () => {
  it('reads UTF-8 with and without a BOM', () => {
    const bytes = new TextEncoder().encode(zh);
    expect(decode(bytes)).toMatchObject({ ok: true, text: zh, encoding: 'utf-8', bom: false });
    expect(decode(Uint8Array.from([0xef, 0xbb, 0xbf, ...bytes]))).toMatchObject({ ok: true, text: zh, encoding: 'utf-8', bom: true });
  });

  it('reads UTF-16 LE and BE, with a BOM and (for Latin-heavy text) without', () => {
    expect(decode(utf16(zh, true, true))).toMatchObject({ ok: true, text: zh, encoding: 'utf-16le' });
    expect(decode(utf16(zh, false, true))).toMatchObject({ ok: true, text: zh, encoding: 'utf-16be' });
    const latin = 'HMO and 医联体 notes\n';
    expect(decode(utf16(latin, true, false))).toMatchObject({ ok: true, text: latin, encoding: 'utf-16le' });
  });

  it('tells GBK from Big5 by their byte pairs', () => {
    expect(decode(repeat(GBK_YILIANTI, 20))).toMatchObject({ ok: true, encoding: 'gb18030', text: '医联体是分级诊疗。'.repeat(20) });
    expect(decode(repeat(BIG5_YILIANTI, 20))).toMatchObject({ ok: true, encoding: 'big5', text: '醫聯體是分級診療。'.repeat(20) });
  });

  it('refuses empty and binary files with a reason', () => {
    expect(decode(new Uint8Array())).toMatchObject({ ok: false, kind: 'empty' });
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    const r = decode(png);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/binary/);
    let seed = 7;
    const random = Uint8Array.from({ length: 4096 }, () => (seed = (seed * 1103515245 + 12345) & 0xff));
    expect(decode(random).ok).toBe(false);
  });

  it('keeps traditional UTF-8 text as it is', () => {
    expect(decode(new TextEncoder().encode(zhHant))).toMatchObject({ ok: true, text: zhHant });
  });
});
