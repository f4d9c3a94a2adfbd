/** /data/documents/<id>.json: one document's blocks and its whole cleaning report. */
import { documentText, loadCorpus, loadPageKeys } from '../../../lib/content.ts';

export function getStaticPaths() {
  const keys = loadPageKeys();
  // The document's page key covers its JSON: an unchanged document's file is copied from the last build.
  return loadCorpus().documents.map((d) => ({ params: { id: d.id }, cacheKey: keys[d.id] }));
}

export function GET({ params }: { params: { id: string } }) {
  return new Response(documentText(params.id), { headers: { 'Content-Type': 'application/json' } });
}
