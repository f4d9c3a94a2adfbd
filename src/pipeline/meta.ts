/**
 * What the text says about itself, put together: the title, and the author, publication date,
 * publisher, editor, original title and document number its metadata lines give (meta-lines.ts).
 * When no line names the publisher, the site's chrome may (its name above the title, its
 * copyright, its welcome, its reprint notice). A date is only ever read from the page's own
 * metadata lines: never from a file name, a URL, a related-article list or the running text.
 */
import { PLATFORMS, PUBLISHER_SUFFIX } from './lexicon.ts';
import type { MetaLine } from './meta-lines.ts';
import type { DocumentMeta } from './types.ts';

/** The metadata the text gives (DocumentMeta without what later stages decide: an inferred title, errata). */
export type TextMeta = Omit<DocumentMeta, 'title' | 'titleSource'> & {
  title: string | null;
  titleSource: 'title-line' | 'joined-lines' | null;
};

/** A metadata line, where it stands: before the text (with the title), inside it (a notice's signature), or after it. */
export interface PlacedMeta {
  line: MetaLine;
  zone: 'head' | 'body' | 'tail';
}

/** Put the page's metadata together: the head's lines first, then the signature's, then the tail's; chrome names the publisher last. */
export function composeMeta(title: { text: string; source: 'title-line' | 'joined-lines' } | null, placed: readonly PlacedMeta[], chrome: readonly { text: string; folded: string }[]): TextMeta {
  const order = (['head', 'body', 'tail'] as const).flatMap((zone) => placed.filter((p) => p.zone === zone).map((p) => p.line));
  const first = <K extends keyof MetaLine>(key: K, only?: (m: MetaLine) => boolean) => order.find((m) => m[key] !== undefined && (!only || only(m)))?.[key] ?? null;
  // A dateline's agency names the publisher only when no source line does.
  let publisher = first('publisher', (m) => m.kind !== 'dateline') ?? first('publisher') ?? siteName(chrome);
  const platform = publisher && first('publisher') === publisher ? platformOf(chrome) : null;
  if (publisher && platform && !publisher.includes(platform)) publisher = `${publisher}（${platform}）`;
  return {
    title: title?.text ?? null,
    titleSource: title?.source ?? null,
    author: (first('author') as string | null) ?? null,
    published: (first('published') as string | null) ?? null,
    publisher: (publisher as string | null) ?? null,
    editor: (first('editor') as string | null) ?? null,
    originalTitle: (first('originalTitle') as string | null) ?? null,
    documentNumber: (first('documentNumber') as string | null) ?? null,
  };
}

/** The self-media platform a page's chrome names (`网易首页 > 网易号 > 正文`), if any. */
function platformOf(chrome: readonly { folded: string }[]): string | null {
  for (const c of chrome) for (const p of PLATFORMS) if (c.folded.includes(p)) return p;
  return null;
}

const NAME = '([^\\s:|,;。»>]{2,24}?)';
/** Where page chrome names its site: each pattern's first group is the name, as written. */
const SITE_PATTERNS: RegExp[] = [
  new RegExp(`^${NAME}\\s*欢迎您[!]?$`),
  new RegExp(`版权所有\\s*[:]?\\s*(?:©|\\(c\\))?\\s*(?:\\d{4}(?:\\s*-\\s*\\d{4})?\\s*)?${NAME}(?:\\s|$)`, 'i'),
  new RegExp(`(?:copyright|©)\\s*(?:©|\\(c\\))?\\s*(?:\\d{4}(?:\\s*-\\s*\\d{4})?\\s*)?${NAME}(?:\\s+all rights reserved|\\s*$)`, 'i'),
  new RegExp(`^主办(?:单位)?\\s*:\\s*${NAME}$`),
  new RegExp(`未经(?:允许|授权)不得转载\\s*:\\s*${NAME}\\s*»`),
  new RegExp(`^登录${NAME}$`),
  new RegExp(`${NAME}负责整理代?发布`),
  new RegExp(`^声明\\s*:\\s*${NAME}所(?:刊载|发布)`),
  new RegExp(`^([^\\s:|]{2,12}?网)(?:知识库|首页|官网)$`),
];

/**
 * The site's name as its chrome gives it, most often named first: the patterns above, and a name
 * the page starts with (`某某网 - 口号`, `某某有限公司`) or its breadcrumb starts with (`某某论坛 › …`).
 */
export function siteName(chrome: readonly { text: string; folded: string }[]): string | null {
  const counts = new Map<string, number>();
  const add = (name: string) => counts.set(name, (counts.get(name) ?? 0) + 1);
  chrome.forEach((c, k) => {
    if (/powered by/i.test(c.folded)) return;
    for (const re of SITE_PATTERNS) {
      const m = re.exec(c.folded);
      if (m && m.index !== undefined) add(asWritten(c, m[1]!, m.index + m[0].indexOf(m[1]!)));
    }
    if (k === 0) {
      const head = /^([^\s|>›»]{2,24}?)(?:\s*(?:[|]|\s[-–—]\s|›|>|»)\s*.*)?$/.exec(c.folded);
      if (head && PUBLISHER_SUFFIX.test(head[1]!) && !/首页|主页/.test(head[1]!)) add(asWritten(c, head[1]!, 0));
    }
  });
  let best: string | null = null;
  for (const [name, n] of counts) if (best === null || n > counts.get(best)!) best = name;
  return best;
}

const asWritten = (c: { text: string }, folded: string, at: number) => c.text.slice(at, at + folded.length).trim();

/** A title made from the first sentence when the text has no title line. */
export function titleFromFirstSentence(text: string, max = 28): string {
  const sentence = text.split(/[。!?！？;；]/)[0]!.trim();
  if (sentence.length <= max) return sentence;
  const cut = Math.max(sentence.lastIndexOf(',', max), sentence.lastIndexOf('，', max));
  return cut >= 8 ? `${sentence.slice(0, cut)}…` : `${sentence.slice(0, max)}…`;
}
