/**
 * Organisations named in the text: government bodies (with their renamings: 卫计委 became 卫健委 in
 * 2018), and hospitals, companies and groups found by their last word (…医院, …集团, …公司). A name
 * made only of generic words (三级医院, 基层医院, 互联网医院) names a kind, not an organisation.
 */
import { matchText } from './numerals.ts';
import { allMatches } from '../lib/matches.ts';

export type OrganisationKind = 'government' | 'hospital' | 'company';

export interface OrganisationMention {
  start: number;
  end: number;
  /** As written. */
  text: string;
  /** The name it is filed under (simplified; renamed bodies keep their own name, see `renamedTo`). */
  name: string;
  kind: OrganisationKind;
}

interface Body {
  name: string;
  forms: string[];
  note?: string;
}

/** Government bodies by every name the corpus uses, longest forms first when matching. */
export const GOVERNMENT_BODIES: Body[] = [
  { name: '国务院办公厅', forms: ['国务院办公厅'] },
  { name: '国务院常务会议', forms: ['国务院常务会议'] },
  { name: '国务院医改领导小组', forms: ['国务院医改领导小组', '国务院深化医药卫生体制改革领导小组'] },
  { name: '国务院深改组', forms: ['国务院深改组'] },
  { name: '国务院', forms: ['国务院'] },
  {
    name: '国家卫生计生委',
    forms: ['国家卫生和计划生育委员会', '国家卫生计生委', '国家卫计委', '卫计委', '卫生计生委'],
    note: '2018年改组为国家卫生健康委员会(卫健委)',
  },
  { name: '国家卫健委', forms: ['国家卫生健康委员会', '国家卫健委', '卫健委'] },
  { name: '国家发展改革委', forms: ['国家发展改革委', '国家发展与改革委员会', '国家发改委'] },
  { name: '国家中医药管理局', forms: ['国家中医药管理局'] },
];

const HOSPITAL_SUFFIX = '(?:附[一二三四五六七八九]院|医院|卫生院|社区卫生服务中心|医疗集团|医疗管理集团)';
const COMPANY_SUFFIX = '(?:集团|公司|研究院|研究所)';
/** Characters that end a name on its left: punctuation and function words. */
const STOP = /[\s,，。、；;:：“”"'《》()（）\[\]【】!！?？的在与和及由以对向为被把将从于是了等如有让给到至同跟各该其这那此拿而也都就还已并或即、即托管给]/;
const NAME_CHAR = /[\u4e00-\u9fa5A-Za-z0-9]/;
/** A name made only of these characters is generic (三级医院, 县级人民医院, 全国首家互联网医院). */
const GENERIC = new Set([...'一二三四五六七八九十两级甲乙丙等公立民营私立基层上下大小互联网龙头核心成员社区县区乡镇村合作非联盟专科中心实体传统本全国首家多数流动综合性人民第线下线上慢病数字区域城市牵头医联体属地当地该所型']);
/** Leading words that are not part of a name (牵头, 联合, 依托 …). */
const LEADING = /^(?:[\d一二三四五六七八九十两]+[家个所名位年]|覆盖|打破|标志着|牵头|联合|依托|打造|成为|组建|建立|通过|包括|其中|例如|比如|作为|还有|以及|协同|加上|涵盖|整合|全国|全市|全省|我市|我省|本市|该市|目前|此外|首个|首家)+/;

const BODY_RE = new RegExp(
  GOVERNMENT_BODIES.flatMap((b) => b.forms)
    .sort((a, b) => b.length - a.length)
    .join('|'),
  'g',
);
const LOCAL_BODY_RE = /([省市区县])(卫生局|医管局|卫生健康委员会|卫生健康委|卫健委|卫生计生委|卫计委|人民政府办公厅|人民政府|政府|财政局|人社厅|医保局)/g;
/** The last words of hospitals' and companies' names, each where it starts (the first that matches there, in this order). */
const SUFFIX_RE = new RegExp(`${HOSPITAL_SUFFIX}|${COMPANY_SUFFIX}`, 'g');
const HOSPITAL_END = new RegExp(`${HOSPITAL_SUFFIX}$`);
const FORM_TO_BODY = new Map(GOVERNMENT_BODIES.flatMap((b) => b.forms.map((f) => [f, b] as const)));

/**
 * Where names end in a suffix (…医院, …集团): each suffix with a name character just before it,
 * left to right, none starting inside the one before. These are exactly the suffixes that
 * /([\u4e00-\u9fa5A-Za-z0-9]{1,18}?)(suffix)/g finds (the leftmost start from which a suffix is
 * reachable over name characters is reachable from the first such suffix), without trying up to 18
 * lengths at every position of the text (a third of the organisations' time).
 */
export function nameSuffixes(t: string): Array<{ start: number; end: number }> {
  const found: Array<{ start: number; end: number }> = [];
  let from = 1;
  for (;;) {
    SUFFIX_RE.lastIndex = from;
    const m = SUFFIX_RE.exec(t);
    if (!m) break;
    if (NAME_CHAR.test(t[m.index - 1]!)) {
      found.push({ start: m.index, end: m.index + m[0].length });
      from = m.index + m[0].length + 1;
    } else from = m.index + 1;
  }
  SUFFIX_RE.lastIndex = 0;
  return found;
}

/** Where a name ending at `end` starts: walking left over name characters, to a stop or 18 characters. */
function nameStart(t: string, end: number): number {
  let start = end;
  while (start > 0 && end - start < 18 && NAME_CHAR.test(t[start - 1]!) && !STOP.test(t[start - 1]!)) start--;
  return start;
}

/** Organisations named in a text, left to right, without overlaps. */
export function organisations(text: string): OrganisationMention[] {
  const t = matchText(text);
  const found: OrganisationMention[] = [];
  const taken = (s: number, e: number) => found.some((f) => s < f.end && e > f.start);
  for (const m of allMatches(LOCAL_BODY_RE, t)) {
    const start = nameStart(t, m.index + m[1]!.length);
    const end = m.index + m[0].length;
    if (t.slice(start, end).length - m[2]!.length < 2) continue;
    found.push({ start, end, text: text.slice(start, end), name: t.slice(start, end), kind: 'government' });
  }
  for (const m of allMatches(BODY_RE, t)) {
    if (taken(m.index, m.index + m[0].length)) continue;
    const body = FORM_TO_BODY.get(m[0])!;
    found.push({ start: m.index, end: m.index + m[0].length, text: text.slice(m.index, m.index + m[0].length), name: body.name, kind: 'government' });
  }
  for (const { start: suffixStart, end } of nameSuffixes(t)) {
    // The name runs left from the suffix until a stop character.
    let start = nameStart(t, suffixStart);
    let name = t.slice(start, end);
    const lead = LEADING.exec(name);
    if (lead) {
      start += lead[0].length;
      name = t.slice(start, end);
    }
    const prefix = t.slice(start, suffixStart);
    if (/[母子分]$/.test(prefix)) continue; // 母公司, 子公司, 分公司 name a relation
    if (prefix.length < 2 || [...prefix].every((c) => GENERIC.has(c))) continue;
    if (taken(start, end)) continue;
    const kind: OrganisationKind = HOSPITAL_END.test(name) ? 'hospital' : 'company';
    found.push({ start, end, text: text.slice(start, end), name, kind });
  }
  return found.sort((a, b) => a.start - b.start);
}
