/**
 * A reading page's body as HTML, straight from the document's blocks: the same HTML as compiling
 * the page's MDX (mdx.ts) and rendering it with render.ts — a test holds the two equal on every
 * seed and on hostile text — at a fraction of the cost (a compile is ~20 ms per document).
 * Corpus text only enters escaped; the only markup is the fixed set of elements below.
 */
import { strings } from '../i18n/zh-CN.ts';
import { escapeAttr, escapeText } from '../lib/html.ts';
import type { Block, Mark } from '../pipeline/types.ts';

/** A link to a paragraph's or heading's own anchor, shown on hover and focus, for citing it. */
export function selfLink(id: string): string {
  return `<a class="self-link" href="#${escapeAttr(id)}" aria-label="${escapeAttr(strings.doc.paragraphLink)}"></a>`;
}

/** An editorial correction: the corrected words, with the original for readers and screen readers. */
export function correction(inner: string, original: string, note?: string): string {
  const label = `${strings.doc.correction}:${strings.doc.correctionOriginal}“${original}”${note ? `,${note}` : ''}`;
  return `<ins class="correction" title="${escapeAttr(label)}">${inner}<span class="vh">(${escapeText(label)})</span></ins>`;
}

/** Text destroyed in the source, shown as found and marked so no one quotes it as real. */
export function damaged(inner: string, note?: string): string {
  const label = `${strings.doc.damaged}${note ? `:${note}` : ''}`;
  return `<mark class="damaged" title="${escapeAttr(label)}">${inner}<span class="vh">(${escapeText(label)})</span></mark>`;
}

/** Text with its marks (in order; a mark overlapping an earlier one or running past the text is left out, as in mdx.ts). */
export function phrasingHtml(text: string, marks: readonly Mark[] = []): string {
  let out = '';
  let at = 0;
  for (const m of [...marks].sort((a, b) => a.start - b.start)) {
    if (m.start < at || m.end > text.length) continue;
    out += escapeText(text.slice(at, m.start));
    const inner = escapeText(text.slice(m.start, m.end));
    out += m.kind === 'correction' ? correction(inner, m.original ?? '', m.note) : damaged(inner, m.note);
    at = m.end;
  }
  return out + escapeText(text.slice(at));
}

function blockHtml(b: Block): string {
  const id = escapeAttr(`p-${b.id}`);
  switch (b.type) {
    case 'heading':
      return `<h${b.level} id="${id}">${phrasingHtml(b.text, b.marks)}${selfLink(id)}</h${b.level}>`;
    case 'paragraph':
      return `<p id="${id}">${phrasingHtml(b.text, b.marks)}${selfLink(id)}</p>`;
    case 'list':
      return `<ol id="${id}" class="${b.role === 'contents' ? 'source-contents' : 'list'}">${b.items.map((item) => `<li>${phrasingHtml(item)}</li>`).join('')}</ol>`;
    case 'table': {
      const head = `<thead><tr>${b.header.map((h) => `<th scope="col">${phrasingHtml(h)}</th>`).join('')}</tr></thead>`;
      const rows = b.rows.map((r) => `<tr>${r.map((c, i) => (i === 0 ? `<th scope="row">${phrasingHtml(c)}</th>` : `<td>${phrasingHtml(c)}</td>`)).join('')}</tr>`);
      return `<div class="table-wrap"><table id="${id}">${head}<tbody>${rows.join('')}</tbody></table></div>`;
    }
  }
}

/** The body of a reading page: one block per line. */
export function blocksToHtml(blocks: readonly Block[]): string {
  return blocks.map(blockHtml).join('\n');
}
