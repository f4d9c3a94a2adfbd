/**
 * identify: stable document ids from the committed registry (content/registry.json), and
 * paragraph ids derived from each paragraph's normalised text (so inserting or removing a
 * paragraph elsewhere never moves an anchor).
 */
import { createHash } from 'node:crypto';
import type { BlockId, DocumentId } from './types.ts';

export interface RegistryEntry {
  id: DocumentId;
  source: string;
  sha256: string;
  /** Set when the source left the corpus; the id is never given to another document. */
  removed?: true;
}

export interface Registry {
  documents: RegistryEntry[];
}

export type RegistryChange =
  | { kind: 'new'; id: DocumentId; source: string }
  | { kind: 'renamed'; id: DocumentId; from: string; to: string }
  | { kind: 'changed'; id: DocumentId; source: string }
  | { kind: 'removed'; id: DocumentId; source: string }
  | { kind: 'duplicate'; id: DocumentId; source: string; of: string };

export interface Identified {
  /** Source file name -> document id. Duplicates map to the id of the document they repeat. */
  ids: Map<string, DocumentId>;
  registry: Registry;
  changes: RegistryChange[];
}

const ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';

/** A short lowercase code from a hash (no 0/o/1/l, so ids survive being read aloud or retyped). */
export function shortCode(input: string, length: number): string {
  const digest = createHash('sha256').update(input).digest();
  let out = '';
  for (let i = 0; out.length < length; i++) out += ALPHABET[digest[i % digest.length]! % ALPHABET.length];
  return out;
}

export function sha256(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Match the corpus files against the registry: by name first, then by identical content
 * (a renamed file keeps its id); files with the same bytes as another are duplicates.
 */
export function assignDocumentIds(files: { source: string; sha256: string }[], registry: Registry): Identified {
  const entries = registry.documents.map((e) => ({ ...e }));
  const ids = new Map<string, DocumentId>();
  const changes: RegistryChange[] = [];
  const byName = new Map(entries.filter((e) => !e.removed).map((e) => [e.source, e]));
  const taken = new Set(entries.map((e) => e.id));
  const present = new Set(files.map((f) => f.source));
  const claimed = new Set<RegistryEntry>();
  const sorted = [...files].sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : 0));
  const firstBySha = new Map<string, string>();

  for (const f of sorted) {
    const dup = firstBySha.get(f.sha256);
    if (dup !== undefined) {
      const id = ids.get(dup)!;
      ids.set(f.source, id);
      changes.push({ kind: 'duplicate', id, source: f.source, of: dup });
      continue;
    }
    firstBySha.set(f.sha256, f.source);
    let entry = byName.get(f.source);
    if (entry) {
      if (entry.sha256 !== f.sha256) {
        changes.push({ kind: 'changed', id: entry.id, source: f.source });
        entry.sha256 = f.sha256;
      }
    } else {
      entry = entries.find((e) => e.sha256 === f.sha256 && !claimed.has(e) && (e.removed || !present.has(e.source)));
      if (entry) {
        changes.push({ kind: 'renamed', id: entry.id, from: entry.source, to: f.source });
        entry.source = f.source;
        delete entry.removed;
      } else {
        let length = 6;
        let id = shortCode(f.source, length) as DocumentId;
        while (taken.has(id)) id = shortCode(f.source, ++length) as DocumentId;
        taken.add(id);
        entry = { id, source: f.source, sha256: f.sha256 };
        entries.push(entry);
        changes.push({ kind: 'new', id, source: f.source });
      }
    }
    claimed.add(entry);
    ids.set(f.source, entry.id);
  }
  for (const e of entries) {
    if (!claimed.has(e) && !e.removed) {
      e.removed = true;
      changes.push({ kind: 'removed', id: e.id, source: e.source });
    }
  }
  entries.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { ids, registry: { documents: entries }, changes };
}

/** Text as compared for paragraph identity: no spaces, punctuation folded to one width. */
export function identityText(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '');
}

/** Paragraph ids from content: the same text gets the same id on every build; repeats get -2, -3. */
export function assignBlockIds(texts: string[]): BlockId[] {
  const seen = new Map<string, number>();
  return texts.map((t) => {
    const base = shortCode(identityText(t), 6);
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return (n === 1 ? base : `${base}-${n}`) as BlockId;
  });
}
