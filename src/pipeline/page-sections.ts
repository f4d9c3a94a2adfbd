/**
 * Sections of a page that are not its text, found by their shape rather than by any one line:
 * - a section of readers' comments under a text (a news site's 评论, a diary's 回应, a microblog's
 *   replies): a heading of comments, then the comments' own lines (a date and the writer's region,
 *   reply and like buttons, `name date region` headers). Comments are full sentences, so the
 *   cleaner's prose test alone would keep them as text;
 * - a table of contents (目录, 本期导读, an encyclopedia's numbered 目录): lines each of which comes
 *   back further down as a heading of its own, with text between them, so the list only repeats
 *   the text's headings. (A list of chapters that do not follow — a report's contents printed on
 *   the page that sells it — is the text's and stays.)
 * Lines are folded (simplified characters, ASCII punctuation), as everywhere in the cleaner.
 */
import { isButtonBar, isCounterLine, isInterfaceLine } from './chrome-lines.ts';
import { REGIONS } from './lexicon.ts';

/** Running text: a sentence ends in it, or it is long and punctuated as a sentence (clean.ts's test). */
type IsProse = (folded: string) => boolean;

/** Words that name readers' comments. */
const COMMENTS_WORD = /评论|回应|留言|跟[帖贴]/;

/** A heading of comments: an interface or counter line about them (`评论`, `最热评论`, `回应 转发 赞 收藏`, `转发 328 评论 96 赞 1452`), their count (`共96条评论`), or how they are sorted (`按热度 按时间`). */
export function isCommentsHeading(folded: string): boolean {
  if (folded.length > 40) return false;
  if (/^(?:共\s*)?\d[\d,.]*\s*[万千]?\s*条(?:评论|回应|留言|跟[帖贴]|回复)$/.test(folded)) return true;
  // How comments are sorted: `按热度 按时间`, `最热 最新`.
  if (/^(?:按?(?:热度|时间|最热|最新|点赞数?)\s*){2,}$/.test(folded)) return true;
  return COMMENTS_WORD.test(folded) && (isInterfaceLine(folded) || isButtonBar(folded) || isCounterLine(folded));
}

/** A comment's buttons and its writer's mark. */
const CONTROL = /^(?:回复|回应|我来回应|赞|点赞|举报|删除|顶|踩|分享|作者|楼主)$/;
/** When a comment was written: a date, a time, or how long ago. */
const WHEN = /(?:\d{4}[-/.年])?\d{1,2}[-/.月]\d{1,2}日?(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?|\d{1,2}:\d{2}(?::\d{2})?|刚刚|\d+\s*(?:秒|分钟|小时|天)前|昨天|前天/g;
/** Where its writer was (`来自浙江`, `IP属地:浙江`). */
const WHERE = /(?:来自|ip\s*属地\s*:?)\s*([\p{Script=Han}]{2,4})/giu;

/**
 * A comment's own line: its buttons (`回复 点赞 36`, `回应`), its date and the writer's region
 * (`2024/06/18 21:03 · 浙江`, `6-19 17:02 来自浙江 回复 赞 88`), or its header (`半夏 2023-10-09
 * 08:12:45 江苏`, `某某 (作者) …`). A date alone is not one (a text's date line is no comment).
 */
export function isCommentLine(folded: string): boolean {
  if (folded.length > 60) return false;
  let dated = false;
  let placed = false;
  const rest = folded
    .replace(WHEN, () => ((dated = true), ' '))
    .replace(WHERE, () => ((placed = true), ' '));
  let controls = 0;
  const names: string[] = [];
  for (const raw of rest.split(/[\s|·•・,>]+/)) {
    const token = raw.replace(/[()\d]/g, '');
    if (token === '') continue;
    if (CONTROL.test(token)) controls++;
    else if (REGIONS.has(token)) placed = true;
    else names.push(token);
  }
  if (names.length > 1 || names.some((n) => n.length > 16)) return false;
  return controls > 0 || (dated && (placed || names.length === 1));
}

/** How many of the lines after a heading of comments must be comments' own lines, and how far to look. */
const COMMENT_LINES = 2;
const COMMENT_REACH = 10;

/**
 * Where a section of readers' comments begins, after the text has begun: the first heading of
 * comments with comments' own lines under it. (A thread whose posts are the text — a forum's
 * replies under `发表于` headers — has none.) Null when the page has none.
 */
export function commentsStart(folded: readonly string[], nonBlank: readonly number[], isProse: IsProse): number | null {
  const firstProse = nonBlank.find((i) => isProse(folded[i]!));
  if (firstProse === undefined) return null;
  for (let k = 0; k < nonBlank.length; k++) {
    const i = nonBlank[k]!;
    if (i <= firstProse || !isCommentsHeading(folded[i]!)) continue;
    const next = nonBlank.slice(k + 1, k + 1 + COMMENT_REACH);
    if (next.some((j) => folded[j]!.includes('发表于'))) continue;
    // (A count of comments or their sort order heads nothing else: one comment's line under it will do.)
    const sure = /^(?:共\s*)?\d|^按?(?:热度|时间|最热|最新)/.test(folded[i]!);
    if (next.filter((j) => isCommentLine(folded[j]!)).length >= (sure ? 1 : COMMENT_LINES)) return i;
  }
  return null;
}

/** The heading of a table of contents. */
const CONTENTS_HEADING = /^(?:目\s*录|目\s*次|本期导读|本期目录|本文目录|文章目录|内容导航)\s*:?$/;
/** A line as a heading would say it: no spaces, no dot leaders or page number after it. */
const entryKey = (folded: string) => folded.replace(/\s+/g, '').replace(/(?:\.{2,}|…+|·{2,}|-{2,})\d*$/, '');
/** … and without the number an encyclopedia gives its contents' entries (`1 制度沿革`, `2.1 组织形式`) but not its headings. */
const bareKey = (key: string) => key.replace(/^\d{1,2}(?:\.\d{1,2})*[.、]?(?=\p{Script=Han})/u, '');

/**
 * The lines of a table of contents (its heading, if it has one, and its entries): two or more
 * consecutive short lines under a heading such as 目录 or 本期导读 (three or more at the start of a
 * list without one), each of which comes back, in the same order and with text between them, as a
 * line of its own further down; and the list ends there — the next line is the first entry's
 * return or the text's start. (Where the list goes on with entries that do not come back, it is the
 * contents of more than the page holds, and stays.)
 */
export function contentsLines(folded: readonly string[], nonBlank: readonly number[], isProse: IsProse): number[] {
  const at = new Map<string, number[]>();
  for (const i of nonBlank) {
    const key = entryKey(folded[i]!);
    for (const k of new Set([key, bareKey(key)])) at.set(k, [...(at.get(k) ?? []), i]);
  }
  const prose = nonBlank.filter((i) => isProse(folded[i]!));
  const proseBetween = (a: number, b: number) => prose.some((p) => p > a && p < b);
  const entryLike = (i: number) => folded[i]!.length <= 40 && !isProse(folded[i]!);
  const out: number[] = [];
  for (let k = 0; k < nonBlank.length; k++) {
    const head = nonBlank[k]!;
    const headed = CONTENTS_HEADING.test(folded[head]!);
    // Without a heading, only from where a list starts.
    if (!headed && k > 0 && entryLike(nonBlank[k - 1]!)) continue;
    const first = headed ? k + 1 : k;
    // Entries, each returning below the previous entry's return, with text in between.
    const entries: number[] = [];
    const returns: number[] = [];
    let e = first;
    for (; e < nonBlank.length; e++) {
      const i = nonBlank[e]!;
      if (!entryLike(i)) break;
      const key = entryKey(folded[i]!);
      const last = returns.at(-1) ?? -1;
      const back = [...(at.get(key) ?? []), ...(at.get(bareKey(key)) ?? [])].sort((a, b) => a - b).find((j) => j > i && j > last && (last < 0 || proseBetween(last, j)));
      if (back === undefined) break;
      entries.push(i);
      returns.push(back);
    }
    if (entries.length < (headed ? 2 : 3) || returns[0]! <= entries.at(-1)!) continue;
    // The list ends where the text starts: the first entry's return, prose, or a line prose follows (`各位代表：`).
    const next = nonBlank[e];
    const textStarts = next === undefined || next === returns[0] || isProse(folded[next]!) || (nonBlank[e + 1] !== undefined && isProse(folded[nonBlank[e + 1]!]!));
    if (!textStarts) continue;
    out.push(...(headed ? [head] : []), ...entries);
    k = e - 1;
  }
  return out;
}
