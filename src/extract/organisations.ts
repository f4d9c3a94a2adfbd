/**
 * Organisations named in the text, by what Chinese public life writes them with: the national
 * bodies by every name (national-bodies.ts: 卫计委 became 卫健委 in 2018, 国家医保局 is
 * 国家医疗保障局), local government bodies (a place, then …局/厅/委员会/人民政府/办公室),
 * hospitals, companies and groups by their last word (…医院, …公司, …集团, …研究院), universities,
 * associations and centres (…大学, …协会, …学会, …信息中心) where the name ends. A corpus adds the
 * endings of its own field (its lexicon: …医疗集团 is a hospital's). A name made only of generic
 * words (三级医院, 县级人民医院, 全国首家互联网医院) names a kind, not an organisation.
 */
import { NO_LEXICON, type Lexicon, type OrganisationKindName } from './lexicon.ts';
import { allMatches } from '../lib/matches.ts';
import { placesIn } from './gazetteer.ts';
import { NATIONAL_BODIES } from './national-bodies.ts';
import { matchText } from './numerals.ts';

export type OrganisationKind = OrganisationKindName;

export interface OrganisationMention {
  start: number;
  end: number;
  /** As written. */
  text: string;
  /** The name it is filed under (simplified; renamed bodies keep their own name). */
  name: string;
  kind: OrganisationKind;
}

/** The national bodies (kept under this name for the indexes that import it). */
export const GOVERNMENT_BODIES = NATIONAL_BODIES;

/** Endings of names, each where it starts, with its kind; the first that matches at a place wins (医疗集团 before 集团 when a corpus adds it). */
const HOSPITAL_ENDINGS = ['医院', '卫生院', '社区卫生服务中心'];
const COMPANY_ENDINGS = ['集团', '公司', '研究院', '研究所'];
/** Endings that close a name (…大学, …协会): taken only where the name ends, not inside a longer one (四川大学华西医院). */
const INSTITUTION_ENDINGS = ['大学', '学院', '学校', '协会', '学会', '联合会', '基金会', '商会', '研究中心', '信息中心'];
/** Characters that end a name on its left: punctuation and function words. */
const STOP = /[\s,，。、；;:：“”"'《》()（）\[\]【】!！?？的在与和及由以对向为被把将从于是了等如有让给到至同跟各该其这那此拿而也都就还已并或即托管据经]/;
const NAME_CHAR = /[\u4e00-\u9fa5A-Za-z0-9]/;
/** A name made only of these characters is generic (三级医院, 县级人民医院, 全国首家互联网医院). */
const GENERIC = new Set([...'一二三四五六七八九十两级甲乙丙等公立民营私立基层上下大小互联网龙头核心成员社区县区乡镇村合作非联盟专科中心实体传统本全国首家多数流动综合性人民第线下线上数字区域城市牵头属地当地该所型各类']);
/** Leading words that are not part of a name (牵头, 联合, 依托 …; a count, 3家 or 每个). */
const LEADING = /^(?:[\d一二三四五六七八九十两]+[家个所名位年]|每[个家所位名]|覆盖|打破|标志着|牵头|联合|依托|打造|成为|组建|建立|通过|包括|其中|例如|比如|作为|还有|以及|协同|加上|涵盖|整合|全国|全市|全省|我市|我省|本市|该市|目前|此外|首个|首家|根据|按照|会同|联同|会议|经|据)+/;
/** A local body: a place's last character (…省, …市, …区, …县, …州, …旗), then the body. */
const LOCAL_BODY_RE = /([省市区县州旗])([\u4e00-\u9fa5]{0,12}?(?:人民政府办公厅|人民政府办公室|人民政府|政府办公厅|政府办公室|政府|委员会|办公室|管理局|总局|局|厅|委))/g;
/** What a local body's name does not end in: words that end in 局/委/厅 without naming a body (布局, 格局, 结局). */
const NOT_A_BODY = /(?:布局|格局|结局|大局|全局|当局|开局|僵局|残局|定局|饭局|赌局|骗局|餐厅|客厅|大厅|展厅|门厅|舞厅|歌厅|政府(?:职能|部门))$/;
/**
 * Whether the character at `k` of a local body's name is the 和 that joins two of its parts, two
 * characters or more each (住房和城乡建设局, 人力资源和社会保障局, 绿化和市容管理局), not a
 * function word before or after it (市和区政府 names two bodies).
 */
const joinsBody = (body: string, k: number) => body[k] === '和' && k >= 2 && body.length - k - 1 >= 3;

/** A national administration not listed: 国家…局, 国家…总局, 国家…委员会. */
const NATIONAL_ADMINISTRATION = /国家[\u4e00-\u9fa5]{2,12}?(?:总局|管理局|局|委员会|署)/g;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A body's form, matched whole: 卫生部 is not 卫生部门, 财政部 not 财政部分. */
const bodyForm = (f: string) => `${escape(f)}${/部$/.test(f) ? '(?![门分署位件队长委])' : ''}`;
const BODY_RE = new RegExp(
  NATIONAL_BODIES.flatMap((b) => b.forms)
    .sort((a, b) => b.length - a.length)
    .map(bodyForm)
    .join('|'),
  'g',
);
const FORM_TO_BODY = new Map(NATIONAL_BODIES.flatMap((b) => b.forms.map((f) => [f, b] as const)));
/** The national body a form found by BODY_RE names. */
const bodyOf = (form: string) => FORM_TO_BODY.get(form)!;

/** The endings a scan looks for: the corpus's own (hospital, company) and the engine's, as one alternation in the order given. */
function endingsOf(lexicon: Pick<Lexicon, 'organisationEndings'>) {
  const own = (kind: OrganisationKind) => lexicon.organisationEndings.filter((e) => e.kind === kind).map((e) => e.ending);
  // A corpus's ending comes first: 医疗集团 ends a hospital's name before 集团 ends a company's.
  const byKind: Array<[OrganisationKind, string[]]> = [
    ['hospital', [...own('hospital'), ...HOSPITAL_ENDINGS.map(escape)]],
    ['company', [...own('company'), ...COMPANY_ENDINGS.map(escape)]],
    ['government', own('government')],
    ['institution', own('institution')],
  ];
  const kinds = byKind.filter(([, list]) => list.length > 0).map(([kind, list]) => ({ kind, re: new RegExp(`(?:${list.join('|')})$`) }));
  return { suffix: new RegExp(byKind.flatMap(([, list]) => list).join('|'), 'g'), kindOf: (name: string) => kinds.find((k) => k.re.test(name))?.kind ?? 'company' };
}

const GENERAL_ENDINGS = endingsOf(NO_LEXICON);

/** The expression of the endings a name scan looks for (nameSuffixes), the corpus's own first. */
export const suffixPattern = (lexicon: Pick<Lexicon, 'organisationEndings'>) => endingsOf(lexicon).suffix;

/**
 * Where names end in a suffix (…医院, …集团): each suffix with a name character just before it,
 * left to right, none starting inside the one before. These are exactly the suffixes that
 * /([\u4e00-\u9fa5A-Za-z0-9]{1,18}?)(suffix)/g finds (the leftmost start from which a suffix is
 * reachable over name characters is reachable from the first such suffix), without trying up to 18
 * lengths at every position of the text (a third of the organisations' time).
 */
export function nameSuffixes(t: string, suffix: RegExp = GENERAL_ENDINGS.suffix): Array<{ start: number; end: number }> {
  const found: Array<{ start: number; end: number }> = [];
  let from = 1;
  for (;;) {
    suffix.lastIndex = from;
    const m = suffix.exec(t);
    if (!m) break;
    if (m[0].length > 0 && NAME_CHAR.test(t[m.index - 1]!)) {
      found.push({ start: m.index, end: m.index + m[0].length });
      from = m.index + m[0].length + 1;
    } else from = m.index + 1;
  }
  suffix.lastIndex = 0;
  return found;
}

/**
 * Words of names that hold a character the walk left otherwise stops at (the 和 of 医生和医院, 同,
 * 向): 北京协和医院, 武汉同济医院, 太和县人民医院, 和睦家医院. Each is a word hospitals and places
 * are named with across China, not one corpus's. Not 和平, whose 平 begins many names after a 和
 * that joins two (医生和平安医院, 县医院和平顶山市第一人民医院): 北京和平里医院 stays 平里医院. Nor 有限:
 * the company before it is often named with another stop (华为技术有限公司).
 */
const NAME_WORDS = new Set(['协和', '同济', '同仁', '仁和', '太和', '中和', '永和', '祥和', '和睦', '共和', '大同', '向阳']);

/** Where a name ending at `end` starts: walking left over name characters, to a stop (but one in a word of NAME_WORDS) or 18 characters. */
function nameStart(t: string, end: number): number {
  let start = end;
  const inWord = (k: number) => NAME_WORDS.has(t.slice(k - 1, k + 1)) || NAME_WORDS.has(t.slice(k, k + 2));
  while (start > 0 && end - start < 18 && NAME_CHAR.test(t[start - 1]!) && (!STOP.test(t[start - 1]!) || inWord(start - 1))) start--;
  return start;
}

/** A name's start without the words that lead into it (牵头, 依托, 据). */
function withoutLead(t: string, start: number, end: number): number {
  const lead = LEADING.exec(t.slice(start, end));
  return lead ? start + lead[0].length : start;
}

/** The endings that close a name, where nothing that could go on with it follows: a break, a function word, a verb of what bodies do (发布, 表示, 牵头). */
const INSTITUTION_RE = new RegExp(
  `(?:${INSTITUTION_ENDINGS.join('|')})(?=$|[^\\u4e00-\\u9fa5A-Za-z0-9]|[的和与及在是为对将已于等]|发布|表示|指出|认为|参与|联合|组织|开展|举办|召开|提出|印发|牵头|成立|宣布|公布|发表|主办|编制|调查|研究|统计)`,
  'g',
);

/** A function that finds the organisations a text names, with a corpus's lexicon. */
export function organisationFinder(lexicon: Pick<Lexicon, 'organisationEndings'>): (text: string) => OrganisationMention[] {
  const endings = lexicon.organisationEndings.length ? endingsOf(lexicon) : GENERAL_ENDINGS;
  return (text) => {
    const t = matchText(text);
    const found: OrganisationMention[] = [];
    const taken = (s: number, e: number) => found.some((f) => s < f.end && e > f.start);
    const add = (start: number, end: number, name: string, kind: OrganisationKind) => found.push({ start, end, text: text.slice(start, end), name, kind });
    for (const m of allMatches(LOCAL_BODY_RE, t)) {
      let start = withoutLead(t, nameStart(t, m.index + m[1]!.length), m.index);
      // From the first place the gazetteer knows (后来担任福建省食药监局 is 福建省食药监局).
      const place = placesIn(t.slice(start, m.index + 1))[0];
      if (place) start += place.index;
      const end = m.index + m[0].length;
      // The place before the body: two characters or more (青岛市, not 市), and a body, not a word ending so.
      if (m.index + 1 - start < 2 || m[2]!.length < 2 || [...m[2]!].some((c, k) => STOP.test(c) && c !== '管' && !joinsBody(m[2]!, k)) || NOT_A_BODY.test(m[2]!) || taken(start, end)) continue;
      add(start, end, t.slice(start, end), 'government');
    }
    for (const m of allMatches(BODY_RE, t)) {
      if (!taken(m.index, m.index + m[0].length)) add(m.index, m.index + m[0].length, bodyOf(m[0]).name, 'government');
    }
    for (const m of allMatches(NATIONAL_ADMINISTRATION, t)) {
      if (!taken(m.index, m.index + m[0].length) && !NOT_A_BODY.test(m[0])) add(m.index, m.index + m[0].length, m[0], 'government');
    }
    const named = (start: number, suffixStart: number, end: number, kind: OrganisationKind) => {
      start = withoutLead(t, start, suffixStart);
      const prefix = t.slice(start, suffixStart);
      if (/[母子分]$/.test(prefix)) return; // 母公司, 子公司, 分公司 name a relation
      // 县里医院, 村里卫生室, 镇上医院: the hospital of a kind of place, said plainly, not a name (和平里医院 is one).
      if (/[省市区县乡镇村城][里上]$/.test(prefix)) return;
      if (prefix.length < 2 || [...prefix].every((c) => GENERIC.has(c)) || taken(start, end)) return;
      add(start, end, t.slice(start, end), kind);
    };
    for (const { start, end } of nameSuffixes(t, endings.suffix)) named(nameStart(t, start), start, end, endings.kindOf(t.slice(start, end)));
    for (const m of allMatches(INSTITUTION_RE, t)) named(nameStart(t, m.index), m.index, m.index + m[0].length, 'institution');
    return found.sort((a, b) => a.start - b.start);
  };
}

/** The organisations a text names, by the engine's general forms alone. */
export const organisations = organisationFinder(NO_LEXICON);
