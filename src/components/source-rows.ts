/**
 * The rows of a document's source view (SourceView.astro) as one HTML string: a long document has
 * thousands of lines, and Astro renders each element of a template on its own (10 ms a page at
 * 1,000 documents, a fifth of the site's rendering); a string is ~20 times faster. The markup is the
 * one the template gave, byte for byte.
 */
import { strings } from '../i18n/zh-CN.ts';
import type { DocumentData } from '../site/content.ts';
import { escapeLikeAstro as esc } from '../lib/html.ts';

export function sourceRows(doc: Pick<DocumentData, 'cleaning' | 'sourceLines'>): string {
  const s = strings.source;
  const removed = new Map(doc.cleaning.removed.map((r) => [r.line, r]));
  const repairs = new Map<number, DocumentData['cleaning']['repaired']>();
  for (const r of doc.cleaning.repaired) repairs.set(r.line, [...(repairs.get(r.line) ?? []), r]);
  let html = '';
  doc.sourceLines.forEach((text, i) => {
    const n = i + 1;
    const r = removed.get(n);
    const fixes = repairs.get(n) ?? [];
    const blank = text === '';
    const kind = r ? 'removed' : blank ? 'blank' : undefined;
    const status = r ? `删去:${esc(s.reasons[r.reason] ?? r.reason)}` : blank ? esc(s.blank) : '';
    const list = fixes.length > 0 ? `<ul>${fixes.map((f) => `<li>${esc(s.repairKinds[f.kind] ?? f.kind)}:“${esc(f.before)}”→“${esc(f.after)}”${esc(f.note ? `(${f.note})` : '')}</li>`).join('')}</ul>` : '';
    html += `<tr id="l${n}"${kind ? ` class="${kind}"` : ''}> <td class="n">${n}</td> <td class="t">${esc(text)}</td> <td class="s"> ${status} ${list} </td> </tr>`;
  });
  return html;
}
