/**
 * Metadata in a page's labelled table or list cells (`发文字号：` | `国办发〔2015〕70号`): Chinese
 * government sites print a document's file information so, beside or above the text.
 */
import type { Element, Root } from 'hast';
import { toText } from './hast-text.ts';
import { walk } from './html-meta.ts';
import { isoDate } from './dates.ts';
import type { FileMeta } from './types.ts';

const LABELS: [RegExp, keyof FileMeta][] = [
  [/^(?:发文字号|文号|發文字號|文號)$/, 'number'],
  [/^(?:发文机关|发布机构|发文单位|發文機關|發布機構)$/, 'publisher'],
  [/^(?:发布日期|发布时间|發布日期)$/, 'published'],
  [/^(?:标题|標題|名称)$/, 'title'],
];

/** The fields a page labels in adjacent cells. */
export function labelledFields(root: Root): FileMeta {
  const meta: FileMeta = {};
  walk(root, (el) => {
    if (el.tagName !== 'tr') return;
    const cells = el.children.filter((c): c is Element => c.type === 'element' && (c.tagName === 'td' || c.tagName === 'th')).map((c) => toText(c));
    for (let i = 0; i + 1 < cells.length; i++) {
      const label = /^(.{2,6}?)\s*[:：]$/.exec(cells[i]!.replace(/\s/g, ''))?.[1];
      if (!label) continue;
      const field = LABELS.find(([re]) => re.test(label))?.[1];
      const value = cells[i + 1]!.trim();
      if (!field || !value || meta[field]) continue;
      meta[field] = field === 'published' ? (isoDate(value) ?? undefined) : value;
      if (meta[field] === undefined) delete meta[field];
    }
  });
  return meta;
}
