/** What the text says about itself: byline (author, date) and publisher. */

/** `作者:夏宇豪 2018-06-09 09:00`, `文/张三`, `记者 李四 2020年3月5日`. */
const BYLINE = /^(?:作者|文|撰文|记者|来源|编辑)\s*[::/|]?\s*([\p{Script=Han}A-Za-z·]{2,12})?\s*(?:(\d{4})[-./年](\d{1,2})[-./月](\d{1,2})日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?)?\s*$/u;

export interface Byline {
  author: string | null;
  published: string | null;
}

/** Read a byline line, or null if the line is not one. */
export function parseByline(text: string): Byline | null {
  const m = BYLINE.exec(text.trim());
  if (!m || (!m[1] && !m[2])) return null;
  const published = m[2] ? `${m[2]}-${m[3]!.padStart(2, '0')}-${m[4]!.padStart(2, '0')}` : null;
  return { author: m[1] ?? null, published };
}

/** Publisher names that page chrome reveals (`登录动脉网`, `汇文网负责整理代发布`, `声明:动脉网所刊载`). */
const PUBLISHER_PATTERNS = [
  /^登录([\p{Script=Han}A-Za-z]{2,8}?)$/u,
  /([\p{Script=Han}A-Za-z]{2,8}?)负责整理代?发布/u,
  /^声明[::]([\p{Script=Han}A-Za-z]{2,8}?)所(?:刊载|发布)/u,
  /^([\p{Script=Han}A-Za-z]{2,8}?网)(?:知识库|首页|官网)$/u,
];

/** The publisher (site) named by removed page chrome, most frequent first; null if none. */
export function findPublisher(removedLines: readonly string[]): string | null {
  const counts = new Map<string, number>();
  for (const line of removedLines) {
    for (const re of PUBLISHER_PATTERNS) {
      const m = re.exec(line);
      if (m) counts.set(m[1]!, (counts.get(m[1]!) ?? 0) + 1);
    }
  }
  let best: string | null = null;
  for (const [name, n] of counts) if (best === null || n > counts.get(best)!) best = name;
  return best;
}

/** A title made from the first sentence when the text has no title line. */
export function titleFromFirstSentence(text: string, max = 28): string {
  const sentence = text.split(/[。!?!?;;]/)[0]!.trim();
  if (sentence.length <= max) return sentence;
  const cut = Math.max(sentence.lastIndexOf(',', max), sentence.lastIndexOf(',', max));
  return cut >= 8 ? `${sentence.slice(0, cut)}…` : `${sentence.slice(0, max)}…`;
}
