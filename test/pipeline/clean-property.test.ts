/**
 * Property: cleaning never removes a line a reader would call content. A synthetic article (title,
 * paragraphs, headings, list items, a flattened table) is generated apart from the chrome it is
 * wrapped in (navigation, breadcrumbs, skip links, mastheads, bylines, share bars, counters, ads
 * and captions between paragraphs, a table of contents of its headings, an end mark and its date,
 * related lists, readers' comments, tags, footers, e-mail footers, WeChat and forum controls), so the test knows every line's
 * truth; the page goes through the whole per-document pipeline, and every content line must come
 * out in a block. Chrome must mostly go too (a floor over all runs).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { prepare } from '../../src/pipeline/corpus.ts';
import { processDocument, type Prepared } from '../../src/pipeline/document.ts';
import type { DocumentId } from '../../src/pipeline/types.ts';

type Kind = 'content' | 'title' | 'chrome' | 'meta';
interface PageLine {
  text: string;
  kind: Kind;
}

const pick = <T,>(xs: readonly T[]) => fc.constantFrom(...xs);
const place = pick(['北京', '上海', '江苏', '浙江', '广东', '四川', '湖南', '陕西', '云南', '甘肃', '某市', '全省', '各地']);
const topic = pick(['义务教育', '职业教育', '生态环境', '大气污染防治', '垃圾分类', '长期护理保险', '城乡居民养老保险', '公共交通', '城市轨道交通', '农村公路', '湿地保护', '基层治理', '普惠托育', '就业服务']);
const action = pick(['推进', '完善', '加强', '优化', '规范', '扩大', '深化', '落实']);
const unit = pick(['万人', '亿元', '个', '所', '公里', '万吨', '家', '项']);
const year = fc.integer({ min: 2015, max: 2026 });
const amount = fc.float({ min: 1, max: 9999, noNaN: true }).map((x) => (Math.round(x * 10) / 10).toString());

/** One sentence of running text, in the words of a policy or news article. */
const sentence = fc.oneof(
  fc.tuple(year, place, topic, amount, unit).map(([y, p, t, a, u]) => `${y}年，${p}${t}相关投入达到${a}${u}，比上年有所增长`),
  fc.tuple(place, action, topic).map(([p, a, t]) => `${p}将进一步${a}${t}工作机制，明确责任分工，确保各项措施落到实处`),
  fc.tuple(year, topic).map(([y, t]) => `${y}年印发的《关于${t}的指导意见》提出，要坚持问题导向，统筹推进改革`),
  fc.tuple(topic, amount).map(([t, a]) => `据统计，参与${t}的人数已超过${a}万，群众满意度明显提升`),
  fc.tuple(place, topic).map(([p, t]) => `业内人士认为，${p}在${t}方面的做法值得借鉴，但仍需在资金保障上持续发力`),
  fc.tuple(topic).map(([t]) => `有关负责人表示，下一步将分享各地${t}的典型经验，推动形成可复制的做法`),
  fc.tuple(topic).map(([t]) => `“${t}关系千家万户，”一位基层工作人员说，“每一项政策都要让老百姓看得见、摸得着。”`),
  // Words of page chrome, used in running text.
  fc.tuple(topic).map(([t]) => `分享经验、关注民生、打印材料，是${t}窗口工作人员每天的日常`),
  fc.tuple(place).map(([p]) => `${p}加强版权保护，全年查处侵权案件12起，相关链接已在官网公布`),
  fc.tuple(topic).map(([t]) => `一位市民说：“以前办${t}要跑好几趟，现在在手机上点一下、扫一扫就办好了。”`),
  // Words of advertisements, used in running text.
  fc.constant('电商平台上不少老人习惯先下单再比价，遇到特价商品更要留心'),
  fc.constant('有商家以首单立减为名诱导消费者办卡，监管部门已约谈相关企业'),
);
const punctuation = pick([{ comma: '，', stop: '。' }, { comma: ',', stop: '。' }]);

/** A paragraph of one to four sentences. */
const paragraph = fc.tuple(fc.array(sentence, { minLength: 1, maxLength: 4 }), punctuation).map(([ss, p]) =>
  ss.map((s) => (/[。”]$/.test(s) ? s : `${s}${p.stop}`)).join('').replaceAll('，', p.comma),
);
const heading = fc.oneof(
  fc.tuple(pick(['一', '二', '三', '四']), topic).map(([n, t]) => `${n}、${t}取得新进展`),
  fc.tuple(pick(['（一）', '（二）', '（三）']), action, topic).map(([n, a, t]) => `${n}${a}${t}`),
  fc.tuple(topic).map(([t]) => `${t}怎么做`),
  pick(['工作成效', '存在的问题', '下一步打算', '背景', '记者手记', '专家观点', '政策解读', '相关政策']),
);
const listItem = fc.tuple(fc.integer({ min: 1, max: 5 }), action, topic).map(([n, a, t]) => `${n}. ${a}${t}的保障措施。`);
const table = fc.tuple(pick(['指标', '项目', '类别']), fc.array(fc.tuple(topic, amount, pick(['+12', '-3', '增加', '减少'])), { minLength: 2, maxLength: 4 })).map(([h, rows]) => [
  `表1 ${'主要指标完成情况'}`,
  h,
  '2024年',
  '比上年增减',
  ...rows.flat(),
]);

/** The article: a title, then paragraphs with some headings, list items and a table among them. */
const article = fc
  .tuple(
    fc.tuple(place, topic, action).map(([p, t, a]) => `${p}${a}${t} 今年以来成效明显`),
    fc.array(fc.oneof({ weight: 5, arbitrary: paragraph.map((t) => [t]) }, { weight: 1, arbitrary: heading.map((t) => [t]) }, { weight: 1, arbitrary: fc.array(listItem, { minLength: 2, maxLength: 3 }) }, { weight: 1, arbitrary: table }), {
      minLength: 3,
      maxLength: 9,
    }),
  )
  // A text starts with a paragraph and may end with one or with a table or list, and says each
  // paragraph once (a paragraph said twice near the title is a lead printed twice, which cleaning removes).
  .chain(([title, blocks]) =>
    fc.tuple(paragraph, fc.option(paragraph, { freq: 3 })).map(([a, z]) => {
      // (Once whatever the width of its commas: cleaning reads ASCII and full-width punctuation alike.)
      const seen = new Set<string>();
      const key = (t: string) => t.replace(/,/g, '，');
      // (A text does not end on a heading.)
      while (blocks.length > 0 && blocks.at(-1)!.length === 1 && !/[。”]$/.test(blocks.at(-1)![0]!)) blocks.pop();
      const once = [[a], ...blocks, ...(z === null ? [] : [[z]])].filter((b) => b.length > 1 || (!seen.has(key(b[0]!)) && seen.add(key(b[0]!))));
      return { title, blocks: once };
    }),
  );

const site = pick(['中国教育新闻网', '某某省生态环境厅', '城市交通观察', '某某市人民政府', '财经头条网', '绿色发展研究']);
const date = fc.tuple(year, fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 })).map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);

/** Chrome above the title. */
const headChrome = fc.array(
  fc.oneof(
    site,
    pick(['首页 | 新闻中心 | 政务公开 | 办事服务 | 互动交流', '首页 新闻 财经 教育 科技 汽车', '网站首页 | 关于我们 | 联系我们', '登录 注册', '无障碍 长者模式 English']),
    site.map((s) => `当前位置：首页 > ${s.slice(0, 4)} > 正文`),
    pick(['首页 > 要闻 > 正文', '扫一扫下载客户端', '打开APP阅读']),
    // A skip link, a bar of buttons with the site's own word among them, a masthead with its column.
    pick(['跳到主要内容区块', '某某首页 登录 注册', '播报 讨论 上传视频', '绿色发展研究院 | 碳市场周报', '某某市人民政府 新闻公报']),
  ),
  { maxLength: 4 },
);
/** Metadata between the title and the text. */
const byline = fc.oneof(
  fc.tuple(date, site).map(([d, s]) => `发布时间：${d} 来源：${s}`),
  fc.tuple(date, site).map(([d, s]) => `${d} 09:30 来源：${s}`),
  fc.tuple(date, site).map(([d, s]) => `原创 李明 ${s} ${d} 08:30`),
  date.map((d) => `作者：王芳 ${d}`),
  // A reporter's and an official's bylines, with a bar or a title of office.
  site.map((s) => `${s}记者 | 王芳`),
  pick(['某某市市长　王芳', '某某大学校长 李明']),
);
/** Chrome between the byline and the text. */
const underTitle = fc.array(pick(['【字体：大 中 小】 打印本页 关闭窗口', '分享到：微信 微博 QQ空间', '浏览次数：1268', '阅读 3.2万', '点击上方蓝字关注我们', '小字号', '举报']), { maxLength: 2 });
/** Chrome inside the text, between paragraphs. */
const inText = pick([
  '【广告】名师在线辅导，首单立减30元，点击立即咨询>>',
  '▲▲▲ 厂家直销 买二送一 全国包邮 ▲▲▲',
  '图片',
  '资料图：市民在地铁站候车。 图/视觉中国',
  '推荐阅读：城市公交如何吸引年轻人？',
  '扫码添加客服微信，领取专属优惠券',
]);
/**
 * Readers' comments: a heading, then each comment's writer, its words (sentences of the same
 * subject as the text, so only their place and their own lines tell them apart) and its date,
 * region and buttons.
 */
const comments = fc
  .tuple(pick(['评论', '最热评论', '全部回应', '按热度 按时间']), fc.array(fc.tuple(pick(['绿水长流', '老陈', '半夏', '北风吹']), sentence, date, pick(['浙江', '广东', '上海'])), { minLength: 2, maxLength: 3 }))
  .map(([heading, cs]) => [heading, ...cs.flatMap(([who, said, d, region]) => [who, `${said}。`, `${d} 21:03 · ${region}`, `回复 点赞 ${said.length}`])].join('\n'));

/** Chrome after the text. */
const tailChrome = fc.array(
  fc.oneof(
    pick(['分享到：微信 微博 QQ空间', '【打印本页】 【关闭窗口】', '阅读原文', '在看 点赞 分享', '上一篇：关于召开年度工作会议的通知', '下一篇：最后一页', '扫一扫在手机打开当前页', '回复 举报']),
    fc.tuple(site, date).map(([s, d]) => `相关阅读\n· ${s}发布年度报告 ${d}\n· 多地出台配套措施 ${d}`),
    site.map((s) => `版权所有：${s} 技术支持：网站建设`),
    pick(['免责声明：本站部分文章来源于网络，仅供参考，如有侵权请联系删除。', '网站标识码：3600000041 赣ICP备05003961号', 'Copyright © 2025 All Rights Reserved', '未经允许不得转载']),
    // Topic tags; an e-mail's footer; an encyclopedia's statistics.
    pick(['#城市更新# #公共交通#', '您收到这封邮件，是因为您订阅了某某研究院的周报。', '本邮件由系统自动发送，请勿直接回复。', '退订 | 管理订阅偏好 | 隐私政策', '词条统计', '回頁首']),
    comments,
  ),
  { minLength: 1, maxLength: 5 },
);

/** A page: chrome and article interleaved, every line knowing what it is. */
const page = fc.record({ head: headChrome, byline: fc.option(byline), under: underTitle, article, inserts: fc.array(fc.tuple(fc.nat(), inText), { maxLength: 3 }), tail: tailChrome, blank: fc.boolean(), contents: fc.boolean(), ended: fc.option(date) }).map((p) => {
  const lines: PageLine[] = [];
  const add = (text: string, kind: Kind) => {
    for (const t of text.split('\n')) lines.push({ text: t, kind });
    if (p.blank) lines.push({ text: '', kind: 'chrome' });
  };
  for (const h of p.head) add(h, 'chrome');
  add(p.article.title, 'title');
  if (p.byline) add(p.byline, 'meta');
  for (const u of p.under) add(u, 'chrome');
  // A table of contents listing the text's numbered headings, which follow with text between them.
  const headings = p.article.blocks.filter((b) => b.length === 1 && /^(?:[一二三四]、|（[一二三]）)/.test(b[0]!)).map((b) => b[0]!);
  if (p.contents && headings.length >= 2 && new Set(headings).size === headings.length) add(['目录', ...headings].join('\n'), 'chrome');
  const at = new Map(p.inserts.map(([k, t]) => [1 + (k % Math.max(1, p.article.blocks.length - 1)), t]));
  p.article.blocks.forEach((block, k) => {
    const insert = at.get(k);
    if (insert) add(insert, 'chrome');
    for (const t of block) add(t, 'content');
  });
  // A release's end mark, then its date.
  if (p.ended) {
    add('（完）', 'chrome');
    add(p.ended.replace(/^(\d+)-0?(\d+)-0?(\d+)$/, '$1年$2月$3日'), 'meta');
  }
  for (const t of p.tail) add(t, 'chrome');
  return lines;
});

async function run(lines: PageLine[]) {
  const bytes = new TextEncoder().encode(lines.map((l) => l.text).join('\n'));
  const prepared = (await prepare({ name: 'page.txt', bytes })) as Prepared;
  return processDocument(prepared, { id: 'test00' as DocumentId, added: '2026-01-01' }).document!;
}

describe('cleaning a synthetic article wrapped in random chrome', () => {
  it('keeps every content line in a block, and removes most of the chrome', async () => {
    let chrome = 0;
    let chromeRemoved = 0;
    await fc.assert(
      fc.asyncProperty(page, async (lines) => {
        const d = await run(lines);
        const inBlocks = new Set(d.blocks.flatMap((b) => b.lines));
        lines.forEach((l, i) => {
          if (l.kind === 'content') expect(inBlocks.has(i + 1), `content line ${i + 1} lost: ${l.text}\n${lines.map((x) => x.text).join('\n')}`).toBe(true);
          if (l.kind === 'chrome' && l.text !== '') {
            chrome++;
            if (!inBlocks.has(i + 1)) chromeRemoved++;
          }
        });
      }),
      { numRuns: 150 },
    );
    console.log(`[clean property] chrome lines removed ${chromeRemoved}/${chrome} (${((100 * chromeRemoved) / chrome).toFixed(1)}%)`);
    expect(chromeRemoved / chrome).toBeGreaterThanOrEqual(0.95);
  });

  it('takes the title line for the title, and a byline for metadata, not text', async () => {
    await fc.assert(
      fc.asyncProperty(page, async (lines) => {
        const d = await run(lines);
        const title = lines.find((l) => l.kind === 'title')!.text;
        expect(d.meta.title).toBe(title);
        const inBlocks = new Set(d.blocks.flatMap((b) => b.lines));
        lines.forEach((l, i) => {
          if (l.kind === 'meta' || l.kind === 'title') expect(inBlocks.has(i + 1), `${l.kind} line in the text: ${l.text}`).toBe(false);
        });
      }),
      { numRuns: 100 },
    );
  });
});
