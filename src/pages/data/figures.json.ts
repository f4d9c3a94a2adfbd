/** /data/figures.json: every figure the documents quote, with links to its paragraph (src/generate/figures.ts). */
import { loadFigures } from '../../lib/content.ts';

export function GET() {
  return new Response(JSON.stringify(loadFigures(), null, 1), { headers: { 'Content-Type': 'application/json' } });
}
