/** /data/models.json (src/generate/indexes.ts). */
import { loadModels } from '../../lib/content.ts';

export function GET() {
  return new Response(JSON.stringify(loadModels(), null, 1), { headers: { 'Content-Type': 'application/json' } });
}
