/**
 * Whether a dated clause tells an event: something done (an action word of public life, a verb
 * of completion or of what is to come), someone or something named that acts (a policy, an
 * organisation), or a figure counted. A clause with none of them only places a comment in time
 * (`2017年这一年中,可谓热闹非凡`), a table's caption or cell (`表1 2021年3月底全国医疗卫生机构数`),
 * a page's byline (`2024-03-02 13:05 · 来自北京`), and a question asks rather than tells: those
 * stay in the text and off the timeline. The words are general Chinese, for any field.
 */
import { matchText } from './numerals.ts';

/** Acts of public life: issuing, deciding, starting, founding, meeting, reporting, changing, counting. */
const ACTS = [
  // issuing and deciding
  '发布', '印发', '颁布', '出台', '公布', '发表', '发文', '下发', '转发', '通过', '审议', '批准', '批复', '签署', '签订', '签约', '制定', '制订',
  '修订', '修改', '废止', '取消', '撤销', '决定', '宣布', '确定', '确认', '明确', '规定', '要求', '部署', '备案', '报送', '答复', '回应',
  // starting and carrying out
  '施行', '实施', '执行', '生效', '启动', '开始', '开展', '开启', '推开', '推行', '推进', '推动', '推广', '试点', '探索', '上路', '落地',
  '召开', '举行', '举办', '主持', '出席', '参加', '参与', '加入', '访问', '考察', '视察', '调研',
  // founding and changing
  '成立', '组建', '建立', '建成', '建起', '建设', '设立', '挂牌', '揭牌', '开业', '运行', '上线', '开通', '更名', '合并', '调整', '改革',
  '升级', '扩大', '扩展', '覆盖', '纳入', '进入', '迈入', '成为', '列入', '入选', '评为', '获得', '获批', '牵头', '合作', '结成', '托管', '联合',
  '携手', '收购', '并购', '融资', '上市', '投入', '拨付', '涉足', '出任', '任命', '接任', '当选', '就任', '离任', '回到', '赶到', '接到',
  // saying
  '提出', '抛出', '指出', '表示', '强调', '介绍', '称', '说', '谈到', '报道', '通报', '发出', '发起', '号召', '呼吁',
  // counts changing
  '完成', '实现', '达到', '达', '超过', '突破', '增至', '增长', '增加', '上升', '提高', '降至', '下降', '减少', '降低', '上涨', '涨', '跌',
  '亏损', '结余', '支出', '收入', '编列', '预算', '累计', '发生', '出现', '爆发', '形成', '造成',
];
const ACT = new RegExp(ACTS.join('|'));
/** Aspect and time words that make a clause tell what happened or will: 了, 已, 将, 起 (自…起), 首次, 率先, 正式. */
const TOLD = /了|已|将|起|首次|首个|首家|首批|率先|正式|预计|计划|力争/;
/** A figure: digits or a numeral with its measure word or a percentage (the timeline's statistics). */
const FIGURE = /[\d零〇一二两三四五六七八九十百千万亿]\s*(?:%|％|万|亿|家|个|人次|例|人|名|所|张|元|次|处|床|项|座|件|户|倍)/;
/** A question: it asks what happened, it does not tell it (a run of question marks is damaged text, not a question). */
const QUESTION = /(?<![?？])[？?]\s*$/;

/**
 * Whether a dated clause tells an event. `written` is the date as the clause writes it (left out
 * of the test: 2021年3月底 alone is no event); `named` says whether a policy or an organisation is named in it.
 */
export function tellsEvent(clause: string, written: string, named: boolean): boolean {
  if (QUESTION.test(clause)) return false;
  if (named) return true;
  const rest = matchText(clause.replace(written, ' '));
  return ACT.test(rest) || TOLD.test(rest) || FIGURE.test(rest);
}
