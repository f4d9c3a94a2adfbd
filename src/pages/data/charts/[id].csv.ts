/** /data/charts/<id>.csv: what one chart draws, each value with its sentence and link. */
import { chartCsv } from '../../../generate/figures.ts';
import { loadCharts } from '../../../site/content.ts';

export function getStaticPaths() {
  return loadCharts().charts.map((c) => ({ params: { id: c.id } }));
}

export function GET({ params }: { params: { id: string } }) {
  const chart = loadCharts().charts.find((c) => c.id === params.id)!;
  return new Response(chartCsv(chart), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
}
