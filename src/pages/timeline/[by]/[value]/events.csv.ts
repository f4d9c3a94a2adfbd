/** /timeline/<by>/<value>/events.csv: the events a filtered timeline page lists, as /data/timeline.csv gives them (so a filtered page's download is filtered too). */
import { loadCorpus, loadTimeline } from '../../../../site/content.ts';
import { groupByKey } from '../../../../site/counts.ts';
import { filterPageKey } from '../../../../site/cache-keys.ts';
import { eventFilters, timelineCsv } from '../../../../generate/timeline.ts';
import { EVENT_KINDS, RETIRED_EVENT_KINDS } from '../../../../extract/events.ts';

export function getStaticPaths() {
  const { documents, retired } = loadCorpus();
  const groups = groupByKey('timeline', loadTimeline().events, eventFilters);
  const path = (by: string, value: string, list: string) => ({ params: { by, value }, props: { list }, cacheKey: filterPageKey('csv', groups.get(list) ?? []) });
  return [
    ...EVENT_KINDS.map((k) => path('kind', k, `kind/${k}`)),
    ...Object.entries(RETIRED_EVENT_KINDS).map(([old, now]) => path('kind', old, `kind/${now}`)),
    ...documents.map((d) => path('doc', d.id, `doc/${d.id}`)),
    ...retired.map((r) => path('doc', r.id, `doc/${r.mergedInto}`)),
  ];
}

export function GET({ props }: { props: { list: string } }) {
  const events = groupByKey('timeline', loadTimeline().events, eventFilters).get(props.list) ?? [];
  return new Response([...timelineCsv(events)].join(''), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
}
