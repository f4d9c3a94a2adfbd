/**
 * What an HTML page says about itself in its markup: `<meta>` names used by Chinese government and
 * news sites (ArticleTitle, PubDate, ContentSource), Open Graph and `article:`, Highwire `citation_*`,
 * Dublin Core, JSON-LD, `<title>` less the site's name, and its canonical URL.
 */
import type { Element, Root } from 'hast';
import { toText } from './hast-text.ts';
import type { FileMeta } from './types.ts';
import { isoDate } from './dates.ts';

type Fields = Map<string, string[]>;

/** Every `<meta name|property|itemprop content>`, lower-cased names, in order. */
function metaFields(root: Root): Fields {
  const fields: Fields = new Map();
  const add = (k: string, v: string) => {
    const value = v.replace(/\s+/g, ' ').trim();
    if (value) fields.set(k, [...(fields.get(k) ?? []), value]);
  };
  walk(root, (el) => {
    if (el.tagName === 'meta') {
      const name = String(el.properties.name ?? el.properties.property ?? el.properties.itemProp ?? '').toLowerCase();
      const content = el.properties.content;
      if (name && typeof content === 'string') add(name, content);
    } else if (el.tagName === 'link') {
      const rel = ([] as unknown[]).concat(el.properties.rel ?? []).map(String);
      if (rel.includes('canonical') && typeof el.properties.href === 'string') add('link:canonical', el.properties.href);
    } else if (el.tagName === 'title') add('title', toText(el, { pre: true }));
    else if (el.tagName === 'script' && el.properties.type === 'application/ld+json') for (const [k, v] of jsonLd(toText(el, { pre: true }))) add(k, v);
    else if (el.tagName === 'time' && typeof el.properties.dateTime === 'string') add('time', el.properties.dateTime);
  });
  return fields;
}

/** Call `f` on every element, in document order. */
export function walk(node: Root | Element, f: (el: Element) => void): void {
  for (const c of node.children) {
    if (c.type !== 'element') continue;
    f(c);
    walk(c, f);
  }
}

/** The fields of JSON-LD objects that describe the page (data, parsed as JSON, never run). */
function jsonLd(source: string): [string, string][] {
  let data: unknown;
  try {
    data = JSON.parse(source);
  } catch {
    return [];
  }
  const out: [string, string][] = [];
  const name = (v: unknown): string | undefined => (typeof v === 'string' ? v : Array.isArray(v) ? name(v[0]) : v && typeof v === 'object' ? name((v as Record<string, unknown>).name) : undefined);
  const visit = (v: unknown) => {
    if (Array.isArray(v)) return v.forEach(visit);
    if (!v || typeof v !== 'object') return;
    const o = v as Record<string, unknown>;
    if (o['@graph']) visit(o['@graph']);
    const type = String(o['@type'] ?? '');
    if (!/Article|Posting|Report|WebPage|CreativeWork|Blog/.test(type)) return;
    for (const [key, field] of [['headline', 'headline'], ['name', 'headline'], ['datePublished', 'datePublished'], ['author', 'author'], ['publisher', 'publisher'], ['url', 'url']] as const) {
      const value = name(o[key]);
      if (value) out.push([`ld:${field}`, value]);
    }
  };
  visit(data);
  return out;
}

/** Separators between a page's title and its site's name in `<title>`. */
const TITLE_SEPARATOR = /\s*(?:[_|｜]|\s[-–—·]\s|--|——|(?<![\dA-Za-z])-(?![\dA-Za-z]))\s*/;

/** A title without its site's name: drop the segments that are a known site name, else keep the longest. */
export function withoutSiteName(title: string, siteNames: readonly string[]): string {
  const parts = title.split(TITLE_SEPARATOR).map((s) => s.trim()).filter(Boolean);
  if (parts.length <= 1) return title.trim();
  const kept = parts.filter((p) => !siteNames.some((s) => s === p || p.includes(s) && p.length <= s.length + 6));
  const pool = kept.length > 0 ? kept : parts;
  return pool.reduce((a, b) => (b.length > a.length ? b : a));
}

const first = (f: Fields, ...keys: string[]) => {
  for (const k of keys) {
    const v = f.get(k)?.[0];
    if (v) return v;
  }
  return undefined;
};
const isUrl = (s: string | undefined) => !!s && /^https?:\/\/[^\s]+$/i.test(s);
/** Authors that name no one (a CMS account). */
const NO_ONE = /^(?:admin(?:istrator)?|root|editor|佚名|匿名|未知|null|undefined|none)$/i;

/** What the page's markup says about it. `h1` is the first top-level heading, used when nothing else names the page. */
export function htmlMeta(root: Root, h1?: string): FileMeta {
  const f = metaFields(root);
  const siteNames = ['og:site_name', 'sitename', 'site_name', 'application-name', 'apple-mobile-web-app-title', 'columnname'].flatMap((k) => f.get(k) ?? []);
  const explicit = first(f, 'articletitle', 'citation_title', 'dc.title', 'og:title', 'twitter:title', 'ld:headline');
  const fromTitle = f.get('title')?.[0];
  let title = explicit ? withoutSiteName(explicit, siteNames) : fromTitle ? withoutSiteName(fromTitle, siteNames) : h1;
  // The page's own heading, when the <title> holds it with more around it.
  if (h1 && title && h1 !== title && title.includes(h1) && h1.length >= 4) title = h1;
  const published = [first(f, 'pubdate', 'publishdate', 'publish-date', 'publish_date', 'article:published_time', 'citation_publication_date', 'citation_date', 'dc.date.issued', 'dc.date', 'dcterms.issued', 'ld:datepublished', 'date', 'time')]
    .map((v) => (v ? isoDate(v) : null))[0];
  const publisherValue = first(f, 'contentsource', 'citation_technical_report_institution', 'citation_publisher', 'dc.publisher', 'ld:publisher', 'article:publisher', 'og:site_name', 'sitename');
  const publisher = publisherValue && !isUrl(publisherValue) ? publisherValue : undefined;
  const authorValue = first(f, 'citation_author', 'author', 'article:author', 'dc.creator', 'ld:author');
  const author = authorValue && !isUrl(authorValue) && !NO_ONE.test(authorValue) ? authorValue : undefined;
  const url = [f.get('link:canonical')?.[0], first(f, 'og:url'), first(f, 'ld:url')].find(isUrl);
  const description = first(f, 'description', 'og:description', 'dc.description');
  const number = first(f, 'citation_technical_report_number', 'wenhao', 'filenum');
  return {
    ...(title ? { title } : {}),
    ...(published ? { published } : {}),
    ...(publisher ? { publisher } : {}),
    ...(author ? { author } : {}),
    ...(url ? { url } : {}),
    ...(description ? { description } : {}),
    ...(number ? { number } : {}),
  };
}
