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

/**
 * The text with the half-width marks that stand beside Chinese shown full-width. Same length, same
 * offsets; a text with nothing to change comes back as the same string.
 *
 * Marks are taken in runs (`"?!`, `),`): a run that touches a Chinese character at either end turns
 * full-width as a whole, and so does a run holding a parenthesis whose pair encloses Chinese; the
 * two parentheses of a pair always turn together (so a run reached through its pair turns too).
 * Worked out in one pass over the runs, this is a fixed point: applied again it changes nothing.
 */
export function fullWidthPunctuation(text: string): string {
  if (!/[,:;?!()]/.test(text)) return text;
  const chinese = (code: number) => code >= 0 && isChineseContext(code);
  const verbatim = new Uint8Array(text.length);
  for (const m of text.matchAll(VERBATIM)) verbatim.fill(1, m.index, m.index + m[0].length);
  const isMark = (i: number) => FULL[text[i]!] !== undefined && !verbatim[i];
  // Runs of adjacent marks: where each starts and ends, and the run of each mark.
  const runStart: number[] = [];
  const runEnd: number[] = [];
  const runOf = new Int32Array(text.length).fill(-1);
  for (let i = 0; i < text.length; i++) {
    if (!isMark(i)) continue;
    const r = runStart.length;
    runStart.push(i);
    while (i < text.length && isMark(i)) runOf[i++] = r;
    runEnd.push(i);
  }
  const turns = new Uint8Array(runStart.length);
  for (let r = 0; r < runStart.length; r++) if (chinese(codeBefore(text, runStart[r]!)) || chinese(codeAt(text, runEnd[r]!))) turns[r] = 1;
  // Chinese characters before each position, so that asking whether a pair encloses any is one subtraction
  // (a high surrogate from U+D840 starts a character of Extension B or after).
  const seen = new Uint32Array(text.length + 1);
  for (let i = 0; i < text.length; i++) {
    const u = text.charCodeAt(i);
    seen[i + 1] = seen[i]! + (isChineseContext(u) || (u >= 0xd840 && u < 0xd8cd) ? 1 : 0);
  }
  // Parentheses pair up; a pair links the runs of its two parentheses.
  const linked: number[][] = runStart.map(() => []);
  const open: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (runOf[i]! < 0) continue;
    if (text[i] === '(') open.push(i);
    else if (text[i] === ')' && open.length) {
      const o = open.pop()!;
      const [a, b] = [runOf[o]!, runOf[i]!];
      if (seen[i]! - seen[o + 1]! > 0) turns[a] = turns[b] = 1;
      linked[a]!.push(b);
      linked[b]!.push(a);
    }
  }
  // What turns spreads through the pairs.
  const queue = [...turns.keys()].filter((r) => turns[r]);
  while (queue.length) {
    for (const next of linked[queue.pop()!]!) if (!turns[next]) (turns[next] = 1), queue.push(next);
  }
  if (!turns.includes(1)) return text;
  const out = text.split('');
  for (let r = 0; r < runStart.length; r++) if (turns[r]) for (let i = runStart[r]!; i < runEnd[r]!; i++) out[i] = FULL[text[i]!]!;
  return out.join('');
}

/** How many marks `fullWidthPunctuation` changes in a text (what a reading page reports). */
export function punctuationChanges(text: string): number {
  const shown = fullWidthPunctuation(text);
  if (shown === text) return 0;
  let n = 0;
  for (let i = 0; i < text.length; i++) if (shown.charCodeAt(i) !== text.charCodeAt(i)) n++;
  return n;
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
  let flat = '';
  // Where each character of `flat` is in `html` (-1: a stand-in for a tag or a character reference).
  const at: number[] = [];
  const token = /<[^>]*>|&#?\w+;|[^<&]+|[<&]/g;
  let raw: string | null = null;
  for (let m = token.exec(html); m; m = token.exec(html)) {
    const t = m[0];
    if (t[0] === '<' && t.length > 1) {
      if (raw) {
        if (new RegExp(`^</${raw}\\b`, 'i').test(t)) raw = null;
        continue;
      }
      const opens = RAW.exec(t);
      if (opens) raw = opens[1]!.toLowerCase();
      if (BLOCK.test(t) || opens) {
        flat += '\n';
        at.push(-1);
      }
      continue;
    }
    if (raw) continue;
    if (t[0] === '&' && t.length > 1) {
      // A reference (&amp; &lt; &quot;) stands for one character that is never Chinese.
      flat += '\ufffc';
      at.push(-1);
      continue;
    }
    for (let i = 0; i < t.length; i++) at.push(m.index + i);
    flat += t;
  }
  const shown = fullWidthPunctuation(flat);
  if (shown === flat) return { html, changed: 0 };
  const chars = html.split('');
  let changed = 0;
  for (let i = 0; i < flat.length; i++) {
    if (shown.charCodeAt(i) !== flat.charCodeAt(i)) {
      chars[at[i]!] = shown[i]!;
      changed++;
    }
  }
  return { html: chars.join(''), changed };
}

/** `fullWidthHtmlCounted` without the count. */
export const fullWidthHtml = (html: string): string => fullWidthHtmlCounted(html).html;

/** A reading view's text: `fullWidthPunctuation`, for use in templates. */
export const cn = fullWidthPunctuation;
