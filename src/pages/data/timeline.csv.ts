/** /data/timeline.csv: the same events as /data/timeline.json, one row each. */
import { timelineCsv } from '../../generate/timeline.ts';
import { loadTimeline } from '../../lib/content.ts';

export function GET() {
  return new Response(timelineCsv(loadTimeline()), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
}
