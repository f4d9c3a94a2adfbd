/**
 * Damage no rule can undo, found by general signals and told to the reader as quality notes:
 * - synonym spinning (伪原创): tools that rewrite a copied article word by word with a fixed
 *   thesaurus leave phrases no writer uses (`齐国将` for 全国将, `国度卫生` for 国家卫生, `效劳中心`
 *   for 服务中心, `消息宣布会` for 新闻发布会). Each entry below is such a phrase, with the word it
 *   replaced; two different ones in a text flag it (one may be a writer's choice);
 * - simplified-to-traditional misconversion: a converter that maps 发 to 髮 (hair) or 制 to 製
 *   (manufacture) everywhere writes `髮布`, `控製`, `麵對`, `係統`; two different ones flag a
 *   traditional text.
 * The text is never changed: the corpus's errata can correct it, and the note says why they may be needed.
 */
import { simplifyCharacters } from './script.ts';
import type { QualityNote, Script } from './types.ts';

/** Phrases spinning tools write, each with the word they replaced. Matched on simplified text. */
const SPUN: readonly { re: RegExp; was: string }[] = [
  { re: /齐国(?=将|已|各地|范围|共有|共|累计|统一|城乡|人民|人大|政协|医|卫生|教育|性)/g, was: '全国' },
  { re: /国度(?=卫生|发展|统计|医疗|医保|中医药|教育|税务|市场|层面|政策|标准|级)/g, was: '国家' },
  { re: /卫生康健|康健委|康健中国|康健扶贫|康健财富/g, was: '健康' },
  { re: /效劳(?=中心|体系|才能|水平|质量|站|项目|功能|平台|模式|能力|内容|对象|办法)|(?<=医疗|公共|社会|基层|政务|金融|养老)效劳/g, was: '服务' },
  { re: /(?<=医疗|卫生|公共|基层|康健|养老)办事(?=系统|体系|才能|能力|水平|质量|资源|供给)/g, was: '服务' },
  { re: /(?<=要点|重点|加快|推进|加强|增强)扶植|扶植(?=试点|试验点|项目|工程|任务)/g, was: '建设' },
  { re: /要点(?=扶植|建设|推进|支持|人群|范畴|领域)/g, was: '重点' },
  { re: /先容/g, was: '介绍' },
  { re: /年夜(?=医院|病|型|幅|力|量|规模|数据|中型)/g, was: '大' },
  { re: /消息宣布会|消息发布会/g, was: '新闻发布会' },
  { re: /配合体/g, was: '共同体' },
  { re: /试验点(?=省|县|市|城市|地区|工作|单位)/g, was: '试点' },
  { re: /根底(?=上|设施|医疗|建设|工作|教育)/g, was: '基础' },
  { re: /承当(?=责任|义务|任务|费用|职能)/g, was: '承担' },
  { re: /(?<=网|社|报)动静(?=[:：])/g, was: '消息' },
  { re: /今朝(?=齐国|全国|我国|已|共)/g, was: '目前' },
  { re: /互联收集|收集安全|收集医院|收集平台/g, was: '网络' },
  { re: /周密型(?=医|县)/g, was: '紧密型' },
  { re: /县地区(?=医共体|医疗)/g, was: '县域' },
];

/** Traditional forms a simplified-to-traditional converter writes wrongly, each with the right one. Matched on the text as written. */
const MISCONVERTED: readonly { re: RegExp; right: string }[] = [
  { re: /髮(?=布|展|生|現|表|放|揮|言|起)|(?<=開|出|頒|印|爆|引)髮/g, right: '發' },
  { re: /(?<=控|體|機|法|限|管)製|製(?=度|定|約|止)/g, right: '制' },
  { re: /麵(?=對|臨|積|貌|向)|(?<=方|全|表|層|前|後|裏|外|局|正|反|版)麵/g, right: '面' },
  { re: /係(?=統)|(?<=體|派|世|語|直)係/g, right: '系' },
  { re: /聯系/g, right: '聯繫' },
  { re: /乾(?=部|預|擾|涉)/g, right: '幹/干' },
];

/** The spun phrases a text holds, each once, with the word it replaced (`齐国(全国)`). */
export function spunPhrases(text: string): string[] {
  const folded = simplifyCharacters(text);
  const found = new Map<string, string>();
  for (const { re, was } of SPUN) for (const m of folded.matchAll(re)) found.set(m[0], was);
  return [...found].map(([spun, was]) => `${spun}(${was})`);
}

/** The misconverted characters a traditional text holds, each once, with the right one (`髮(應為發)`). */
export function misconverted(text: string): string[] {
  const found = new Map<string, string>();
  for (const { re, right } of MISCONVERTED) for (const m of text.matchAll(re)) found.set(m[0], right);
  return [...found].map(([wrong, right]) => `${wrong}(应为${right})`);
}

/** Quality notes for a document's cleaned text. */
export function textQualityNotes(text: string, script: Script): QualityNote[] {
  const notes: QualityNote[] = [];
  const spun = spunPhrases(text);
  if (spun.length >= 2) {
    notes.push({ kind: 'spun-text', text: `疑似经同义词替换改写(“伪原创”):${spun.slice(0, 8).join('、')}${spun.length > 8 ? ' 等' : ''}。文字与原文可能不符,引用前请核对原始来源。` });
  }
  const wrong = script === 'traditional' ? misconverted(text) : [];
  if (wrong.length >= 2) {
    notes.push({ kind: 'misconverted', text: `疑似简繁转换错误:${wrong.slice(0, 8).join('、')}${wrong.length > 8 ? ' 等' : ''}。` });
  }
  return notes;
}
