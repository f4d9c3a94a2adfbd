/**
 * How a large corpus's search index is split: documents go to shards by a hash of their id (so a
 * document stays in its shard as others come and go), at most SHARD_DOCS documents per shard on
 * average. The first shard with documents is the primary index (pagefind/), the others are
 * pagefind/shard-<n>/.
 */

/**
 * Pagefind holds a whole index in memory while building it: measured, a shard's process peaks at
 * about 170 MB + 4.3 MB per ~24,000-character document (820 MB for 150), and takes ~65 ms per
 * document. Two shards are built side by side; 120 keeps the search stage near 1.5 GB at any corpus
 * size and a rebuild after one changed document under 10 s, for a few more files to fetch on a
 * first search (one small entry file per shard).
 */
export const SHARD_DOCS = Number(process.env.SEARCH_SHARD_DOCS) || 120;

/** The shard of a document (FNV-1a of its id). */
export function shardOf(id: string, shards: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193) >>> 0;
  return h % shards;
}

/** The folders under pagefind/ of the shards that have documents (by shard number): the first is the primary index (''). */
export function shardDirs(shards: readonly number[]): string[] {
  return shards.map((shard, k) => (k === 0 ? '' : `shard-${shard}/`));
}
