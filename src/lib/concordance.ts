/**
 * Which mentions a page shows of a term, policy, organisation or place, and how many it leaves out.
 * The pages read only what they show (src/generated/pages/, written by the content build with
 * `shownMentions`): the glossary of 5,000 documents holds millions of mentions, more than one
 * JavaScript string can hold, while its pages show a few hundred. The data files keep them all.
 */

export interface ConcordanceLimits {
  /** Lines per document. */
  perDoc?: number;
  /** Documents (those with the most mentions first, when there are more). */
  maxDocs?: number;
  /** Mentions in all (the first ones). */
  limit?: number;
}

/** All of an entry's mentions, or those it shows with how many there are in all and per document. */
export interface MentionCounts {
  total: number;
  /** Mentions per document id, when the mentions given are not all of them. */
  counts?: Record<string, number>;
}

export interface Concordance<M> {
  docs: { doc: string; count: number; mentions: M[] }[];
  /** Mentions not shown. */
  left: number;
}

/**
 * The concordance of `mentions` (in document order) under `limits`. `whole` gives the totals when
 * `mentions` are only those `shownMentions` kept; the result is then the same as from all of them.
 */
export function concordance<M extends { doc: string }>(mentions: readonly M[], limits: ConcordanceLimits = {}, whole?: MentionCounts): Concordance<M> {
  const { perDoc = Infinity, maxDocs = Infinity, limit = Infinity } = limits;
  const kept = mentions.slice(0, limit);
  const byDoc = new Map<string, M[]>();
  for (const m of kept) {
    const list = byDoc.get(m.doc);
    if (list) list.push(m);
    else byDoc.set(m.doc, [m]);
  }
  const count = (doc: string) => whole?.counts?.[doc] ?? byDoc.get(doc)?.length ?? 0;
  const all = whole?.counts ? Object.keys(whole.counts) : [...byDoc.keys()];
  const docs = all.length > maxDocs ? [...all].sort((a, b) => count(b) - count(a) || (a < b ? -1 : 1)).slice(0, maxDocs) : [...byDoc.keys()];
  const shown = docs.map((doc) => ({ doc, count: count(doc), mentions: (byDoc.get(doc) ?? []).slice(0, perDoc) }));
  return { docs: shown, left: (whole?.total ?? mentions.length) - shown.reduce((n, d) => n + Math.min(perDoc, d.count), 0) };
}

/** The mentions a concordance under `limits` shows, in their order: all a page needs of them, with the totals. */
export function shownMentions<M extends { doc: string }>(mentions: readonly M[], limits: ConcordanceLimits): M[] {
  const shown = new Set(concordance(mentions, limits).docs.flatMap((d) => d.mentions));
  return mentions.filter((m) => shown.has(m));
}
