/**
 * Link each term where it first occurs on a reading page. Works on the rendered body, whose text is
 * already escaped and whose markup our renderer wrote: text between tags is searched, never inside
 * a tag, a link, a correction, a damaged span, a heading or hidden text.
 */
import { escapeAttr } from '../lib/html.ts';
import type { TermMatch } from '../extract/terms.ts';

/** Elements whose text is not linked. */
const SKIP = new Set(['a', 'ins', 'mark', 'h2', 'h3', 'h4', 'th', 'span']);

export function linkFirstMentions(html: string, find: (text: string) => TermMatch[], hrefOf: (id: string) => string, titleOf: (id: string) => string): string {
  const linked = new Set<string>();
  const open: string[] = [];
  const parts = html.split(/(<[^>]*>)/);
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (part.startsWith('<')) {
      const m = /^<(\/?)([a-z0-9]+)/i.exec(part);
      if (!m || part.endsWith('/>')) continue;
      if (m[1]) {
        const at = open.lastIndexOf(m[2]!.toLowerCase());
        if (at >= 0) open.length = at;
      } else open.push(m[2]!.toLowerCase());
      continue;
    }
    if (!part || open.some((t) => SKIP.has(t))) continue;
    let out = '';
    let from = 0;
    for (const t of find(part)) {
      if (linked.has(t.id)) continue;
      linked.add(t.id);
      out += `${part.slice(from, t.start)}<a class="term-link" href="${escapeAttr(hrefOf(t.id))}" title="${escapeAttr(titleOf(t.id))}">${part.slice(t.start, t.end)}</a>`;
      from = t.end;
    }
    parts[i] = out + part.slice(from);
  }
  return parts.join('');
}
