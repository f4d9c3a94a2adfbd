/** A corpus's own files read from its folder: its curation (src/corpus/curation.ts) and its authored pages. */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { CorpusConfig } from '../../src/corpus/config.ts';
import { parseCuration, type Curation } from '../../src/corpus/curation.ts';
import { readJson } from './data-files.ts';

/** The curation files of the corpus (a missing file means none). */
export async function readCuration(config: CorpusConfig): Promise<Curation> {
  const file = (name: string) => readJson<unknown>(join(config.curationDir, name), undefined);
  const [terms, models, charts, errata, lexicon] = await Promise.all(['terms.json', 'models.json', 'charts.json', 'errata.json', 'lexicon.json'].map(file));
  return parseCuration({ terms, models, charts, errata, lexicon }, (name) => join(config.curationDir, name));
}

/** The slugs of the corpus's authored pages (pages/<slug>.mdx). */
export async function authoredPages(config: CorpusConfig): Promise<string[]> {
  const names = await readdir(config.pagesDir).catch(() => [] as string[]);
  return names.filter((n) => n.endsWith('.mdx') && !n.startsWith('.')).map((n) => n.slice(0, -'.mdx'.length)).sort();
}
