/**
 * The document's own headline, among the lines before its text begins: the line just above its
 * byline or date (where news, government, WeChat and forum pages all put it), or just below an
 * official document's header and number; else a headline-like line that only chrome precedes. A
 * title wrapped over two lines (`…关于印发…改革` / `三年行动计划的通知`) is joined; a site's tag or name
 * after it (`…-【新闻】`, `… - 某某网`) is cut off. Not a breadcrumb, a site name, a date line or a
 * UI prompt: those are chrome or metadata by the time the title is looked for.
 */
import { PUBLISHER_SUFFIX } from './lexicon.ts';

/** What a headline is not: sentence text, a numbered heading, a list item, a date, a number. */
export function isTitleLike(folded: string): boolean {
  const f = folded.trim();
  if (f.length < 4 || f.length > 80) return false;
  if (/[。;]/.test(f.slice(0, -1)) || /[。:,;]$/.test(f)) return false;
  if (/^(?:[一二三四五六七八九十]+、|[(][一二三四五六七八九十\d]+[)]|\d{1,2}[.、]|第[一二三四五六七八九十\d]+[章节条]|[·•▶►*\-])/.test(f)) return false;
  // A headline of a Chinese page has Chinese in it; code (`import fs from "x"`, `a = b`) is none.
  if (!/\p{Script=Han}.*\p{Script=Han}/u.test(f) || /[{}<>=]/.test(f)) return false;
  return (f.match(/[,]/g) ?? []).length <= 2;
}

/** A line by a headline that names the site or column instead: a publisher's ending, or a short name half the headline's length; or a bar of three or more tabs' short names (`发现 发布 通知`). */
function isSiteName(line: string, headlineLength: number): boolean {
  if (line.length > 16) return false;
  return PUBLISHER_SUFFIX.test(line) || (isName(line) && line.length * 2 <= headlineLength) || /^[\p{Script=Han}]{2,3}(?:\s+[\p{Script=Han}]{2,3}){2,}$/u.test(line);
}

/** How far down a page the title is looked for: this many lines that are not chrome. */
const HEAD_LINES = 40;
/** … and never further than this many lines of any kind. */
const HEAD_MAX = 400;

/** A name alone: a person, an account, a site (no punctuation, digits or spaces; not long). */
const isName = (folded: string) => /^[\p{Script=Han}A-Za-z·]{2,12}$/u.test(folded);

/** Words an official document's title ends with: a title wrapped before one is joined across the break. */
const DOCUMENT_KIND = /(?:通知|意见|办法|方案|规定|决定|公告|通告|报告|批复|函|纲要|规划|细则|条例|指引|指南|说明|计划|决议|公报|答记者问|实施方案|工作要点|通报|目录|清单|标准)$/;
/** A follow button beside a writer's name (social sites, self-media platforms). */
const FOLLOW = /^\+?\s*(?:加)?关注$|^已关注$/;
/** The app a post was sent from, on its date line (`2024-6-19 16:42 来自 iPhone客户端`). */
const SENT_FROM = /\d\s*来自\s*\S/;

/** A title cannot stop on these: the next line goes on with it. */
const UNFINISHED = /(?:关于|的|和|与|及|暨|之|对|在|为|、|《|“)$/;

export interface TitleLines {
  /** Indices of the title's lines (one, or two when it was wrapped); none for a post without a title, whose byline was found. */
  at: number[];
  text: string;
  /** A name alone on the line between the title and the byline's date (a self-media account, a writer). */
  byline?: number;
}

export interface TitleContext {
  text: readonly string[];
  folded: readonly string[];
  /** Lines already known not to be text (chrome, metadata): never the title. */
  taken: (i: number) => boolean;
  /** Chrome that may stand between a title and its byline (share buttons, counters), unlike navigation, which stands above the title. */
  between: (i: number) => boolean;
  /** Lines that give metadata (byline, date, source, document number): a title stands beside them. */
  isMeta: (i: number) => boolean;
  /** The first line of running text: the title comes before it. */
  textStart: number;
}

/** Find the title's lines, or null when the page gives none. */
export function findTitle(c: TitleContext): TitleLines | null {
  const candidate = (i: number) => i >= 0 && i < c.textStart && c.text[i] !== '' && !c.taken(i) && !c.isMeta(i) && isTitleLike(c.folded[i]!);
  const skippable = (i: number) => c.text[i] === '' || c.taken(i);
  // A title stands near the top: among the first lines of a long head (chrome aside), not after them.
  let end = 0;
  for (let seen = 0; end < Math.min(c.textStart, HEAD_MAX) && seen < HEAD_LINES; end++) if (c.text[end] !== '' && !c.taken(end)) seen++;
  const metaLines = range(0, end).filter(c.isMeta);

  for (const m of metaLines) {
    // Above the byline: over blank lines and the chrome that stands between a title and its byline.
    let follow = false;
    for (let i = m - 1; i >= 0; i--) {
      if (c.isMeta(i)) break;
      if (c.text[i] === '' || c.between(i)) {
        follow ||= FOLLOW.test(c.folded[i]!);
        continue;
      }
      if (!candidate(i)) break;
      // `title` / `account` / `date`: a name alone right above the date is the byline's, the line above it the title.
      const above = i - 1;
      if (isName(c.folded[i]!) && above >= 0 && candidate(above) && !isName(c.folded[above]!)) return { ...wrapped(c, above, candidate), byline: i };
      // A post without a title: its writer's name, their follow button, the time and the app it was sent from.
      if (isName(c.folded[i]!) && (follow || SENT_FROM.test(c.folded[m]!)) && !DOCUMENT_KIND.test(c.folded[i]!)) return { at: [], text: '', byline: i };
      return wrapped(c, i, candidate);
    }
  }
  let scanned = -1;
  for (const m of metaLines) {
    // Below an official document's header and number: the next line that is not chrome (looked for once per run of metadata lines).
    if (m <= scanned) continue;
    let i = m + 1;
    while (i < end && (c.isMeta(i) || skippable(i))) i++;
    scanned = i;
    if (i < end && candidate(i)) return wrapped(c, i, candidate);
  }
  // No byline: the headline-like lines with only chrome before them; a site's or column's name may
  // stand above the headline (`某某网`, `某某省教育厅`, a short name), and a heading below it.
  const run: number[] = [];
  for (let i = 0; i < end; i++) {
    if (skippable(i) || c.isMeta(i)) continue;
    // (A site's short name at the top, too short for a headline, is passed over.)
    if (!candidate(i)) {
      if (run.length === 0 && isName(c.folded[i]!)) continue;
      break;
    }
    run.push(i);
  }
  // An entry of an encyclopedia or a glossary: its text opens with the term it defines (`河长制，是指…`), however short.
  const lead = c.folded[c.textStart] ?? '';
  for (let i = 0; i < end; i++) {
    if (skippable(i) || c.isMeta(i)) continue;
    const term = c.folded[i]!.trim();
    if (/^[\p{Script=Han}A-Za-z0-9·()\-]{2,24}$/u.test(term) && lead.startsWith(term) && /^\s*(?:[,(]|是|为|指|即|又称|亦称|简称)/.test(lead.slice(term.length))) return { at: [i], text: c.text[i]!.trim() };
  }
  // A post's writer above its title: their name and their follow button (`某某` / `关注` / title).
  const next = (i: number) => range(i + 1, c.text.length).find((k) => c.text[k] !== '');
  const writer = run.find((i) => isName(c.folded[i]!) && FOLLOW.test(c.folded[next(i) ?? -1] ?? ''));
  const lines = run.filter((i) => i !== writer);
  if (lines.length === 0) return null;
  const longest = Math.max(...lines.map((i) => c.folded[i]!.length));
  const headline = lines.find((i) => !isSiteName(c.folded[i]!, longest) && !lines.some((j) => j !== i && c.folded[j] === c.folded[i]));
  const title = wrapped(c, headline ?? lines.at(-1)!, candidate);
  return writer === undefined ? title : { ...title, byline: writer };
}

/** The title at line i, joined with the line before or after it when the title was wrapped there. */
function wrapped(c: TitleContext, i: number, candidate: (i: number) => boolean): TitleLines {
  const joins = (a: number, b: number) => {
    const first = c.folded[a]!;
    const both = first + c.folded[b]!;
    return candidate(a) && candidate(b) && c.text[b] !== '' && both.length <= 80 && (UNFINISHED.test(first) || (DOCUMENT_KIND.test(both) && !DOCUMENT_KIND.test(first)));
  };
  const at = i + 1 < c.text.length && joins(i, i + 1) ? [i, i + 1] : i > 0 && joins(i - 1, i) ? [i - 1, i] : [i];
  return { at, text: stripSiteName(at.map((k) => c.text[k]!).join('')) };
}

/** A site's tag or name after a title: `…-【新闻】`, `…_某某网`, `… | 某某网站`, `… - 某某频道`. */
export function stripSiteName(title: string): string {
  return title
    .replace(/\s*[-_|–]\s*【[^】]{1,10}】\s*$/u, '')
    .replace(/\s*(?:[_|｜]|\s[-–]\s)\s*[^\s_|｜\-–]{2,16}(?:网|网站|频道|在线|平台|官网|门户|论坛)\s*$/u, '')
    .trim();
}

function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from) }, (_, k) => from + k);
}
