/**
 * HTML reader: decode (declared or sniffed charset), parse as a browser would (parse5, through
 * hast-util-from-html), read the page's metadata from its markup, keep its main content
 * (html-content.ts) as lines with hints (html-lines.ts), and record what was left out.
 */
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { decodeHtml } from './html-charset.ts';
import { contentLines } from './html-lines.ts';
import { mainContent, outside, prune } from './html-content.ts';
import { htmlMeta, walk } from './html-meta.ts';
import { bylineFields, labelledFields } from './html-fields.ts';
import { toText } from './hast-text.ts';
import { LineWriter, type Dropped, type Reading, type Refusal } from './types.ts';

/** Read an HTML page. */
export function readHtml(bytes: Uint8Array): Reading | Refusal {
  const decoded = decodeHtml(bytes);
  if (!decoded.ok) return { kind: decoded.kind, reason: decoded.reason };
  return readHtmlText(decoded.text, decoded.encoding);
}

/** Read an HTML page's text (also used for the HTML inside Markdown). */
export function readHtmlText(source: string, encoding: Reading['encoding']): Reading | Refusal {
  const root: Root = fromHtml(source);
  const redirect = redirectTarget(root);
  // The page's own heading: its first <h1>, else the first heading the <title> holds (a CMS's <h2 class="title">).
  let h1: string | undefined;
  let pageTitle = '';
  walk(root, (el) => {
    if (el.tagName === 'title' && !pageTitle) pageTitle = toText(el, { pre: true }).replace(/\s+/g, ' ').trim();
  });
  walk(root, (el) => {
    if (h1 === undefined && el.tagName === 'h1') h1 = toText(el) || undefined;
  });
  if (h1 === undefined) {
    walk(root, (el) => {
      const text = h1 === undefined && /^h[2-3]$/.test(el.tagName) ? toText(el) : '';
      if (text.length >= 4 && pageTitle.includes(text)) h1 = text;
    });
  }
  const fields = labelledFields(root);
  const meta = { ...fields, ...htmlMeta(root, h1) };
  const body = findBody(root);
  const dropped: Dropped[] = [];
  prune(root, dropped);
  const kept = mainContent(body);
  const out = new LineWriter();
  contentLines(kept, out, dropped);
  outside(body, kept, dropped);
  // A byline outside the text (发布时间：… 来源：…), for what the markup does not say.
  const byline = bylineFields(dropped.filter((d) => d.reason === 'outside-main-content').map((d) => d.text));
  for (const [k, v] of Object.entries(byline) as [keyof typeof meta, string][]) meta[k] ??= v;
  if (out.lines.length === 0) {
    if (redirect !== null) return { kind: 'redirect', reason: `the page only redirects${redirect ? ` to ${redirect}` : ''}; it has no text of its own` };
    return { kind: 'no-content', reason: 'the HTML page has no visible text' };
  }
  return { format: 'html', text: out.text, encoding, hints: out.hints, meta, dropped, parts: [], notes: [] };
}

function findBody(root: Root): Element | Root {
  let body: Element | undefined;
  walk(root, (el) => {
    if (!body && el.tagName === 'body') body = el;
  });
  return body ?? root;
}

/** Where a page sends its reader (`<meta http-equiv=refresh>` or a script setting `location`), or null. */
function redirectTarget(root: Root): string | null {
  let target: string | null = null;
  walk(root, (el) => {
    if (target !== null) return;
    if (el.tagName === 'meta' && String(el.properties.httpEquiv ?? '').toLowerCase() === 'refresh') {
      target = /url\s*=\s*['"]?([^'";\s]+)/i.exec(String(el.properties.content ?? ''))?.[1] ?? '';
    } else if (el.tagName === 'script') {
      const m = /(?:window\.|document\.|top\.)?location(?:\.href)?\s*=\s*['"]([^'"]+)['"]|location\.(?:replace|assign)\(\s*['"]([^'"]+)['"]/.exec(toText(el, { pre: true }));
      if (m) target = m[1] ?? m[2] ?? '';
    }
  });
  return target;
}
