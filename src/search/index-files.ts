/**
 * How a page loads the search index's files (index-format.ts): over http with fetch (the file's
 * text is parsed, never run), or, for a site opened from disk where browsers refuse fetch, with a
 * script element per file (each file is a classic script that hands over its payloads).
 */
import { INDEX_GLOBAL, parseIndexFile } from './index-format.ts';
import { fromBase64, inflate, type IndexFiles } from './index-reader.ts';

const payloads = (list: readonly string[]) => Promise.all(list.map((p) => inflate(fromBase64(p))));

/** The index's files fetched from `indexUrl` (its folder's URL, ending in /). */
export function fetchedFiles(indexUrl: string): IndexFiles {
  return async (name, signal) => {
    const response = await fetch(`${indexUrl}${name}.js`, signal ? { signal } : {});
    if (!response.ok) throw new Error(`${response.status} fetching the search index's ${name}`);
    const [, ...list] = parseIndexFile(await response.text());
    return payloads(list);
  };
}

declare global {
  interface Window {
    [INDEX_GLOBAL]?: (file: string[]) => void;
  }
}

/** The index's files loaded as classic scripts from `indexUrl` (a page opened from disk; a script element, once added, is not stopped). */
export function scriptFiles(indexUrl: string): IndexFiles {
  const waiting = new Map<string, (list: string[]) => void>();
  window[INDEX_GLOBAL] = ([name, ...list]: string[]) => waiting.get(name!)?.(list);
  return (name) =>
    new Promise<string[]>((resolve, reject) => {
      waiting.set(name, resolve);
      const script = document.createElement('script');
      script.src = `${indexUrl}${name}.js`;
      script.onload = () => script.remove();
      script.onerror = () => reject(new Error(`could not load the search index's ${name}`));
      document.head.append(script);
    }).then(payloads);
}
