/**
 * The page's layout (clean.ts's second pass): where its running text starts and ends (its first and
 * last lines of prose, never a line of its record; a dek between headline and byline and a notice's
 * closing list going with the text), its metadata lines before and after the text, its title
 * (title.ts), a notice's signature and an answer's byline; before the title only chrome, after
 * the text (or its end mark), once chrome begins, the rest is footer.
 */
import { isEndMark, isLinkItem, isMasthead, isMenuLine, isRelatedHeading, isRelatedInline } from './chrome-lines.ts';
import { isDocumentKind, isFieldLine, isOrganisationName, readIssuer, readIssuerHeader, readMetaLine, type MetaLine } from './meta-lines.ts';
import type { PlacedMeta } from './meta.ts';
import { findTitle, isTitleLike, type TitleLines } from './title.ts';
import type { MovedLine, RemovalReason } from './types.ts';

/** What becomes of each line: removed for a reason, moved into the metadata, or kept (null). */
export type Labels = (RemovalReason | MovedLine['to'] | null)[];

/** Running text: a sentence ends in it, or it is long and punctuated as a sentence. */
export function isProse(folded: string): boolean {
  return /[。;]/.test(folded) || (folded.length >= 40 && /[,、!?]/.test(folded)) || (folded.length >= 16 && /[!?]$/.test(folded) && /[,]/.test(folded));
}

/** How the text numbers its headings (`（一）`, `二、`) and tables (`表1`): a line so numbered is the text's, not a link. */
export const HEADING_NUMBER = /^(?:[(]?[一二三四五六七八九十]+[、)]|[表图]\s*\d)/;

/** A list item or numbered heading: said twice, it is two items of a list. */
export const LIST_ITEM = /^(?:\d{1,2}[.、)]|[(]\d{1,2}[)]|[(]?[一二三四五六七八九十]+[、)]|[•·●▪◆■\-*])/;

export interface Layout {
  title: TitleLines | null;
  /** Where the running text starts. */
  start: number;
  titleSource: 'title-line' | 'joined-lines';
  meta: PlacedMeta[];
  /** Lines whose start is a dateline, cut off (index -> characters cut). */
  cut: Map<number, number>;
}

/** Pass 2: where the text starts and ends, its metadata lines and title; chrome before the title and after the text. */
export function readLayout(text: string[], folded: string[], labels: Labels, nonBlank: number[]): Layout {
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

export const squash = (s: string) => s.replace(/\s+/g, '');

/** Below this many characters a headline said again inside the text may be the text's own (an infobox's cell). */
export const SHORT_HEADLINE = 6;

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
