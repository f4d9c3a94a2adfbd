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

/** `发布时间：2024-03-05`, `来源：县交通运输局` in a page's byline, outside its text. */
const BYLINE_DATE = /(?:发布|发表|更新|成文)?(?:时间|日期)\s*[:：]\s*(\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?)/;
const BYLINE_SOURCE = /(?:来源|來源|发布机构|發布機構)\s*[:：]\s*([^\s:：|｜【]{2,24})/;

/** Published date and publisher from short byline texts (the first that gives each). */
export function bylineFields(texts: readonly string[]): FileMeta {
  const meta: FileMeta = {};
  for (const text of texts) {
    if (text.length > 160) continue;
    const date = BYLINE_DATE.exec(text)?.[1];
    if (date && !meta.published) {
      const iso = isoDate(date.replace(/\s/g, ''));
      if (iso) meta.published = iso;
    }
    const source = BYLINE_SOURCE.exec(text)?.[1];
    if (source && !meta.publisher && !/^(?:本站|网络|互联网|原创)$/.test(source)) meta.publisher = source;
  }
  return meta;
}
