/** /data/terms.json (src/generate/indexes.ts). */
import { loadTerms } from '../../lib/content.ts';

export function GET() {
  return new Response(JSON.stringify(loadTerms(), null, 1), { headers: { 'Content-Type': 'application/json' } });
}
