/**
 * Flattened ruby: the pinyin a page printed above its characters, left in the text after each one
 * when the page was copied as plain text — in every style the web shows:
 * - `醫(yī)`: tone marks, ASCII or full-width parentheses (one is enough to be sure);
 * - `關(guan) 於(yu) `: no tones, a space after each (the annotation's own box);
 * - `医（yi）`, `医(yi1)`: full-width parentheses, tone numbers.
 * A toneless syllable could be an English word in brackets (`(an)`, `(long)`), so it is taken only
 * after a Chinese character (a toned one also after what mis-encoding left of its character), as a syllable Mandarin has, and only where annotations come in numbers
 * (two on the line, or three in the document). Latin in capitals (`(HMO)`) is never pinyin.
 */

/** Every syllable of Mandarin pinyin, without tones (ü written `v` or `ü`). */
const SYLLABLES = new Set(
  `a ai an ang ao ba bai ban bang bao bei ben beng bi bian biao bie bin bing bo bu ca cai can cang cao ce cen ceng cha chai chan chang chao che chen
  cheng chi chong chou chu chua chuai chuan chuang chui chun chuo ci cong cou cu cuan cui cun cuo da dai dan dang dao de dei den deng di dia dian diao
  die ding diu dong dou du duan dui dun duo e ei en eng er fa fan fang fei fen feng fo fou fu ga gai gan gang gao ge gei gen geng gong gou gu gua guai
  guan guang gui gun guo ha hai han hang hao he hei hen heng hong hou hu hua huai huan huang hui hun huo ji jia jian jiang jiao jie jin jing jiong jiu
  ju juan jue jun ka kai kan kang kao ke kei ken keng kong kou ku kua kuai kuan kuang kui kun kuo la lai lan lang lao le lei leng li lia lian liang liao
  lie lin ling liu lo long lou lu luan lun luo lv lü lve lüe ma mai man mang mao me mei men meng mi mian miao mie min ming miu mo mou mu na nai nan nang
  nao ne nei nen neng ni nian niang niao nie nin ning niu nong nou nu nuan nuo nv nü nve nüe o ou pa pai pan pang pao pei pen peng pi pian piao pie pin
  ping po pou pu qi qia qian qiang qiao qie qin qing qiong qiu qu quan que qun ran rang rao re ren reng ri rong rou ru rua ruan rui run ruo sa sai san
  sang sao se sen seng sha shai shan shang shao she shei shen sheng shi shou shu shua shuai shuan shuang shui shun shuo si song sou su suan sui sun suo
  ta tai tan tang tao te teng ti tian tiao tie ting tong tou tu tuan tui tun tuo wa wai wan wang wei wen weng wo wu xi xia xian xiang xiao xie xin xing
  xiong xiu xu xuan xue xun ya yan yang yao ye yi yin ying yo yong you yu yuan yue yun za zai zan zang zao ze zei zen zeng zha zhai zhan zhang zhao zhe
  zhei zhen zheng zhi zhong zhou zhu zhua zhuai zhuan zhuang zhui zhun zhuo zi zong zou zu zuan zui zun zuo`.split(/\s+/),
);

const TONED: Record<string, string> = {
  ā: 'a', á: 'a', ǎ: 'a', à: 'a', ē: 'e', é: 'e', ě: 'e', è: 'e', ī: 'i', í: 'i', ǐ: 'i', ì: 'i', ō: 'o', ó: 'o', ǒ: 'o', ò: 'o',
  ū: 'u', ú: 'u', ǔ: 'u', ù: 'u', ǖ: 'ü', ǘ: 'ü', ǚ: 'ü', ǜ: 'ü', ń: 'n', ň: 'n', ǹ: 'n', ḿ: 'm',
};

/** A candidate annotation: a lower-case Latin word in parentheses of either width right after a character, and perhaps a space. */
const CANDIDATE = /(?<=[^\s(（])[(（]([a-zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜńňǹḿ]{1,6}[1-5]?)[)）]( (?=[\p{Script=Han}\p{P}]|$))?/gu;

export interface RubyMatch {
  index: number;
  text: string;
  /** A tone mark or number makes it pinyin for sure. */
  toned: boolean;
}

/** The annotations a line may hold: each a real syllable after a Chinese character. */
export function rubyCandidates(line: string): RubyMatch[] {
  const out: RubyMatch[] = [];
  for (const m of line.matchAll(CANDIDATE)) {
    const word = m[1]!;
    const toned = /[1-5]$/.test(word) || [...word].some((c) => c in TONED);
    const bare = [...word.replace(/[1-5]$/, '')].map((c) => TONED[c] ?? c).join('');
    // A toned syllable may follow what mis-encoding left of its character; a toneless one only a Chinese character.
    const before = [...line.slice(Math.max(0, m.index! - 2), m.index)].at(-1) ?? '';
    if (!SYLLABLES.has(bare) || (!toned && !/\p{Script=Han}/u.test(before))) continue;
    out.push({ index: m.index!, text: m[0], toned });
  }
  return out;
}

/** Whether a line's candidates are pinyin: toned ones always, toneless ones when they come in numbers. */
export function isPinyin(match: RubyMatch, onLine: number, inDocument: number): boolean {
  return match.toned || onLine >= 2 || inDocument >= 3;
}
