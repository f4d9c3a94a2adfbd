/** /data/documents/<id>.json: one document's blocks and its whole cleaning report. */
import { generatedFile, loadCorpus, loadPageKeys } from '../../../lib/content.ts';

export function getStaticPaths() {
  const keys = loadPageKeys();
  // The document's page key covers its JSON: an unchanged document's file is copied from the last build.
  return loadCorpus().documents.map((d) => ({ params: { id: d.id }, cacheKey: keys[d.id] }));
}

export function GET({ params }: { params: { id: string } }) {
  return generatedFile(`documents/${params.id}.json`);
}
