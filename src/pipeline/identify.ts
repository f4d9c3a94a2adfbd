/**
 * identify: ids that are assigned once and kept, recorded in the committed registry
 * (content/registry.json, like a lockfile).
 * - Documents: matched by file name, then by identical bytes, then by similar text (a renamed,
 *   re-scraped source keeps its id). Byte-identical sources are one document; so are near-copies,
 *   found after cleaning (near-copies.ts) and listed once here (listCopiesOnce).
 * - Paragraphs: matched by exact normalised text, then by the closest paragraph of the same
 *   document; new paragraphs get new ids, ids are never reused, and a retired id points to the
 *   nearest surviving paragraph.
 */
import { hash } from 'node:crypto';
import { signature, similarity } from './similarity.ts';
import type { BlockId, DocumentId } from './types.ts';

interface ParagraphRecord {
  id: BlockId;
  /** First 8 hex digits of the SHA-256 of the paragraph's identity text. */
  hash: string;
  /** MinHash signature (similarity.ts). */
  sig: string;
}

/**
 * A paragraph's record as the registry writes it, `id hash sig`: kept so between builds and read
 * (paragraphRecord) only by assignParagraphIds. (As objects, the records of 1,000 documents took
 * half a second to make from the registry, in a rebuild that needed few of them.)
 */
export type ParagraphLine = string;

/** A paragraph's record from its line. */
function paragraphRecord(line: ParagraphLine): ParagraphRecord {
  const [id, hash, sig] = line.split(' ');
  return { id: id as BlockId, hash: hash!, sig: sig! };
}

export interface RegistryEntry {
  id: DocumentId;
  source: string;
  sha256: string;
  /** Signature and length of the whole text, for recognising a re-scraped or near-identical copy. */
  sig?: string;
  chars?: number;
  /** Date the document entered the corpus (YYYY-MM-DD): the access date in citations. */
  added: string;
  /** Set when the source left the corpus; the id is never given to another document. */
  removed?: true;
  /** Set when the document turned out to be a copy of another: its URL redirects there. */
  mergedInto?: DocumentId;
  paragraphs?: ParagraphLine[];
  /** Retired paragraph id -> the surviving paragraph nearest to where it was (null: the top). */
  retired?: Record<string, BlockId | null>;
}

export interface Registry {
  documents: RegistryEntry[];
  /**
   * Every entry that has had a page of its own (/policies/<id>/, /terms/<id>/ …), by folder: id ->
   * name. Kept when no document names it any more, so that its address still lands on a page.
   */
  entries?: Record<string, Record<string, string>>;
}

export type RegistryChange =
  | { kind: 'new'; id: DocumentId; source: string }
  | { kind: 'renamed'; id: DocumentId; from: string; to: string }
  | { kind: 'changed'; id: DocumentId; source: string }
  | { kind: 'removed'; id: DocumentId; source: string }
  | { kind: 'duplicate'; id: DocumentId; source: string; of: string; near: boolean };

export interface SourceInfo {
  source: string;
  sha256: string;
  /** Signature and length of the text (after repair), for similarity matching. */
  sig: string;
  chars: number;
}

/** Same document: similar bigrams and similar length (a text and ten copies of it share bigrams). */
function sameDocument(a: { sig?: string; chars?: number }, b: { sig: string; chars: number }): number {
  if (!a.sig || !a.chars) return 0;
  const ratio = Math.min(a.chars, b.chars) / Math.max(a.chars, b.chars);
  return ratio >= 0.8 ? similarity(a.sig, b.sig) : 0;
}

export interface Identified {
  /** Source file name -> document id. Duplicates map to the id of the document they repeat. */
  ids: Map<string, DocumentId>;
  /** Sources that repeat another source, with the one they repeat. */
  duplicates: Map<string, { of: string; near: boolean }>;
  registry: Registry;
  changes: RegistryChange[];
}

const ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';
/** A new file at least this similar to a document that left the corpus is that document, renamed and re-scraped: it keeps its id. */
export const SAME_DOCUMENT = 0.85;
/** A paragraph at least this similar to an old one keeps the old id. */
export const SAME_PARAGRAPH = 0.5;

/** A short lowercase code from a hash (no 0/o/1/l, so ids survive being read aloud or retyped). */
export function shortCode(input: string, length: number): string {
  return codeOf(sha256(input), length);
}

/** The short code of a SHA-256 digest written in hex: each of its bytes in turn picks a character. */
function codeOf(digest: string, length: number): string {
  let out = '';
  for (let i = 0; out.length < length; i++) out += ALPHABET[parseInt(digest.substr((i % 32) * 2, 2), 16) % ALPHABET.length];
  return out;
}

/** SHA-256 in hex (crypto.hash: a paragraph's hash is taken a quarter of a million times in a large corpus, and makes no Hash object). */
export function sha256(bytes: Uint8Array | string): string {
  return hash('sha256', bytes, 'hex');
}

const byString = <T>(key: (t: T) => string) => (a: T, b: T) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);

/** Match the corpus files against the registry and return ids, the new registry and what changed. */
export function assignDocumentIds(files: SourceInfo[], registry: Registry, today: string): Identified {
  const entries = registry.documents.map((e) => ({ ...e }));
  const ids = new Map<string, DocumentId>();
  const duplicates = new Map<string, { of: string; near: boolean }>();
  const changes: RegistryChange[] = [];
  const taken = new Set(entries.map((e) => e.id));
  const present = new Set(files.map((f) => f.source));
  const claimed = new Set<RegistryEntry>();
  const free = (e: RegistryEntry) => !claimed.has(e) && !e.mergedInto && (e.removed || !present.has(e.source));

  const keptBytes = new Map<string, SourceInfo>();
  for (const f of [...files].sort(byString((x) => x.source))) {
    const same = keptBytes.get(f.sha256);
    if (same) {
      const id = ids.get(same.source)!;
      ids.set(f.source, id);
      duplicates.set(f.source, { of: same.source, near: false });
      changes.push({ kind: 'duplicate', id, source: f.source, of: same.source, near: false });
      const own = entries.find((e) => e.source === f.source && !e.removed && !e.mergedInto && e.id !== id);
      if (own) own.mergedInto = id;
      continue;
    }
    keptBytes.set(f.sha256, f);
    let entry = entries.find((e) => e.source === f.source && !e.removed && !e.mergedInto);
    if (entry) {
      if (entry.sha256 !== f.sha256) changes.push({ kind: 'changed', id: entry.id, source: f.source });
    } else {
      entry = entries.find((e) => e.sha256 === f.sha256 && free(e)) ?? bestSimilar(entries.filter(free), f);
      if (entry) {
        changes.push({ kind: 'renamed', id: entry.id, from: entry.source, to: f.source });
        if (entry.sha256 !== f.sha256) changes.push({ kind: 'changed', id: entry.id, source: f.source });
        entry.source = f.source;
        delete entry.removed;
      } else {
        let length = 6;
        let id = shortCode(f.source, length) as DocumentId;
        while (taken.has(id)) id = shortCode(f.source, ++length) as DocumentId;
        taken.add(id);
        entry = { id, source: f.source, sha256: f.sha256, added: today };
        entries.push(entry);
        changes.push({ kind: 'new', id, source: f.source });
      }
    }
    entry.sha256 = f.sha256;
    entry.sig = f.sig;
    entry.chars = f.chars;
    claimed.add(entry);
    ids.set(f.source, entry.id);
  }
  for (const e of entries) {
    if (!claimed.has(e) && !e.removed && !e.mergedInto) {
      e.removed = true;
      changes.push({ kind: 'removed', id: e.id, source: e.source });
    }
  }
  entries.sort(byString((e) => e.id));
  return { ids, duplicates, registry: { documents: entries }, changes };
}

/**
 * Near-copies listed once (copy's source -> the source listed in its place, near-copies.ts): a
 * copy takes the id of the document it copies; its own entry, if it had one before this build,
 * redirects there, and one made in this build is dropped (it was never published). Changes the
 * registry of `identified` in place, and returns it.
 */
export function listCopiesOnce(identified: Identified, copies: ReadonlyMap<string, string>): Identified {
  for (const [copy, of] of copies) {
    const own = identified.ids.get(copy)!;
    const id = identified.ids.get(of)!;
    const made = identified.changes.findIndex((c) => c.kind === 'new' && c.id === own);
    if (made >= 0) {
      identified.changes.splice(made, 1);
      identified.registry.documents = identified.registry.documents.filter((e) => e.id !== own);
    } else {
      const entry = identified.registry.documents.find((e) => e.id === own)!;
      entry.mergedInto = id;
    }
    identified.ids.set(copy, id);
    identified.duplicates.set(copy, { of, near: true });
    identified.changes.push({ kind: 'duplicate', id, source: copy, of, near: true });
  }
  return identified;
}

function bestSimilar(candidates: RegistryEntry[], f: SourceInfo): RegistryEntry | undefined {
  let best: RegistryEntry | undefined;
  let score = SAME_DOCUMENT;
  for (const e of candidates) {
    const s = sameDocument(e, f);
    if (s >= score) [best, score] = [e, s];
  }
  return best;
}

/** Text as compared for paragraph identity: no spaces, punctuation folded to one width. */
export function identityText(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '');
}


export interface ParagraphIds {
  ids: BlockId[];
  paragraphs: ParagraphLine[];
  retired: Record<string, BlockId | null>;
}

/**
 * Give a document's paragraphs their ids, carrying forward the previous build's: exact text
 * first, then the most similar unmatched paragraph; new ids never reuse a live or retired one.
 */
export function assignParagraphIds(texts: string[], previousLines: readonly ParagraphLine[] = [], retiredBefore: Record<string, BlockId | null> = {}): ParagraphIds {
  const previous = previousLines.map(paragraphRecord);
  const records = texts.map((t) => {
    const identity = identityText(t);
    // A paragraph's hash is the start of its identity text's digest; a new id, the digest's short code.
    const digest = sha256(identity);
    return { hash: digest.slice(0, 8), sig: signature(identity), digest };
  });
  const ids: (BlockId | undefined)[] = new Array(texts.length);
  const usedOld = new Set<number>();

  // 1. Exact matches, in order.
  const byHash = new Map<string, number[]>();
  previous.forEach((p, i) => byHash.set(p.hash, [...(byHash.get(p.hash) ?? []), i]));
  records.forEach((r, i) => {
    const old = byHash.get(r.hash)?.find((j) => !usedOld.has(j));
    if (old !== undefined) {
      ids[i] = previous[old]!.id;
      usedOld.add(old);
    }
  });
  // 2. Closest unmatched paragraphs, best pairs first.
  const pairs: [number, number, number][] = [];
  records.forEach((r, i) => {
    if (ids[i]) return;
    previous.forEach((p, j) => {
      if (usedOld.has(j)) return;
      const s = similarity(r.sig, p.sig);
      if (s >= SAME_PARAGRAPH) pairs.push([s, i, j]);
    });
  });
  pairs.sort((a, b) => b[0] - a[0] || a[1] - b[1] || a[2] - b[2]);
  for (const [, i, j] of pairs) {
    if (ids[i] || usedOld.has(j)) continue;
    ids[i] = previous[j]!.id;
    usedOld.add(j);
  }
  // 3. New ids, never reusing one that exists or existed.
  const used = new Set<string>([...previous.map((p) => p.id), ...Object.keys(retiredBefore), ...ids.filter(Boolean).map(String)]);
  const nextSuffix = new Map<string, number>();
  records.forEach((r, i) => {
    if (ids[i]) return;
    const base = codeOf(r.digest, 6);
    let n = nextSuffix.get(base) ?? 1;
    let id = n === 1 ? base : `${base}-${n}`;
    while (used.has(id)) id = `${base}-${++n}`;
    nextSuffix.set(base, n + 1);
    used.add(id);
    ids[i] = id as BlockId;
  });
  const final = ids as BlockId[];

  // 4. Retire the old ids that found no paragraph, pointing each at its nearest survivor.
  const retired: Record<string, BlockId | null> = { ...retiredBefore };
  const survivors = new Set<string>(final);
  previous.forEach((p, j) => {
    if (usedOld.has(j)) return;
    let successor: BlockId | null = null;
    for (let k = j - 1; k >= 0 && !successor; k--) if (survivors.has(previous[k]!.id)) successor = previous[k]!.id;
    for (let k = j + 1; k < previous.length && !successor; k++) if (survivors.has(previous[k]!.id)) successor = previous[k]!.id;
    retired[p.id] = successor ?? final[0] ?? null;
  });
  // A retired id whose successor has since been retired too follows the chain.
  for (const key of Object.keys(retired)) {
    let target = retired[key] ?? null;
    const seen = new Set<string>([key]);
    while (target && !survivors.has(target) && retired[target] !== undefined && !seen.has(target)) {
      seen.add(target);
      target = retired[target] ?? null;
    }
    retired[key] = target && survivors.has(target) ? target : (final[0] ?? null);
    if (survivors.has(key)) delete retired[key];
  }
  return {
    ids: final,
    paragraphs: records.map((r, i) => `${final[i]!} ${r.hash} ${r.sig}`),
    retired: Object.fromEntries(Object.entries(retired).sort(([a], [b]) => (a < b ? -1 : 1))),
  };
}

/**
 * The registry as committed, in pieces (a document's record each): one line per paragraph (`id hash
 * sig`), so diffs stay readable. The text is JSON.stringify's with an indent of one; at 10,000
 * documents it is 225 MB, which the content build writes piece by piece rather than hold.
 */
export function* registryPieces(registry: Registry): Generator<string> {
  yield* registryDocumentPieces(registry.documents);
  yield* registryEntryPieces(registry.entries);
}

/** A value's JSON as it is `depth` levels in: each of its lines after the first indented that much more. */
const nested = (value: unknown, depth: number) => JSON.stringify(value, null, 1).replaceAll('\n', `\n${' '.repeat(depth)}`);

/** The registry's text up to the end of its documents (registryPieces): the content build writes it before the merges, and lets the paragraph records go. */
export function* registryDocumentPieces(documents: readonly RegistryEntry[]): Generator<string> {
  yield '{\n "documents": ';
  if (documents.length === 0) yield '[]';
  for (const [i, e] of documents.entries()) {
    // (Its paragraphs last, wherever the entry got them.)
    const { paragraphs, ...rest } = e;
    yield `${i === 0 ? '[\n' : ',\n'}  ${nested(paragraphs ? { ...rest, paragraphs } : rest, 2)}`;
  }
  if (documents.length > 0) yield '\n ]';
}

/** The registry's text after its documents (registryPieces): one line per entry (`id name`), in id order. */
export function* registryEntryPieces(byFolder: Registry['entries']): Generator<string> {
  const entries = Object.entries(byFolder ?? {})
    .filter(([, byId]) => Object.keys(byId).length > 0)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([folder, byId]) => [folder, Object.keys(byId).sort().map((id) => `${id} ${byId[id]}`)] as const);
  if (entries.length > 0) yield `,\n "entries": ${nested(Object.fromEntries(entries), 1)}`;
  yield '\n}\n';
}

/** The registry as committed, whole (registryPieces joined). */
export const serializeRegistry = (registry: Registry): string => [...registryPieces(registry)].join('');

/** Read the committed registry (see serializeRegistry). */
export function parseRegistry(json: unknown): Registry {
  const raw = json as { documents?: RegistryEntry[]; entries?: Record<string, string[]> };
  if (!raw || !Array.isArray(raw.documents)) throw new Error('content/registry.json: expected {"documents": [...]}');
  const entries = Object.entries(raw.entries ?? {}).map(([folder, lines]) => {
    if (!Array.isArray(lines)) throw new Error(`content/registry.json: entries.${folder}: expected a list of "id name" lines`);
    return [folder, Object.fromEntries(lines.map((line) => [line.slice(0, line.indexOf(' ')), line.slice(line.indexOf(' ') + 1)]))] as const;
  });
  return {
    ...(entries.length > 0 ? { entries: Object.fromEntries(entries) } : {}),
    documents: raw.documents.map((e) => {
      if (e.paragraphs !== undefined && !(Array.isArray(e.paragraphs) && e.paragraphs.every((line) => typeof line === 'string'))) throw new Error(`content/registry.json: ${e.id}: expected its paragraphs as "id hash sig" lines`);
      return e;
    }),
  };
}
