/**
 * The search page's behaviour, whatever serves the index: reads ?q=, searches as the reader types,
 * keeps the query in the URL so a search can be shared, and lists the results. `client.ts` runs it
 * over Pagefind (http), `offline.ts` over the data file written for file://.
 */
import { escapeAttr } from '../lib/html.ts';
import { search, type SearchIndex, type SearchResult } from './engine.ts';
import type { FoldTable } from './fold.ts';

export type EngineLoader = () => Promise<{ index: SearchIndex; table: FoldTable }>;

export function startSearchPage(loader: EngineLoader): void {
  const form = document.querySelector<HTMLFormElement>('#search-form')!;
  const input = document.querySelector<HTMLInputElement>('#search-q')!;
  const status = document.querySelector<HTMLElement>('#search-status')!;
  const list = document.querySelector<HTMLOListElement>('#search-results')!;
  let engine: ReturnType<EngineLoader> | null = null;
  const load = () => (engine ??= loader());

  const render = (query: string, results: SearchResult[]) => {
    status.textContent = query ? (results.length ? `“${query}”:${results.length} 处结果` : `没有找到包含“${query}”的段落。`) : '';
    list.innerHTML = results
      .map(
        (r) => `<li class="result"><a href="${escapeAttr(r.url)}"><span class="result-title">${escapeAttr(r.title)}</span>${r.section ? `<span class="result-section">${escapeAttr(r.section)}</span>` : ''}</a><p class="result-excerpt">${r.excerpt}</p></li>`,
      )
      .join('');
  };

  let seq = 0;
  const run = async (query: string, push: boolean) => {
    const mine = ++seq;
    const url = new URL(location.href);
    if (query) url.searchParams.set('q', query);
    else url.searchParams.delete('q');
    try {
      history[push ? 'pushState' : 'replaceState'](null, '', url);
    } catch {
      // Some browsers refuse to change a file:// URL; the search still runs.
    }
    if (!query.trim()) return render('', []);
    status.textContent = '正在搜索…';
    const { index, table } = await load();
    const results = await search(index, table, query, { limit: 30 });
    if (mine === seq) render(query.trim(), results);
  };

  let timer: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => void run(input.value, false), 150);
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void run(input.value, true);
  });
  window.addEventListener('popstate', () => {
    input.value = new URL(location.href).searchParams.get('q') ?? '';
    void run(input.value, false);
  });
  const q = new URL(location.href).searchParams.get('q') ?? '';
  input.value = q;
  // The reader opened the search page: start loading the index now, not at the first keystroke.
  void load();
  void run(q, false);
}
