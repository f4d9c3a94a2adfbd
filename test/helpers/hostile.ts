/** A hostile corpus, made on the spot: every encoding, empty and binary files, huge ones, injections. */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SEEDS } from './seeds.ts';
import { brokenPdf, encryptedPdf, scannedPdf } from './pdf-bytes.ts';

const GBK = [0xd2, 0xbd, 0xc1, 0xaa, 0xcc, 0xe5, 0xca, 0xc7, 0xb7, 0xd6, 0xbc, 0xb6, 0xd5, 0xef, 0xc1, 0xc6, 0xa1, 0xa3]; // 医联体是分级诊疗。
const BIG5 = [0xc2, 0xe5, 0xc1, 0x70, 0xc5, 0xe9, 0xac, 0x4f, 0xa4, 0xc0, 0xaf, 0xc5, 0xb6, 0x45, 0xc0, 0xf8, 0xa1, 0x43]; // 醫聯體是分級診療。

export const INJECTION = [
  'import fs from "node:fs"',
  'export const pwned = (await import("node:fs")).writeFileSync("PWNED", "x")',
  '{process.exit(1)} {{detail.name}} 正文里的花括号 {a: 1}',
  '<script>document.title = "pwned"</script>',
  '<iframe src="javascript:alert(1)"></iframe><style>body{display:none}</style>',
  '<img src=x onerror="alert(1)"> <a href="javascript:alert(1)">点我</a> <a href="data:text/html,x">数据</a>',
  '<!-- 一个没有闭合的注释',
  '```js',
  'console.log("未闭合的代码块")',
  '---',
  'title: 伪造的前言',
  '---',
  '$$ x^2 $$ 与 $y$ 数学公式',
  '# 不是标题 > 不是引用 - 不是列表 | 不是 | 表格 |',
].join('\n');

function line(n: number): string {
  return `第${n}段:医联体建设是深化医改的重要步骤和制度创新,有利于调整优化医疗资源结构布局,促进医疗卫生工作重心下移和资源下沉。`;
}

/** Write the hostile corpus into a new temporary folder and return its path. */
export function makeHostileCorpus(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kb-hostile-'));
  mkdirSync(dir, { recursive: true });
  const w = (name: string, data: string | Uint8Array) => writeFileSync(join(dir, name), data);
  const rep = (bytes: number[], n: number, sep: number[]) => Uint8Array.from(Array.from({ length: n }, () => [...bytes, ...sep]).flat());
  w('gbk.txt', rep(GBK, 40, [0x0a]));
  w('big5.txt', rep(BIG5, 40, [0x0a]));
  const u16 = '医联体(UTF-16)\n' + Array.from({ length: 20 }, (_, i) => line(i)).join('\n');
  const buf = Buffer.alloc(2 + u16.length * 2);
  buf.writeUInt16LE(0xfeff, 0);
  for (let i = 0; i < u16.length; i++) buf.writeUInt16LE(u16.charCodeAt(i), 2 + i * 2);
  w('utf16le-bom.txt', buf);
  w('utf8-bom-crlf.txt', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(Array.from({ length: 10 }, (_, i) => line(i)).join('\r\n'))]));
  w('empty.txt', '');
  w('whitespace.txt', ' \n\u3000\u3000\n\u00a0\t\n\n');
  let seed = 42;
  w('random.bin', Uint8Array.from({ length: 20000 }, () => (seed = (seed * 1103515245 + 12345) >>> 0) >>> 24));
  const paragraphs: string[] = [];
  let size = 0;
  for (let i = 0; size < 8 * 1024 * 1024; i++) {
    const p = line(i);
    paragraphs.push(p);
    size += Buffer.byteLength(p) + 2;
  }
  w('huge-8mb.txt', paragraphs.join('\n\n'));
  w('one-line.txt', '医联体'.repeat(100_000));
  const seed000 = readFileSync(join(SEEDS, '000_0a541419aa7a6cf2.txt'));
  w('000_0a541419aa7a6cf2.txt', seed000);
  w('copy of 000.txt', seed000);
  w('001_22c9feea7e663964.txt', readFileSync(join(SEEDS, '001_22c9feea7e663964.txt')));
  w('near-duplicate-001.txt', readFileSync(join(SEEDS, '001_22c9feea7e663964.txt'), 'utf8').replace('可谓热闹非凡', '可谓十分热闹'));
  w('医联体 报告 (终稿) & 附件#1.txt', '医联体报告终稿\n\n这是一个文件名很别扭的文档。\n');
  w('injection.txt', INJECTION);
  // Files of other formats that cannot be read, or whose names lie about what they are.
  w('encrypted.pdf', encryptedPdf());
  w('scan.pdf', scannedPdf());
  w('broken.pdf', brokenPdf());
  w('empty.pdf', '');
  w('not-a-zip.docx', Uint8Array.from({ length: 3000 }, (_, i) => (i * 7919) % 251));
  w('image.docx', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
  w('redirect.html', '<html><head><meta http-equiv="refresh" content="0; url=https://example.org/new-place"></head><body></body></html>');
  w('page-saved-as.pdf', `<!DOCTYPE html><html><head><title>扩展名写错的网页</title></head><body><nav><a href="/">首页</a></nav><p>${line(1)}</p><p>${line(2)}</p><script>alert(1)</script></body></html>`);
  w('notes-saved-as.docx', `扩展名写错的笔记\n\n${line(3)}\n`);
  w('page.html', `<!DOCTYPE html><html><head><meta charset="gbk"><title>声明 GBK 的网页</title></head><body><article><h1>声明 GBK 的网页</h1><p>${line(4)}</p><p>${INJECTION.replaceAll('<', '&lt;')}</p><script>document.title="pwned"</script></article></body></html>`);
  return dir;
}
