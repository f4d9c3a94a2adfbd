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

/**
 * A key under which two tellings of one policy meet: simplified, spaces dropped, and the issuer
 * that some writers put in front of the title (国务院办公厅关于… = 关于…) removed.
 */
// (Remembered: merging events and filing the policy index ask for the same titles' keys again and again.)
export const policyKey = memo((title: string): string =>
  matchText(title)
    .replace(/[\s\u3000]+/g, '')
    .replace(/^(国务院办公厅|国务院|国家卫生健康委员会|国家卫生和计划生育委员会|国家卫健委|国家卫计委|国家卫生计生委)(?=关于)/, '')
    .replace(/[（(]征求意见稿[)）]$/, ''),
);
