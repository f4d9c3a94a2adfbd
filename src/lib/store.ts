/** Where the content build keeps results between builds (scripts/lib/document-store.ts keeps them on disk). */
export interface DocumentStore {
  get(key: string): unknown;
  /** Keep a value (no digest of its data is worked out: see setResult). */
  set(key: string, value: unknown): void;
  /** Whether a result is kept, without reading it. */
  has?(key: string): boolean;
  /** The digest of a value kept by setResult (all zeros for one kept by set), without parsing it; undefined when none is kept. */
  digest?(key: string): string | undefined;
  /**
   * Keep a document's result of an extractor with a digest of its data: a merge's inputs are these
   * digests (scripts/lib/extraction.ts), so a result worked out again that says the same leaves the
   * merge alone. (Only these are compared: working a digest out for every value kept cost a tenth of
   * a build's per-document work.)
   */
  setResult?(key: string, value: unknown): void;
}
