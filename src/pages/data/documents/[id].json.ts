/** /data/documents/<id>.json: one document's blocks and its whole cleaning report. */
import { documentText, loadCorpus } from '../../../lib/content.ts';

export function getStaticPaths() {
  return loadCorpus().documents.map((d) => ({ params: { id: d.id } }));
}

export function GET({ params }: { params: { id: string } }) {
  return new Response(documentText(params.id), { headers: { 'Content-Type': 'application/json' } });
}
