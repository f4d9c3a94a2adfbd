/** /data/figures.csv: the same figures as /data/figures.json, one row each. */
import { figuresCsv } from '../../generate/figures.ts';
import { loadFigures } from '../../lib/content.ts';

export function GET() {
  return new Response(figuresCsv(loadFigures()), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
}
