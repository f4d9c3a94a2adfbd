/**
 * What a sentence says a term is: its definition (X是指…, 所谓X，是指…, 本办法所称X，是指…, X，即…)
 * and the pairs of a long form and its short one (长期护理保险（以下简称“长护险”）, 长护险，即长期护理保险，
 * 按疾病诊断相关分组（DRG）). Matched on the simplified, half-width text (matchText), so a traditional
 * sentence defines its term the same way; what comes back is as written.
 */
import { matchText } from './numerals.ts';

export interface DefinitionFound {
  /** The term, simplified. */
  term: string;
  /** The clause that defines it, as written. */
  text: string;
  /** How explicit: 0 是指/所称, 1 即 (a description), 2 是…的. */
  form: number;
}

export interface AbbreviationFound {
  /** The short form (长护险, DRG), simplified. */
  short: string;
  /** The long form (长期护理保险, 疾病诊断相关分组), simplified. */
  long: string;
  /** A body's name (国家医疗保障局（以下简称“国家医保局”）): an organisation, not a glossary term. */
  organisation?: true;
}

/** A term's characters: Chinese, Latin letters, digits and the few marks names use (长照2.0, DRG/DIP). */
const TERM_CHAR = '[\\u3400-\\u9fffA-Za-z0-9·./-]';
/** Where a clause starts: the sentence's start or a break, then words that introduce a definition. */
const CLAUSE = '(?:^|[,;:。!?、(])\\s*(?:第[一二三四五六七八九十百零〇\\d]+条\\s*)?(?:所谓|本(?:办法|细则|意见|条例|规定|标准|法|通知|方案|计划)所称|这里的|这里所说的|其中,?|而|这些|这种|这类|此类|上述|简称)?\\s*';
const OPEN = '[“"「『]?';
const CLOSE = '[”"」』]?';
/** A term a sentence defines: two to ten characters (a longer subject is a clause, not a name). */
const TERM = `(${TERM_CHAR}{2,10}?)`;

/** Words a long form does not start with: verbs, prepositions and dates before the name (…起实施长期照顾十年计划). */
const LEADING = /^.*(?:实施|推进|推动|开展|建立|建设|实行|制定|印发|发布|出台|通过|启动|提出|设立|成立|加强|完善|探索|试行|参加|参与|纳入|按照|按|以|对|在|和|与|及|或|的|为|是|将|把|于|由|从|向|了|等|其|该|我国|\d+年度?|\d+月|\d+日|起)/u;
/** A name ending so is a body's: 国家医疗保障局, 中国互联网络信息中心. */
const ORGANISATION = /(?:局|部|委|委员会|院|办|办公室|厅|署|中心|协会|学会|公司|集团|银行|大学|医院|研究所|研究院|基金会|组织|政府|法院|检察院|报社|电视台)$/;

/** The name a long form is: the run of term characters before `at`, without the words that lead into it. */
function longFormBefore(t: string, at: number): string | undefined {
  const run = new RegExp(`${TERM_CHAR}{1,24}$`).exec(t.slice(Math.max(0, at - 24), at))?.[0];
  if (!run) return undefined;
  const long = run.replace(LEADING, '').replace(/^[\d./-]+/, '');
  return long.length >= 2 && /[\u3400-\u9fff]/.test(long) ? long : undefined;
}

/** Whether a short form's characters come in order in the long form, as a Chinese abbreviation's do (长护险 in 长期护理保险). */
function within(short: string, long: string): boolean {
  let at = 0;
  for (const c of short) {
    at = long.indexOf(c, at) + 1;
    if (at === 0) return false;
  }
  return true;
}

const pair = (short: string, long: string): AbbreviationFound => ({ short, long, ...(ORGANISATION.test(long) ? { organisation: true as const } : {}) });

/** An article's or a list item's number before a definition (第三条, （三）, 三、, 3.): not part of what it says. */
const LEADING_NUMBER = /^(?:第[一二三四五六七八九十百零〇\d]+条|[（(][一二三四五六七八九十百零〇\d]+[）)]|[一二三四五六七八九十百]+、|\d+[.、．])\s*/;

/** The clause of a sentence that holds `from`: up to the end of the sentence or the next semicolon. */
function clauseFrom(text: string, from: number): string {
  const end = text.slice(from).search(/[;；。！？!?]/);
  return text.slice(from, end < 0 ? text.length : from + end + 1).trim();
}

const ABBREVIATIONS = [
  // 长期护理保险（以下简称“长护险”）, 長期照顧（以下簡稱長照）, （下称长照法）
  new RegExp(`\\(\\s*(?:以下|下文)?(?:简称|称|下称)[为:]?\\s*${OPEN}(${TERM_CHAR}{1,12}?)${CLOSE}\\s*\\)`, 'g'),
  // 长期护理保险，简称长护险
  new RegExp(`,?\\s*(?:以下|下文)?简称[为:]?\\s*${OPEN}(${TERM_CHAR}{1,12}?)${CLOSE}(?=[,;。)]|$)`, 'g'),
  // 按疾病诊断相关分组（DRG）
  /\(\s*([A-Z][A-Za-z]{1,7})\s*\)/g,
];

/** What every sentence that defines or abbreviates holds (简称, 下称, 是指, 即, 是以…, a Latin short form in brackets): the others are not read further. */
const MAY_DEFINE = /称|是指|指的是|系指|即|是以|是一种|是一项|是一类|是针对|是为|是对|是由|\(\s*[A-Z]/;

/** The definitions and abbreviations one sentence gives. */
export function definitionsIn(sentence: string): { definitions: DefinitionFound[]; abbreviations: AbbreviationFound[] } {
  const t = matchText(sentence);
  if (!MAY_DEFINE.test(t)) return { definitions: [], abbreviations: [] };
  const definitions: DefinitionFound[] = [];
  const abbreviations: AbbreviationFound[] = [];
  const seen = new Set<string>();
  /** A definition from the match `m` on: the clause from where the match starts, after the break before it. */
  const define = (term: string, m: RegExpMatchArray, form: number) => {
    if (seen.has(term) || term.length < 2) return;
    seen.add(term);
    const at = m.index! + (/^[,;:。!?、(]/.test(m[0]) ? 1 : 0);
    definitions.push({ term, text: clauseFrom(sentence, at).replace(LEADING_NUMBER, ''), form });
  };

  for (const re of ABBREVIATIONS) {
    for (const m of t.matchAll(re)) {
      const long = longFormBefore(t, m.index);
      const short = m[1]!;
      if (long && short !== long && short.length < long.length) abbreviations.push(pair(short, long));
    }
  }
  // A parenthesis names the term's short form; what defines it comes after: X（以下简称Y）是指….
  const plain = t.replace(/\([^()]{0,24}\)/g, (p) => ' '.repeat(p.length));

  // X是指…, 所谓“X”，是指…, 本细则所称X，是指…
  for (const m of plain.matchAll(new RegExp(`${CLAUSE}${OPEN}${TERM}${CLOSE}\\s*,?\\s*(?:主要)?(?:是指|指的是|系指)`, 'g'))) {
    define(m[1]!, m, 0);
  }
  // X，即…: a short form and its long one (长护险，即长期护理保险，), or a description (专护，即在…设立的病房).
  for (const m of plain.matchAll(new RegExp(`${CLAUSE}${OPEN}(${TERM_CHAR}{2,8}?)${CLOSE}\\s*,\\s*即\\s*([^,;。!?]{2,60})`, 'g'))) {
    const term = m[1]!;
    const rest = m[2]!.trim();
    const [short, long] = rest.length < term.length ? [rest, term] : [term, rest];
    if (/^[\u3400-\u9fffA-Za-z0-9·]{2,14}$/.test(rest) && short !== long && within(short, long)) abbreviations.push(pair(short, long));
    else define(term, m, 1);
  }
  // X是以…的…制度, X是针对…的…保险: a defining sentence, less explicit.
  for (const m of plain.matchAll(new RegExp(`${CLAUSE}${OPEN}${TERM}${CLOSE}\\s*是(?:以|一种|一项|一类|针对|为|对|由)[^。;]{4,80}?的[^。;,]{0,12}(?:制度|保险|服务|机构|模式|体系|方式|组织|政策|活动|状态|措施)`, 'g'))) {
    define(m[1]!, m, 2);
  }
  return { definitions, abbreviations };
}
