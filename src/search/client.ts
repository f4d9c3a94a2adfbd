/**
 * The search page's script (bundled by Astro, loaded only on /search/): reads ?q=, searches as the
 * reader types, keeps the query in the URL so a search can be shared.
 */
import { escapeAttr } from '../lib/html.ts';
import { search, type PagefindApi, type SearchResult } from './engine.ts';
import type { FoldTable } from './fold.ts';

const form = document.querySelector<HTMLFormElement>('#search-form')!;
const input = document.querySelector<HTMLInputElement>('#search-q')!;
const status = document.querySelector<HTMLElement>('#search-status')!;
const list = document.querySelector<HTMLOListElement>('#search-results')!;
const base = document.documentElement.dataset.base ?? '/';


let engine: Promise<{ pf: PagefindApi; table: FoldTable }> | null = null;
function load() {
  engine ??= (async () => {
    const tableLoad = fetch(`${base}pagefind/fold.json`).then((r) => r.json() as Promise<FoldTable>);
    const pf = (await import(/* @vite-ignore */ `${base}pagefind/pagefind.js`)) as PagefindApi & { options(o: object): Promise<void>; init(): Promise<void> };
    await pf.options({ baseUrl: '/' });
    await pf.init();
    return { pf, table: await tableLoad };
  })();
  return engine;
}

function render(query: string, results: SearchResult[]) {
  status.textContent = query ? (results.length ? `“${query}”:${results.length} 处结果` : `没有找到包含“${query}”的段落。`) : '';
  list.innerHTML = results
    .map(
      (r) => `<li class="result"><a href="${escapeAttr(r.url)}"><span class="result-title">${escapeAttr(r.title)}</span>${r.section ? `<span class="result-section">${escapeAttr(r.section)}</span>` : ''}</a><p class="result-excerpt">${r.excerpt}</p></li>`,
    )
    .join('');
}

let seq = 0;
async function run(query: string, push: boolean) {
  const mine = ++seq;
  const url = new URL(location.href);
  if (query) url.searchParams.set('q', query);
  else url.searchParams.delete('q');
  history[push ? 'pushState' : 'replaceState'](null, '', url);
  if (!query.trim()) return render('', []);
  status.textContent = '正在搜索…';
  const { pf, table } = await load();
  const results = await search(pf, table, query, { limit: 30 });
  if (mine === seq) render(query.trim(), results);
}

// On file:// this module does not load at all; the page's inline script explains what to do.
{
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
