/** /data/organisations.json (src/generate/indexes.ts). */
import { loadOrganisations } from '../../lib/content.ts';

export function GET() {
  return new Response(JSON.stringify(loadOrganisations(), null, 1), { headers: { 'Content-Type': 'application/json' } });
}
