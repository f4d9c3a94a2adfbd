/**
 * What the text says about itself, put together: the title, and the author, publication date,
 * publisher, editor, original title and document number its metadata lines give (meta-lines.ts).
 * When no line names the publisher, the site's chrome may (its name above the title, its
 * copyright, its welcome, its reprint notice). A date is only ever read from the page's own
 * metadata lines: never from a file name, a URL, a related-article list or the running text.
 */
import { ISSUER_SUFFIX, PLATFORMS, PUBLISHER_SUFFIX } from './lexicon.ts';
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
export function composeMeta(title: { text: string; source: 'title-line' | 'joined-lines' } | null, placed: readonly PlacedMeta[], chrome: readonly ChromeLine[]): TextMeta {
  const order = (['head', 'body', 'tail'] as const).flatMap((zone) => placed.filter((p) => p.zone === zone).map((p) => p.line));
  const first = (key: 'publisher' | 'author' | 'editor' | 'originalTitle' | 'documentNumber' | 'title', only?: (m: MetaLine) => boolean) =>
    order.find((m) => m[key] !== undefined && (!only || only(m)))?.[key] ?? null;
  // A dateline's agency names the publisher only when no source line does.
  let publisher = first('publisher', (m) => m.kind !== 'dateline') ?? first('publisher') ?? siteName(chrome) ?? issuerOf(title?.text ?? first('title'));
  const platform = publisher && first('publisher') === publisher ? platformOf(chrome) : null;
  if (publisher && platform && !publisher.includes(platform)) publisher = `${publisher}（${platform}）`;
  const fieldTitle = first('title');
  return {
    title: title?.text ?? fieldTitle,
    titleSource: title?.source ?? (fieldTitle ? 'title-line' : null),
    author: first('author'),
    published: publishedOf(placed),
    publisher,
    editor: first('editor'),
    originalTitle: first('originalTitle'),
    documentNumber: first('documentNumber'),
  };
}

/** The page's date: the surest one (its own label before a bare date before a signing date before an update) of the first zone that gives one. */
function publishedOf(placed: readonly PlacedMeta[]): string | null {
  for (const zone of ['head', 'body', 'tail'] as const) {
    let best: MetaLine | null = null;
    for (const p of placed) {
      if (p.zone !== zone || !p.line.published) continue;
      if (best === null || (p.line.publishedRank ?? 1) < (best.publishedRank ?? 1)) best = p.line;
    }
    if (best) return best.published!;
  }
  return null;
}

/**
 * The body a title names as its issuer, where nothing else names the publisher: an official
 * document's (`某市人民政府办公室关于…的通知`) or a company's report (`某某股份有限公司2023年年度报告`).
 */
export function issuerOf(title: string | null): string | null {
  if (!title) return null;
  const m = new RegExp(`^([\\p{Script=Han}]{2,30}?${ISSUER_SUFFIX.source.replace(/\$$/, '')})(?=关于|\\d{4}\\s*年)`, 'u').exec(title);
  return m ? m[1]! : null;
}

/** A line of chrome, and whether it is the page's first line (where a site puts its name). */
export interface ChromeLine {
  text: string;
  folded: string;
  first: boolean;
}

/** The self-media platform a page's chrome names (`网易首页 > 网易号 > 正文`), if any. */
function platformOf(chrome: readonly ChromeLine[]): string | null {
  for (const c of chrome) for (const p of PLATFORMS) if (c.folded.includes(p)) return p;
  return null;
}

const NAME = '([\\p{Script=Han}A-Za-z][^\\s:|,;。»>/()]{1,23}?)';
/** Where page chrome names its site: each pattern's first group is the name, as written. */
const SITE_PATTERNS: RegExp[] = [
  new RegExp(`^${NAME}\\s*欢迎您[!]?$`, 'u'),
  new RegExp(`^(?:欢迎(?:访问|光临|来到))${NAME}(?:网站|官网)?[!]?$`, 'u'),
  new RegExp(`版权所有\\s*[:]?\\s*(?:©|\\(c\\))?\\s*(?:\\d{4}(?:\\s*-\\s*\\d{4})?\\s*)?${NAME}(?:\\s|$)`, 'iu'),
  new RegExp(`(?:copyright|©)\\s*(?:©|\\(c\\))?\\s*(?:\\d{4}(?:\\s*-\\s*\\d{4})?\\s*)?${NAME}(?:\\s|$)`, 'iu'),
  new RegExp(`^主办(?:单位)?\\s*:\\s*${NAME}(?:\\s|$)`, 'u'),
  new RegExp(`未经(?:允许|授权)不得转载\\s*:\\s*${NAME}\\s*»`, 'u'),
  new RegExp(`^登录(?![后即并])${NAME}$`, 'u'),
  new RegExp(`${NAME}负责整理代?发布`, 'u'),
  new RegExp(`^声明\\s*:\\s*${NAME}所(?:刊载|发布)`, 'u'),
  new RegExp(`^([^\\s:|]{2,12}?网)(?:知识库|首页|官网)$`, 'u'),
];

/**
 * The site's name as its chrome gives it, most often named first: the patterns above, and a name
 * the page starts with (`某某网 - 口号`, `某某有限公司`) or its breadcrumb starts with (`某某论坛 › …`).
 */
export function siteName(chrome: readonly ChromeLine[]): string | null {
  const counts = new Map<string, number>();
  const add = (name: string) => {
    // A site's name has a character of a name in it: not only Latin (a domain, `by`) or digits.
    if (/\p{Script=Han}/u.test(name)) counts.set(name, (counts.get(name) ?? 0) + 1);
  };
  chrome.forEach((c) => {
    if (/powered by/i.test(c.folded)) return;
    for (const re of SITE_PATTERNS) {
      const m = re.exec(c.folded);
      if (m && m.index !== undefined) add(asWritten(c, m[1]!, m.index + m[0].indexOf(m[1]!)));
    }
    if (c.first) {
      const head = /^([^\s|>›»]{2,24}?)(?:\s*(?:[|]|\s[-–—]\s|›|>|»|\s(?=[\p{Script=Han}]{2,6}$))\s*.*)?$/u.exec(c.folded);
      if (head && PUBLISHER_SUFFIX.test(head[1]!) && !/首页|主页/.test(head[1]!)) add(asWritten(c, head[1]!, 0));
      // A masthead that is only a short name (`某某`, a platform's).
      else if (/^[\p{Script=Han}]{2,6}$/u.test(c.folded)) add(c.text.trim());
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
