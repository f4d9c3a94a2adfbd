/** Escaping for text and attribute values written into HTML strings. */
export const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
export const escapeAttr = (s: string) => escapeText(s).replace(/"/g, '&quot;');
/** Escaping as Astro escapes an expression's text (& < > ' "), for HTML strings put into a page beside Astro's own. */
export const escapeLikeAstro = (s: string) => escapeAttr(s).replace(/'/g, '&#39;');

/**
 * Cut rendered HTML just after the elements with the given ids, so that something (a chart) can be
 * placed after a paragraph. Returns the pieces in order, each with the id it ends after (the last
 * piece has none). Ids that are not in the HTML are ignored.
 */
export function splitAfter(html: string, ids: readonly string[]): Array<{ html: string; after?: string }> {
  const cuts: Array<{ at: number; id: string }> = [];
  for (const id of new Set(ids)) {
    const attr = html.indexOf(` id="${id}"`);
    if (attr < 0) continue;
    const open = html.lastIndexOf('<', attr);
    const tag = /^<([a-z][a-z0-9]*)/i.exec(html.slice(open, attr + 1))?.[1];
    if (!tag) continue;
    const re = new RegExp(`<(/?)${tag}(?=[\\s>/])[^>]*>`, 'gi');
    re.lastIndex = open;
    let depth = 0;
    for (let m = re.exec(html); m; m = re.exec(html)) {
      if (m[1]) depth--;
      else if (!m[0].endsWith('/>')) depth++;
      if (depth === 0) {
        cuts.push({ at: m.index + m[0].length, id });
        break;
      }
    }
  }
  cuts.sort((a, b) => a.at - b.at);
  const pieces: Array<{ html: string; after?: string }> = [];
  let from = 0;
  for (const c of cuts) {
    pieces.push({ html: html.slice(from, c.at), after: c.id });
    from = c.at;
  }
  pieces.push({ html: html.slice(from) });
  return pieces;
}
