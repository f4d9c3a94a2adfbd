/** clean: each rule on a small case of its own, with the lines around it that must stay. */
import { describe, expect, it } from 'vitest';
import { clean } from '../../src/pipeline/clean.ts';
import { normalise } from '../../src/pipeline/normalise.ts';

/** What cleaning kept, removed as chrome, and took as the title and metadata. */
function run(text: string, repeated: string[] = []) {
  const r = clean(normalise(text).lines, { repeatedLines: new Set(repeated) });
  return {
    kept: r.content.map((l) => l.text),
    removed: r.removed.map((x) => [x.text, x.reason]),
    title: r.meta.title,
    meta: r.moved.filter((x) => x.to === 'metadata').map((x) => x.text),
  };
}

const article = ['医联体是分级诊疗的重要载体。', '各地纷纷组建医联体,取得了一定成效。', '下一步要完善利益分配机制。', '基层首诊、双向转诊逐步推开。', '这是正文的最后一段。'];

describe('clean', () => {
  it('removes a login form at the top up to its last UI label', () => {
    const r = run(['某某网', '登录某某网', '忘记密码?', '获取验证码', '文章标题', ...article].join('\n'));
    expect(r.removed.map(([, why]) => why)).toEqual(['site-chrome', 'site-chrome', 'site-chrome', 'site-chrome']);
    expect(r.title).toBe('文章标题');
    expect(r.kept).toEqual(article);
  });

  it('does not remove a short title when there is no UI around it: it is the title', () => {
    const r = run(['文章标题', ...article].join('\n'));
    expect(r.removed).toEqual([]);
    expect(r.title).toBe('文章标题');
  });

  it('removes a user agreement block of numbered clauses', () => {
    const agreement = ['感谢您使用本网站的服务。我们尊重并保护用户的隐私权。', '第1条 协议内容', '1.1 本用户协议是用户与本网站之间的契约。', '1.2 用户同意本协议。', '第2条 用户信息', '2.1 用户个人信息包括姓名。'];
    const r = run([...agreement, '文章标题', ...article].join('\n'));
    expect(r.removed.filter(([, w]) => w === 'legal-block')).toHaveLength(agreement.length);
    expect(r.title).toBe('文章标题');
    expect(r.kept).toEqual(article);
  });

  it('keeps a content sentence that merely mentions privacy', () => {
    expect(run([...article, '互联网医院要保护患者隐私权。'].join('\n')).removed).toEqual([]);
  });

  it('removes template placeholders, image file names, promotion and site notices', () => {
    const r = run(['{{detail.name}} {{detail.city}}', '融资金额:{{detail.amount}}', 'image.png', 'figure 1.JPG', '以上内容为《报告》节选,如需阅读完整报告,请关注公众号获取。', '尊敬的用户,本站官方域名正式升级为example.top,原域名即将停止服务,感谢您的支持!', ...article].join('\n'));
    expect(r.removed.map(([, w]) => w)).toEqual(['template-placeholder', 'template-placeholder', 'image-placeholder', 'image-placeholder', 'promotion', 'site-notice']);
    expect(r.kept).toEqual(article);
  });

  it('keeps a sentence with braces that is not a template', () => {
    expect(run(['公式 {a} 与 {{x}} 出现在一个很长的句子里面,这是正文内容的一部分。', ...article].join('\n')).removed).toEqual([]);
  });

  it('removes a download site disclaimer and its customer-service line', () => {
    const r = run(['温馨提示:', '1. 部分文件预览时可能显示错乱,文件下载后无此问题。', '2. 本文档由用户上传,版权归属用户。', '网站客服:3074922707', ...article].join('\n'));
    expect(r.removed.map(([, w]) => w)).toEqual(['download-disclaimer', 'download-disclaimer', 'download-disclaimer', 'contact']);
  });

  it("keeps a note right under a table as the table's (a read table's │ rows, or a text table's), not as the footer's start", () => {
    const note = '注：本表数据未包括部队医疗机构。';
    const read = ['地区 │ 机构数', '甲市 │ 120', '乙市 │ 95'];
    expect(run([...article, ...read, note, '版权所有 某某网'].join('\n')).removed).toEqual([['版权所有 某某网', 'footer']]);
    const text = ['地区    机构数', '甲市    120', '乙市    95'];
    expect(run([...article, ...text, note].join('\n')).kept).toContain(note);
    // Elsewhere at the end, 注： still starts the footer.
    expect(run([...article, note].join('\n')).removed).toEqual([[note, 'footer']]);
  });

  it('removes a table of dated links with its header row, and keeps a table of figures whose rows end in decimals', () => {
    const links = ['文件名称 │ 发布日期', '关于推进医联体建设的指导意见 │ 2017-04-26', '医疗联合体管理办法（试行） │ 2020-07-09'];
    expect(run([...article, ...links].join('\n')).removed.map(([, w]) => w)).toEqual(['link-list', 'link-list', 'link-list']);
    const figures = ['指标 │ 2022年 │ 2023年', '床位数（万张） │ 40.2 │ 41.9', '每千人口医师（人） │ 3.15 │ 3.29'];
    expect(run([...article, ...figures].join('\n')).removed).toEqual([]);
  });

  it('removes a trailing list of links (label + date) but not a single dated line', () => {
    const links = ['头条 22-01-20', '头条 22-01-18', '头条 21-12-31'];
    expect(run([...article, ...links].join('\n')).removed.map(([, w]) => w)).toEqual(['link-list', 'link-list', 'link-list']);
    expect(run([...article, '头条 22-01-20'].join('\n')).removed).toEqual([]);
  });

  it('removes the footer, share buttons and bulleted reader comments after a statement', () => {
    const r = run([...article, ...article, '声明:本网所刊载内容之知识产权为本网所有。转载请联系editor@example.com。', '• 这篇报告的数据有误吗?', '分享', '微信扫描二维码分享文章'].join('\n'));
    expect(r.removed.map(([, w]) => w)).toEqual(['footer', 'reader-comment', 'site-chrome', 'site-chrome']);
  });

  it('removes lines repeated at the edges of several documents', () => {
    const r = run(['本站导航条', ...article].join('\n'), ['本站导航条']);
    expect(r.removed).toEqual([['本站导航条', 'repeated-across-documents']]);
  });

  it('counts blank lines and records each removal with its line number', () => {
    const c = clean(normalise('\n\u00a0\nimage.png\n正文。').lines);
    expect(c.blankLines).toBe(2);
    expect(c.removed).toEqual([{ line: 3, text: 'image.png', reason: 'image-placeholder' }]);
  });

  it('reads a news page: chrome around, title and byline into the metadata, a dateline cut from the lead', () => {
    const page = [
      '某某网',
      '首页　新闻　财经　教育　科技　登录',
      '首页 > 教育 > 正文',
      '全省义务教育学校全部实现标准化',
      '2024-09-02 08:30　来源：某某日报',
      '分享到：微信　微博　QQ空间',
      '本报讯（记者 张某）今年秋季学期开学前，全省义务教育学校全部达到办学标准。',
      '学校为学生配备了新的桌椅。　图/某某日报记者 李某摄',
      '省教育厅有关负责人介绍，三年来全省共新建改扩建学校412所。',
      '（责任编辑：王某）',
      '相关阅读',
      '· 多地出台课后服务新规　2024-08-30',
      '· 教师减负清单发布　2024-08-21',
      '版权所有 © 某某网',
    ].join('\n');
    const c = clean(normalise(page).lines);
    expect(c.meta).toMatchObject({ title: '全省义务教育学校全部实现标准化', published: '2024-09-02', publisher: '某某日报', author: '张某', editor: '王某' });
    expect(c.content.map((l) => l.text)).toEqual(['今年秋季学期开学前，全省义务教育学校全部达到办学标准。', '省教育厅有关负责人介绍，三年来全省共新建改扩建学校412所。']);
    expect(c.repaired).toEqual([{ line: 7, kind: 'dateline', before: '本报讯（记者 张某）', after: '' }]);
    expect(c.moved.map((m) => [m.line, m.to])).toEqual([
      [4, 'title'],
      [5, 'metadata'],
      [10, 'metadata'],
    ]);
    expect(Object.fromEntries(c.removed.map((r) => [r.line, r.reason]))).toEqual({
      1: 'navigation',
      2: 'navigation',
      3: 'navigation',
      6: 'site-chrome',
      8: 'caption',
      11: 'link-list',
      12: 'link-list',
      13: 'link-list',
      14: 'footer',
    });
  });

  it('reads an official notice: header, number, a title wrapped over two lines, the signature', () => {
    const page = ['某省教育厅文件', '某教基〔2024〕6号', '某省教育厅关于做好2024年义务教育', '招生入学工作的通知', '各市、县（区）教育局：', '为规范义务教育招生入学秩序，现就有关事项通知如下。', '某省教育厅', '2024年3月8日', '（此件主动公开）'].join('\n');
    const c = clean(normalise(page).lines);
    expect(c.meta).toMatchObject({ title: '某省教育厅关于做好2024年义务教育招生入学工作的通知', publisher: '某省教育厅', documentNumber: '某教基〔2024〕6号', published: '2024-03-08' });
    expect(c.content.map((l) => l.text)).toEqual(['各市、县（区）教育局：', '为规范义务教育招生入学秩序，现就有关事项通知如下。']);
    expect(c.removed.map((r) => r.reason)).toEqual(['footer']);
  });

  it('leaves the text its headings, tables and short lines, and a heading that names related things', () => {
    const page = ['某地推进普惠托育', '2024-05-01 来源：某某网', '今年以来，某地新增普惠托位1200个，覆盖所有街道。', '相关政策', '某地出台了托育机构补贴办法，每个托位每年补助3000元。', '表1 托位数量', '区域', '托位', '城区', '800', '郊区', '400', '记者手记', '托育服务关系千家万户，需要久久为功。'].join('\n');
    const c = clean(normalise(page).lines);
    expect(c.removed).toEqual([]);
    expect(c.content).toHaveLength(12);
  });

  it('never takes a date from a related list, a file name or the text for the publication date', () => {
    const page = ['某某资讯网', '某地推进普惠托育', '今年以来，某地新增普惠托位1200个，2024年5月1日起实施新的补贴办法。', '相关推荐', '· 托育补贴新规　2024-04-30', '· 托育机构名录　2024-04-21'].join('\n');
    expect(clean(normalise(page).lines).meta.published).toBeNull();
  });

  it('takes forum replies headers out and keeps the replies', () => {
    const page = ['某某论坛 › 医保 › 异地就医怎么备案？', '异地就医怎么备案？', '楼主　某网友　发表于 2024-3-8 21:14', '想问问大家异地就医备案要准备什么材料，线上能办吗？', '回复　　举报', '沙发　另一网友　发表于 2024-3-8 21:40 | 只看该作者', '线上就能办，在国家医保服务平台App上提交申请即可。', '回复　　举报'].join('\n');
    const c = clean(normalise(page).lines);
    expect(c.meta).toMatchObject({ title: '异地就医怎么备案？', author: '某网友', published: '2024-03-08', publisher: '某某论坛' });
    expect(c.content.map((l) => l.text)).toEqual(['想问问大家异地就医备案要准备什么材料，线上能办吗？', '线上就能办，在国家医保服务平台App上提交申请即可。']);
  });

  it('removes an advertisement between paragraphs by its selling words, or by one of them in a line about something else', () => {
    const text = ['某地推进城乡居民养老保险', '今年以来，某地城乡居民养老保险参保人数持续增加，养老保险待遇稳步提高。', '全新家用净水器，点击立即购买', '某地还提高了城乡居民养老保险的基础养老金标准，参保居民普遍受益。', '参保居民可以在线缴费，点击立即咨询养老保险缴费档次。', '养老保险经办服务也更加便捷，参保居民满意度明显提升。'];
    const r = run(text.join('\n'));
    expect(r.removed).toEqual([['全新家用净水器，点击立即购买', 'advertisement']]);
  });

  it('finds the title and byline a few lines below a stray sentence at the top, and keeps the sentence', () => {
    const page = ['登录', '注册', '欢迎访问本站，这里汇集了各类政策资讯。', '全省义务教育学校全部实现标准化', '作者：张某 2024-09-02 08:30', '今年秋季学期开学前，全省义务教育学校全部达到办学标准。', '三年来全省共新建改扩建学校412所。'].join('\n');
    const c = clean(normalise(page).lines);
    expect(c.meta).toMatchObject({ title: '全省义务教育学校全部实现标准化', author: '张某', published: '2024-09-02' });
    expect(c.content.map((l) => l.text)).toEqual(['欢迎访问本站，这里汇集了各类政策资讯。', '今年秋季学期开学前，全省义务教育学校全部达到办学标准。', '三年来全省共新建改扩建学校412所。']);
  });

  it("reads an answer's byline on a Q&A page from the lines above its vote count", () => {
    const page = ['城市地铁票价为什么按里程计价？', '坐了这么多城市的地铁，发现大多按里程计价，这有什么道理？', '某某', '交通规划从业者', '238 人赞同了该回答', '简单说，按里程计价是在公平和财务可持续之间找平衡。', '编辑于 2023-06-12 09:14・IP 属地上海'].join('\n');
    const c = clean(normalise(page).lines);
    expect(c.meta).toMatchObject({ title: '城市地铁票价为什么按里程计价？', author: '某某', published: '2023-06-12' });
    expect(c.content.map((l) => l.text)).toEqual(['坐了这么多城市的地铁，发现大多按里程计价，这有什么道理？', '简单说，按里程计价是在公平和财务可持续之间找平衡。']);
  });

  it('keeps a notice’s closing list of contacts, phone numbers and all, but not a site’s tip line under a story', () => {
    const notice = run(['某某中学设备采购项目公开招标公告', '2024年05月20日 10:32 来源：某市公共资源交易中心', '', '本项目预算金额286.5万元，详见招标文件。', '六、对本次招标提出询问，请按以下方式联系。', '1.采购人信息', '名 称：某某中学', '地址：某市学府路66号', '联系方式：0578-2261234', '2.项目联系方式', '项目联系人：刘工', '电 话：0578-2285678', '', '相关公告', '某某中学采购项目更正公告 2024-05-24', '某某小学采购项目结果公告 2024-05-18'].join('\n'));
    expect(notice.kept).toEqual(['本项目预算金额286.5万元，详见招标文件。', '六、对本次招标提出询问，请按以下方式联系。', '1.采购人信息', '名 称：某某中学', '地址：某市学府路66号', '联系方式：0578-2261234', '2.项目联系方式', '项目联系人：刘工', '电 话：0578-2285678']);
    const story = run(['城市公交票价调整听证会召开', '2024-07-03 14:22 来源：某某新闻', '', ...article, '某某新闻报料电话：021-962866'].join('\n'));
    expect(story.kept).toEqual(article);
  });

  it('reads pages of new kinds: comments under a post, a title under its writer and follow button, a release’s date under its end mark', () => {
    const note = run(['某书', '登录', '', '阿梨在杭州', '关注', '老小区加装电梯｜我们楼用了11个月', '我们是6层老楼，一个单元12户，去年3月开始张罗。', '费用按楼层分摊，一楼不出钱。', '#加装电梯 #城市更新', '编辑于 2024-03-15 浙江', '', '共 23 条评论', '是小叶呀', '我们小区也在弄，卡在一楼不同意。', '03-16 江苏 回复 赞 12', '说点什么...'].join('\n'));
    expect(note.title).toBe('老小区加装电梯｜我们楼用了11个月');
    expect(note.kept).toEqual(['我们是6层老楼，一个单元12户，去年3月开始张罗。', '费用按楼层分摊，一楼不出钱。']);
    const c = clean(normalise(['跳至主要内容', '某某特别行政区政府 新闻公报', '政府扩展厨余收集网络', '', '环境局今日宣布，政府将扩展厨余收集网络。', '', '完', '', '2024年5月21日（星期二）', '香港时间15时30分', '', '即日新闻', '最近修订日期： 2024年5月21日'].join('\n')).lines);
    expect(c.meta).toMatchObject({ title: '政府扩展厨余收集网络', published: '2024-05-21' });
    expect(c.content.map((l) => l.text)).toEqual(['环境局今日宣布，政府将扩展厨余收集网络。']);
  });
});

