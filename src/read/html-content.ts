/**
 * An HTML page's main content, by general signals: page chrome by its element (`nav`, `aside`,
 * `footer`, forms, hidden elements) and by the words its class and id use (share, comment,
 * breadcrumb, sidebar, ad …); then the element whose paragraphs carry the most prose, scored as
 * Readability scores it but counting Chinese punctuation (`，` `、` `；` `。`) and Chinese paragraph
 * lengths; then its siblings that carry prose too. Everything left out is recorded with its reason.
 */
import type { Element, Root } from 'hast';
import { BLOCK, INVISIBLE, linkDensity, textLength, toText } from './hast-text.ts';
import { excerpt, type Dropped, type DropReason } from './types.ts';


/** Chrome by class and id words: long words anywhere in the name, short ones as whole parts of it (`ad-slot`, `pages_print`). */
const NEGATIVE: [RegExp, DropReason][] = [
  [/share|social|jiathis|bdshare|fenxiang/, 'share'],
  [/comment|reply|discuss|pinglun/, 'comment'],
  [/advert|sponsor|promo|adsbygoogle|guanggao|(?:^|[-_\s])(?:ad|ads|adv|gg)(?:[-_\s\d]|$)/, 'advertisement'],
  [/breadcrumb|crumb|navbar|pagination|(?:^|[-_\s])(?:nav|menu|pager|position|location|weizhi|dqwz)(?:[-_\s]|$)/, 'navigation'],
  [/related|recommend|(?:^|[-_\s])(?:hot|popular|more|tags|xgwz|xgyd|xgxw|rdtj)(?:[-_\s]|$)/, 'link-list'],
  [/sidebar|(?:^|[-_\s])(?:side|aside|widget)(?:[-_\s]|$)/, 'sidebar'],
  [/footer|copyright|disclaimer|(?:^|[-_\s])(?:foot|terms|statement|banquan)(?:[-_\s]|$)/, 'page-footer'],
  [/masthead|header|(?:^|[-_\s])(?:topbar|logo|head)(?:[-_\s]|$)/, 'page-header'],
  [/toolbar|qrcode|erweima|(?:^|[-_\s])(?:print|tool|tools|font|fontsize|qr|login|search|dayin)(?:[-_\s]|$)/, 'navigation'],
];
/** Names of elements that hold an article's text. */
const POSITIVE = /article|content|main|body|text|post|entry|story|detail|zhengwen|trs_editor|neirong/;
const BY_TAG: Record<string, DropReason> = { nav: 'navigation', aside: 'sidebar', footer: 'page-footer', header: 'page-header', form: 'form' };

export const classNames = (el: Element) => [el.properties.className, el.properties.id].flat().filter((x) => x !== undefined && x !== null).join(' ').replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase();

/** Why an element is chrome by its name or tag, if it is. */
export function chromeReason(el: Element): DropReason | null {
  const byTag = BY_TAG[el.tagName];
  if (byTag) return byTag;
  const role = String(el.properties.role ?? '');
  if (role === 'navigation' || role === 'banner' || role === 'search') return 'navigation';
  if (role === 'complementary') return 'sidebar';
  if (role === 'contentinfo') return 'page-footer';
  const names = classNames(el);
  if (!names || POSITIVE.test(names)) return null;
  for (const [re, reason] of NEGATIVE) if (re.test(names)) return reason;
  return null;
}

export function isHidden(el: Element): boolean {
  const style = String(el.properties.style ?? '').replace(/\s/g, '').toLowerCase();
  return el.properties.hidden === true || String(el.properties.ariaHidden) === 'true' || /display:none|visibility:hidden/.test(style);
}


/**
 * Remove from the tree what is never content: invisible elements, hidden ones, and chrome that
 * holds less than a third of the page's text (a wrapper called `main-side` that holds the article is kept).
 */
export function prune(body: Element | Root, dropped: Dropped[]): void {
  const total = Math.max(1, textLength(body));
  let images = 0;
  const visit = (parent: Element | Root) => {
    parent.children = parent.children.filter((c) => {
      if (c.type === 'comment') return false;
      if (c.type !== 'element') return true;
      if (c.tagName === 'script' || c.tagName === 'noscript' || c.tagName === 'template') {
        const code = toText(c, { pre: true }).trim();
        if (code) dropped.push({ reason: 'script', text: excerpt(code, 120) });
        return false;
      }
      if (c.tagName === 'style') {
        dropped.push({ reason: 'style', text: excerpt(toText(c, { pre: true }), 80) });
        return false;
      }
      if (c.tagName === 'img') {
        images++;
        return false;
      }
      if (c.tagName === 'head') visit(c);
      if (INVISIBLE.has(c.tagName)) return false;
      if (isHidden(c)) {
        const text = toText(c);
        if (text) dropped.push({ reason: 'hidden', text: excerpt(text) });
        return false;
      }
      const reason = chromeReason(c);
      if (reason && textLength(c) / total < 0.34) {
        const text = toText(c);
        if (text) dropped.push({ reason, text: excerpt(text) });
        return false;
      }
      visit(c);
      return true;
    });
  };
  visit(body);
  if (images > 0) dropped.push({ reason: 'image', text: `${images} 张图片` });
}

/** How much prose a paragraph carries: Chinese and Latin clause punctuation, and its length in Chinese sentences. */
function paragraphScore(text: string): number {
  const len = text.replace(/\s/g, '').length;
  if (len < 10) return 0;
  const punctuation = (text.match(/[，,、；;：:。！？!?]/g) ?? []).length;
  return 1 + punctuation + Math.min(Math.floor(len / 50), 3);
}

const TEXT_BLOCKS = new Set(['p', 'pre', 'td', 'li', 'dd', 'blockquote', 'h2', 'h3', 'h4', 'h5', 'h6']);
const hasBlockChild = (el: Element) => el.children.some((c) => c.type === 'element' && BLOCK.has(c.tagName));

/** The element holding the page's article, and the siblings that carry prose with it. */
export function mainContent(body: Element | Root): Element[] {
  const scores = new Map<Element, number>();
  const parents = new Map<Element, Element | Root>();
  const leaves: Element[] = [];
  const visit = (el: Element | Root) => {
    for (const c of el.children) {
      if (c.type !== 'element') continue;
      parents.set(c, el);
      if (TEXT_BLOCKS.has(c.tagName) || (c.tagName !== 'table' && BLOCK.has(c.tagName) && !hasBlockChild(c))) leaves.push(c);
      if (!TEXT_BLOCKS.has(c.tagName) || hasBlockChild(c)) visit(c);
    }
  };
  visit(body);
  for (const leaf of leaves) {
    const s = paragraphScore(toText(leaf, { pre: true }));
    if (s === 0) continue;
    let node = parents.get(leaf);
    for (let level = 0; node && node.type === 'element' && level < 5; level++, node = parents.get(node)) {
      scores.set(node, (scores.get(node) ?? 0) + s / (level === 0 ? 1 : level === 1 ? 2 : level * 3));
    }
  }
  const final = (el: Element) => {
    const names = classNames(el);
    const weight = POSITIVE.test(names) || el.tagName === 'article' || el.tagName === 'main' || String(el.properties.itemProp) === 'articleBody' ? 1.25 : 1;
    return (scores.get(el) ?? 0) * (1 - linkDensity(el)) * weight;
  };
  let top: Element | null = null;
  let best = 0;
  for (const el of scores.keys()) {
    const f = final(el);
    if (f > best) [top, best] = [el, f];
  }
  if (!top) return body.type === 'element' ? [body] : body.children.filter((c): c is Element => c.type === 'element');
  const parent = parents.get(top);
  if (!parent) return [top];
  // Siblings that carry prose too: an article split over several blocks.
  return (parent.children as Element[]).filter((c) => {
    if (c.type !== 'element') return false;
    if (c === top) return true;
    const text = toText(c);
    const density = linkDensity(c);
    return final(c) >= Math.max(10, best * 0.2) || (c.tagName === 'p' && text.length > 80 && density < 0.25);
  });
}

/** Blocks outside the main content listed one by one; the rest are counted (a portal's page has hundreds). */
const OUTSIDE_LISTED = 40;

/** Text blocks of the page outside the main content, for the source view. */
export function outside(body: Element | Root, kept: readonly Element[], dropped: Dropped[]): void {
  const keep = new Set(kept);
  let listed = 0;
  let more = 0;
  const visit = (el: Element | Root) => {
    for (const c of el.children) {
      if (c.type !== 'element' || keep.has(c)) continue;
      if (hasBlockChild(c) && c.tagName !== 'table') visit(c);
      else {
        const text = toText(c);
        if (!text) continue;
        if (listed++ < OUTSIDE_LISTED) dropped.push({ reason: 'outside-main-content', text: excerpt(text) });
        else more++;
      }
    }
  };
  visit(body);
  if (more > 0) dropped.push({ reason: 'outside-main-content', text: `另有 ${more} 段` });
}

