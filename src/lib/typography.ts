/**
 * Chinese typography for reading views: a half-width `, : ; ? ! ( )` that stands between or beside
 * Chinese characters is shown as its full-width form (，：；？！（）), as Chinese print sets it. Latin
 * text, numbers (1,000), ratios and times (6:3:1, 10:30) and URLs keep theirs.
 *
 * A display rule, not a repair: the cleaned text, the data files, search and the source view keep
 * the punctuation as found (search folds both forms together). Every change is one UTF-16 unit for
 * one, so offsets into a text (a mention, a match) stay valid after it.
 */

const FULL: Record<string, string> = { ',': '，', ':': '：', ';': '；', '?': '？', '!': '！', '(': '（', ')': '）' };

/** Whether a code point sets the text around it as Chinese: Han characters, CJK and full-width punctuation, curly quotes, the ellipsis and dash. */
export function isChineseContext(code: number): boolean {
  return (
    (code >= 0x3400 && code <= 0x9fff) || // CJK Unified Ideographs and Extension A
    (code >= 0xf900 && code <= 0xfaff) || // Compatibility Ideographs
    (code >= 0x20000 && code <= 0x323af) || // Extensions B and after
    (code >= 0x3001 && code <= 0x303f) || // CJK symbols and punctuation (、。〈〉《》「」【】〔〕…)
    (code >= 0xff01 && code <= 0xff0f) || // full-width ！＂＃…／
    (code >= 0xff1a && code <= 0xff20) || // ：；＜＝＞？＠
    (code >= 0xff3b && code <= 0xff40) ||
    (code >= 0xff5b && code <= 0xff65) ||
    code === 0x201c || code === 0x201d || code === 0x2018 || code === 0x2019 || // “ ” ‘ ’
    code === 0x2026 || code === 0x2014 || code === 0x00b7 // … — ·
  );
}

/** The code point that ends just before `i` (a surrogate pair read whole), or -1. */
function codeBefore(s: string, i: number): number {
  if (i <= 0) return -1;
  const low = s.charCodeAt(i - 1);
  if (low >= 0xdc00 && low < 0xe000 && i >= 2) {
    const high = s.charCodeAt(i - 2);
    if (high >= 0xd800 && high < 0xdc00) return 0x10000 + ((high - 0xd800) << 10) + (low - 0xdc00);
  }
  return low;
}

/** The code point that starts at `i`, or -1. */
const codeAt = (s: string, i: number): number => (i < s.length ? s.codePointAt(i)! : -1);

/** Spans a reader would copy as they are: web addresses and e-mail addresses. */
const VERBATIM = /(?:https?:\/\/|ftp:\/\/|www\.)[\x21-\x7e]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;

/** Runs of half-width marks (the rule's candidates). */
const MARKS = /[,:;?!()]+/g;

/**
 * Where the marks that stand beside Chinese are in a text, in order: the rule of
 * `fullWidthPunctuation`, as positions (each turns to its full-width form). Linear in the text;
 * the per-character work is left to regular expressions (a reading page runs it over a whole
 * document).
 *
 * Marks are taken in runs (`"?!`, `),`): a run that touches a Chinese character at either end turns
 * full-width as a whole, and so does a run holding a parenthesis whose pair encloses Chinese; the
 * two parentheses of a pair always turn together (so a run reached through its pair turns too).
 * Worked out in one pass over the runs, this is a fixed point: applied again it changes nothing.
 */
export function fullWidthPositions(text: string): number[] {
  // Runs of adjacent marks, outside web and e-mail addresses.
  const runStart: number[] = [];
  const runEnd: number[] = [];
  let verbatim: Array<[number, number]> | null = null;
  for (const m of text.matchAll(MARKS)) {
    let from = m.index;
    const to = m.index + m[0].length;
    if (verbatim === null) verbatim = [...text.matchAll(VERBATIM)].map((v) => [v.index, v.index + v[0].length]);
    // A run split by an address's characters (rare): its pieces outside the address.
    for (const [a, b] of verbatim) {
      if (b <= from || a >= to) continue;
      if (a > from) runStart.push(from), runEnd.push(a);
      from = Math.max(from, b);
    }
    if (from < to) runStart.push(from), runEnd.push(to);
  }
  if (runStart.length === 0) return [];
  const chinese = (code: number) => code >= 0 && isChineseContext(code);
  const turns = new Uint8Array(runStart.length);
  let parentheses = false;
  for (let r = 0; r < runStart.length; r++) {
    if (chinese(codeBefore(text, runStart[r]!)) || chinese(codeAt(text, runEnd[r]!))) turns[r] = 1;
    if (!parentheses) for (let i = runStart[r]!; i < runEnd[r]!; i++) if (text.charCodeAt(i) === 40 || text.charCodeAt(i) === 41) parentheses = true;
  }
  if (parentheses) pairParentheses(text, runStart, runEnd, turns);
  const out: number[] = [];
  for (let r = 0; r < runStart.length; r++) if (turns[r]) for (let i = runStart[r]!; i < runEnd[r]!; i++) out.push(i);
  return out;
}

/**
 * Parentheses pair up; a pair that encloses Chinese turns both its runs, and a pair links its two
 * runs, so that what turns spreads through the pairs.
 */
function pairParentheses(text: string, runStart: number[], runEnd: number[], turns: Uint8Array): void {
  // Chinese characters before each position, so that asking whether a pair encloses any is one subtraction
  // (a high surrogate from U+D840 starts a character of Extension B or after).
  const seen = new Uint32Array(text.length + 1);
  for (let i = 0; i < text.length; i++) {
    const u = text.charCodeAt(i);
    seen[i + 1] = seen[i]! + (isChineseContext(u) || (u >= 0xd840 && u < 0xd8cd) ? 1 : 0);
  }
  const linked: number[][] = runStart.map(() => []);
  const open: Array<[at: number, run: number]> = [];
  for (let r = 0; r < runStart.length; r++) {
    for (let i = runStart[r]!; i < runEnd[r]!; i++) {
      const c = text.charCodeAt(i);
      if (c === 40) open.push([i, r]);
      else if (c === 41 && open.length) {
        const [o, a] = open.pop()!;
        if (seen[i]! - seen[o + 1]! > 0) turns[a] = turns[r] = 1;
        linked[a]!.push(r);
        linked[r]!.push(a);
      }
    }
  }
  const queue: number[] = [];
  for (let r = 0; r < turns.length; r++) if (turns[r]) queue.push(r);
  while (queue.length) {
    for (const next of linked[queue.pop()!]!) if (!turns[next]) (turns[next] = 1), queue.push(next);
  }
}

/** The text with the marks at `positions` (in order) full-width. */
function turned(text: string, positions: readonly number[]): string {
  if (positions.length === 0) return text;
  let out = '';
  let from = 0;
  for (const i of positions) {
    out += text.slice(from, i) + FULL[text[i]!]!;
    from = i + 1;
  }
  return out + text.slice(from);
}

/**
 * The text with the half-width marks that stand beside Chinese shown full-width (the rule of
 * `fullWidthPositions`). Same length, same offsets; a text with nothing to change comes back as the
 * same string.
 */
export function fullWidthPunctuation(text: string): string {
  if (!/[,:;?!()]/.test(text)) return text;
  return turned(text, fullWidthPositions(text));
}

/** How many marks `fullWidthPunctuation` changes in a text (what a reading page reports). */
export function punctuationChanges(text: string): number {
  return /[,:;?!()]/.test(text) ? fullWidthPositions(text).length : 0;
}

/** Elements whose start or end separates one run of text from the next (a paragraph, a cell). */
const BLOCK = /^<\/?(?:p|h[1-6]|li|ol|ul|dl|dt|dd|td|th|tr|thead|tbody|table|div|blockquote|br|figure|figcaption|section|article|header|footer|nav|aside|pre|summary|details)\b/i;
/** Elements whose text is not prose and stays exactly as written. */
const RAW = /^<(code|pre|script|style|kbd|samp)\b/i;

/**
 * The same rule over HTML written by this project (escaped text, our own elements): text across
 * inline elements (a term link, a correction, a highlight) is read as one run, block elements end a
 * run, character references and tags are never changed, and code is left alone. Returns the count
 * of marks changed with the HTML.
 */
export function fullWidthHtmlCounted(html: string): { html: string; changed: number } {
  if (!/[,:;?!()]/.test(html)) return { html, changed: 0 };
  // The text as one string, tags as line breaks (block) or nothing (inline), references as a
  // stand-in character; each piece of text is a segment: where it starts in the text and in the HTML.
  const pieces: string[] = [];
  const segments: number[] = [];
  let length = 0;
  const token = /<[^>]*>|&#?\w+;|[^<&]+|[<&]/g;
  // Inside code: the tag that ends it.
  let raw: RegExp | null = null;
  for (let m = token.exec(html); m; m = token.exec(html)) {
    const t = m[0];
    if (t[0] === '<' && t.length > 1) {
      if (raw) {
        if (raw.test(t)) raw = null;
        continue;
      }
      const opens = RAW.exec(t);
      if (opens) raw = new RegExp(`^</${opens[1]}\\b`, 'i');
      if (opens || BLOCK.test(t)) pieces.push('\n'), length++;
      continue;
    }
    if (raw) continue;
    // A reference (&amp; &lt; &quot;) stands for one character that is never Chinese.
    if (t[0] === '&' && t.length > 1) {
      pieces.push('\ufffc');
      length++;
      continue;
    }
    segments.push(length, m.index);
    pieces.push(t);
    length += t.length;
  }
  const positions = fullWidthPositions(pieces.join(''));
  if (positions.length === 0) return { html, changed: 0 };
  // Each position in the text, at its place in the HTML (both in order: the segments are walked once).
  const inHtml: number[] = [];
  let s = 0;
  for (const p of positions) {
    while (s + 2 < segments.length && segments[s + 2]! <= p) s += 2;
    inHtml.push(segments[s + 1]! + (p - segments[s]!));
  }
  return { html: turned(html, inHtml), changed: positions.length };
}

/** `fullWidthHtmlCounted` without the count. */
export const fullWidthHtml = (html: string): string => fullWidthHtmlCounted(html).html;

/** A reading view's text: `fullWidthPunctuation`, for use in templates. */
export const cn = fullWidthPunctuation;
