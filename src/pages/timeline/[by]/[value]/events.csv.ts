/**
 * /timeline/<by>/<value>/events.csv: the events a filtered timeline page lists, as /data/timeline/'s
 * CSV gives them (so a filtered page's download is filtered too), as the content build wrote them
 * (src/extractors/events.ts).
 */
import { timelineKindCsv } from '../../../../site/content.ts';
import { EVENT_KINDS, RETIRED_EVENT_KINDS } from '../../../../extract/events.ts';
import { digestOf } from '../../../../lib/digest.ts';

export function getStaticPaths() {
  // (With a cache key, as Astro's incremental build expects of every route: without one it took the last build's files for stale and removed them.)
  const path = (by: string, value: string, kind: string) => ({ params: { by, value }, props: { kind }, cacheKey: digestOf(timelineKindCsv(kind)) });
  // (By kind, and a retired kind by the kind it went to: a document's events are on its reading page.)
  return [...EVENT_KINDS.map((k) => path('kind', k, k)), ...Object.entries(RETIRED_EVENT_KINDS).map(([old, now]) => path('kind', old, now))];
}

export function GET({ props }: { props: { kind: string } }) {
  return new Response(timelineKindCsv(props.kind), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
}
