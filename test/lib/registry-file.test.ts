import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stageRegistry } from '../../scripts/lib/registry-file.ts';

describe('the registry file, staged beside the build and compared by digest', () => {
  const dir = () => mkdtempSync(join(tmpdir(), 'kb-registry-'));

  it('a corpus without one: changed, and committed whole, with its folder made', async () => {
    const d = dir();
    const committed = join(d, 'corpus', 'curation', 'registry.json');
    const staged = await stageRegistry(['{\n', ' "documents": []', '\n}\n'], join(d, 'cache', 'registry.json'), committed);
    expect(staged.changed).toBe(true);
    await staged.commit();
    expect(readFileSync(committed, 'utf8')).toBe('{\n "documents": []\n}\n');
    expect(existsSync(join(d, 'cache', 'registry.json'))).toBe(false);
    expect(existsSync(`${committed}.partial`)).toBe(false);
  });

  it('the same text in other pieces: unchanged, the committed file untouched and the staged copy gone', async () => {
    const d = dir();
    const committed = join(d, 'registry.json');
    const text = `{"documents":[${'"段落",'.repeat(50_000)}"末"]}\n`;
    writeFileSync(committed, text);
    const pieces = text.match(/[\s\S]{1,777}/g)!;
    const staged = await stageRegistry(pieces, join(d, 'staged.json'), committed);
    expect(staged.changed).toBe(false);
    await staged.discard();
    expect(existsSync(join(d, 'staged.json'))).toBe(false);
    expect(readFileSync(committed, 'utf8')).toBe(text);
  });

  it('one character different, even at the end: changed', async () => {
    const d = dir();
    const committed = join(d, 'registry.json');
    writeFileSync(committed, 'abc\n');
    expect((await stageRegistry(['ab', 'c'], join(d, 's.json'), committed)).changed).toBe(true);
    expect((await stageRegistry(['ab', 'c\n'], join(d, 's.json'), committed)).changed).toBe(false);
  });
});
