/** Units of measure as readers see them and as URLs name them (/figures/unit/<slug>/). */
import { MEASURE_WORDS } from '../extract/quantities.ts';

const SLUGS: Record<string, string> = {
  '%': 'percent', 个百分点: 'points', fraction: 'fraction', ratio: 'ratio', '': 'none',
  家: 'jia', 个: 'ge', 人次: 'renci', 例: 'li', 人: 'ren', 元: 'yuan', 年: 'nian', 种: 'zhong', 类: 'lei', 次: 'ci', 所: 'suo',
  套: 'tao', 组: 'zu', 项: 'xiang', 天: 'tian', 小时: 'xiaoshi', 分钟: 'fenzhong', 页: 'ye', 张: 'zhang', 字: 'zi', 个月: 'geyue', 名: 'ming',
  个小时: 'gexiaoshi', 平方米: 'pingfangmi', 公里: 'gongli', 千米: 'qianmi', 岁: 'sui', 周: 'zhou', 位: 'wei', 床: 'chuang', 倍: 'bei',
  台: 'tai', 辆: 'liang', 支: 'zhi', 篇: 'pian', 份: 'fen', 批: 'pi', 座: 'zuo', 条: 'tiao', 户: 'hu',
  周岁: 'zhousui', 平方公里: 'pingfanggongli', 公顷: 'gongqing', 处: 'chu', 间: 'jian', 吨: 'dun', 亩: 'mu', 件: 'jianshu',
};

/** Every unit the extractor gives: each has a page whether or not the corpus has figures in it now (links never break). */
export const KNOWN_UNITS: readonly string[] = ['%', '个百分点', 'fraction', 'ratio', '', ...MEASURE_WORDS.filter((u) => u !== '个百分点')];

/** A URL-safe name for a unit: a fixed word for the common ones, the code points otherwise. */
export function unitSlug(unit: string): string {
  return SLUGS[unit] ?? `u${[...unit].map((c) => c.codePointAt(0)!.toString(16)).join('-')}`;
}

const NAMES: Record<string, string> = { '%': '百分比（%）', 个百分点: '百分点', fraction: '分数', ratio: '比例', '': '无量词' };

/** A unit as the reader reads it. */
export function unitName(unit: string): string {
  return NAMES[unit] ?? unit;
}

/** The filters a figure is listed under: its document and its unit. */
export const figureKeys = (f: { doc: string; unit: string }) => [`doc/${f.doc}`, `unit/${unitSlug(f.unit)}`];
