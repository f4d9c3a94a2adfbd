/**
 * A corpus is a folder: its documents, and optionally at its root `kb.json` (the site's identity
 * and where the corpus keeps its own files), its curation folder (terms, models, charts, errata and
 * the registry of ids) and its authored pages (`pages/<slug>.mdx`). This module reads that once,
 * with the environment's overrides; everything else asks it. Nothing here is particular to one corpus.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { createHash } from 'node:crypto';

/** kb.json as a maintainer writes it; every field optional. */
export interface KbJson {
  /** The site's name: its wordmark, every page's title, citations of the corpus as a whole. */
  name?: string;
  /** One sentence on what the documents are (home page, about page, meta description). */
  description?: string;
  /** The documents' language (BCP 47): zh-CN, zh-TW, zh-HK … */
  lang?: string;
  /** The site's absolute URL, for canonical links and citations (SITE_URL overrides). */
  site?: string;
  /** Where the site lives on its host, e.g. /kb/ (BASE_PATH overrides). */
  base?: string;
  /** The curation folder, relative to the corpus (default `curation`). */
  curation?: string;
  /** The authored pages' folder, relative to the corpus (default `pages`). */
  pages?: string;
  /** Stale curation fails the build instead of being reported (KB_STRICT=1 also sets it). */
  strict?: boolean;
}

export interface CorpusConfig {
  /** The corpus folder, absolute. */
  dir: string;
  name: string;
  description: string | null;
  lang: string;
  /** The configured absolute URL, or null (pages then cite the address they are read at). */
  site: string | null;
  base: string;
  curationDir: string;
  pagesDir: string;
  /** The id lockfile, in the curation folder. */
  registryPath: string;
  strict: boolean;
  /** Where this corpus's caches live (its own: another corpus never reuses them). */
  cacheDir: string;
  /** A short name for this corpus folder, the same from one build to the next. */
  key: string;
  /** Whether a file of the corpus folder (a path relative to it) is the corpus's own configuration, not a document. */
  isOwnFile(path: string): boolean;
}

/** The folder of the project (the generator), where its caches go. */
const PROJECT = resolve(import.meta.dirname, '..', '..');

/** A name for a folder that has no kb.json name: its own name, or the one above it for a generic one (docs, corpus …). */
function folderName(dir: string): string {
  const own = basename(dir);
  const generic = /^(?:docs?|documents?|corpus|files|texts?|src|data|input|raw)$/i;
  return generic.test(own) ? basename(resolve(dir, '..')) || own : own;
}

/** The base path in the form Astro and the links use: starting and ending with '/'. */
export function normaliseBase(base: string): string {
  return `/${base.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');
}

/** Read a corpus's kb.json, if it has one; a broken one stops the build with the reason. */
function readKb(dir: string): KbJson {
  const file = join(dir, 'kb.json');
  if (!existsSync(file)) return {};
  try {
    const kb = JSON.parse(readFileSync(file, 'utf8')) as unknown;
    if (typeof kb !== 'object' || kb === null || Array.isArray(kb)) throw new Error('expected an object');
    return kb as KbJson;
  } catch (err) {
    throw new Error(`${file}: ${(err as Error).message}`);
  }
}

/** The corpus to build: CORPUS_DIR (default: the bundled `seeds/`), its kb.json, and the environment's overrides. */
export function corpusConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): CorpusConfig {
  const dir = resolve(cwd, env.CORPUS_DIR ?? 'seeds');
  if (!existsSync(dir)) throw new Error(`CORPUS_DIR: no folder ${dir}`);
  const kb = readKb(dir);
  const curationDir = resolve(dir, kb.curation ?? 'curation');
  const pagesDir = resolve(dir, kb.pages ?? 'pages');
  const key = `${folderName(dir).replace(/[^\p{L}\p{N}_-]+/gu, '-').slice(0, 40)}-${createHash('sha256').update(dir).digest('hex').slice(0, 8)}`;
  // The corpus's own folders, where they are inside it, are not documents.
  const own = [curationDir, pagesDir].map((d) => relative(dir, d)).filter((r) => r !== '' && !r.startsWith('..') && !isAbsolute(r));
  return {
    dir,
    name: kb.name?.trim() || folderName(dir),
    description: kb.description?.trim() || null,
    lang: kb.lang ?? 'zh-CN',
    site: env.SITE_URL || kb.site || null,
    base: normaliseBase(env.BASE_PATH ?? kb.base ?? '/'),
    curationDir,
    pagesDir,
    registryPath: join(curationDir, 'registry.json'),
    strict: env.KB_STRICT ? env.KB_STRICT !== '0' : kb.strict === true,
    cacheDir: join(PROJECT, '.cache', 'corpora', key),
    key,
    isOwnFile: (path) => path === 'kb.json' || own.some((o) => path === o || path.startsWith(`${o}${sep}`) || path.startsWith(`${o}/`)),
  };
}

/**
 * Where the site lives, for the URLs in its data files: absolute with a configured site URL, else
 * site-relative (`site` is then '': never a made-up domain, which would be cited as real).
 */
export function siteLocation(c: Pick<CorpusConfig, 'site' | 'base'>): { site: string; base: string } {
  return { site: c.site ?? '', base: c.base };
}
