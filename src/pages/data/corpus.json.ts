/** /data/corpus.json: every document's metadata, and the files that could not be read. */
import { loadCorpus } from '../../lib/content.ts';

export function GET() {
  return new Response(JSON.stringify(loadCorpus(), null, 1), { headers: { 'Content-Type': 'application/json' } });
}
