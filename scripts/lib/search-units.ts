/**
 * The index build's side of pagefind/units/ (src/search/documents.ts): which document each of a
 * shard's Pagefind pages is, read back from the fragments Pagefind wrote, and the units files
 * written in their place (one per page id; two shards' pages with the same id share one file).
 */
import { existsSync } from 'node:fs';
import { copyFile, link, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { SearchDocument } from '../../src/search/engine.ts';
import { unitsPath } from '../../src/search/documents.ts';

/** Pagefind's fragments: gzip of this mark and the JSON. */
const FRAGMENT_MARK = 'pagefind_dcd';

export function packDocuments(docs: SearchDocument[]): Buffer {
  return gzipSync(JSON.stringify(docs), { level: 9 });
}

export function unpackDocuments(bytes: Buffer): SearchDocument[] {
  return JSON.parse(gunzipSync(bytes).toString('utf8')) as SearchDocument[];
}

/** Each page id of a Pagefind output folder with its URL, from the fragments (single, or grouped by Pagefind). */
export async function pageUrls(outputPath: string): Promise<Map<string, string>> {
  const dir = join(outputPath, 'fragment');
  const urls = new Map<string, string>();
  for (const file of (await readdir(dir)).sort()) {
    const text = gunzipSync(await readFile(join(dir, file))).toString('utf8');
    const fragment = JSON.parse(text.startsWith(FRAGMENT_MARK) ? text.slice(FRAGMENT_MARK.length) : text) as Record<string, unknown>;
    const id = file.replace(/\.pf_fragment$/, '');
    if (typeof fragment.url === 'string') urls.set(id, fragment.url);
    else for (const [page, f] of Object.entries(fragment)) if (typeof (f as { url?: unknown })?.url === 'string') urls.set(page, (f as { url: string }).url);
  }
  return urls;
}

/**
 * Replace a shard's fragments (which the site never loads: they would repeat the folded text) by
 * its units files: each page's document (packed by packDocuments), found by URL.
 */
export async function writeUnits(outputPath: string, packedByUrl: ReadonlyMap<string, Buffer>): Promise<void> {
  const pages = await pageUrls(outputPath);
  await mkdir(join(outputPath, 'units'), { recursive: true });
  for (const [id, url] of pages) {
    const packed = packedByUrl.get(url);
    if (!packed) throw new Error(`pagefind wrote a page for ${url}, which is not in this shard`);
    await writeFile(join(outputPath, unitsPath(id)), packed);
  }
  if (pages.size !== packedByUrl.size) throw new Error(`pagefind wrote ${pages.size} pages for ${packedByUrl.size} documents`);
  await rm(join(outputPath, 'fragment'), { recursive: true, force: true });
}

/** Put a shard's units files into the site's units folder (hard links to the cached shard), joining a file with one already there (a page id that two shards share). */
export async function installUnits(shardPath: string, siteIndex: string): Promise<number> {
  const from = join(shardPath, 'units');
  const to = join(siteIndex, 'units');
  await mkdir(to, { recursive: true });
  let shared = 0;
  for (const file of (await readdir(from)).sort()) {
    const target = join(to, file);
    if (existsSync(target)) {
      shared++;
      // The file there is another shard's (a link): replaced, never changed in place.
      const joined = packDocuments([...unpackDocuments(await readFile(target)), ...unpackDocuments(await readFile(join(from, file)))]);
      await rm(target);
      await writeFile(target, joined);
    } else await link(join(from, file), target).catch(() => copyFile(join(from, file), target));
  }
  return shared;
}
