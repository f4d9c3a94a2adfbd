/**
 * Lines of a document's record, known by their shape whatever their punctuation, so that they are
 * never taken for the start or end of its text: a law's history and promulgation note, the occasion
 * of a speech, a newsletter's issue, a release's time of day, a post's region, a journal's volume, a
 * paper's numbered authors and affiliations, an office before a name, a judgment's kind and its
 * judges' signatures. Matched on the folded line; values are cut from the line as written.
 */
import { REGIONS } from './lexicon.ts';
import { CN_NUMBER, DATE_TIME, parseDate } from './page-dates.ts';

/** What a line of the record says (a MetaLine of kind `fields`, as meta-lines.ts reads them). */
export interface RecordLine {
  kind: 'fields';
  record?: boolean;
  published?: string;
  publishedRank?: number;
  publisher?: string;
  author?: string;
}

/** A law's history, under its heading (`法规沿革:`): `1.中华民国…年…月…日教育部…字第…号令订定发布全文 8 条`. */
const HISTORY_HEADING = /^(?:法规沿革|沿革|修订沿革|修正沿革|历史沿革|修订历史)\s*:?$/;
const CN_DATE = `[\\d〇零一二三四五六七八九十百]+年[\\d〇零一二三四五六七八九十]+月[\\d〇零一二三四五六七八九十]+日`;
const HISTORY = new RegExp(`^\\d{1,2}[.、]\\s*(?:中华民国|民国)?\\s*${CN_DATE}.{0,80}?(?:令|公告|会议|第\\s*\\w+\\s*号).{0,40}?(?:订定|制定|发布|公布|修正|修订|施行|通过|批准|废止)`, 'u');
/** The body that signed a decree in a law's history (`…日教育部台(九一)社(三)字第…号令`). */
const DECREE_ISSUER = /日\s*([\p{Script=Han}]{2,12}?(?:部|院|署|局|委员会|会|府|厅|办公室))(?=.{0,16}字第)/u;
/** A law's promulgation note under its title: `(2023年10月26日…会议通过 2023年11月22日…批准)`. */
const PROMULGATION = new RegExp(`^[(](?=.*${CN_DATE}).*(?:通过|批准|公布|修正|修订|施行|发布|废止)[^()]*[)]$`, 'u');
/** Where and when a speech or report was given, under its title: `——2024年1月16日在某市第十七届人民代表大会第四次会议上`. */
const OCCASION = new RegExp(`^[—\\-]{1,2}\\s*(${DATE_TIME.source})\\s*在.{2,60}?(?:会议|大会|论坛|典礼|仪式|开幕式|座谈会|研讨会|年会|全会)上(?:的(?:讲话|报告|发言|致辞))?$`);
/** A newsletter's or journal's issue: `2024年第21期 · 总第45期`. */
const ISSUE = /^(?:\d{4}\s*年\s*)?第\s*\d{1,4}\s*期(?:\s*[·|/,]?\s*总第\s*\d{1,5}\s*期)?$/;
/** The time of day a release gives under its date: `香港时间15时30分`. */
const TIME_ONLY = /^(?:[\p{Script=Han}]{2,4})?时间\s*\d{1,2}\s*[时:]\s*\d{2}\s*分?$/u;
/** Where a post's writer was, alone on a line: `发布于 浙江`, `IP属地:上海`. */
const REGION_ONLY = /^(?:发布于|ip\s*属地\s*:?)\s*([\p{Script=Han}]{2,4})$/iu;
/** A journal and its volume and issue: `中国人口·资源与环境. 2023,33(09)`, `《某某学报》2023年第9期`. */
const JOURNAL = /^《?([^《》\d.,]{2,30}?)》?\s*[.,]?\s*(\d{4})\s*(?:,\s*\d{1,3}\s*[(]\s*\d{1,3}\s*[)]|年\s*第\s*\d{1,3}\s*期)$/;
/** A paper's affiliations, numbered: `1.某某大学经济学院 2.某某大学商学院` (two or more). */
const AFFILIATION = /^\d[.、]?\s*[\p{Script=Han}A-Za-z()·]{2,40}?(?:大学|学院|研究院|研究所|研究中心|中心|实验室|医院|公司|局|委员会|学校|银行|协会)[\p{Script=Han}]{0,20}(?:[,]\s*[\p{Script=Han}]{2,8}\s*\d{6})?$/u;

/** A line of the record, by its shape alone; null when it is none. */
export function readRecordShape(text: string, folded: string): RecordLine | null {
  const occasion = OCCASION.exec(folded);
  // (The day it was given: a surer date than none, less sure than the page's publication date.)
  if (occasion) return { kind: 'fields', record: true, published: parseDate(occasion[1]!) ?? undefined, publishedRank: 2 };
  if (HISTORY_HEADING.test(folded) || ISSUE.test(folded) || TIME_ONLY.test(folded) || PROMULGATION.test(folded) || COURT_SIGNATURE.test(folded) || isDocumentKind(folded)) return { kind: 'fields', record: true };
  if (HISTORY.test(folded)) {
    const issuer = DECREE_ISSUER.exec(folded);
    return { kind: 'fields', record: true, publisher: issuer ? text.substr(issuer.index + issuer[0].indexOf(issuer[1]!), issuer[1]!.length) : undefined };
  }
  const region = REGION_ONLY.exec(folded);
  if (region && REGIONS.has(region[1]!)) return { kind: 'fields', record: true };
  const journal = JOURNAL.exec(folded);
  if (journal) return { kind: 'fields', record: true, publisher: text.substr(folded.indexOf(journal[1]!), journal[1]!.length).trim() };
  const parts = folded.replace(/^[(]|[)]$/g, '').split(/\s*;\s*|\s+(?=\d)/).filter(Boolean);
  if (parts.length >= 2 && parts.every((p) => AFFILIATION.test(p))) return { kind: 'fields', record: true };
  return null;
}

/** A legal document's kind, set with spaces between its characters under the court's name: `民 事 判 决 书`. */
export const SPACED_KIND = /^[\p{Script=Han}](?:\s+[\p{Script=Han}]){2,8}$/u;
const LEGAL_KIND = /(?:判决书|裁定书|调解书|决定书|通知书|起诉书|公诉书|答辩状|上诉状|申请书|意见书|建议书)$/;

/** `民 事 判 决 书`: a judgment's (or another legal paper's) kind, typeset as its header. */
export function isDocumentKind(folded: string): boolean {
  return SPACED_KIND.test(folded) && LEGAL_KIND.test(folded.replace(/\s+/g, ''));
}

/** Who signed a judgment: `审判长　某某`, `书记员　某　某`. */
const COURT_SIGNATURE = /^(?:审判长|审判员|代理审判员|人民陪审员|陪审员|书记员|法官助理|执行员)\s+[\p{Script=Han}·](?:\s*[\p{Script=Han}·]){1,4}$/u;

/** Titles of office a speech or report is signed with (`滨江市市长　某某`, `国务院总理　某某`). */
const OFFICE = /(?:副?(?:市长|省长|县长|区长|州长|镇长|乡长|总理|主席|部长|厅长|局长|主任|院长|校长|署长|司长|行长|会长|理事长|董事长|总经理|秘书长|行政长官)|书记)$/;

/** `滨江市市长　某某`: an office and the name of who holds it, the author of a speech or report. */
export function readOfficialByline(text: string, folded: string): RecordLine | null {
  const m = /^([\p{Script=Han}]{2,24})\s+([\p{Script=Han}·]{2,4})$/u.exec(folded);
  if (!m || !OFFICE.test(m[1]!)) return null;
  return { kind: 'fields', author: text.substr(folded.lastIndexOf(m[2]!), m[2]!.length) };
}

/** `林思远1　赵佳琪2　周　航1*`: a paper's authors, each numbered to an affiliation (two or more). */
export function readAuthorList(text: string, folded: string): RecordLine | null {
  const NAME = /([\p{Script=Han}](?:\s?[\p{Script=Han}]){1,3})\s*\d(?:\s*[,，]\s*\d)*\s*\*?\s*/gu;
  const names: string[] = [];
  let end = 0;
  for (const m of folded.matchAll(NAME)) {
    if (m.index !== end) return null;
    names.push(text.substr(m.index, m[1]!.length).replace(/\s+/g, ''));
    end = m.index + m[0].length;
  }
  // (Not the numbered items of a page: 附件1 附件2, 表1 图2.)
  if (names.length < 2 || end !== folded.length || names.some((n) => /^(?:附|第)|[件表图]$/.test(n))) return null;
  return { kind: 'fields', author: names.join('、') };
}
