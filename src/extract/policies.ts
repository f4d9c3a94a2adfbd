/** Policy documents named by title: every 《…》 that reads as a policy (意见, 通知, 规划 …), not a journal. */
import { memo } from '../lib/memo.ts';
import { matchText } from './numerals.ts';
import { allMatches } from '../lib/matches.ts';

export interface TitleMention {
  start: number;
  end: number;
  /** The title as written, without the brackets. */
  title: string;
}

const POLICY_WORD = /(意见|通知|办法|规划|方案|决定|细则|条例|规定|纲要|指南|计划|标准|意见稿|征求意见稿|\)|）)$/;

/** Every 《…》 title in a text whose last word is a kind of policy document. */
export function policyTitles(text: string): TitleMention[] {
  const out: TitleMention[] = [];
  for (const m of allMatches(/《([^《》\n]{2,80})》/g, matchText(text))) {
    const title = text.slice(m.index + 1, m.index + 1 + m[1]!.length);
    if (POLICY_WORD.test(m[1]!)) out.push({ start: m.index, end: m.index + m[0].length, title });
  }
  return out;
}

/** What an issuing body's name ends with (财政部, 国家医保局, 国务院办公厅, 中共中央, 某市人民政府, 某协会). */
const ISSUER_END = /(?:部|委|委员会|局|总局|厅|署|院|办|办公室|办公厅|政府|中央|中心|协会|学会|联合会|银行|法院|检察院|小组|总会|党委|党组)$/;

/**
 * The issuers some writers put in front of a title (国务院办公厅关于…, 国家医保局 财政部关于…): the
 * words before its first 关于 when they are bodies' names (each ending as one does, joined by
 * spaces, 、 or 和), or undefined.
 */
export function titleIssuer(title: string): string | undefined {
  const t = matchText(title);
  const at = t.indexOf('关于');
  if (at < 2) return undefined;
  const prefix = t.slice(0, at).trim();
  const parts = prefix.split(/[\s\u3000、,和与及]+/).filter(Boolean);
  return parts.length > 0 && parts.every((p) => p.length >= 2 && ISSUER_END.test(p)) ? title.slice(0, at).trim() : undefined;
}

/**
 * A key under which two tellings of one policy meet: simplified, spaces dropped, and the issuers
 * that some writers put in front of the title (国务院办公厅关于… = 关于…, 国家医保局 财政部关于… = 关于…) removed.
 */
// (Remembered: merging events and filing the policy index ask for the same titles' keys again and again.)
export const policyKey = memo((title: string): string => {
  const issuer = titleIssuer(title);
  return matchText(issuer ? title.slice(issuer.length).trim() : title)
    .replace(/[\s\u3000]+/g, '')
    .replace(/[（(]征求意见稿[)）]$/, '');
});
