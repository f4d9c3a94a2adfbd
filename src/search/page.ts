/**
 * The search page's behaviour, whatever serves the index: reads ?q= (and &variants=1), searches as
 * the reader types, keeps the query in the URL and in the header's box, and lists every result,
 * grouped by document (its best paragraph first, its other hits under it), a page of documents at a
 * time, with the true counts. A query that is a glossary term first offers the term's page and a
 * search of its other names; a query that finds nothing says what to try, and one whose candidates
 * hold no result in their first SCAN_BYTES says how far it looked. `client.ts` runs it over the
 * index's files fetched (http), `offline.ts` over the same files loaded as classic scripts (file://).
 */
import { escapeAttr } from '../lib/html.ts';
import { fullWidthHtml, fullWidthPunctuation } from '../lib/typography.ts';
import { groupByDocument, openSearch, searchAny, type DocumentHits, type OpenSearch, type SearchIndex, type SearchResult } from './engine.ts';
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
/**
 * The text a query's first results may load (bytes of documents' units as JSON, about twice and a
 * half what is transferred): a common word is in thousands of documents, and checking one loads its
 * text. Candidates are checked four at a time: the first documents that have it are shown as soon as
 * they are checked, and the page fills in until this much is loaded or a page of documents is
 * checked; when that is all of them, the counts are exact, otherwise the next page's are checked
 * when the reader asks for more.
 */
export const FIRST_BYTES = 250_000;
/**
 * The text checked for a query's first result, or at a reader's "more", before the page stops and
 * asks (bytes of documents' units as JSON, as FIRST_BYTES): words that are each in most documents
 * but never in one paragraph make every document a candidate and none a result, and checking them
 * all loaded the whole corpus (1,000 documents: 28 MB in 5.7 s, for "没有找到"). The status then says
 * how many of how many candidates are checked, and the button checks the next ones.
 */
export const SCAN_BYTES = 1_000_000;
/** Candidates checked at a time (their documents loaded side by side). */
const BATCH = 4;
/**
 * How many candidates the next check takes, after `checked`: the first alone (a query's first
 * results are shown once one document is loaded and checked, not four: at 1,000 documents, the
 * first query 240 → 150 ms in Chromium), then BATCH.
 */
export const batchAfter = (checked: number) => (checked === 0 ? 1 : BATCH);
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

  // A search whose candidates are still being checked (a common word), or null.
  let open: OpenSearch | null = null;
  let results: SearchResult[] = [];
  let current = '';
  /** Documents the reader has asked to see: a page, and a page more at each "more". */
  let wanted = PAGE_DOCS;
  /**
   * The checking of `open`'s candidates under way (the first page filling in, then the reader's
   * "more"): one batch after another, so that the counts written after each are those of the
   * candidates checked, and the documents are listed in the order they were checked.
   */
  let checking: Promise<void> = Promise.resolve();
  /** Bytes of documents' text the index has loaded so far (SearchIndex.loaded). */
  let loaded = () => 0;

  /** The count line: exact once every candidate is checked. */
  const countLine = (variants: boolean) =>
    open && !open.done
      ? fill(s.countPartial!, current, results.length, open.checked, open.candidates)
      : results.length === 0
        ? fill(s.none!, current)
        : fill(variants ? s.countVariants! : s.count!, current, results.length, groups.length);

  /** Write the documents asked for that are found and not written yet; the "more" button says how many are left. */
  const showWanted = () => {
    const next = groups.slice(shown, wanted);
    if (next.length > 0) list.insertAdjacentHTML('beforeend', next.map((g) => groupHtml(g, s)).join(''));
    shown += next.length;
    // No document found yet, more to check: the button right under the count and the advice, not under the room kept for results.
    list.hidden = groups.length === 0 && open !== null && !open.done;
    if (groups.length > 0) help.hidden = true;
    const found = groups.length - shown;
    const unchecked = open && !open.done ? open.candidates - open.checked : 0;
    more.hidden = found + unchecked <= 0;
    // Documents found and not shown yet, or (none) the candidates still to check, which may have none.
    more.textContent = found > 0 ? fill(s.more!, Math.min(PAGE_DOCS, found + unchecked)) : fill(s.moreSearch!, unchecked);
  };

  /** Check a search's candidates, `per` at a time, while it is the open one and `go` says so, writing each batch's documents and counts as it is checked. */
  const checkWhile = (mine: OpenSearch | null, go: () => boolean, per: number) => {
    // After the batch under way (a failed one does not stop the next).
    checking = checking.catch(() => {}).then(async () => {
      while (mine && open === mine && !mine.done && go()) {
        const found = await mine.more(per, () => open === mine);
        if (open !== mine) return;
        results.push(...found);
        groups.push(...groupByDocument(found));
        status.textContent = countLine(false);
        showWanted();
      }
    });
    return checking;
  };

  const render = (query: string, found: SearchResult[], table: FoldTable | null, variants: string[] | null) => {
    results = [...found];
    current = query;
    groups = groupByDocument(results);
    shown = 0;
    wanted = PAGE_DOCS;
    list.innerHTML = '';
    list.hidden = false;
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
    // Nothing found (yet: the candidates checked so far have none): what to try, above the button to look further.
    if (results.length === 0) {
      const words = table ? queryParts(query, table) : [];
      const raw = query.trim().split(/[\s\u3000]+/).filter(Boolean);
      help.innerHTML =
        `<p>${e(s.help!)}</p><ul><li>${e(s.helpScript!)}</li>` +
        (words.length > 1 ? `<li>${e(s.helpFewer!)}${raw.map((w) => `<a href="${e(link(w))}">${e(w)}</a>`).join('、')}</li>` : '') +
        `<li>${e(s.helpBrowse!)}${data.browse.map(([label, href]) => `<a href="${e(href)}">${e(label)}</a>`).join('、')}</li></ul>`;
      help.hidden = false;
    }
    status.textContent = countLine(Boolean(variants));
    showWanted();
  };

  /** After the page is next drawn: the task after the next animation frame. */
  const drawn = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve)));

  let seq = 0;
  /** The last query's: aborted when the next begins (what only it still loads stops). */
  let abandon: AbortController | null = null;
  const run = async (query: string, push: boolean, variants = false) => {
    const mine = ++seq;
    abandon?.abort();
    const signal = (abandon = new AbortController()).signal;
    const url = new URL(location.href);
    if (query) url.searchParams.set('q', query);
    else url.searchParams.delete('q');
    if (!variants) url.searchParams.delete('variants');
    if (header && header.value !== query) header.value = query;
    open = null;
    try {
      if (!query.trim()) return render('', [], null, null);
      status.textContent = s.searching!;
      const { index, table } = await load();
      const term = variants ? termOf(query, data.terms, table) : undefined;
      const names = term ? [term[1], ...term[2]] : null;
      if (names) {
        const found = await searchAny(index, table, names);
        if (mine === seq) render(query.trim(), found, table, names);
        return;
      }
      const search = await openSearch(index, table, query, signal);
      loaded = () => index.loaded?.() ?? 0;
      const from = loaded();
      // The first candidates that have it are shown as soon as they are checked (a candidate may have
      // the query's pairs of characters apart: it is passed over; a result, none at all, or SCAN_BYTES
      // checked without one is shown).
      while (!search.done && mine === seq && search.results.length === 0 && loaded() - from < SCAN_BYTES) await search.more(batchAfter(search.checked), () => mine === seq);
      if (mine !== seq) return;
      open = search;
      checking = Promise.resolve();
      render(query.trim(), search.results, table, null);
      // Then, once they are drawn (not after the next batches too, when their documents are loaded
      // already), the first page fills in: until a page of documents is checked or FIRST_BYTES of
      // text loaded.
      await drawn();
      void checkWhile(search, () => search.checked < PAGE_DOCS && loaded() - from < FIRST_BYTES, BATCH);
    } catch (err) {
      // A query passed over while its files loaded: the next one answers.
      if (!signal.aborted) throw err;
    } finally {
      // The address changes after the results are drawn (pushState takes 2–10 ms in Chromium,
      // measured: the reader waits for the results, not for the address bar), unless another
      // search has begun by then.
      void drawn().then(() => {
        if (mine !== seq) return;
        try {
          history[push ? 'pushState' : 'replaceState'](null, '', url);
        } catch {
          // Some browsers refuse to change a file:// URL; the search still runs.
        }
      });
    }
  };

  more.addEventListener('click', () => {
    wanted = shown + PAGE_DOCS;
    showWanted();
    // A common word: check candidates until there are the documents asked for, none left, or SCAN_BYTES checked.
    const from = loaded();
    void checkWhile(open, () => groups.length < wanted && loaded() - from < SCAN_BYTES, PAGE_DOCS);
  });
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
