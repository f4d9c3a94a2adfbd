/** /data/places.json (src/generate/indexes.ts). */
import { loadPlaces } from '../../lib/content.ts';

export function GET() {
  return new Response(JSON.stringify(loadPlaces(), null, 1), { headers: { 'Content-Type': 'application/json' } });
}
