/**
 * clean: remove boilerplate lines, and record every removal with its line number and reason.
 * Line rules look at one line; block rules find runs (a login form, a user agreement, a download
 * disclaimer, a footer with comments, a trailing list of links). Nothing else is removed.
 */
import type { Line, Removal, RemovalReason } from './types.ts';
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

export interface CleanContext {
  /** Normalised lines that stand at the edges of two or more documents (site-wide chrome). */
  repeatedLines?: ReadonlySet<string>;
}

export interface Cleaned {
  content: Line[];
  removed: Removal[];
  blankLines: number;
}

/** Share of a document's non-blank lines, at each end, where page chrome lives. */
const EDGE_SHARE = 0.2;

/** Split a document's lines into content and removed boilerplate. */
export function clean(lines: Line[], context: CleanContext = {}): Cleaned {
  const text = lines.map((l) => l.text);
  const labels: (RemovalReason | null)[] = text.map((t) => (t === '' ? null : lineRule(t)));
  const nonBlank = text.flatMap((t, i) => (t === '' ? [] : [i]));
  const edge = Math.max(6, Math.ceil(nonBlank.length * EDGE_SHARE));
  const headIdx = new Set(nonBlank.slice(0, edge));
  const tailIdx = new Set(nonBlank.slice(-edge));

  markSiteChrome(text, labels, nonBlank);
  markLegalBlocks(text, labels, headIdx, tailIdx);
  markDisclaimer(text, labels, nonBlank);
  markLinkLists(text, labels, nonBlank);
  markFooterTail(text, labels, tailIdx, nonBlank);
  if (context.repeatedLines?.size) {
    for (const i of [...headIdx, ...tailIdx]) {
      // Only short labels: a sentence that two documents share is quoted content, not chrome.
      if (labels[i] === null && isShortLabel(text[i]!, 40) && context.repeatedLines.has(text[i]!)) labels[i] = 'repeated-across-documents';
    }
  }

  const content: Line[] = [];
  const removed: Removal[] = [];
  let blankLines = 0;
  lines.forEach((line, i) => {
    const reason = labels[i];
    if (line.text === '') blankLines++;
    else if (reason) removed.push({ line: line.n, text: line.text, reason });
    else content.push(line);
  });
  return { content, removed, blankLines };
}

/** The lines that could be page chrome at a document's edges, for cross-document comparison. */
export function edgeLines(lines: Line[]): string[] {
  const nonBlank = lines.filter((l) => l.text !== '').map((l) => l.text);
  const edge = Math.max(6, Math.ceil(nonBlank.length * EDGE_SHARE));
  return [...new Set([...nonBlank.slice(0, edge), ...nonBlank.slice(-edge)])];
}

/**
 * A login form or navigation at the top: the leading run of short label lines, up to its
 * last UI label, when it holds at least two UI labels (so a title line alone is never taken).
 */
function markSiteChrome(text: string[], labels: (RemovalReason | null)[], nonBlank: number[]) {
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
function markLegalBlocks(text: string[], labels: (RemovalReason | null)[], head: Set<number>, tail: Set<number>) {
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
function markDisclaimer(text: string[], labels: (RemovalReason | null)[], nonBlank: number[]) {
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
function markLinkLists(text: string[], labels: (RemovalReason | null)[], nonBlank: number[]) {
  let run: number[] = [];
  const flush = () => {
    if (run.length >= 3) for (const k of run) labels[k] ??= 'link-list';
    run = [];
  };
  for (const i of nonBlank) {
    if (isLinkListItem(text[i]!)) run.push(i);
    else flush();
  }
  flush();
}

/**
 * Everything after a footer anchor (声明:, 注:, a copyright line) near the end: statements,
 * share buttons, and reader comments (bulleted lines).
 */
function markFooterTail(text: string[], labels: (RemovalReason | null)[], tail: Set<number>, nonBlank: number[]) {
  const start = nonBlank.find((i) => tail.has(i) && isFooterAnchor(text[i]!));
  if (start === undefined) return;
  for (const i of nonBlank) {
    if (i < start) continue;
    labels[i] ??= isBullet(text[i]!) ? 'reader-comment' : 'footer';
  }
}
