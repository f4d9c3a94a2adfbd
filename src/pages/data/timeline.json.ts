/** /data/timeline.json: every dated event, with links to its paragraphs (src/generate/timeline.ts). */
import { loadTimeline } from '../../lib/content.ts';

export function GET() {
  return new Response(JSON.stringify(loadTimeline(), null, 1), { headers: { 'Content-Type': 'application/json' } });
}
