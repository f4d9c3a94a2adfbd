/**
 * clean: take a page's chrome out of its text, and its title and metadata lines into metadata,
 * recording every line taken and why.
 *
 * Lines are matched folded (simplified characters, ASCII punctuation), so a rule reads traditional
 * and full-width pages alike. It goes in three passes:
 * 1. what is chrome wherever it stands: interface lines (share bars, font and print buttons, app
 *    and WeChat prompts), footers (copyright, ICP numbers), breadcrumbs, related-article lists,
 *    ads, photo credits, separators, forum reply headers, and the block rules of clean-rules.ts;
 * 2. the page's layout: where its running text starts and ends (the first and last lines of
 *    prose), its metadata lines before and after the text, its title (title.ts). Before the title
 *    only chrome stands (a site's name and menus); after the text, once chrome begins, the rest is
 *    footer. Inside the text only pass 1's evidence removes a line;
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
  isMasthead,
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
import { composeMeta, type PlacedMeta, type TextMeta } from './meta.ts';
import { isDocumentKind, isFieldLine, isOrganisationName, readIssuer, startsWithLabel, readIssuerHeader, readMetaLine, type MetaLine } from './meta-lines.ts';
import { commentsStart, contentsLines } from './page-sections.ts';
import { simplifyCharacters } from './script.ts';
import { findTitle, isTitleLike, type TitleLines } from './title.ts';
import type { Line, MovedLine, Removal, RemovalReason, Repair } from './types.ts';

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

/** What becomes of each line: removed for a reason, moved into the metadata, or kept (null). */
type Labels = (RemovalReason | MovedLine['to'] | null)[];

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
  markFooterTail(folded, labels, tailIdx, nonBlank);
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

/** Running text: a sentence ends in it, or it is long and punctuated as a sentence. */
export function isProse(folded: string): boolean {
  return /[。;]/.test(folded) || (folded.length >= 40 && /[,、!?]/.test(folded)) || (folded.length >= 16 && /[!?]$/.test(folded) && /[,]/.test(folded));
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
    if (run.length >= 2) for (const k of run) labels[k] ??= 'link-list';
    run = [];
  };
  for (const i of nonBlank) {
    // (A labelled date, `发布日期:2023.11.24`, is a field of the page, not a dated link.)
    if (labels[i] === null && isMarkedLinkItem(folded[i]!) && /\d{1,2}[-./月]\d{1,2}日?[)\]]?$/.test(folded[i]!) && !startsWithLabel(folded[i]!)) run.push(i);
    else flush();
  }
  flush();
}

interface Layout {
  title: TitleLines | null;
  /** Where the running text starts. */
  start: number;
  titleSource: 'title-line' | 'joined-lines';
  meta: PlacedMeta[];
  /** Lines whose start is a dateline, cut off (index -> characters cut). */
  cut: Map<number, number>;
}

/** Pass 2: where the text starts and ends, its metadata lines and title; chrome before the title and after the text. */
function readLayout(text: string[], folded: string[], labels: Labels, nonBlank: number[]): Layout {
  const free = (i: number) => labels[i] === null;
  // Running text: prose that is not a metadata field, however punctuated (`关键词:a;b;c;`, `主题: …，…`).
  const isText = (i: number) => isProse(folded[i]!) && !isFieldLine(text[i]!, folded[i]!);
  const start = textStart(text, folded, nonBlank, (i) => free(i), isText);
  const placed: PlacedMeta[] = [];
  const metaAt = new Map<number, MetaLine>();
  const cut = new Map<number, number>();
  const take = (i: number, m: MetaLine, zone: PlacedMeta['zone']) => {
    metaAt.set(i, m);
    placed.push({ line: m, zone });
    labels[i] = 'metadata';
  };

  // Before the text: bylines, dates, sources, an official document's header and number; menus.
  const head = nonBlank.filter((i) => i < start);
  // A body's name alone over a legal paper's kind or its number (`某某人民法院` / `民 事 判 决 书` / `（2023）…号`): the issuer.
  const courtHeader = (i: number): MetaLine | null => {
    const below = head.find((j) => j > i);
    if (below === undefined || !(isDocumentKind(folded[below]!) || readMetaLine(text[below]!, folded[below]!)?.kind === 'document-number')) return null;
    const issuer = readIssuer(text[i]!, folded[i]!);
    return issuer && { kind: 'issuer-header', publisher: issuer.publisher };
  };
  head.forEach((i, k) => {
    if (!free(i)) return;
    const m = readMetaLine(...unbracket(text[i]!, folded[i]!)) ?? readMetaLine(text[i]!, folded[i]!) ?? (k < 3 ? readIssuerHeader(text[i]!, folded[i]!) : null) ?? courtHeader(i);
    if (!m) {
      if (isMenuLine(folded[i]!) || isMasthead(folded[i]!)) labels[i] = 'navigation';
      return;
    }
    if (m.kind === 'counters') labels[i] = 'counter';
    else if (m.kind === 'post' && !m.firstPost) labels[i] = 'post-header';
    else if (m.kind !== 'dateline' || m.length === folded[i]!.length) take(i, m, 'head');
  });
  // The issuers a communiqué or notice names under its title, above its date.
  markSignatures(text, folded, nonBlank, (i) => i < start && (free(i) || metaAt.get(i)?.kind === 'date'), (i, m) => take(i, m, 'head'));
  // A dateline opening the first paragraph: cut off, into the metadata.
  if (start < text.length && free(start)) {
    const m = readMetaLine(text[start]!, folded[start]!);
    if (m?.kind === 'dateline' && m.length! < folded[start]!.length) {
      cut.set(start, m.length!);
      placed.push({ line: m, zone: 'head' });
    }
  }

  const between = (i: number) => labels[i] === 'site-chrome' || labels[i] === 'counter' || labels[i] === 'caption' || labels[i] === 'image-placeholder' || labels[i] === 'separator';
  // A title the page gives as a field (`标题:`, `主题:`, `法规名称:`) is the title: a line only where it is printed again.
  const fieldTitle = placed.find((p) => p.zone === 'head' && p.line.title !== undefined)?.line.title;
  let title =
    fieldTitle !== undefined
      ? printedTitle(text, nonBlank, fieldTitle, (i) => free(i) && i < start)
      : (findTitle({ text, folded, taken: (i) => !free(i), between, isMeta: (i) => metaAt.has(i), textStart: start }) ?? splitTitle(text, folded, labels, nonBlank, start));
  // The name between the title and the date: the account's or the writer's (or a post's writer, when it has no title).
  if (title?.byline !== undefined) take(title.byline, bylineName(text[title.byline]!), 'head');
  if (title?.at.length === 0) title = null;
  for (const i of title?.at ?? []) labels[i] = 'title';
  // Where the title stands: its line, or the field that gives it.
  const titleAt = title?.at[0] ?? (fieldTitle !== undefined ? [...metaAt].find(([, m]) => m.title !== undefined)?.[0] : undefined);
  if (titleAt !== undefined) {
    // Before the title stands only chrome: a site's name, menus, a welcome.
    // (The headline printed again up there, in a bar that follows the reader, is no text.)
    const before = head.filter((i) => i < titleAt);
    const headline = squash(title ? title.at.map((i) => folded[i]!).join('') : fieldTitle!);
    const printedAgain = (i: number) => squash(folded[i]!) === headline;
    if (before.every((i) => !free(i) || !isProse(folded[i]!) || printedAgain(i))) for (const i of before) labels[i] ??= printedAgain(i) ? 'repeated-in-document' : 'navigation';
  }
  // Between the title and the text: counters (a subtitle or a heading stays).
  for (const i of head) if (free(i) && /^\d{1,6}$/.test(folded[i]!)) labels[i] = 'counter';

  // Inside the text: a notice's signature (its issuers, then the date), and an answer's byline on a Q&A site.
  // (An end mark, `（完）`, closes the text: nothing after it is.)
  const endMark = nonBlank.find((i) => i > start && isEndMark(folded[i]!)) ?? Infinity;
  const end = textEnd(text, folded, labels, [...nonBlank].reverse().find((i) => i < endMark && free(i) && isText(i)) ?? -1, endMark);
  markSignatures(text, folded, nonBlank, (i) => free(i) && i > start, (i, m) => take(i, m, i > end ? 'tail' : 'body'));
  markAnswerBylines(text, folded, labels, (i, m) => take(i, m, 'head'));

  // After the text: editor and source lines are metadata; from the first chrome on, the rest is footer.
  // (A heading like 相关政策 starts it only over links: over a table or a heading it is the text's.)
  const linksFollow = (i: number) => {
    const next = nonBlank.filter((j) => j > i).slice(0, 3);
    return next.every((j) => isLinkItem(folded[j]!) && folded[j]!.length >= 5 && !HEADING_NUMBER.test(folded[j]!));
  };
  const tabs = new Set(
    nonBlank
      .filter((i) => labels[i] === 'navigation' || labels[i] === 'site-chrome')
      .flatMap((i) => folded[i]!.split(/\s*[|\s]\s*/))
      .filter((item) => item.length >= 2 && /\p{Script=Han}/u.test(item)),
  );
  let footer = false;
  // Right after an end mark (`完`), where the release's date and time stand.
  let ended = false;
  for (const i of nonBlank) {
    if (i <= end) continue;
    if (ended && free(i) && !readMetaLine(text[i]!, folded[i]!)) ended = false;
    if (free(i)) {
      const m = readMetaLine(...unbracket(text[i]!, folded[i]!)) ?? readMetaLine(text[i]!, folded[i]!);
      // (A date alone, before the footer begins, is the text's: a release's date under its end mark.)
      if (m && m.kind !== 'dateline' && (m.kind !== 'date' || !footer || ended)) {
        if (m.kind === 'counters') labels[i] = 'counter';
        else if (m.kind === 'post') labels[i] = 'post-header';
        else take(i, m, 'tail');
        continue;
      }
    }
    // (A single related link on its line is inserted between a text's sections too. After an end
    // mark, the text's date may still come, then the footer.)
    if (isEndMark(folded[i]!)) {
      footer = true;
      ended = true;
    } else if (!free(i) && STARTS_FOOTER.has(labels[i]!) && !isRelatedInline(folded[i]!)) footer = true;
    // One of the page's own menu or tab items alone on a line (`法宝联想` of `全文 法宝联想 历史沿革`).
    else if (free(i) && tabs.has(squash(folded[i]!))) {
      labels[i] = 'navigation';
      footer = true;
    }
    else if (free(i) && (isMenuLine(folded[i]!) || (isRelatedHeading(folded[i]!) && linksFollow(i)))) footer = true;
    if (footer && free(i)) labels[i] = 'footer';
  }
  return { title, start, titleSource: title && title.at.length > 2 ? 'joined-lines' : 'title-line', meta: placed, cut };
}

/** Chrome after which a page has nothing more of its text (an ad, a caption or a lost image may stand between a text's last paragraph and its table). */
const STARTS_FOOTER = new Set<Labels[number]>(['site-chrome', 'navigation', 'link-list', 'footer', 'legal-block', 'contact', 'site-notice', 'promotion', 'download-disclaimer', 'reader-comment', 'counter', 'repeated-across-documents']);

const squash = (s: string) => s.replace(/\s+/g, '');

/** Below this many characters a headline said again inside the text may be the text's own (an infobox's cell). */
const SHORT_HEADLINE = 6;

/** The longest a dek (a summary between a headline and its byline) runs. */
const DEK_LENGTH = 200;

/** How far past a stray sentence at the top a page's title and byline may still stand (lines that are not chrome). */
const BYLINE_REACH = 12;

/**
 * Where the running text starts: at its first line of prose, unless a title and its byline stand a
 * few lines further on (a sentence among the chrome above them, a site's notice, a lead before the
 * headline): then after that byline.
 */
function textStart(text: string[], folded: string[], nonBlank: number[], free: (i: number) => boolean, isText: (i: number) => boolean): number {
  const open = nonBlank.filter(free);
  const k = open.findIndex(isText);
  if (k < 0) return text.length;
  for (let j = k + 1; j < Math.min(open.length, k + 1 + BYLINE_REACH); j++) {
    const b = open[j]!;
    const m = readMetaLine(text[b]!, folded[b]!);
    const byline = m && (m.kind === 'byline' || (m.kind === 'fields' && (m.published !== undefined || m.publisher !== undefined || m.author !== undefined)) || (m.kind === 'post' && m.firstPost));
    if (!byline) continue;
    const above = open[j - 1]!;
    if (j - 1 > k && folded[above]!.length >= 8 && isTitleLike(folded[above]!) && !isProse(folded[above]!)) {
      return open.slice(j + 1).find(isText) ?? text.length;
    }
    // A dek: one sentence between the headline and its byline (`headline？` / `summary。` / `记者 | 某某`).
    const dek = open[j - 1]!;
    const headline = open[j - 2];
    if (headline !== undefined && j - 1 >= k && isText(dek) && folded[dek]!.length <= DEK_LENGTH && isTitleLike(folded[headline]!)) {
      return open.slice(j + 1).find(isText) ?? text.length;
    }
  }
  return open[k]!;
}

/**
 * Where the text ends: its last line of prose, and the list that goes straight on from it with no
 * blank line between — numbered items and labelled facts, as a notice's closing list of contacts
 * (`1.采购人信息` / `地址：…` / `联系电话：0578-…`). A phone number there is the notice's, not a site's
 * contact line; a byline, source or date there is metadata and stops the list.
 */
function textEnd(text: string[], folded: string[], labels: Labels, last: number, limit: number): number {
  // (The list is announced: its first line is numbered, or the last sentence ends with a colon. A
  // lone `报料电话：…` under a news story's last paragraph is the site's.)
  if (last < 0 || !(/:$/.test(folded[last]!) || LIST_ITEM.test(folded[last + 1] ?? ''))) return last;
  let end = last;
  for (let i = last + 1; i < folded.length && i < limit; i++) {
    const f = folded[i]!;
    if (f === '' || (labels[i] !== null && labels[i] !== 'contact') || !(LIST_ITEM.test(f) || /^[^:]{1,12}:\s*\S/.test(f))) break;
    const names = (m: MetaLine | null) => m !== null && (m.author ?? m.editor ?? m.publisher ?? m.published ?? m.originalTitle) !== undefined;
    if (names(readMetaLine(text[i]!, f)) || names(readMetaLine(...unbracket(text[i]!, f)))) break;
    end = i;
  }
  for (let i = last + 1; i <= end; i++) if (labels[i] === 'contact') labels[i] = null;
  return end;
}

/**
 * Signatures: one to three lines naming issuing bodies, right above a date alone on its line (a
 * notice's 落款, the issuers under a communiqué's title). `take` gets each of their lines.
 */
function markSignatures(text: string[], folded: string[], nonBlank: number[], open: (i: number) => boolean, take: (i: number, m: MetaLine) => void) {
  for (let k = 0; k < nonBlank.length; k++) {
    const date = nonBlank[k]!;
    // A signature's date is a short line with a year in it.
    if (folded[date]!.length > 24 || !/\d|年/.test(folded[date]!) || !open(date)) continue;
    const m = readMetaLine(text[date]!, folded[date]!);
    if (m?.kind !== 'date') continue;
    const issuers: [number, MetaLine][] = [];
    for (let j = k - 1; j >= 0 && issuers.length < 3; j--) {
      const i = nonBlank[j]!;
      if (i !== (issuers.at(-1)?.[0] ?? date) - 1 || !open(i)) break;
      const issuer = readIssuer(text[i]!, folded[i]!);
      if (!issuer) break;
      issuers.push([i, issuer]);
    }
    if (issuers.length === 0) continue;
    for (const [i, issuer] of issuers.reverse()) take(i, issuer);
    take(date, m);
  }
}

/** A Q&A site's count of an answer's votes (`238 人赞同了该回答`): the lines right above it name who answered. */
const VOTES = /^\d[\d,.]*\s*[万千kw]?\s*人(?:赞同|觉得有用|推荐)了?(?:该|这个|此)?(?:回答|答案|文章)?$/;

/**
 * An answer's byline on a Q&A site: its writer's name, and perhaps a line about them, directly
 * above the count of its votes (`某某` / `交通规划从业者` / `238 人赞同了该回答`).
 */
function markAnswerBylines(text: string[], folded: string[], labels: Labels, take: (i: number, m: MetaLine) => void) {
  folded.forEach((f, v) => {
    if (!VOTES.test(f)) return;
    const above = [v - 1, v - 2].filter((i) => i >= 0 && labels[i] === null && folded[i] !== '' && folded[i]!.length <= 30 && !isProse(folded[i]!));
    // Both lines must stand right above the count, the name first.
    const lines = above[0] === v - 1 ? (above[1] === v - 2 ? [v - 2, v - 1] : [v - 1]) : [];
    const name = lines.find((i) => /^[\p{Script=Han}A-Za-z·_\-\d]{2,16}$/u.test(folded[i]!));
    if (name === undefined || name !== lines[0]) return;
    take(name, { kind: 'byline', author: text[name]! });
    for (const i of lines.slice(1)) take(i, { kind: 'fields' });
  });
}

/** A name alone on a line under a title: a body's or a publication's is the publishing account's, a person's or a handle's the author's. */
function bylineName(name: string): MetaLine {
  return isOrganisationName(name) ? { kind: 'byline', publisher: name } : { kind: 'byline', author: name };
}

/** The line that prints a title the page gave as a field, if one does. */
function printedTitle(text: string[], nonBlank: number[], title: string, open: (i: number) => boolean): TitleLines | null {
  const i = nonBlank.find((k) => open(k) && squash(text[k]!) === squash(title));
  return i === undefined ? null : { at: [i], text: text[i]!.trim() };
}

/** `(责任编辑:某某)`, `【来源:某某】`: a metadata line in brackets. */
function unbracket(text: string, folded: string): [string, string] {
  // The brackets become spaces, in both forms, so every offset stays.
  return /^[([【].*[)\]】]$/.test(folded) ? [` ${text.slice(1, -1)} `, ` ${folded.slice(1, -1)} `] : [text, folded];
}

/** A title split one word per line at the top (`2023` / `联体` / `发展` / `情况`): three or more very short lines before anything else. */
function splitTitle(text: string[], folded: string[], labels: Labels, nonBlank: number[], start: number): TitleLines | null {
  const first = nonBlank.filter((i) => labels[i] === null && i < start);
  let k = 0;
  while (k < first.length && folded[first[k]!]!.length <= 4 && !/[。!;]/.test(folded[first[k]!]!)) k++;
  if (k < 3) return null;
  const at = first.slice(0, k);
  return { at, text: at.map((i) => text[i]!).join('') };
}

/** How the text numbers its headings (`（一）`, `二、`) and tables (`表1`): a line so numbered is the text's, not a link. */
const HEADING_NUMBER = /^(?:[(]?[一二三四五六七八九十]+[、)]|[表图]\s*\d)/;

/** A link to another article: a bulleted or dated line, or an article's title (not a table's short cell). */
const isArticleLink = (folded: string) => isLinkItem(folded) && !HEADING_NUMBER.test(folded) && (isMarkedLinkItem(folded) || folded.length >= 8);

/** A list item or numbered heading: said twice, it is two items of a list. */
const LIST_ITEM = /^(?:\d{1,2}[.、)]|[(]\d{1,2}[)]|[(]?[一二三四五六七八九十]+[、)]|[•·●▪◆■\-*])/;

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
 * share buttons, and reader comments (bulleted lines).
 */
function markFooterTail(text: string[], labels: Labels, tail: Set<number>, nonBlank: number[]) {
  const start = nonBlank.find((i) => tail.has(i) && isFooterAnchor(text[i]!));
  if (start === undefined) return;
  for (const i of nonBlank) {
    if (i < start) continue;
    labels[i] ??= isBullet(text[i]!) ? 'reader-comment' : 'footer';
  }
}
