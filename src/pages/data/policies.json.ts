/** /data/policies.json (src/generate/indexes.ts). */
import { loadPolicies } from '../../lib/content.ts';

export function GET() {
  return new Response(JSON.stringify(loadPolicies(), null, 1), { headers: { 'Content-Type': 'application/json' } });
}
