/**
 * What one line of a page looks like, by general signals: made only of interface words, a menu or
 * breadcrumb of links, a heading of related articles, an advertisement, a photo credit, a
 * separator. Each test reads the folded line (simplified, ASCII punctuation) and knows nothing of
 * any one site; clean.ts decides, by where the line stands, what to do with it.
 */
import { CELL_MARK, isCellRow } from '../read/types.ts';
import { AD_WORDS, CHROME_PHRASES, COUNTER_WORDS, FOOTER_PHRASES, PUBLISHER_SUFFIX, RELATED_HEADINGS, SHOUTING, UI_WORDS } from './lexicon.ts';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const byLength = (words: readonly string[]) => [...words].sort((a, b) => b.length - a.length).map(escape).join('|');
const UI = new RegExp(byLength(UI_WORDS), 'g');
/** What stands between interface words: spaces, bars, brackets, bullets, arrows, counts. */
const BETWEEN = /[\s|/\\·•:;,、()[\]【】<>›»《》\-—–_=+*#~^…"'“”!?.\d▶►▸▪■□◆●○→]+/g;
const RELATED = new RegExp(`^[【\\[]?(?:${byLength(RELATED_HEADINGS)})[】\\]]?`);

/** Sentence punctuation: a line with it is prose, not a label. */
export const SENTENCE_PUNCT = /[。;!?]|[,、](?=.{6})/;

/** A line made only of interface words and what stands between them (`在看 点赞 分享`, `【打印本页】 【关闭窗口】`, `分享到:微信 微博 QQ空间 评论(12)`). */
export function isInterfaceLine(folded: string): boolean {
  const f = folded.toLowerCase();
  if (f.length > 48) return false;
  UI.lastIndex = 0;
  if (!UI.test(f)) return false;
  return f.replace(UI, ' ').replace(BETWEEN, '') === '';
}

/** A bar of three or more buttons with one short word of the site's own among them (`百度首页 登录 注册`, `播报 讨论 上传视频`). */
export function isButtonBar(folded: string): boolean {
  const f = folded.toLowerCase();
  if (f.length > 48) return false;
  const tokens = f.split(/[\s|/·•]+/).filter(Boolean);
  if (tokens.length < 3) return false;
  const own = tokens.filter((t) => t.replace(UI, ' ').replace(BETWEEN, '') !== '');
  // (The buttons are words: a figure is not one, so a table's row is no bar.)
  const buttons = tokens.filter((t) => !own.includes(t) && /\p{L}/u.test(t));
  return own.length === 1 && [...own[0]!].length <= 4 && !/\d/.test(own[0]!) && buttons.length >= 2 && buttons.length === tokens.length - 1;
}

/** A line that is chrome wherever it stands: an app prompt, a WeChat control, a forum's note. */
export function isChromePhrase(folded: string): boolean {
  const f = folded.toLowerCase();
  return f.length <= 200 && CHROME_PHRASES.some((re) => re.test(f));
}

/** A line of a footer: copyright, registration numbers, who runs the site, reprint and liability notices, an official notice's publication note. */
export function isFooterPhrase(folded: string): boolean {
  const f = folded.toLowerCase();
  return f.length <= 200 && FOOTER_PHRASES.some((re) => re.test(f));
}

/** `首页 > 新闻 > 正文`, `当前位置: 首页 > …`, `某某论坛 › 板块 › 帖子标题`. */
export function isBreadcrumb(folded: string): boolean {
  const located = /^(?:当前位置|您的位置|您当前的位置|您现在的位置|您所在的位置|所在位置|当前页面|位置)\s*[:>]?/.exec(folded);
  if (located && folded.length <= 80) return true;
  const parts = folded.split(/\s*(?:>>|>|›|»)\s*/).filter((p) => p !== '');
  if (parts.length < 2 || folded.length > 100) return false;
  const path = parts.slice(0, -1);
  if (path.some((p) => p.length > 14 || SENTENCE_PUNCT.test(p)) || parts.at(-1)!.length > 64) return false;
  return parts.length >= 3 || /首页|主页/.test(parts[0]!);
}

/** Items of a menu: three or more short items between bars, or four or more between spaces; null otherwise. */
export function menuItems(folded: string): string[] | null {
  // Menu entries are names: no sentence punctuation, quotes, brackets or code (`import fs from "node:fs"`).
  if (folded.length > 120 || /[。;!?,"'“”‘’(){}<>=:]/.test(folded)) return null;
  let items = folded.split(/\s*[|]\s*/).filter(Boolean);
  if (items.length < 3) items = folded.split(/\s+/).filter(Boolean);
  if (items.length < (folded.includes('|') ? 3 : 4)) return null;
  return items.every((item) => item.length <= 12 && /\p{L}/u.test(item)) ? items : null;
}

/**
 * A line of navigation: a menu between bars, or between spaces when its items are as short as
 * menu entries are (a median of four characters) or it names a home page. A headline of four
 * parallel phrases (`奋进新征程 建功新时代 …`) has longer items and stays.
 */
export function isMenuLine(folded: string): boolean {
  const items = menuItems(folded);
  if (!items) return false;
  if (folded.includes('|') || /首页|主页/.test(folded)) return true;
  const lengths = items.map((i) => [...i].length).sort((a, b) => a - b);
  return lengths[Math.floor((lengths.length - 1) / 2)]! <= 4;
}

/** A heading of a list of other articles (`相关阅读`, `往期推荐`, `相关推荐 更多>>`). */
export function isRelatedHeading(folded: string): boolean {
  const m = RELATED.exec(folded);
  return m !== null && /^\s*(?::|更多|more|>>|»|\+)*\s*$/i.test(folded.slice(m[0].length));
}

/** A related heading with its links on the same line (`相关链接:中国政府网 …`, `推荐阅读:夏季养生喝什么茶?`). */
export function isRelatedInline(folded: string): boolean {
  const m = RELATED.exec(folded);
  return m !== null && /^\s*:/.test(folded.slice(m[0].length)) && folded.length <= 120;
}

/** A date at the end of a link: `… 2020-12-18`, `(2020-12-18)`, `12-18`. */
const LINK_DATE = /[\s([]*(?:\d{4}[-./年])?\d{1,2}[-./月]\d{1,2}日?[)\]]?$/;
const BULLET = /^(?:[·•▶►▸▪■□◆●○*>\-]|\d{1,2}[.、)]|\[\d{1,2}\])\s*/;

/** A line that could be one link of a list: short, no sentence end, perhaps a bullet or a date. */
export function isLinkItem(folded: string): boolean {
  if (folded.length < 4 || folded.length > 60) return false;
  const core = folded.replace(BULLET, '').replace(LINK_DATE, '').trim();
  return core.length >= 2 && !/[。;]/.test(core) && !/[,]\S*[,]/.test(core);
}

/**
 * A date that is a table row's last cell, as a list of links in a table dates them (2020-12-18,
 * 12月18日): not a number such as 3.29 or 41.9, which ends a row of figures as often.
 */
const CELL_DATE = /^(?:\d{4}[-./年]\d{1,2}[-./月]\d{1,2}日?|\d{1,2}月\d{1,2}日)$/;

/** A link of a list with a bullet or a date (what makes a run of them a list even without a heading). */
export function isMarkedLinkItem(folded: string): boolean {
  // A table row (the readers set its cells apart with │, which no cell holds) is a link only when its last cell is a date.
  if (isCellRow(folded)) return isLinkItem(folded) && CELL_DATE.test(folded.slice(folded.lastIndexOf(CELL_MARK) + 1).trim());
  return isLinkItem(folded) && (BULLET.test(folded) || LINK_DATE.test(folded)) && !/^\d{1,2}[.、)]/.test(folded);
}

/** A page's own tag for an ad: `【广告】`, `[推广]`, `广告:`. */
export const hasAdTag = (folded: string) => /^[【[(]?(?:广告|推广|赞助)[】\])]|^广告\s*[:|]/.test(folded);

/** How much a line sounds like an advertisement: an ad tag counts 3, each selling word or shouting decoration 1. */
export function adScore(folded: string): number {
  if (folded.length > 120) return 0;
  let score = hasAdTag(folded) ? 3 : 0;
  for (const re of AD_WORDS) if (re.test(folded)) score++;
  if (SHOUTING.test(folded)) score++;
  return score;
}

/** Each pair of adjacent Chinese characters in a line (what a line's subject is made of). */
export function bigrams(folded: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < folded.length; i++) {
    const a = folded.charCodeAt(i);
    const b = folded.charCodeAt(i + 1);
    if (a >= 0x4e00 && a <= 0x9fff && b >= 0x4e00 && b <= 0x9fff) out.push(folded.slice(i, i + 2));
  }
  return out;
}

/**
 * How much of a line's subject the rest of its document shares: the share of its character pairs
 * found elsewhere in the document (`counts` holds every line's pairs). An advertisement between two
 * paragraphs shares almost none; a sentence of the article shares many.
 */
export function sharedShare(folded: string, counts: ReadonlyMap<string, number>): number {
  const own = bigrams(folded);
  if (own.length === 0) return 1;
  const mine = new Map<string, number>();
  for (const b of own) mine.set(b, (mine.get(b) ?? 0) + 1);
  let shared = 0;
  for (const [b, n] of mine) if ((counts.get(b) ?? 0) > n) shared += n;
  return shared / own.length;
}

/** A photo's caption or credit: `某某。 图/资料图片`, `(新华社记者 某某 摄)`, `图片来源:视觉中国`. */
export function isPhotoCredit(folded: string): boolean {
  if (folded.length > 90) return false;
  return (
    /(?:^|[\s。,(])(?:图|摄|摄影|制图|图片|图文|文图|图源|视频)\s*[/|:]\s*[^\s,。]{1,20}$/.test(folded) ||
    /[(](?:[^()]{0,20}\s)?[^()\s]{2,12}\s*摄[)]$/.test(folded) ||
    /(?:记者|通讯员|摄影师?|特约摄影|摄影记者)\s*[\p{Script=Han}·]{2,4}(?:\s+[\p{Script=Han}·]{2,4})*\s*摄(?:影)?$/u.test(folded) ||
    /^(?:资料图片?|图为|图片为|上图|下图|左图|右图|配图)\s*[:：(]/.test(folded) ||
    /(?:供图|资料图片?|视觉中国|图虫创意|东方ic|图片来自网络|网络图片)[)]?$/i.test(folded)
  );
}

const COUNT = `\\d[\\d,.]*\\s*[万千kw+]?`;
const COUNTER = new RegExp(`^(?:(?:${byLength(COUNTER_WORDS)})\\s*[:(]?\\s*${COUNT}\\s*[)]?\\s*(?:次|人|条)?\\s*[|·•/]?\\s*|${COUNT}\\s*(?:${byLength(COUNTER_WORDS)})\\s*[|·•/]?\\s*)+$`);

/** A line of counters: a count beside each of the words pages count with (`关注者 1,284 被浏览 563,917`, `赞同 238`, `12 评论`). */
export function isCounterLine(folded: string): boolean {
  return folded.length <= 60 && /\d/.test(folded) && COUNTER.test(folded);
}

/** A line of separators only (`——————`, `* * *`, `=====`). */
export function isSeparator(folded: string): boolean {
  return folded.length >= 3 && /^[\p{P}\p{S}\s]+$/u.test(folded) && !/[\p{L}\p{N}]/u.test(folded);
}

/** A line of topic tags, links to other posts on the same topics: `#梅雨# #城市内涝#`, `#城市漫步 #老城墙`. */
export function isTagLine(folded: string): boolean {
  return folded.length <= 120 && (/^(?:#[^#\s]{1,24}#\s*)+$/.test(folded) || /^(?:#[^#\s]{1,24}\s*){2,}$/.test(folded));
}

/** The end mark of a press release or an agency's story (`完`, `（完）`, `-完-`, `【完】`, `(END)`): the text ends there, its date may follow. */
export function isEndMark(folded: string): boolean {
  return /^[(\[【<\-—–]*\s*(?:完|全文完|end)\s*[)\]】>\-—–]*$/i.test(folded);
}

/** A masthead: a body's name and its page's or column's (`某某研究院 | 碳市场周报`, `某某政府 新闻公报`). */
export function isMasthead(folded: string): boolean {
  const m = /^(\S{2,16}?)\s*(?:[|]|\s)\s*([\p{Script=Han}]{2,6})$/u.exec(folded);
  return m !== null && PUBLISHER_SUFFIX.test(m[1]!);
}

/** An image the page lost: `图片`, `[图片]`. */
export function isImagePlaceholder(folded: string): boolean {
  return /^[[【(<]?(?:图片|图像|配图|image|img|photo|picture)[\]】)>]?$/i.test(folded);
}
