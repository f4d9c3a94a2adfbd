/**
 * Lines that say something about the document rather than being part of it, read into fields:
 * - labelled fields: `发布时间:2025-05-19 16:32 来源:某某委员会 浏览次数:`, `作者:夏宇豪 2018-06-09`,
 *   `编辑:某某 责任编辑:某某`, `原标题:…`, and a date that leads them (`2020-12-20 09:12 来源:…`);
 * - a byline of names and a date, as WeChat writes it (`原创 林舟 医院运营观察 2026-01-16 08:30 福建`);
 * - a forum post's header (`楼主 某某 发表于 2023-3-8 21:14`);
 * - a dateline (`新华社北京8月5日电(记者 某某)`), alone or at the start of the first paragraph;
 * - an official document's header (`国家医疗保障局文件`), number (`医保发〔2021〕48号`), and the
 *   issuer and date it is signed with;
 * - a line of counters only (`阅读:次`, `查看: 1386 | 回复: 4`), which is chrome, not metadata;
 * - a line of the document's record, by its shape (record-lines.ts) or its labels (关键词, 抄送).
 * Dates are read by page-dates.ts.
 *
 * Everything is matched on the folded line (simplified characters, ASCII punctuation) and values
 * are cut from the line as written (folding keeps every offset).
 */
import { AGENCY, ISSUER_SUFFIX, META_LABELS, NO_AUTHOR, NO_PUBLISHER, ORGANISATION_NAME, REGIONS, type MetaField } from './lexicon.ts';
import { CN_NUMBER, DATE_TIME, parseDate } from './page-dates.ts';
import { isDocumentKind, readAuthorList, readOfficialByline, readRecordShape, SPACED_KIND } from './record-lines.ts';

export { isDocumentKind } from './record-lines.ts';
export { parseDate } from './page-dates.ts';

export interface MetaLine {
  kind: 'fields' | 'byline' | 'post' | 'dateline' | 'issuer-header' | 'document-number' | 'issuer' | 'date' | 'counters';
  published?: string;
  /** How surely `published` is the publication date: 0 a publication date's own label, 1 a date alone, 2 a signing date, 3 an update. */
  publishedRank?: number;
  /** A title a field gives (`标题:`, in a government page's information table). */
  title?: string;
  publisher?: string;
  author?: string;
  editor?: string;
  originalTitle?: string;
  documentNumber?: string;
  /** For a post header: whether it heads the first post (楼主, 1#). */
  firstPost?: boolean;
  /** For a dateline that opens a paragraph: how many characters of the line it takes. */
  length?: number;
  /**
   * A line of the document's record rather than of its text, however it is punctuated: a paper's
   * keywords and grants, a law's history, an official reply's copies. It is never where the text
   * starts or ends.
   */
  record?: boolean;
}

const ALL_LABELS = (Object.entries(META_LABELS) as [MetaField, readonly string[]][]).flatMap(([field, labels]) => labels.map((label) => ({ field, label })));
const FIELD_OF = new Map(ALL_LABELS.map((l) => [l.label, l.field]));
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A label as an information table may space it out to align its column (`索 引 号`, `文　　号`). */
const spaced = (label: string) => (/^[\p{Script=Han}]{2,4}$/u.test(label) ? [...label].join('\\s*') : escape(label));
/** A label and its colon (`来源:`), not inside a longer word (`会议时间:` is the text's). */
const LABEL = new RegExp(`(?<![\\p{Script=Han}A-Za-z])(${[...FIELD_OF.keys()].sort((a, b) => b.length - a.length).map(spaced).join('|')})(?:\\s*\\([A-Za-z]{2,6}\\))?\\s*:\\s*`, 'gu');
/** Which date a page means when it gives several: its publication's before a plain date, before the signing date, before an update. */
const DATE_RANK: Record<string, number> = { 成文日期: 2, 印发日期: 2, 更新时间: 3, 更新日期: 3, 修改时间: 3 };
const PUBLICATION_LABEL = /^(?:发布|发表|发稿|刊发)/;
const rankOf = (label: string) => DATE_RANK[label] ?? (PUBLICATION_LABEL.test(label) ? 0 : 1);
const editorRank = (label: string) => (label === '责任编辑' || label === '责编' ? 0 : label === '编辑' ? 1 : 2);
/** Only labels, counters and separators (a line of counters: `阅读:次`, `查看: 1386 | 回复: 4`). */
const COUNTER_VALUE = /^[\d.,万wk+]*\s*(?:次|人|条)?$/i;

/** Read a line that gives metadata; null when the line is not one. */
export function readMetaLine(text: string, folded: string): MetaLine | null {
  if (folded.length > 160) return null;
  // Each reading needs something cheap to see first: a colon, a digit or 年 (a date), a byline's word.
  const colon = folded.includes(':');
  const dated = /[\d〇年]/.test(folded);
  if (!colon && !dated && !/^[(]?(?:文|撰文|作者|记者|本报|本网|本刊|本台|通讯员)|记者|电|讯|发布于|ip\s*属地|[长任席记理]\s|编辑\s*[|]|审判|书记员|陪审|法官|执行员/.test(folded) && !SPACED_KIND.test(folded)) return null;
  return (
    readRecordLine(text, folded) ??
    readDocumentNumber(text, folded) ??
    readPrintEdition(text, folded) ??
    readPostHeader(text, folded) ??
    readFields(text, folded) ??
    readAuthorLine(text, folded) ??
    readByline(text, folded) ??
    readOfficialByline(text, folded) ??
    readAuthorList(text, folded) ??
    readDateline(text, folded) ??
    readDateOnly(folded) ??
    readDateSource(text, folded) ??
    null
  );
}

/**
 * A line that is the page's metadata however it is punctuated, so never where its text starts or
 * ends: a line of the record (a paper's keywords, a law's history), or a labelled field that names
 * the title, a source or a person (`主题: …`, `来源: …`) at the start of its line. (A date's label
 * alone — `时间:` — may open a notice's paragraph, so it does not count.)
 */
export function isFieldLine(text: string, folded: string): boolean {
  const m = readMetaLine(text, folded);
  if (!m) return false;
  if (m.record) return true;
  if (m.kind !== 'fields' || (m.title ?? m.publisher ?? m.author ?? m.editor ?? m.originalTitle) === undefined) return false;
  LABEL.lastIndex = 0;
  return LABEL.exec(folded)?.index === 0;
}

/** Whether a line opens with a metadata field's label (`发布日期:`, `来源:`). */
export function startsWithLabel(folded: string): boolean {
  LABEL.lastIndex = 0;
  return LABEL.exec(folded)?.index === 0;
}

/** A name that ends as a body's or a publication's does (`某某观察`, `某某研究院`, `某某网`), not a person's or a handle's. */
export const isOrganisationName = (name: string) => ORGANISATION_NAME.test(name.trim());

/** Labels whose fields are the document's record (its number, a paper's keywords and grants, a law's validity): no field of ours, but not text. */
const RECORD_FIELDS = new Set<MetaField>(['documentNumber', 'column', 'title']);

/**
 * A line of a document's record whatever its punctuation: its shape (record-lines.ts), or labelled
 * fields of the record (关键词, 基金资助, DOI, 抄送), a list in their values allowed.
 */
function readRecordLine(text: string, folded: string): MetaLine | null {
  const shaped = readRecordShape(text, folded);
  if (shaped) return shaped;
  LABEL.lastIndex = 0;
  const labels = [...folded.matchAll(LABEL)];
  if (labels.length > 0 && labels[0]!.index === 0 && labels.every((m) => RECORD_FIELDS.has(FIELD_OF.get(m[1]!.replace(/\s+/g, ''))!))) {
    return { ...(readFields(text, folded) ?? { kind: 'fields' }), record: true };
  }
  return null;
}

/** `发布时间:… 来源:… 作者:…`, with an optional date (and a source's name) before the first label. */
function readFields(text: string, folded: string): MetaLine | null {
  // (A field's value may be a list: `关键词:碳排放权交易;绿色技术创新;`.)
  if (/[。!?]\s*\S/.test(folded)) return null;
  LABEL.lastIndex = 0;
  const labels = [...folded.matchAll(LABEL)];
  if (labels.length === 0) return null;
  if (/;\s*\S/.test(folded) && labels[0]!.index !== 0) return null;
  const line: MetaLine = { kind: 'fields' };
  let informative = false;
  const prefix = folded.slice(0, labels[0]!.index).trim();
  if (prefix !== '') {
    // A date may lead the labels, and the name of the source after it (`2019-05-29 国家卫健委 整理:…`).
    const date = DATE_TIME.exec(prefix);
    if (!date || date.index !== 0 || !parseDate(prefix)) return null;
    line.published = parseDate(prefix)!;
    line.publishedRank = 1;
    informative = true;
    const rest = text.slice(date[0].length, labels[0]!.index).replace(/^[\s|｜·•・]+|[\s|｜·•・]+$/g, '');
    if (rest && !isName(rest, 20)) return null;
    if (rest) line.publisher = rest;
  }
  let counters = 0;
  let dateRank = line.publishedRank ?? Infinity;
  let editorLabel: string | undefined;
  for (const [k, m] of labels.entries()) {
    const label = m[1]!.replace(/\s+/g, '');
    const field = FIELD_OF.get(label)!;
    const end = labels[k + 1]?.index ?? folded.length;
    const value = text.slice(m.index! + m[0].length, end).replace(/[|｜,，;；]\s*$/, '').trim();
    const foldedValue = folded.slice(m.index! + m[0].length, end).trim();
    if (field === 'counter' || field === 'column') {
      if (field === 'counter' && !COUNTER_VALUE.test(foldedValue.replace(/[|]\s*$/, '').trim())) return null;
      counters++;
      continue;
    }
    if (field === 'credit') {
      // A photographer or designer is credited, not the page's author.
      informative ||= value !== '';
      continue;
    }
    if (field === 'documentNumber') {
      if (label === '发文字号' || label === '文号') line.documentNumber ??= value || undefined;
      informative ||= value !== '';
      continue;
    }
    if (field === 'published') {
      const date = parseDate(foldedValue);
      if (!date && foldedValue !== '') return null;
      if (date && rankOf(label) < dateRank) {
        line.published = date;
        line.publishedRank = dateRank = rankOf(label);
      }
      informative ||= date !== null;
      continue;
    }
    // `作者:夏宇豪 2018-06-09 09:00`: a date after a name is the page's.
    if (dateRank === Infinity && DATE_TIME.test(foldedValue) && parseDate(foldedValue)) {
      line.published = parseDate(foldedValue)!;
      line.publishedRank = dateRank = 1;
    }
    const named = cleanName(value, field);
    if (field === 'publisher') {
      if (named && !NO_PUBLISHER.test(named)) line.publisher = named;
    } else if (field === 'author') {
      if (named && !NO_AUTHOR.test(named)) line.author = named;
    } else if (field === 'editor') {
      // The editor in charge (责任编辑) before an editor, before a reviewer or proofreader.
      if (named && editorRank(label) < (line.editor === undefined ? Infinity : editorRank(editorLabel!))) {
        line.editor = named;
        editorLabel = label;
      }
    } else if (field === 'originalTitle') {
      if (value) line.originalTitle = value;
    } else if (field === 'title') {
      if (value) line.title = value;
    }
    informative ||= value !== '';
  }
  if (!informative) return counters > 0 ? { kind: 'counters' } : null;
  return line;
}

/** A field's value as a name: the writer's region (`医保观察员 广东`) and a trailing date left out. */
function cleanName(value: string, field: MetaField): string | null {
  // (A sender's address after the name: `某某研究院 <news@example.cn>`.)
  // (And the page's buttons printed after it on its line: `某某中心 【打印】`.)
  let v = value.replace(/(?:\s*【[^】]{1,6}】)+\s*$/, '').replace(/\s*[<(（]?[\w.+-]+@[\w-]+(?:\.[\w-]+)+[>)）]?\s*$/, '').replace(TRAILING_DATE, '').trim();
  const parts = v.split(/\s+/);
  if (parts.length > 1 && REGIONS.has(parts.at(-1)!)) v = parts.slice(0, -1).join(' ');
  if (field === 'author' || field === 'editor') v = v.replace(/^(?:本报|本网|本刊)?(?:记者|通讯员)\s*/, '');
  v = v.replace(/^[\s:：]+|[\s|｜]+$/g, '');
  return v === '' || v.length > 40 ? null : v;
}

const AUTHOR_LINE = new RegExp(
  `^(?:(?:文|撰文|作者|记者|本报记者|通讯员)\\s*[/|]\\s*|(?:作者|记者|通讯员|撰文)\\s+|[\\p{Script=Han}]{0,10}?(?:特约|实习|首席|驻\\S{1,4})?记者(?:\\s*[|]\\s*|\\s+))((?:[\\p{Script=Han}A-Za-z·]{2,12}\\s*){1,4}?)(?:\\s+(${DATE_TIME.source}))?$`,
  'u',
);

/** An editor's credit with a bar for a colon, as a site prints it under its reporter's (`某某新闻编辑 | 某某`). */
const EDITOR_BAR = /^[\p{Script=Han}]{0,10}?(?:编辑|责任编辑|责编)\s*[|]\s*((?:[\p{Script=Han}A-Za-z·]{2,12}\s*){1,3}?)$/u;

/** `文/张三`, `记者 张三 李四`, `某某新闻记者 | 张三`, `作者 张三 2020-03-05`: a byline without a colon. */
function readAuthorLine(text: string, folded: string): MetaLine | null {
  const editor = EDITOR_BAR.exec(folded);
  if (editor) return { kind: 'fields', editor: text.substr(folded.lastIndexOf(editor[1]!), editor[1]!.length).trim() };
  const m = AUTHOR_LINE.exec(folded);
  if (!m) return null;
  // (`文｜财新 记者 某某`: the outlet and the reporter's title before the name.)
  const names = m[1]!.replace(/^.*记者\s*/, '');
  const start = folded.indexOf(names, folded.indexOf(m[1]!));
  const author = text.substr(start, names.length).trim().replace(/\s+/g, ' ');
  return { kind: 'fields', author: NO_AUTHOR.test(author) ? undefined : author, published: m[2] ? (parseDate(m[2]) ?? undefined) : undefined };
}

const TRAILING_DATE = new RegExp(`\\s*${DATE_TIME.source}.*$`);

/** A name: no sentence punctuation, not too long. */
const isName = (s: string, max: number) => s.length <= max && !/[。，,;；!！?？:：]/.test(s);

/** `2024年12月16日 07:12 中国证券报`: a date, then the source's name (not a region). */
function readDateSource(text: string, folded: string): MetaLine | null {
  const m = DATE_TIME.exec(folded);
  if (!m || m.index !== 0 || !parseDate(folded)) return null;
  const name = text.slice(m[0].length).replace(/^[\s|｜·•・]+/, '').trim();
  // (Not what a date goes on with: 2021年3月底, 2024年初, 5月上旬.)
  if (name.length < 2 || !isName(name, 20) || REGIONS.has(name) || /\d/.test(name) || /^ip/i.test(name) || name.includes(' ') || /^(?:底|初|末|中|上旬|中旬|下旬)?(?:以来|以后|以前|起|止|前|后)?$/.test(name)) return null;
  return { kind: 'byline', published: parseDate(folded)!, publishedRank: 1, publisher: NO_PUBLISHER.test(name) ? undefined : name };
}

const BYLINE = new RegExp(
  `^(?:(原创|转载|转自)\\s+)?(?:(?!已?于\\s)([^\\s\\d:]{1,20})\\s+)?(?!已?于\\s)([^\\s\\d:]{1,30})\\s+(?:已?于|发布于|修改于)?\\s*(${DATE_TIME.source})(?:\\s*(?:发布|修改|编辑|更新))?(?:\\s+([\\p{Script=Han}]{2,4}))?$`,
  'u',
);

/** `原创 作者 公众号 2021-06-18 08:30 地区`, `作者 2020-01-01`: at most two names, then a date. */
function readByline(text: string, folded: string): MetaLine | null {
  const m = BYLINE.exec(folded);
  if (!m) return null;
  const region = m.at(-1);
  if (region !== undefined && !REGIONS.has(region)) return null;
  const at = (g: string | undefined) => (g === undefined ? undefined : text.substr(folded.indexOf(g), g.length));
  const first = at(m[2]);
  const second = at(m[3])!;
  // (`编辑于 2024-03-15 浙江`: when a post was edited, not who wrote it.)
  if ([first, second].some((n) => n !== undefined && /^(?:发布|编辑|发表|写|更新|创建|修改|转载)于$/.test(n))) return null;
  if (![first, second].every((n) => n === undefined || isName(n, 30))) return null;
  const line: MetaLine = { kind: 'byline', published: parseDate(m[4]!) ?? undefined, publishedRank: 1 };
  if (first !== undefined) {
    line.author = NO_AUTHOR.test(first) ? undefined : first;
    line.publisher = second;
  } else if (isOrganisationName(second)) {
    // One name: a body's or a publication's is the account's, a person's or a handle's the writer's.
    line.publisher = second;
  } else {
    line.author = second;
  }
  return line.published ? line : null;
}

const POST_HEADER = new RegExp(`^(?:(楼主|沙发|板凳|地板|\\d+\\s*#|#\\s*\\d+|\\d+\\s*楼)\\s*)?(\\S{1,24}?)\\s*发表于\\s*(${DATE_TIME.source})(?:\\s*\\|.*)?$`);

/** `楼主 某某 发表于 2023-3-8 21:14`, `5# 某某 发表于 …`, `某某 发表于 …`. */
function readPostHeader(text: string, folded: string): MetaLine | null {
  if (!folded.includes('发表于')) return null;
  const m = POST_HEADER.exec(folded);
  if (!m) return null;
  const marker = m[1]?.replace(/\s/g, '');
  const author = text.substr(folded.indexOf(m[2]!, marker?.length ?? 0), m[2]!.length);
  return { kind: 'post', author, published: parseDate(m[3]!) ?? undefined, publishedRank: 0, firstPost: marker === undefined || marker === '楼主' || marker === '1#' || marker === '#1' || marker === '1楼' };
}

const DATELINE = new RegExp(
  `^[(]?(${AGENCY.source})(?:记者)?([\\p{Script=Han}]{2,8}?)?(?:(\\d{1,2}|${CN_NUMBER}{1,3})月(\\d{1,2}|${CN_NUMBER}{1,3})日)?(?:电|讯)(?:\\s*[(](?:记者|通讯员)\\s*([^()]{2,24})[)])?[)]?\\s*`,
  'u',
);

/** `新华社北京8月5日电(记者 某某)`, `本报讯(记者 某某)`: alone, or opening a paragraph. */
function readDateline(text: string, folded: string): MetaLine | null {
  const m = DATELINE.exec(folded);
  if (!m || (!m[3] && !/^[(]?(?:本报|本网|本刊|本台)/.test(folded))) return null;
  const agency = m[1]!;
  const line: MetaLine = { kind: 'dateline', length: m[0].length };
  if (!/^本/.test(agency)) line.publisher = text.substr(folded.indexOf(agency), agency.length);
  if (m[5]) line.author = text.substr(folded.indexOf(m[5]), m[5].length).trim().replace(/\s+/g, ' ');
  return line;
}

/** `《 人民日报 》（ 2025年01月16日 02 版）`: the newspaper, date and page an article was printed in. */
const PRINT_EDITION = new RegExp(`^《\\s*([^《》]{2,20}?)\\s*》\\s*[(]\\s*(${DATE_TIME.source})\\s*(?:第?\\s*\\d{1,3}\\s*版)?\\s*[)]$`);

function readPrintEdition(text: string, folded: string): MetaLine | null {
  const m = PRINT_EDITION.exec(folded);
  if (!m) return null;
  const name = m[1]!;
  return { kind: 'fields', publisher: text.substr(folded.indexOf(name), name.length), published: parseDate(m[2]!) ?? undefined, publishedRank: 1 };
}

/** What may follow a date on its line: the writer's region (`北京`, `IP 属地上海`). */
const REGION_AFTER = /^[\s·・|]*(?:[(]?(?:星期|周|礼拜)[一二三四五六日天][)]?)?\s*(?:来自\s*\S[^|]{0,20}?)?\s*(?:已编辑)?\s*(?:ip\s*属地\s*:?\s*)?([\p{Script=Han}]{2,4})?$/iu;

/**
 * A date alone on a line (a notice's signing date, a page's date above or below its title), perhaps
 * with the writer's region after it; or labelled as a post's time (`编辑于 2023-06-12 09:14・IP 属地上海`).
 */
function readDateOnly(folded: string): MetaLine | null {
  const label = /^(?:发布于|编辑于|发表于|写于|更新于|创建于)\s*/.exec(folded);
  const rest = label ? folded.slice(label[0].length) : folded;
  const m = DATE_TIME.exec(rest);
  if (!m || m.index !== 0) return null;
  const after = REGION_AFTER.exec(rest.slice(m[0].length));
  if (!after || (after[1] !== undefined && !REGIONS.has(after[1]))) return null;
  const published = parseDate(rest);
  if (!published) return null;
  return label ? { kind: 'fields', published, publishedRank: /^更新/.test(label[0]) ? 3 : 0 } : { kind: 'date', published, publishedRank: 1 };
}

const DOCUMENT_NUMBER = /^[\p{Script=Han}]{1,12}[〔[(]\s*\d{4}\s*[〕\])]\s*第?\s*\d{1,4}\s*号$/u;

/** A court's case number: `（2023）浙0791民初3456号`. */
const CASE_NUMBER = /^[(〔[]\s*\d{4}\s*[)〕\]]\s*[\p{Script=Han}]{1,3}\d{0,6}[\p{Script=Han}]{1,6}\d{1,6}\s*号(?:之[一二三四五六七八九十\d]+)?$/u;

/** `医保发〔2021〕48号`, `（2023）浙0791民初3456号`: an official document's or a case's number. */
function readDocumentNumber(text: string, folded: string): MetaLine | null {
  return DOCUMENT_NUMBER.test(folded) || CASE_NUMBER.test(folded) ? { kind: 'document-number', documentNumber: text } : null;
}

/** `国家医疗保障局文件`: the header an official document is printed under, naming its issuer. */
export function readIssuerHeader(text: string, folded: string): MetaLine | null {
  const m = /^(.{2,40}?)\s*文件$/u.exec(folded);
  if (!m || !ISSUER_SUFFIX.test(m[1]!) || /[。,;:!?]/.test(m[1]!)) return null;
  return { kind: 'issuer-header', publisher: text.slice(0, m[1]!.length) };
}

/** A line that is only an issuing body's name (the signature of a notice). */
export function readIssuer(text: string, folded: string): MetaLine | null {
  if (folded.length > 40 || !ISSUER_SUFFIX.test(folded) || /[。,;:!?、()《》“”"]/.test(folded) || /\d/.test(folded)) return null;
  return { kind: 'issuer', publisher: text };
}
