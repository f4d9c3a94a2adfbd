/**
 * The extractors (src/extractors) run by the content build: each document's results worked out once
 * and kept in the store under the document's digest, and each extractor's merge over every
 * document's kept result, run again only when what it reads changed. The extractors themselves are
 * pure: the caching, the digests and the files are here.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Curation } from '../../src/corpus/curation.ts';
import type { AnyExtractor, MergeContext, OutputFile } from '../../src/extractors/extractor.ts';
import { EXTRACTORS } from '../../src/extractors/index.ts';
import { reading } from '../../src/extract/reading.ts';
import { documentPart, type SiteLocation } from '../../src/generate/data.ts';
import { digestOf } from '../../src/lib/digest.ts';
import { lazy } from '../../src/lib/memo.ts';
import type { DocumentText } from '../../src/pipeline/types.ts';
import { listingPage } from '../../src/generate/page-data.ts';
import { keptKeys, writeEach, writeJson, writeKeyedParts, writeParts, writeText } from './data-files.ts';
import type { DocumentStore } from '../../src/lib/store.ts';

/** A store the extraction can read digests from and ask about. */
export type Store = Required<DocumentStore>;

/** Where a document's result of an extractor is kept: its name, the curation it reads, the document's digest. */
export function resultKey(ex: AnyExtractor, curation: Curation, digest: string): string {
  return `${ex.name}-${ex.documentSettings ? `${digestOf(ex.documentSettings(curation))}-` : ''}${digest}`;
}

/**
 * For a document's digest: whether any of its results is not kept yet, and a function that works
 * those out from the document and keeps them. An extractor that fails on a document leaves it
 * without that result, and says so (the failures are returned).
 */
export function documentExtraction(store: Store, curation: Curation, extractors: readonly AnyExtractor[] = EXTRACTORS) {
  const readers = extractors.map((ex) => ({ ex, read: ex.ofDocument(curation) }));
  return (digest: string) => {
    const missing = readers.filter(({ ex }) => !store.has(resultKey(ex, curation, digest)));
    return {
      needed: missing.length > 0,
      run(doc: DocumentText): string[] {
        const r = reading(doc);
        const failures: string[] = [];
        for (const { ex, read } of missing) {
          try {
            store.setResult(resultKey(ex, curation, digest), read(r));
          } catch (err) {
            failures.push(`${ex.name}: ${(err as Error).message}`);
          }
        }
        return failures;
      },
    };
  };
}

/** Whether another extractor's merge reads this one's merged result. */
const isNeeded = (extractors: readonly AnyExtractor[], name: string) => extractors.some((x) => x.needs?.includes(name));

/**
 * The extractors in the order their merges can run: each after those it needs, in waves that can
 * run side by side. Within a wave, those a later merge needs come first: the threads take a wave's
 * merges in order, and the next wave waits for them (with the glossary's merge last in its wave, the
 * model comparison after it waited 11 s longer at 1,000 documents).
 */
export function mergeWaves(extractors: readonly AnyExtractor[] = EXTRACTORS): string[][] {
  const waves: string[][] = [];
  const placed = new Set<string>();
  while (placed.size < extractors.length) {
    const ready = extractors.filter((ex) => !placed.has(ex.name) && (ex.needs ?? []).every((n) => placed.has(n))).map((ex) => ex.name);
    const wave = [...ready.filter((n) => isNeeded(extractors, n)), ...ready.filter((n) => !isNeeded(extractors, n))];
    if (wave.length === 0) throw new Error(`extractors: ${extractors.filter((ex) => !placed.has(ex.name)).map((ex) => ex.name).join(', ')} need one another or an extractor that does not exist`);
    for (const n of wave) placed.add(n);
    waves.push(wave);
  }
  return waves;
}

/** What a merge tells the content build: the digest of what each document's page shows of it, its log lines and its stale curation. */
export interface MergeDone {
  shown: Array<[doc: string, digest: string]>;
  /** The files it wrote, or kept (under the content build's folder). */
  files: string[];
  log: string[];
  stale: string[];
  /** Its entries with a page of their own (Extractor.entryPages), as [id, name] under its name. */
  entryPages?: { folder: string; entries: Array<[id: string, name: string]> };
}

/** What a merge reads besides the store: the documents (id and digest, in id order), where the site lives, the curation, where files go. */
export interface MergeSetup {
  docs: ReadonlyArray<readonly [id: string, digest: string]>;
  location: SiteLocation;
  curation: Curation;
  outDir: string;
}

/** A digest of every document's result of an extractor, as the store keeps it (a missing result counts as none). */
function resultsDigest(store: Store, ex: AnyExtractor, s: MergeSetup): string {
  const h = createHash('sha256');
  for (const [id, digest] of s.docs) h.update(id).update(store.digest(resultKey(ex, s.curation, digest)) ?? '-');
  return h.digest('hex').slice(0, 16);
}

/** The inputs of an extractor's merge: its documents' results, its curation, the site's location, and the inputs of the merges it needs. */
function mergeInputs(store: Store, ex: AnyExtractor, s: MergeSetup, byName: ReadonlyMap<string, AnyExtractor>): string {
  const needed = (ex.needs ?? []).map((n) => mergeInputs(store, byName.get(n)!, s, byName));
  return digestOf([ex.name, resultsDigest(store, ex, s), ex.corpusSettings?.(s.curation) ?? null, s.location, needed]);
}

/** What the store keeps of a merge that ran: its inputs, and what it told. */
interface MergeRecord {
  inputs: string;
  done: MergeDone;
}

/** What a merge kept for the next (MergeContext.keep), with what it read: its settings (all its inputs but the results) and its results' keys, by document. */
interface KeptRecord {
  settings: string;
  /** Each as `<document id> <store key>`. */
  results: string[];
  kept: unknown;
}

/** A kept record's result, `<document id> <store key>`: its store key. */
const storeKey = (result: string) => result.slice(result.indexOf(' ') + 1);

/** What each list by document (OutputFile `byDocument`) of a merge was made from: by the list's path, a digest of each part's inputs. */
type PartsRecord = Record<string, Record<string, string>>;

/**
 * A merge may start from what the last one kept when at most this share of the results changed
 * (went or came): beyond it, taking the old results away and adding the new costs about as much as
 * reading them all.
 */
const CHANGED_SHARE = 0.5;

/**
 * Whether an extractor's merge (by name) would tell what it told last time: its inputs are those it
 * last ran with, and its files and shared result are there. Then runMerge does not run it.
 */
export function mergeIsCurrent(store: Store, name: string, s: MergeSetup, extractors: readonly AnyExtractor[] = EXTRACTORS): boolean {
  return lastRun(store, name, s, extractors).last !== undefined;
}

/** The merge's record and keys when it is current (mergeIsCurrent); its inputs either way. */
function lastRun(store: Store, name: string, s: MergeSetup, extractors: readonly AnyExtractor[]) {
  const byName = new Map(extractors.map((ex) => [ex.name, ex]));
  const ex = byName.get(name)!;
  const inputs = mergeInputs(store, ex, s, byName);
  const last = store.get(`merge-${name}`) as MergeRecord | undefined;
  const needed = isNeeded(extractors, name);
  const sharedKey = `shared-${name}-${inputs}`;
  const current = last?.inputs === inputs && (!needed || store.has(sharedKey)) && last.done.files.every((f) => existsSync(join(s.outDir, f)));
  return { byName, ex, inputs, needed, sharedKey, last: current ? last : undefined };
}

/**
 * Run one extractor's merge (by name) and write its files, unless its inputs are those it last ran
 * with and its files are there: then what it told then. The shared part of its merged result is
 * kept for the merges that need it.
 */
export async function runMerge(store: Store, name: string, s: MergeSetup, extractors: readonly AnyExtractor[] = EXTRACTORS): Promise<MergeDone> {
  const { byName, ex, inputs, needed, sharedKey, last } = lastRun(store, name, s, extractors);
  const recordKey = `merge-${name}`;
  if (last) {
    // (Asked for, so that the store keeps them for the build after this one too.)
    if (needed) store.digest(sharedKey);
    store.digest(`merge-kept-${name}`);
    store.digest(`merge-parts-${name}`);
    return { ...last.done, log: [`[${name}] unchanged since the last build (the documents' results it reads are the same)`] };
  }
  // Forgotten before it runs: a merge stopped half way leaves files no inputs describe.
  store.set(recordKey, null);
  const started = performance.now();
  const stale: string[] = [];
  const results = function* () {
    for (const [, digest] of s.docs) {
      const r = store.get(resultKey(ex, s.curation, digest));
      if (r !== undefined) yield r;
    }
  };
  // What the last merge kept, and the results that went and came since (by document id and key).
  const keptKey = `merge-kept-${name}`;
  const settings = digestOf([ex.corpusSettings?.(s.curation) ?? null, s.location, (ex.needs ?? []).map((n) => mergeInputs(store, byName.get(n)!, s, byName))]);
  // (Listed only for a merge that keeps something: a check of every document's result.)
  const now = lazy(() => s.docs.map(([id, digest]) => `${id} ${resultKey(ex, s.curation, digest)}`).filter((k) => store.has(storeKey(k))));
  const lastKept = store.get(keptKey) as KeptRecord | undefined;
  let since: MergeContext['since'];
  if (lastKept?.settings === settings) {
    const before = new Set(lastKept.results);
    const after = new Set(now());
    const gone = lastKept.results.filter((k) => !after.has(k)).map(storeKey);
    const came = now().filter((k) => !before.has(k)).map(storeKey);
    const each = (keys: string[]) => ({ *[Symbol.iterator]() { for (const k of keys) yield store.get(k); } });
    if (gone.length + came.length <= CHANGED_SHARE * now().length && gone.every((k) => store.has(k))) since = { kept: lastKept.kept, gone: each(gone), came: each(came) };
  }
  let kept: unknown;
  const ctx: MergeContext = {
    curation: s.curation,
    location: s.location,
    documents: s.docs.length,
    merged: Object.fromEntries((ex.needs ?? []).map((n) => [n, store.get(`shared-${n}-${mergeInputs(store, byName.get(n)!, s, byName)}`)])),
    stale: (file, item, problem) => stale.push(`${file}: ${item}: ${problem}`),
    ...(since ? { since } : {}),
    keep: (value) => (kept = value),
  };
  // Given again each time it is iterated, read from the store each time: a merge whose result would be
  // as large as the corpus (every figure of 10,000 documents) keeps the results instead, and its
  // outputs read them again as they are written.
  const merged = ex.merge({ [Symbol.iterator]: results }, ctx);
  // (An extractor's own page, if it has one: what src/pages/[page].astro lists.)
  const outputs = [...ex.outputs(merged, ctx), ...(ex.listing ? [{ path: `listings/${ex.name}.json`, text: [JSON.stringify(listingPage(ex.listing(merged)))] }] : [])];
  const files: string[] = [];
  // What each of its lists by document was made from, by part (writeByDocument); forgotten while they
  // are written (a build stopped half way leaves parts no record describes).
  const partsKey = `merge-parts-${name}`;
  const byDocument = outputs.some((o) => 'byDocument' in o);
  const partsBefore = ((byDocument && store.get(partsKey)) || {}) as PartsRecord;
  const partsNow: PartsRecord = {};
  if (byDocument) store.set(partsKey, null);
  for (const o of outputs) {
    if (!('byDocument' in o)) files.push(...(await writeOutput(s.outDir, o)));
    else {
      const made = await writeByDocument(store, ex, s, settings, o, partsBefore[o.path] ?? {});
      files.push(...made.files);
      partsNow[o.path] = made.inputs;
    }
  }
  if (byDocument) store.set(partsKey, partsNow);
  if (needed) store.set(sharedKey, ex.shared ? ex.shared(merged) : merged);
  const shown: MergeDone['shown'] = [];
  for (const [doc, x] of ex.shownOn?.(merged) ?? []) shown.push([doc, digestOf(x)]);
  const pages = ex.entryPages ? { entryPages: { folder: ex.name, entries: Array.from(ex.entryPages(merged), (e): [string, string] => [e.id, e.name]) } } : {};
  const done: MergeDone = { shown, files, log: [ex.summary(merged)], stale, ...pages };
  if (kept !== undefined) store.set(keptKey, { settings, results: now(), kept } satisfies KeptRecord);
  store.set(recordKey, { inputs, done } satisfies MergeRecord);
  return { ...done, log: [...done.log, `[merge] ${name} in ${((performance.now() - started) / 1000).toFixed(2)} s`] };
}

/**
 * A list of each document's own items (OutputFile `byDocument`) in parts by document: a part whose
 * documents (ids and results' digests), the merge's settings and what the items depend on are what
 * it was last made from (`last`, as the store kept it), and whose files are there, is kept, its
 * documents' results not read. Returns the files it made or kept (relative to the content build's
 * folder), and what each part was made from.
 */
async function writeByDocument(store: Store, ex: AnyExtractor, s: MergeSetup, settings: string, o: Extract<OutputFile, { byDocument: unknown }>, last: Readonly<Record<string, string>>) {
  const dir = join(s.outDir, o.path);
  const partOf = (id: string) => documentPart(id, s.docs.length, o.byDocument.documentsPerPart);
  const members = new Map<string, Array<[id: string, result: string]>>();
  for (const [id, digest] of s.docs) {
    const part = partOf(id);
    if (!members.has(part)) members.set(part, []);
    members.get(part)!.push([id, store.digest(resultKey(ex, s.curation, digest)) ?? '-']);
  }
  const depends = digestOf(o.byDocument.depends ?? null);
  const inputs = Object.fromEntries([...members].map(([part, docs]) => [part, digestOf([settings, depends, docs])]));
  const onDisk = await keptKeys(dir);
  const kept = new Set(Object.keys(inputs).filter((part) => last[part] === inputs[part] && onDisk.has(part)));
  const { field, items, csv } = o.byDocument as { field: string; items(doc: string, result: () => unknown): Iterable<unknown>; csv?(items: Iterable<unknown>): Iterable<string> };
  const keyed = function* (): Generator<[string, unknown]> {
    for (const [id, digest] of s.docs) {
      const part = partOf(id);
      if (kept.has(part) || !store.has(resultKey(ex, s.curation, digest))) continue;
      for (const item of items(id, () => store.get(resultKey(ex, s.curation, digest)))) yield [part, item];
    }
  };
  const files = await writeKeyedParts(dir, field, keyed(), csv, { kept });
  return { files: files.map((f) => `${o.path}/${f}`), inputs };
}

/** Write one output under the content build's folder (a data file is replaced whole, never changed in place); the files it made, relative to that folder. */
async function writeOutput(outDir: string, o: Exclude<OutputFile, { byDocument: unknown }>): Promise<string[]> {
  const file = join(outDir, o.path);
  if ('parts' in o) return (await writeParts(file, o.parts)).map((f) => `${o.path}/${f}`);
  if ('each' in o) return (await writeEach(file, o.each)).map((f) => `${o.path}/${f}`);
  await ('json' in o ? writeJson(file, o.json) : writeText(file, o.text));
  return [o.path];
}
