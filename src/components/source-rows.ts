/**
 * The rows of a document's source view (SourceView.astro) as one HTML string: a long document has
 * thousands of lines, and Astro renders each element of a template on its own (10 ms a page at
 * 1,000 documents, a fifth of the site's rendering); a string is ~20 times faster.
 *
 * Consecutive lines removed for one reason (a menu, a footer, a user agreement: blank lines between
 * them count with them) make one row that opens (`<details>`) to show them; every line keeps its
 * anchor `#l<n>` (inside a closed row, the browser opens it to show the line). Lines moved into the
 * metadata (title, byline, date, source) say so.
 */
import { strings } from '../i18n/zh-CN.ts';
import type { SourceData } from '../site/content.ts';
import { escapeLikeAstro as esc } from '../lib/html.ts';

type Cleaning = SourceData['cleaning'];
type Repairs = Cleaning['repaired'];

/** Two or more removed lines in a row make a group. */
const GROUP = 2;

export function sourceRows(doc: Pick<SourceData, 'cleaning' | 'sourceLines'>): string {
  const s = strings.source;
  const removed = new Map(doc.cleaning.removed.map((r) => [r.line, r]));
  const moved = new Map((doc.cleaning.moved ?? []).map((m) => [m.line, m]));
  const repairs = new Map<number, Repairs>();
  for (const r of doc.cleaning.repaired) repairs.set(r.line, [...(repairs.get(r.line) ?? []), r]);
  const lines = doc.sourceLines;
  const blank = (n: number) => lines[n - 1] === '';
  const reasonLabel = (reason: string) => `删去：${esc(s.reasons[reason] ?? reason)}`;

  let html = '';
  for (let n = 1; n <= lines.length; n++) {
    const r = removed.get(n);
    const end = r && !repairs.has(n) ? groupEnd(n, r.reason) : n;
    const members = range(n, end).filter((m) => !blank(m));
    if (members.length >= GROUP) {
      const inner = range(n, end)
        .map((m) => `<div${m === n ? '' : ` id="l${m}"`} class="line${blank(m) ? ' blank' : ''}"><span class="n">${m}</span> <span class="t">${esc(lines[m - 1]!)}</span></div>`)
        .join('');
      html += `<tr id="l${n}" class="removed group"> <td class="n">${n}–${end}</td> <td class="t"><details><summary>${esc(lines[n - 1]!)} <span class="count">${esc(s.groupCount(members.length))}</span></summary>${inner}</details></td> <td class="s"> ${reasonLabel(r!.reason)} </td> </tr>`;
      n = end;
      continue;
    }
    const text = lines[n - 1]!;
    const m = moved.get(n);
    const fixes = repairs.get(n) ?? [];
    const kind = r ? 'removed' : m ? 'moved' : text === '' ? 'blank' : undefined;
    const status = r ? reasonLabel(r.reason) : m ? `${esc(s.movedTo)}：${esc(s.moved[m.to] ?? m.to)}` : text === '' ? esc(s.blank) : '';
    html += `<tr id="l${n}"${kind ? ` class="${kind}"` : ''}> <td class="n">${n}</td> <td class="t">${esc(text)}</td> <td class="s"> ${status} ${repairList(fixes)} </td> </tr>`;
  }
  return html;

  /** The last line of the run of lines removed for `reason` that starts at `from` (blank lines inside it count with it). */
  function groupEnd(from: number, reason: string): number {
    let last = from;
    for (let k = from + 1; k <= lines.length; k++) {
      if (blank(k)) continue;
      if (removed.get(k)?.reason !== reason || repairs.has(k)) break;
      last = k;
    }
    return last;
  }
}

function repairList(fixes: Repairs): string {
  const s = strings.source;
  if (fixes.length === 0) return '';
  const item = (f: Repairs[number]) =>
    f.kind === 'unwrap' ? `${esc(s.repairKinds[f.kind] ?? f.kind)}${esc(f.note ? `(${f.note})` : '')}` : `${esc(s.repairKinds[f.kind] ?? f.kind)}:“${esc(f.before)}”→“${esc(f.after)}”${esc(f.note ? `(${f.note})` : '')}`;
  return `<ul>${fixes.map((f) => `<li>${item(f)}</li>`).join('')}</ul>`;
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, k) => from + k);
}
