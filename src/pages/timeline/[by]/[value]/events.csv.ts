/** /timeline/<by>/<value>/events.csv: the events a filtered timeline page lists, as /data/timeline.csv gives them (so a filtered page's download is filtered too). */
import { loadTimeline } from '../../../../site/content.ts';
import { groupByKey } from '../../../../site/counts.ts';
import { filterPageKey } from '../../../../site/cache-keys.ts';
import { eventFilters, timelineCsv } from '../../../../generate/timeline.ts';
import { EVENT_KINDS, RETIRED_EVENT_KINDS } from '../../../../extract/events.ts';

export function getStaticPaths() {
  const groups = groupByKey('timeline', loadTimeline().events, eventFilters);
  const path = (by: string, value: string, list: string) => ({ params: { by, value }, props: { list }, cacheKey: filterPageKey('csv', groups.get(list) ?? []) });
  // (By kind, and a retired kind by the kind it went to: a document's events are on its reading page.)
  return [...EVENT_KINDS.map((k) => path('kind', k, `kind/${k}`)), ...Object.entries(RETIRED_EVENT_KINDS).map(([old, now]) => path('kind', old, `kind/${now}`))];
}

export function GET({ props }: { props: { list: string } }) {
  const events = groupByKey('timeline', loadTimeline().events, eventFilters).get(props.list) ?? [];
  return new Response([...timelineCsv(events)].join(''), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
}
