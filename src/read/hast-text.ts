/** The text of an HTML element as a reader sees it: whitespace collapsed, none between Chinese characters. */
import type { Element, ElementContent, Root } from 'hast';

/** Elements whose text is never shown. */
export const INVISIBLE = new Set(['script', 'style', 'noscript', 'template', 'head', 'title', 'meta', 'link', 'iframe', 'object', 'embed', 'svg', 'canvas', 'map', 'audio', 'video', 'select', 'textarea', 'button', 'input']);

/** Elements that start a block of their own (everything else is inline, part of a paragraph). */
export const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'center', 'dd', 'details', 'dialog', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'header', 'hgroup', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul', 'caption', 'body', 'html',
]);

const HAN_GAP = /([\p{Script=Han}\u3000-\u303f\uff00-\uffef])[ \t]*\n\s*(?=[\p{Script=Han}\u3000-\u303f\uff00-\uffef])/gu;

/**
 * A source line break between two Chinese characters is no space (CSS Text's segment-break rule);
 * other whitespace runs are one space.
 */
export function collapse(s: string): string {
  return (s.includes('\n') ? s.replace(HAN_GAP, '$1') : s).replace(/\s+/g, ' ').trim();
}

/** Characters of visible text, whitespace aside: a cheap measure (no string is built). */
export function textLength(node: Root | ElementContent): number {
  if (node.type === 'text') {
    let n = 0;
    for (let i = 0; i < node.value.length; i++) if (node.value.charCodeAt(i) > 32) n++;
    return n;
  }
  if (node.type !== 'element' && node.type !== 'root') return 0;
  if (node.type === 'element' && INVISIBLE.has(node.tagName)) return 0;
  let n = 0;
  for (const c of node.children) n += textLength(c as ElementContent);
  return n;
}

/** Raw text of a node; `pre` keeps it as written (for scripts and JSON-LD). */
export function toText(node: Root | ElementContent, o: { pre?: boolean } = {}): string {
  let out = '';
  const visit = (n: Root | ElementContent) => {
    if (n.type === 'text') out += n.value;
    else if (n.type === 'element' || n.type === 'root') {
      if (n.type === 'element' && !o.pre && INVISIBLE.has(n.tagName)) return;
      if (n.type === 'element' && n.tagName === 'br') out += '\n';
      // Blocks are apart, as a browser shows them.
      const apart = !o.pre && n.type === 'element' && BLOCK.has(n.tagName);
      if (apart) out += ' ';
      for (const c of n.children) visit(c as ElementContent);
      if (apart) out += ' ';
    }
  };
  visit(node);
  return o.pre ? out : collapse(out);
}

/** Characters of text inside links, and in all (invisible elements left out). */
export function linkDensity(el: Element): number {
  let all = 0;
  let linked = 0;
  const visit = (n: ElementContent, inLink: boolean) => {
    if (n.type === 'text') {
      const len = n.value.replace(/\s+/g, '').length;
      all += len;
      if (inLink) linked += len;
    } else if (n.type === 'element' && !INVISIBLE.has(n.tagName)) for (const c of n.children) visit(c, inLink || n.tagName === 'a');
  };
  for (const c of el.children) visit(c, el.tagName === 'a');
  return all === 0 ? 0 : linked / all;
}
