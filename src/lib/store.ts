/** Where the content build keeps results between builds (scripts/lib/document-store.ts keeps them on disk). */
export interface DocumentStore {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
  /** Whether a result is kept, without reading it. */
  has?(key: string): boolean;
  /** A digest of a kept result as it is stored, without parsing it; undefined when it is not kept. */
  digest?(key: string): string | undefined;
  /** Keep a value whose digest no one asks for (what a merge keeps for the next): written without working one out. */
  stash?(key: string, value: unknown): void;
}
