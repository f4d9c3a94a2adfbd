/** A tiny SVG string builder for charts drawn at build time (no DOM): escaped attributes and text. */
import { escapeAttr, escapeText } from '../lib/html.ts';
import { fullWidthPunctuation } from '../lib/typography.ts';

type Attrs = Record<string, string | number | undefined | null | false>;

/** One element; children are already-built strings (use `text()` for text). Numbers are rounded to 0.1. */
export function el(tag: string, attrs: Attrs = {}, ...children: string[]): string {
  const a = Object.entries(attrs)
    .filter(([, v]) => v !== undefined && v !== null && v !== false)
    .map(([k, v]) => ` ${k}="${escapeAttr(typeof v === 'number' ? String(Math.round(v * 10) / 10) : String(v))}"`)
    .join('');
  return children.length ? `<${tag}${a}>${children.join('')}</${tag}>` : `<${tag}${a}/>`;
}

/** Text drawn in a chart: set as reading views set Chinese (its punctuation), then escaped. */
export const text = (s: string) => escapeText(fullWidthPunctuation(s));

/** An accessible chart: role="img", <title> and <desc> first, sized by its viewBox. */
export function chart(o: { id: string; width: number; height: number; title: string; desc: string; className?: string }, ...body: string[]): string {
  return el(
    'svg',
    { xmlns: 'http://www.w3.org/2000/svg', viewBox: `0 0 ${o.width} ${o.height}`, role: 'img', 'aria-labelledby': `${o.id}-title ${o.id}-desc`, class: o.className ?? 'chart', id: o.id },
    el('title', { id: `${o.id}-title` }, text(o.title)),
    el('desc', { id: `${o.id}-desc` }, text(o.desc)),
    ...body,
  );
}
