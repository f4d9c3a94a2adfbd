/**
 * clean: take a page's chrome out of its text, and its title and metadata lines into metadata,
 * recording every line taken and why.
 *
 * Lines are matched folded (simplified characters, ASCII punctuation), so a rule reads traditional
 * and full-width pages alike. It goes in three passes:
 * 1. what is chrome wherever it stands: interface lines (share bars, font and print buttons, app
 *    and WeChat prompts), footers (copyright, ICP numbers), breadcrumbs, related-article lists,
 *    ads, photo credits, separators, forum reply headers, the block rules of clean-rules.ts, and
 *    sections found by their shape (page-sections.ts: readers' comments, a table of contents);
 * 2. the page's layout (page-layout.ts): where its running text starts and ends (the first and last
 *    lines of prose), its metadata lines before and after the text, its title (title.ts). Before the
 *    title only chrome stands (a site's name and menus); after the text, once chrome begins, the
 *    rest is footer. Inside the text only pass 1's evidence removes a line;
 * 3. repetition: the headline or a lead printed twice. (Lines repeated at the edges of other
 *    documents of the corpus are site-wide chrome: they are taken before the title is looked for.)
 */
import {
  adScore,
  bigrams,
  hasAdTag,
  isBreadcrumb,
  isButtonBar,
  isChromePhrase,
  isCounterLine,
  isEndMark,
  isFooterPhrase,
  isImagePlaceholder,
  isInterfaceLine,
  isLinkItem,
  isMarkedLinkItem,
  isMenuLine,
  isPhotoCredit,
  isRelatedHeading,
  isRelatedInline,
  isSeparator,
  isTagLine,
  sharedShare,
} from './chrome-lines.ts';
import {
  isBullet,
  isDisclaimerAnchor,
  isDisclaimerLine,
  isFooterAnchor,
  isLegalAnchor,
  isLegalLine,
  isLinkListItem,
  isShortLabel,
  isUiLabel,
  lineRule,
} from './clean-rules.ts';
import { composeMeta, type TextMeta } from './meta.ts';
import { readMetaLine, startsWithLabel } from './meta-lines.ts';
import { commentsStart, contentsLines } from './page-sections.ts';
import { simplifyCharacters } from './script.ts';
import { HEADING_NUMBER, isProse, LIST_ITEM, readLayout, SHORT_HEADLINE, squash, type Labels } from './page-layout.ts';
import type { TitleLines } from './title.ts';
import type { Line, MovedLine, Removal, Repair } from './types.ts';
import { isCellRow } from '../read/types.ts';

export { isProse } from './page-layout.ts';

export interface CleanContext {
  /** Normalised lines that stand at the edges of two or more documents (site-wide chrome). */
  repeatedLines?: ReadonlySet<string>;
}

export interface Cleaned {
  content: Line[];
  removed: Removal[];
  /** The title and metadata lines, moved into the metadata. */
  moved: MovedLine[];
  blankLines: number;
  /** The title and metadata the text gives. */
  meta: TextMeta;
  /** Changes to kept lines: a dateline cut from the paragraph it opened. */
  repaired: Repair[];
}

/** Share of a document's non-blank lines, at each end, where page chrome lives. */
const EDGE_SHARE = 0.2;


/** Split a document's lines into content, metadata and removed chrome. */
export function clean(lines: Line[], context: CleanContext = {}): Cleaned {
  const text = lines.map((l) => l.text);
  const folded = text.map((t) => simplifyCharacters(t, true));
  const labels: Labels = folded.map((f) => (f === '' ? null : lineRule(f)));
  const nonBlank = text.flatMap((t, i) => (t === '' ? [] : [i]));
  const edge = Math.max(6, Math.ceil(nonBlank.length * EDGE_SHARE));
  const headIdx = new Set(nonBlank.slice(0, edge));
  const tailIdx = new Set(nonBlank.slice(-edge));

  markSiteChrome(folded, labels, nonBlank);
  for (const i of contentsLines(folded, nonBlank, isProse)) labels[i] ??= 'table-of-contents';
  markLegalBlocks(folded, labels, headIdx, tailIdx);
  markDisclaimer(folded, labels, nonBlank);
  markLinkLists(folded, labels, nonBlank);
  markFooterTail(folded, labels, tailIdx, nonBlank, (i) => (lines[i]!.cells?.length ?? 0) >= 2);
  markChromeLines(folded, labels, nonBlank);
  markRelatedLists(folded, labels, nonBlank);
  markComments(folded, labels, nonBlank);

  if (context.repeatedLines?.size) {
    for (const i of [...headIdx, ...tailIdx]) {
      // Only short labels: a sentence that two documents share is quoted content, not chrome.
      if (labels[i] === null && isShortLabel(text[i]!, 40) && context.repeatedLines.has(text[i]!)) labels[i] = 'repeated-across-documents';
    }
  }
  const page = readLayout(text, folded, labels, nonBlank);
  markRepeats(folded, labels, nonBlank, page.title, page.start);

  const isChrome = (i: number) => labels[i] !== null && labels[i] !== 'metadata' && labels[i] !== 'title';
  const masthead = mastheadLine(folded, nonBlank, isChrome);
  const chrome = nonBlank.filter(isChrome).map((i) => ({ text: text[i]!, folded: folded[i]!, first: i === masthead }));
  const meta = composeMeta(page.title ? { text: page.title.text, source: page.titleSource } : null, page.meta, chrome);

  const content: Line[] = [];
  const removed: Removal[] = [];
  const moved: MovedLine[] = [];
  let blankLines = 0;
  lines.forEach((line, i) => {
    const reason = labels[i];
    if (line.text === '') blankLines++;
    else if (reason === 'title' || reason === 'metadata') moved.push({ line: line.n, text: line.text, to: reason });
    else if (reason) removed.push({ line: line.n, text: line.text, reason });
    else if (page.cut.has(i)) content.push({ ...line, text: line.text.slice(page.cut.get(i)!).trim() });
    else content.push(line);
  });
  const repaired: Repair[] = [...page.cut].map(([i, length]) => ({ line: lines[i]!.n, kind: 'dateline', before: text[i]!.slice(0, length), after: '' }));
  return { content, removed, moved, blankLines, meta, repaired };
}

/** What a page puts above its name: a skip link, a login or register bar, a language or accessibility switch. */
const ABOVE_MASTHEAD = /跳[到至转]?(?:主要)?内容|登录|注册|^english$|繁体|简体|无障碍|长者模式/i;

/** The page's masthead: its first line of chrome, after skip links and login bars (where a site prints its name). */
function mastheadLine(folded: string[], nonBlank: number[], isChrome: (i: number) => boolean): number | undefined {
  for (const i of nonBlank) {
    if (!isChrome(i)) return undefined;
    if (!ABOVE_MASTHEAD.test(folded[i]!)) return i;
  }
  return undefined;
}

/** The lines that could be page chrome at a document's edges, for cross-document comparison. */
export function edgeLines(lines: Line[]): string[] {
  const nonBlank = lines.filter((l) => l.text !== '').map((l) => l.text);
  const edge = Math.max(6, Math.ceil(nonBlank.length * EDGE_SHARE));
  return [...new Set([...nonBlank.slice(0, edge), ...nonBlank.slice(-edge)])];
}

/** Below this share of its character pairs found elsewhere in the document, a line is about something else. */
const OFF_TOPIC = 0.3;

/** How often each pair of adjacent Chinese characters occurs in a document. */
function pairCounts(folded: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const f of folded) for (const b of bigrams(f)) counts.set(b, (counts.get(b) ?? 0) + 1);
  return counts;
}

/** Lines that are chrome wherever they stand (pass 1). */
function markChromeLines(folded: string[], labels: Labels, nonBlank: number[]) {
  let counts: Map<string, number> | undefined;
  // An advertisement: selling words and shouting, or one of them in a line about something else.
  const isAd = (f: string) => {
    const score = adScore(f);
    // An ad is a slogan: a sentence of the text that speaks of discounts ends as a sentence does (unless the page tags it an ad).
    if (/[。]/.test(f) && !hasAdTag(f)) return false;
    if (score !== 1) return score >= 2;
    if (f.length > 50) return false;
    counts ??= pairCounts(folded);
    return bigrams(f).length >= 5 && sharedShare(f, counts) < OFF_TOPIC;
  };
  for (const i of nonBlank) {
    if (labels[i] !== null) continue;
    const f = folded[i]!;
    if (isImagePlaceholder(f)) labels[i] = 'image-placeholder';
    else if (isSeparator(f) || isEndMark(f)) labels[i] = 'separator';
    else if (isAd(f)) labels[i] = 'advertisement';
    else if (isFooterPhrase(f)) labels[i] = 'footer';
    else if (isChromePhrase(f) || isInterfaceLine(f)) labels[i] = 'site-chrome';
    else if (isBreadcrumb(f) || isTagLine(f)) labels[i] = 'navigation';
    else if (isCounterLine(f)) labels[i] = 'counter';
    else if (isPhotoCredit(f)) labels[i] = 'caption';
    else if (isRelatedInline(f)) labels[i] = 'link-list';
    else if (isButtonBar(f)) labels[i] = 'site-chrome';
    else {
      const post = /发表于/.test(f) ? readMetaLine('', f) : null;
      if (post?.kind === 'post' && !post.firstPost) labels[i] = 'post-header';
    }
  }
}

/**
 * Readers' comments under the text (page-sections.ts): from their heading on, every line not yet
 * known is a comment's, up to the site's footer (a footer phrase or its menu), which the layout
 * takes as footer.
 */
function markComments(folded: string[], labels: Labels, nonBlank: number[]) {
  const start = commentsStart(folded, nonBlank, isProse);
  if (start === null) return;
  for (const i of nonBlank) {
    if (i < start) continue;
    if (labels[i] === 'footer' || (labels[i] === null && isMenuLine(folded[i]!))) break;
    labels[i] ??= 'reader-comment';
  }
}

/**
 * A heading of related articles and the links under it (short lines, perhaps with bullets or dates,
 * up to a blank line or a line that is not one); and runs of two or more bulleted or dated links
 * without a heading.
 */
function markRelatedLists(folded: string[], labels: Labels, nonBlank: number[]) {
  for (const i of nonBlank) {
    if (!isRelatedHeading(folded[i]!) || labels[i] !== null) continue;
    const items: number[] = [];
    for (let j = i + 1; j < folded.length; j++) {
      if (folded[j] === '') {
        if (j + 1 < folded.length && folded[j + 1] !== '' && isMarkedLinkItem(folded[j + 1]!)) continue;
        break;
      }
      if ((labels[j] !== null && labels[j] !== 'link-list') || !isArticleLink(folded[j]!)) break;
      items.push(j);
    }
    // A heading of the text (`相关政策` over its paragraphs) has no links under it.
    if (items.length < 2 && !(items.length === 1 && isMarkedLinkItem(folded[items[0]!]!))) continue;
    for (const k of [i, ...items]) labels[k] = 'link-list';
  }
  let run: number[] = [];
  const flush = () => {
    if (run.length >= 2) {
      // A table of dated links goes with its header row (`文件名称 │ 发布日期`), which would stand alone.
      const above = nonBlank[nonBlank.indexOf(run[0]!) - 1];
      if (isCellRow(folded[run[0]!]!) && above !== undefined && labels[above] === null && isCellRow(folded[above]!)) run.unshift(above);
      for (const k of run) labels[k] ??= 'link-list';
    }
    run = [];
  };
  for (const i of nonBlank) {
    // (A labelled date, `发布日期:2023.11.24`, is a field of the page, not a dated link.)
    if (labels[i] === null && isMarkedLinkItem(folded[i]!) && /\d{1,2}[-./月]\d{1,2}日?[)\]]?$/.test(folded[i]!) && !startsWithLabel(folded[i]!)) run.push(i);
    else flush();
  }
  flush();
}

/** A link to another article: a bulleted or dated line, or an article's title (not a table's short cell). */
const isArticleLink = (folded: string) => isLinkItem(folded) && !HEADING_NUMBER.test(folded) && (isMarkedLinkItem(folded) || folded.length >= 8);

/** A summary's label (`【摘要】`, `导读:`): a summary the lead repeats is the lead printed twice. */
const SUMMARY = /^(?:[【[]\s*(?:摘要|导读|导语|核心提示|内容提要|提要)\s*[】\]]|(?:摘要|导读|导语|核心提示|内容提要|提要)\s*:)\s*/;

/**
 * The headline printed again (anywhere), a line printed twice within a few lines (a lead repeated
 * under the title), and a summary whose words the next paragraphs repeat.
 */
function markRepeats(folded: string[], labels: Labels, nonBlank: number[], title: TitleLines | null, start: number) {
  const headline = title ? squash(title.at.map((i) => folded[i]!).join('')) : null;
  // Where a page prints its lead twice: under the title, before its third paragraph, one copy right
  // after the other. (Elsewhere a line said twice is the text's: a refrain, a list item, a table's cell.)
  const prose = nonBlank.filter((i) => labels[i] === null && isProse(folded[i]!));
  const leadEnd = prose[2] ?? nonBlank.at(-1) ?? 0;
  nonBlank.forEach((i, k) => {
    if (labels[i] !== null) return;
    const f = squash(folded[i]!);
    const summary = SUMMARY.exec(f);
    // (A short headline — a term, a name — said again inside the text is a cell of its table or a word of it.)
    if (headline && f === headline && (headline.length >= SHORT_HEADLINE || i < start)) labels[i] = 'repeated-in-document';
    else if (i <= leadEnd && f.length >= 15 && !LIST_ITEM.test(f) && nonBlank.slice(Math.max(0, k - 2), k).some((j) => squash(folded[j]!) === f)) labels[i] = 'repeated-in-document';
    else if (summary && f.length - summary[0].length >= 10) {
      const said = f.slice(summary[0].length);
      if (nonBlank.slice(k + 1, k + 4).some((j) => labels[j] === null && squash(folded[j]!).includes(said))) labels[i] = 'repeated-in-document';
    }
  });
}

/**
 * A login form or navigation at the top: the leading run of short label lines, up to its
 * last UI label, when it holds at least two UI labels (so a title line alone is never taken).
 */
function markSiteChrome(text: string[], labels: Labels, nonBlank: number[]) {
  let lastUi = -1;
  let uiCount = 0;
  for (const i of nonBlank) {
    const t = text[i]!;
    if (!isShortLabel(t, 20) || isLegalAnchor(t)) break;
    if (isUiLabel(t)) {
      uiCount++;
      lastUi = i;
    }
  }
  if (uiCount < 2) return;
  for (const i of nonBlank) {
    if (i > lastUi) break;
    labels[i] ??= 'site-chrome';
  }
}

/** A user agreement or privacy policy: from an anchor line, every following legal-looking line. */
function markLegalBlocks(text: string[], labels: Labels, head: Set<number>, tail: Set<number>) {
  for (let i = 0; i < text.length; i++) {
    if (!(head.has(i) || tail.has(i)) || !isLegalAnchor(text[i]!) || labels[i] === 'legal-block') continue;
    let clauses = 0;
    let j = i;
    const block: number[] = [];
    for (; j < text.length; j++) {
      const t = text[j]!;
      if (t === '') continue;
      if (!(isLegalLine(t) || labels[j] !== null)) break;
      if (/^(?:第\s*[\d一二三四五六七八九十]+\s*条|\d+\.\d+)/.test(t)) clauses++;
      block.push(j);
    }
    // A lone sentence that mentions privacy is not an agreement: require clauses or length.
    if (clauses < 2 && block.length < 4) continue;
    for (const k of block) labels[k] ??= 'legal-block';
    i = j;
  }
}

/** A download site's disclaimer: an anchor such as 温馨提示 and the numbered notes under it. */
function markDisclaimer(text: string[], labels: Labels, nonBlank: number[]) {
  const first = nonBlank.slice(0, 12);
  const anchor = first.find((i) => isDisclaimerAnchor(text[i]!));
  if (anchor === undefined) return;
  labels[anchor] ??= 'download-disclaimer';
  for (const i of nonBlank) {
    if (i <= anchor) continue;
    const t = text[i]!;
    if (isDisclaimerLine(t)) labels[i] ??= 'download-disclaimer';
    else if (labels[i] !== 'contact') break;
  }
}

/** Runs of three or more `label date` lines: lists of links to other articles. */
function markLinkLists(text: string[], labels: Labels, nonBlank: number[]) {
  let run: number[] = [];
  const flush = () => {
    if (run.length >= 3) for (const k of run) labels[k] ??= 'link-list';
    run = [];
  };
  for (const i of nonBlank) {
    if (isLinkListItem(text[i]!) && !startsWithLabel(simplifyCharacters(text[i]!, true))) run.push(i);
    else flush();
  }
  flush();
}

/**
 * Everything after a footer anchor (声明:, 注:, a copyright line) near the end: statements,
 * share buttons, and reader comments (bulleted lines). A note right under a table (`注：本表数据未包括…`)
 * is the table's, not an anchor: a table row is a line of cells (the readers' │, or a text table's,
 * `inTextTable`).
 */
function markFooterTail(text: string[], labels: Labels, tail: Set<number>, nonBlank: number[], inTextTable: (i: number) => boolean) {
  const underTable = (k: number) => {
    const above = nonBlank[k - 1];
    return above !== undefined && /^(?:注|备注)[:：]/.test(text[nonBlank[k]!]!) && (isCellRow(text[above]!) || inTextTable(above));
  };
  const start = nonBlank.find((i, k) => tail.has(i) && isFooterAnchor(text[i]!) && !underTable(k));
  if (start === undefined) return;
  for (const i of nonBlank) {
    if (i < start) continue;
    labels[i] ??= isBullet(text[i]!) ? 'reader-comment' : 'footer';
  }
}
