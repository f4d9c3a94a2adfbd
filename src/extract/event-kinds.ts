/**
 * What kind of event a dated clause tells, in terms that hold for any field of public policy: a
 * policy document (or a policy's own target), a company's move, a piece of research, an
 * institution founded or joined, a statistic, or else a government action. The words here are
 * general Chinese; a corpus adds the words of its field (its lexicon's eventWords: 医联体 is an
 * institution, a company's name a company).
 */
import type { EventKindName, Lexicon } from './lexicon.ts';
import { wordAlternation } from './lexicon.ts';
import type { DateMention } from './dates.ts';
import { matchText } from './numerals.ts';

/** The kinds, in the order the timeline's filters list them. */
export const EVENT_KINDS = ['policy', 'government', 'institution', 'company', 'research', 'statistic'] as const satisfies readonly EventKindName[];
export type EventKind = (typeof EVENT_KINDS)[number];

/**
 * Kinds the timeline had and has no more, with the kind their events went to: their pages
 * (/timeline/kind/<kind>/) stay and show that kind's events (links never break).
 */
export const RETIRED_EVENT_KINDS: Readonly<Record<string, EventKind>> = { consortium: 'institution' };

const POLICY_DOCUMENT = /《[^》]*(意见|通知|办法|规划|方案|决定|细则|条例|规定|纲要|指南|法|计划)[^》]*》/;
const STATISTIC = /\d[\d.,]*\s*(%|万|亿|家|个|人次|例|人|名|所|张|元|次|处|床|项)|[%％]|数据显示|统计/;
/** Founding, joining, signing: what happens to an institution. */
const FOUNDING = /成立|组建|签约|挂牌|揭牌|启动|建设|建立|结成|牵头|托管|联合|合作|开业|落成|加入|合并|更名|设立|创办|创建|开办|撤销|改组|组团/;
/** Institutions of public life: hospitals, schools, research institutes, associations, alliances. */
const INSTITUTION = ['医院', '卫生院', '卫生服务中心', '卫生室', '诊所', '联合体', '联盟', '分院', '学校', '大学', '学院', '研究院', '研究所', '研究中心', '实验室', '协会', '学会', '商会', '联合会', '基金会', '养老院', '福利院', '敬老院', '护理院', '博物馆', '图书馆'];
const COMPANY = ['公司', '企业', '资本', '股份', '上市', '融资', '并购', '收购', '厂商'];
/** Research: studies, surveys and reports that say what they found, papers, journals, research teams. */
const RESEARCH = /(?:研究|调查|调研|报告|论文|分析|测算|评估)(?:显示|发现|表明|指出|认为|结果)|论文|课题组|研究团队|研究人员|学者|期刊|白皮书|蓝皮书|刊发|发表于|发表在/;
const GOVERNMENT_TARGET = /都要|要求|所有|全部/;

/** A pattern of general words and the corpus's own. */
const words = (general: readonly string[], own: readonly string[] = []) => new RegExp(wordAlternation([...general, ...own]));
/** The corpus's words of a kind, or a pattern that matches nothing. */
const own = (list: readonly string[] | undefined) => (list?.length ? new RegExp(wordAlternation(list)) : /(?!)/);

/** A function that tells a clause's kind, with the general words and those of the corpus's lexicon. */
export function eventKinds(lexicon: Pick<Lexicon, 'eventWords'>): (clause: string, m: Pick<DateMention, 'quoted' | 'qualifier'>) => EventKind {
  const w = lexicon.eventWords;
  const institution = words(INSTITUTION, w.institution);
  const company = words(COMPANY, w.company);
  const policy = own(w.policy);
  const research = own(w.research);
  const statistic = own(w.statistic);
  const government = own(w.government);
  return (clause, m) => {
    const t = matchText(clause);
    const target = m.qualifier === 'by' || m.qualifier === 'target';
    if (POLICY_DOCUMENT.test(t) || policy.test(t) || (target && m.quoted) || ((target || m.quoted) && GOVERNMENT_TARGET.test(t)) || /都要|全部参与/.test(t)) return 'policy';
    if (company.test(t)) return 'company';
    if (RESEARCH.test(t) || research.test(t)) return 'research';
    if (institution.test(t) && FOUNDING.test(t)) return 'institution';
    if (government.test(t)) return 'government';
    if (STATISTIC.test(t) || statistic.test(t)) return 'statistic';
    if (institution.test(t)) return 'institution';
    return 'government';
  };
}
