/**
 * The one script every page carries, inline (minified when the site is bundled: src/layouts/enhance.ts) and small.
 * Everything it does is an enhancement of a page that works without it:
 * - a site opened from disk (file://) gets links that work there (folders -> index.html);
 * - without a configured site URL, addresses shown for citing (`.here`) become the address the
 *   page is read at, and so do the .ris/.bib downloads and the printed page's footer;
 * - copy buttons appear and copy; a paragraph's ¶ copies its link (with a text fragment) and puts
 *   the citation of that paragraph in the cite panel (引用本段);
 * - the contents column marks the section being read;
 * - `/` focuses the search box, and focusing it warms the search files.
 * Strings come in as build-time constants (esbuild `define`, src/layouts/enhance.ts).
 */
declare const COPIED: string;
declare const PARAGRAPH: string;

const root = document.documentElement;
root.classList.add('js');
const data = root.dataset;
const base = data.base || '/';
const onDisk = location.protocol === 'file:';

/** A base-relative href as a path from this file on disk (docs/abc/ -> ../../docs/abc/index.html). */
const local = (h: string) => {
  const m = /^([^?#]*)(\?[^#]*)?(#.*)?$/.exec(h.slice(base.length))!;
  return (data.root || './') + (m[1] === '' || m[1]!.endsWith('/') ? m[1] + 'index.html' : m[1]) + (m[2] || '') + (m[3] || '');
};
if (onDisk) {
  for (const a of document.querySelectorAll(`a[href^="${base}"]`)) a.setAttribute('href', local(a.getAttribute('href')!));
  for (const f of document.querySelectorAll(`form[action^="${base}"]`)) f.setAttribute('action', local(f.getAttribute('action')!));
}

/** The address a site path is read at: on this host, or the file on disk. */
const addressOf = (path: string) => new URL(onDisk ? local(path) : path, location.href).href;

/** A download link made from the text of the element it names (the .ris, the .bib). */
const refreshDownload = (a: HTMLAnchorElement) => {
  const from = document.getElementById(a.dataset.from!);
  if (from) a.href = 'data:' + a.type + ';charset=utf-8,' + encodeURIComponent(from.textContent!.trim() + '\n');
};

if (data.here !== undefined) {
  for (const e of document.querySelectorAll<HTMLElement>('.here')) e.textContent = addressOf(e.dataset.path!);
  for (const a of document.querySelectorAll<HTMLAnchorElement>('a[data-from]')) refreshDownload(a);
  for (const e of document.querySelectorAll('.here-note')) e.remove();
  const print = document.getElementById('print-address');
  if (print) print.textContent = '@page{@bottom-left{content:' + JSON.stringify(location.href.split('#')[0]!) + '}}';
}

for (const b of document.querySelectorAll<HTMLElement>('button.copy')) b.hidden = false;
const put = async (text: string, el: HTMLElement) => {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    return;
  }
  const old = el.textContent;
  el.textContent = COPIED;
  el.classList.add('done');
  setTimeout(() => {
    el.textContent = old;
    el.classList.remove('done');
  }, 1500);
};

/** The cite panel's 引用本段: the document's first citation with the paragraph's address and its number. */
const citeParagraph = (p: HTMLElement) => {
  const box = document.getElementById('cite-paragraph');
  const whole = document.getElementById('cite-first');
  if (!box || !whole) return;
  // Numbered as the margin and the printed page number them (reading.css): the text's paragraphs, lists and tables.
  const n = [...document.querySelectorAll('.body>p[id^="p-"],.body>ol[id^="p-"],.body table[id^="p-"]')].indexOf(p) + 1;
  const out = whole.cloneNode(true) as HTMLElement;
  out.id = 'cite-paragraph-text';
  for (const u of out.querySelectorAll('.cite-url')) u.textContent += '#' + p.id;
  const head = box.querySelector('.cite-paragraph-n');
  if (head) head.textContent = n > 0 ? PARAGRAPH.replace('%', String(n)) : (p.textContent || '').trim();
  box.querySelector('.cite-text')?.replaceWith(out);
  box.hidden = false;
};

document.addEventListener('click', (e) => {
  const b = (e.target as Element).closest?.<HTMLElement>('button.copy[data-copy], a.self-link');
  if (!b) return;
  if (b.matches('button')) return void put(document.getElementById(b.dataset.copy!)!.textContent!.trim(), b);
  const p = b.parentElement!;
  const words = (p.textContent || '').trim().slice(0, 12);
  citeParagraph(p);
  void put(location.href.split('#')[0]! + b.getAttribute('href')! + (words ? ':~:text=' + encodeURIComponent(words) : ''), b);
});

document.addEventListener('keydown', (e) => {
  if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey || /^(INPUT|TEXTAREA|SELECT)$/.test(document.activeElement!.tagName)) return;
  const box = document.getElementById('search-q') || document.getElementById('site-q');
  if (box) {
    e.preventDefault();
    box.focus();
  }
});

// Focusing the search box warms the search files, so the first query does not wait for them.
document.addEventListener('focusin', (e) => {
  if ((e.target as Element).id !== 'site-q' || data.warm || onDisk) return;
  data.warm = '1';
  for (const f of ['search/', 'kb-search/search-page.js', 'kb-search/meta.js']) {
    const l = document.createElement('link');
    l.rel = 'prefetch';
    l.href = base + f;
    document.head.append(l);
  }
});

// The contents column marks the section being read: the last heading above the top third of the window.
const toc = document.querySelector('.toc');
if (toc) {
  const links = new Map([...toc.querySelectorAll<HTMLAnchorElement>('a[href^="#"]')].map((a) => [a.hash.slice(1), a]));
  const heads = [...document.querySelectorAll<HTMLElement>('.prose :is(h2,h3,h4)[id]')].filter((h) => links.has(h.id));
  let queued = false;
  const mark = () => {
    queued = false;
    let current: HTMLElement | undefined;
    for (const h of heads) if (h.getBoundingClientRect().top < innerHeight / 3) current = h;
    for (const a of links.values()) a.removeAttribute('aria-current');
    if (current) links.get(current.id)!.setAttribute('aria-current', 'location');
  };
  addEventListener('scroll', () => queued || ((queued = true), requestAnimationFrame(mark)), { passive: true });
  mark();
}
