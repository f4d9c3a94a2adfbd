/** Sections of a page that are not its text: readers' comments, a table of contents whose entries come back as headings. */
import { describe, expect, it } from 'vitest';
import { isProse } from '../../src/pipeline/clean.ts';
import { commentsStart, contentsLines, isCommentLine, isCommentsHeading } from '../../src/pipeline/page-sections.ts';
import { simplifyCharacters } from '../../src/pipeline/script.ts';

const f = (s: string) => simplifyCharacters(s.replace(/\u3000/g, ' '), true);
/** A page as folded lines and the indices of its non-blank ones. */
const page = (text: string) => {
  const folded = text.split('\n').map(f);
  return { folded, nonBlank: folded.flatMap((l, i) => (l === '' ? [] : [i])) };
};
const P = '这是正文的一段话，讲的是城市公共交通票价调整的来龙去脉。';

describe('readers comments', () => {
  it('knows a heading of comments and a comment’s own lines', () => {
    expect(['评论', '最热评论', '回应　转发　赞　收藏', '转发 328　评论 96　赞 1452', '共96条评论'].map((l) => isCommentsHeading(f(l)))).toEqual([true, true, true, true, true]);
    expect(['相关评论文章显示', '评论员文章：城市更新要有耐心。'].map((l) => isCommentsHeading(f(l)))).toEqual([false, false]);
    expect(['2024/06/18 21:03 · 浙江', '回复 点赞 36', '6-19 17:02 来自浙江　回复　赞 88', '半夏　2023-10-09 08:12:45 江苏', '林间小路 (作者)　2023-10-09 09:30:02 江苏', '回应'].every((l) => isCommentLine(f(l)))).toBe(true);
    // A date alone (a text's date line), a sentence, a heading: none.
    expect(['2024-06-18', '2024年6月18日', P, '一、工作回顾'].some((l) => isCommentLine(f(l)))).toBe(false);
  });

  it('finds where comments start under a text, but not in a forum thread whose replies are its text', () => {
    const news = page([P, '', '评论', '写评论', '绿水长流', '小作坊给的价高，说到底还是价格问题。', '2024/06/18 21:03 · 浙江', '回复 点赞 36', '老陈修车', '走正规渠道手续太麻烦了。', '2024/06/19 08:27 · 广东', '回复 点赞 12'].join('\n'));
    expect(commentsStart(news.folded, news.nonBlank, isProse)).toBe(2);
    const forum = page([P, '评论', '2# 某某 发表于 2023-3-8 21:14', '我也遇到过这个问题。', '回复 举报', '3# 某某 发表于 2023-3-8 22:01', '同意楼上。', '回复 举报'].join('\n'));
    expect(commentsStart(forum.folded, forum.nonBlank, isProse)).toBeNull();
    // A share bar with a comment count above the text is no section of comments.
    const top = page(['分享到：微信 微博 QQ空间 评论（12）', P, P].join('\n'));
    expect(commentsStart(top.folded, top.nonBlank, isProse)).toBeNull();
  });
});

describe('a table of contents', () => {
  it('takes a list whose entries come back as headings, with its heading', () => {
    const report = page(['目　　录', '一、2023年工作回顾', '二、2024年重点工作', '', '各位代表：', P, '', '一、2023年工作回顾', P, '二、2024年重点工作', P].join('\n'));
    expect(contentsLines(report.folded, report.nonBlank, isProse)).toEqual([0, 1, 2]);
    // An encyclopedia numbers its contents, not its headings; a law spaces its chapters' names.
    const entry = page(['目录', '1 制度沿革', '2 组织形式', '', '制度沿革', '播报', P, '组织形式', P].join('\n'));
    expect(contentsLines(entry.folded, entry.nonBlank, isProse)).toEqual([0, 1, 2]);
    const law = page(['目　　录', '第一章　总则', '第二章　附则', '', '第一章　总　　则', P, '第二章　附　　则', P].join('\n'));
    expect(contentsLines(law.folded, law.nonBlank, isProse)).toEqual([0, 1, 2]);
  });

  it('keeps the contents of more than the page holds, a list said twice, and a table whose header comes back', () => {
    // A report's contents on the page that sells it: only the first chapter's sections follow.
    const sold = page([P, '第一章 重构', '1、资源固化', '2、政策引导', '3、数量超过', '第二章 新入口', '1、商业模式', P, '1、资源固化', P, '2、政策引导', P, '3、数量超过', P].join('\n'));
    expect(contentsLines(sold.folded, sold.nonBlank, isProse)).toEqual([]);
    const tables = page([P, '', '指标', '2024年', '比上年增减', '参保人数', '12', '', P, '', '指标', '2024年', '比上年增减', '参保人数', '15'].join('\n'));
    expect(contentsLines(tables.folded, tables.nonBlank, isProse)).toEqual([]);
  });
});
