/**
 * What kind of source a document is, as a reference manager files it: an official notice (a report
 * with its issuer and 文号), a news article, or a web page. Decided from general signs of Chinese
 * public administration and the press, never from one corpus's names.
 */

export type SourceKind = 'webpage' | 'news' | 'report';

export interface SourceFacts {
  title: string;
  author: string | null;
  publisher: string | null;
  /** The beginning of the text (a few paragraphs), where a 文号 or a dateline stands. */
  opening: string;
}

export interface SourceType {
  kind: SourceKind;
  /** The issuing body of an official notice. */
  issuer?: string;
  /** Its document number (文号), e.g. 国办发〔2017〕32号. */
  number?: string;
}

/** A 文号: an issuer's abbreviation, the year in brackets (〔〕 [] 【】 () as typed), the serial number, 号. */
const DOC_NUMBER = /[\p{Script=Han}]{1,12}[〔［\[【（(]\s*(?:19|20)\d{2}\s*[〕］\]】）)]\s*第?\s*\d{1,4}\s*号/u;
/** Names of government bodies end so: 国务院, …委员会, …办公厅, …人民政府, …局, …部, …厅, …委. */
const GOVERNMENT = /(?:国务院|委员会|办公厅|办公室|人民政府|政府|总局|管理局|[部局厅委署院])$/u;
/** Names of news outlets end so: …日报, …报, …新闻网, 通讯社, 电视台 (a plain …网 may be any site, a government's too). */
const NEWS = /(?:日报|晚报|晨报|时报|商报|报社|[^情简快电]报|新闻网|新闻|通讯社|电视台|广播电台|客户端)$/u;
/** A news agency's dateline: 新华社北京8月5日电, (记者 …) 本报讯. */
const DATELINE = /(?:[\p{Script=Han}]{2,12}\d{1,2}月\d{1,2}日(?:讯|电)|本报讯|本报记者)/u;

/** An official document's masthead (版头, GB/T 9704): the issuing body's name and 文件 on a line of their own. */
const MASTHEAD = /^[ \t\u3000]*([\p{Script=Han}（）()、]{2,40}?)文件[ \t\u3000]*$/mu;
/** A notice's title names its issuer before 关于 and ends with the kind of document (文种): 国家医疗保障局关于印发…的通知. */
const TITLE_ISSUER = /^([\p{Script=Han}]{2,30}?)关于.*(?:通知|意见|决定|办法|规定|方案|批复|函|公告|通告|报告|请示|规划|纲要)$/u;

/** The kind of a document, from its metadata and its opening text. */
export function sourceType(f: SourceFacts): SourceType {
  const number = DOC_NUMBER.exec(`${f.title}\n${f.opening}`)?.[0].replace(/\s+/g, '');
  // Who issued it: the byline or publisher if a government body, else the masthead, else the title.
  // (The title may be split over two lines at the head of the text, as a PDF's is.)
  const head = f.opening.split('\n').map((l) => l.trim()).filter(Boolean).slice(0, 6);
  const titled = [f.title, ...head, ...head.slice(1).map((l, i) => head[i] + l)].map((l) => TITLE_ISSUER.exec(l)?.[1]);
  const named = [f.author, f.publisher, MASTHEAD.exec(f.opening)?.[1], ...titled];
  const issuer = named.find((n): n is string => Boolean(n && GOVERNMENT.test(n.trim())))?.trim();
  if (number && issuer) return { kind: 'report', issuer, number };
  if ((f.publisher && NEWS.test(f.publisher.trim())) || DATELINE.test(f.opening.slice(0, 200))) return { kind: 'news' };
  return { kind: 'webpage' };
}
