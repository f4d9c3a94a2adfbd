/**
 * The search page's behaviour, whatever serves the index: reads ?q= (and &variants=1), searches as
 * the reader types, keeps the query in the URL and in the header's box, and lists every result,
 * grouped by document (its best paragraph first, its other hits under it), a page of documents at a
 * time, with the true counts. A query that is a glossary term first offers the term's page and a
 * search of its other names; a query that finds nothing says what to try. `client.ts` runs it over
 * Pagefind (http), `offline.ts` over the data file written for file://.
 */
import { escapeAttr } from '../lib/html.ts';
import { fullWidthHtml, fullWidthPunctuation } from '../lib/typography.ts';
import { groupByDocument, search, searchAny, type DocumentHits, type SearchIndex, type SearchResult } from './engine.ts';
import { fold, queryParts, type FoldTable } from './fold.ts';

export type EngineLoader = () => Promise<{ index: SearchIndex; table: FoldTable }>;

/** What the page gives its script (search.astro, #search-data): the interface's words and the glossary. */
export interface SearchPageData {
  strings: Record<string, string>;
  /** [term id, term, other names] */
  terms: [string, string, string[]][];
  /** Links the help offers: [label, href] */
  browse: [string, string][];
  /** The terms' pages: href of a term id is termsBase + id + '/'. */
  termsBase: string;
}

/** Documents shown at a time. */
export const PAGE_DOCS = 10;
/** A document's other hits shown before a "more". */
const OTHERS_SHOWN = 3;

/** A template with {0}, {1} … filled in. */
export const fill = (template: string, ...values: (string | number)[]) => template.replace(/\{(\d)\}/g, (_, i: string) => String(values[Number(i)] ?? ''));

/** The glossary term a query names (its term or one of its other names, folded alike), if any. */
export function termOf(query: string, terms: SearchPageData['terms'], table: FoldTable): SearchPageData['terms'][number] | undefined {
  const q = fold(query.trim(), table);
  if (!q) return undefined;
  return terms.find(([, term, others]) => [term, ...others].some((n) => fold(n, table) === q));
}

const e = escapeAttr;
const quote = (r: SearchResult) => fullWidthHtml(r.excerpt);

/** Where in its document a hit is: the title, or the section (heading) it is under. */
const whereOf = (r: SearchResult, s: Record<string, string>) => (r.where === 'title' ? s.inTitle! : r.where === 'body' && r.section ? fullWidthPunctuation(r.section) : '');

/** One more hit of a document: its excerpt (the link to its paragraph) and its section. */
function hitHtml(r: SearchResult, s: Record<string, string>): string {
  const where = whereOf(r, s);
  return `<li><a href="${e(r.url)}">${quote(r)}</a>${where ? ` <span class="result-section">${e(where)}</span>` : ''}</li>`;
}

/** A document's results: its title (marked when it matches), its best paragraph, its other hits in reading order. */
function groupHtml(g: DocumentHits, s: Record<string, string>): string {
  const b = g.best;
  const title = b.where === 'title' ? quote(b) : e(fullWidthPunctuation(g.title));
  const count = g.others.length > 0 ? `<span class="result-count">${e(fill(s.otherHits!, g.others.length))}</span>` : '';
  const where = b.where === 'title' ? '' : whereOf(b, s);
  const excerpt = b.where === 'title' ? '' : `<p class="result-excerpt">${quote(b)}${where ? ` <span class="result-section">${e(where)}</span>` : ''}</p>`;
  const shown = g.others.slice(0, OTHERS_SHOWN).map((r) => hitHtml(r, s)).join('');
  // The rest are written when the reader opens them (a common word has hundreds of hits in a document).
  const rest = g.others.length > OTHERS_SHOWN ? `<li><details data-doc="${e(g.doc)}"><summary>${e(fill(s.restHits!, g.others.length - OTHERS_SHOWN))}</summary><ul class="result-more"></ul></details></li>` : '';
  return `<li class="result"><a class="result-title" href="${e(b.url)}">${title}</a>${count}${excerpt}${shown || rest ? `<ul class="result-more">${shown}${rest}</ul>` : ''}</li>`;
}

export function startSearchPage(loader: EngineLoader, data: SearchPageData): void {
  const s = data.strings;
  const form = document.querySelector<HTMLFormElement>('#search-form')!;
  const input = document.querySelector<HTMLInputElement>('#search-q')!;
  const header = document.querySelector<HTMLInputElement>('#site-q');
  const status = document.querySelector<HTMLElement>('#search-status')!;
  const offer = document.querySelector<HTMLElement>('#search-offer')!;
  const list = document.querySelector<HTMLOListElement>('#search-results')!;
  const more = document.querySelector<HTMLButtonElement>('#search-more')!;
  const help = document.querySelector<HTMLElement>('#search-help')!;
  let engine: ReturnType<EngineLoader> | null = null;
  const load = () => (engine ??= loader());
  let groups: DocumentHits[] = [];
  let shown = 0;

  const link = (query: string, variants = false) => {
    const url = new URL(location.href);
    url.searchParams.set('q', query);
    if (variants) url.searchParams.set('variants', '1');
    else url.searchParams.delete('variants');
    return url.pathname + url.search;
  };

  const showMore = () => {
    const next = groups.slice(shown, shown + PAGE_DOCS);
    list.insertAdjacentHTML('beforeend', next.map((g) => groupHtml(g, s)).join(''));
    shown += next.length;
    const left = groups.length - shown;
    more.hidden = left <= 0;
    more.textContent = fill(s.more!, Math.min(PAGE_DOCS, left));
  };

  const render = (query: string, results: SearchResult[], table: FoldTable | null, variants: string[] | null) => {
    groups = groupByDocument(results);
    shown = 0;
    list.innerHTML = '';
    help.hidden = true;
    offer.hidden = true;
    offer.innerHTML = '';
    if (!query) {
      status.textContent = '';
      more.hidden = true;
      return;
    }
    const term = table ? termOf(query, data.terms, table) : undefined;
    if (term) {
      const [id, name, others] = term;
      const names = [name, ...others].filter((n) => n !== query);
      offer.innerHTML =
        `<p>${e(fill(s.termOffer!, query))} <a href="${e(`${data.termsBase}${id}/`)}">${e(s.termPage!)}</a></p>` +
        (variants
          ? `<p>${e(fill(s.variantsOn!, names.join('、')))} <a href="${e(link(query))}">${e(fill(s.variantsOff!, query))}</a></p>`
          : names.length > 0
            ? `<p><a href="${e(link(query, true))}">${e(fill(s.variantsOffer!, names.join('、')))}</a></p>`
            : '');
      offer.hidden = false;
    }
    if (results.length === 0) {
      status.textContent = fill(s.none!, query);
      const words = table ? queryParts(query, table) : [];
      const raw = query.trim().split(/[\s\u3000]+/).filter(Boolean);
      help.innerHTML =
        `<p>${e(s.help!)}</p><ul><li>${e(s.helpScript!)}</li>` +
        (words.length > 1 ? `<li>${e(s.helpFewer!)}${raw.map((w) => `<a href="${e(link(w))}">${e(w)}</a>`).join('、')}</li>` : '') +
        `<li>${e(s.helpBrowse!)}${data.browse.map(([label, href]) => `<a href="${e(href)}">${e(label)}</a>`).join('、')}</li></ul>`;
      help.hidden = false;
      more.hidden = true;
      return;
    }
    status.textContent = fill(variants ? s.countVariants! : s.count!, query, results.length, groups.length);
    showMore();
  };

  let seq = 0;
  const run = async (query: string, push: boolean, variants = false) => {
    const mine = ++seq;
    const url = new URL(location.href);
    if (query) url.searchParams.set('q', query);
    else url.searchParams.delete('q');
    if (!variants) url.searchParams.delete('variants');
    try {
      history[push ? 'pushState' : 'replaceState'](null, '', url);
    } catch {
      // Some browsers refuse to change a file:// URL; the search still runs.
    }
    if (header && header.value !== query) header.value = query;
    if (!query.trim()) return render('', [], null, null);
    status.textContent = s.searching!;
    const { index, table } = await load();
    const term = variants ? termOf(query, data.terms, table) : undefined;
    const names = term ? [term[1], ...term[2]] : null;
    const results = names ? await searchAny(index, table, names) : await search(index, table, query);
    if (mine === seq) render(query.trim(), results, table, names);
  };

  more.addEventListener('click', showMore);
  // A document's other hits, written when the reader opens them.
  list.addEventListener('toggle', (ev) => {
    const d = ev.target as HTMLDetailsElement;
    const ul = d.querySelector('ul');
    if (!d.open || !ul || ul.childElementCount) return;
    const g = groups.find((x) => x.doc === d.dataset.doc);
    if (g) ul.innerHTML = g.others.slice(OTHERS_SHOWN).map((r) => hitHtml(r, s)).join('');
  }, true);
  let timer: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => void run(input.value, false), 150);
  });
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    void run(input.value, true);
  });
  const fromUrl = () => {
    const params = new URL(location.href).searchParams;
    return { q: params.get('q') ?? '', variants: params.get('variants') === '1' };
  };
  window.addEventListener('popstate', () => {
    const { q, variants } = fromUrl();
    input.value = q;
    void run(q, false, variants);
  });
  const { q, variants } = fromUrl();
  input.value = q;
  // The reader opened the search page: start loading the index now, not at the first keystroke.
  void load();
  void run(q, false, variants);
}

/** The page's data, from its #search-data element. */
export function pageData(): SearchPageData {
  return JSON.parse(document.getElementById('search-data')!.textContent!) as SearchPageData;
}
