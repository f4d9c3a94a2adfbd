/**
 * Where search finds a matching document's title and paragraphs: the index build writes them,
 * gzipped JSON, to pagefind/units/<Pagefind's page id>.kb_units (a file of Pagefind's own kind of
 * name, so that no host takes it for a .gz and unpacks it on the way). Read here in the browser and
 * in the terminal alike.
 */
import type { PagefindApi, SearchDocument, SearchIndex } from './engine.ts';

/** The file of an entry's documents, under the index's folder. */
export function unitsPath(id: string): string {
  if (!/^[\w-]+$/.test(id)) throw new Error(`not a Pagefind page id: ${id}`);
  return `units/${id}.kb_units`;
}

/** An entry's documents from its file: gzipped JSON, or JSON already unpacked by the host. */
export async function readDocuments(bytes: Uint8Array<ArrayBuffer>): Promise<SearchDocument[]> {
  const gzipped = bytes[0] === 0x1f && bytes[1] === 0x8b;
  const text = gzipped ? await new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))).text() : new TextDecoder().decode(bytes);
  return JSON.parse(text) as SearchDocument[];
}

/**
 * Pagefind as the engine's index: a phrase search gives page ids; each id's documents come from its
 * units file under `indexUrl` (the primary index's folder, ending in /), loaded once.
 */
export function pagefindIndex(pf: PagefindApi, indexUrl: string): SearchIndex {
  const loaded = new Map<string, Promise<SearchDocument[]>>();
  const load = async (id: string) => {
    const response = await fetch(`${indexUrl}${unitsPath(id)}`);
    if (!response.ok) throw new Error(`${response.status} fetching the search units of ${id}`);
    return readDocuments(new Uint8Array(await response.arrayBuffer()));
  };
  return {
    async find(phrase, filters) {
      return (await pf.search(`"${phrase}"`, { filters })).results.map((r) => r.id);
    },
    documents(id) {
      let docs = loaded.get(id);
      if (!docs) {
        docs = load(id);
        loaded.set(id, docs);
        // A failed load is tried again next time.
        docs.catch(() => loaded.delete(id));
      }
      return docs;
    },
  };
}
