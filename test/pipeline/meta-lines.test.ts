/** Metadata lines read into fields: every form the web writes them in, and lines that only look like them. */
import { describe, expect, it } from 'vitest';
import { isFieldLine, parseDate, readIssuer, readIssuerHeader, readMetaLine } from '../../src/pipeline/meta-lines.ts';
import { simplifyCharacters } from '../../src/pipeline/script.ts';

const read = (line: string) => readMetaLine(line, simplifyCharacters(line, true));
const space = (line: string) => line.replace(/\u3000/g, ' ');

describe('dates', () => {
  it('reads the forms pages write, Minguo years and Chinese numerals included', () => {
    expect(['2025-05-19', '2021/5/26', '2018.06.09', '2021年11月19日', '二〇二二年十二月十九日', '113-01-30', '民国98年3月1日', '2024年3月'].map(parseDate)).toEqual([
      '2025-05-19',
      '2021-05-26',
      '2018-06-09',
      '2021-11-19',
      '2022-12-19',
      '2024-01-30',
      '2009-03-01',
      '2024-03',
    ]);
  });
  it('refuses what is no date', () => {
    expect(['2025-13-01', '2021-02-40', '98-01-30', '1,284', '12.5%'].map(parseDate)).toEqual([null, null, null, null, null]);
  });
});

describe('metadata lines', () => {
  it('reads labelled fields, in either width and script', () => {
    expect(read('发布时间：2025-05-19 16:32　　来源：某市卫生健康委员会　　浏览次数：')).toMatchObject({ kind: 'fields', published: '2025-05-19', publisher: '某市卫生健康委员会' });
    expect(read('欄目：行業動態　發布時間：2021-11-30')).toMatchObject({ published: '2021-11-30' });
    expect(read('发布单位：公路局 发布日期：113-01-30 更新日期：113-02-01')).toMatchObject({ published: '2024-01-30', publisher: '公路局' });
    expect(read('编辑：某某组　　责任编辑：值班编辑')).toMatchObject({ editor: '值班编辑' });
    expect(read('原标题：山城自救走向全国')).toMatchObject({ originalTitle: '山城自救走向全国' });
    expect(read('标题： 某省教育厅关于做好招生工作的通知')).toMatchObject({ title: '某省教育厅关于做好招生工作的通知' });
    expect(read('发文字号： 某教基字〔2024〕6号 发布日期： 2024-03-12')).toMatchObject({ documentNumber: '某教基字〔2024〕6号', published: '2024-03-12' });
  });

  it('prefers a publication date to a signing date, and both to an update', () => {
    expect(read('成文日期：2024-03-08 发布日期：2024-03-12')).toMatchObject({ published: '2024-03-12', publishedRank: 0 });
    expect(read('更新时间：2024-05-01 日期：2024-04-01')).toMatchObject({ published: '2024-04-01' });
  });

  it('leaves out what names no one: a CMS account, an empty field, a generic source, a region', () => {
    expect(read('加入日期：2021/5/26 9:19:47 查看人數： 2967 作者：admin')).toEqual({ kind: 'fields', published: '2021-05-26', publishedRank: 1 });
    expect(read('来源：综合整理　　作者：')).toEqual({ kind: 'fields' });
    expect(read('2025-09-26 10:12:37　来源: 某观察员　广东')).toMatchObject({ published: '2025-09-26', publisher: '某观察员' });
  });

  it('reads bylines without labels: WeChat, a date before a source, a name and a slash', () => {
    expect(read('原创 林某 某某观察 2026-01-16 08:30 福建')).toMatchObject({ kind: 'byline', author: '林某', publisher: '某某观察', published: '2026-01-16' });
    expect(read('2024年12月16日 07:12 中国证券报')).toMatchObject({ publisher: '中国证券报', published: '2024-12-16' });
    expect(read('2022年06月07日08:13 | 来源：人民网－人民日报')).toMatchObject({ publisher: '人民网－人民日报', published: '2022-06-07' });
    expect(read('文/张三')).toMatchObject({ author: '张三' });
    expect(read('某某新闻记者 周某')).toMatchObject({ author: '周某' });
    expect(read('《 人民日报 》（ 2025年01月16日 02 版）')).toMatchObject({ publisher: '人民日报', published: '2025-01-16' });
    expect(read('原创 某博主 已于 2024-01-05 10:23:11 修改')).toMatchObject({ published: '2024-01-05' });
    expect(read('摄影：陈某 审核：王某')).toMatchObject({ kind: 'fields', editor: '王某' });
    expect(read('责任编辑：黄某 图片编辑：王某')).toMatchObject({ editor: '黄某' });
    expect(read('记者 张三 李四')).toMatchObject({ author: '张三 李四' });
    expect(read('编辑于 2023-06-12 09:14・IP 属地上海')).toMatchObject({ published: '2023-06-12' });
    expect(read('2024-11-21 18:05北京')).toMatchObject({ kind: 'date', published: '2024-11-21' });
  });

  it('reads forum post headers, and which is the first post', () => {
    expect(read('楼主　某网友　发表于 2023-3-8 21:14')).toMatchObject({ kind: 'post', author: '某网友', published: '2023-03-08', firstPost: true });
    expect(read('沙发　某网友　发表于 2023-3-8 21:40 | 只看该作者')).toMatchObject({ kind: 'post', firstPost: false });
  });

  it('reads datelines, alone or opening a paragraph', () => {
    expect(read('新华社北京8月5日电（记者 王某 李某）国务院近日印发通知。')).toMatchObject({ kind: 'dateline', publisher: '新华社', author: '王某 李某', length: 20 });
    expect(read('（新华社深圳9月2日电）')).toMatchObject({ kind: 'dateline', publisher: '新华社' });
    expect(read('本报北京1月15日电  （记者张某）生态环境部15日召开发布会。')).toMatchObject({ kind: 'dateline', author: '张某' });
  });

  it('reads counters as counters, and an official document number, header and issuer', () => {
    expect(read('阅读:次')).toEqual({ kind: 'counters' });
    expect(read('查看: 1386 | 回复: 4')).toEqual({ kind: 'counters' });
    expect(read('医保发〔2021〕48号')).toEqual({ kind: 'document-number', documentNumber: '医保发〔2021〕48号' });
    expect(readIssuerHeader('国家医疗保障局文件', '国家医疗保障局文件')).toEqual({ kind: 'issuer-header', publisher: '国家医疗保障局' });
    expect(readIssuer('国家统计局某市调查队', '国家统计局某市调查队')).toMatchObject({ publisher: '国家统计局某市调查队' });
  });

  it('leaves the text alone: sentences, a meeting time, table cells, link lists', () => {
    for (const line of ['2021年3月底', '2024年初以来', '会议时间：2023年5月12日', '2017年这一年中，可谓热闹非凡。', '头条 22-01-20', '医联体开展情况', '截至2021年3月底，全国医疗卫生机构总数达102.6万个。', '3387', '（单位：个）']) {
      expect(read(line), line).toBeNull();
    }
  });

  it('reads labels spaced out to align a table, bars for colons, an office before a name, a paper’s authors', () => {
    expect(read(space('索 引 号：11330700002612345K/2024-00156'))).toMatchObject({ kind: 'fields' });
    expect(read(space('文　　号：某交建〔2024〕31号'))).toMatchObject({ documentNumber: '某交建〔2024〕31号' });
    expect(read('某某新闻记者 | 郑一帆')).toMatchObject({ author: '郑一帆' });
    expect(read('某某新闻编辑 | 许悦')).toMatchObject({ editor: '许悦' });
    expect(read(space('滨江市市长　周明远'))).toMatchObject({ author: '周明远' });
    expect(read(space('林思远1　赵佳琪2　周　航1'))).toMatchObject({ author: '林思远、赵佳琪、周航' });
    expect(read('发件人: 某某研究院 <newsletter@example.cn>')).toMatchObject({ publisher: '某某研究院' });
    expect(read('主题: 【周报】第45期｜碳市场扩围在即，企业如何准备')).toMatchObject({ title: '【周报】第45期｜碳市场扩围在即，企业如何准备' });
    expect(read('法規名稱：社區大學發展補助辦法')).toMatchObject({ title: '社區大學發展補助辦法' });
    expect(read('发布部门：某市人大(含常委会)')).toMatchObject({ publisher: '某市人大(含常委会)' });
    expect(read('修正日期：民國 112 年 05 月 19 日')).toMatchObject({ published: '2023-05-19' });
    expect(read('在线公开时间：2023-09-28 11:03')).toMatchObject({ published: '2023-09-28' });
    for (const line of ['附件1 附件2', '表1 图2', '会议时间：2024年3月1日；地点：市民中心。']) expect(read(line), line).toBeNull();
  });

  it('reads the lines of a record, however punctuated: keywords, grants, a law’s history and promulgation, an issue, a post’s time and place', () => {
    for (const line of [
      '关键词：碳排放权交易；绿色技术创新；双重差分；',
      '基金资助：国家社会科学基金一般项目（21BJY087）；某大学青年学术骨干培养计划；',
      '1.南方财经大学经济学院　2.江海大学商学院',
      '（2023年10月26日某市第十七届人民代表大会常务委员会第十五次会议通过　2023年11月22日某省人民代表大会常务委员会批准）',
      '法規沿革：',
      '2.中華民國一百一十二年五月十九日教育部臺教社（一）字第 1122402135A 號令修正發布全文 9 條；並自發布日施行',
      '2024年第21期 · 总第45期',
      '香港時間15時30分',
      '发布于 浙江',
    ]) {
      expect(read(space(line)), line).toMatchObject({ record: true });
      expect(isFieldLine(space(line), simplifyCharacters(space(line), true)), line).toBe(true);
    }
    expect(read('中国人口·资源与环境. 2023,33(09)')).toMatchObject({ publisher: '中国人口·资源与环境' });
    expect(read('1.中華民國九十一年六月十日教育部台（九一）社（三）字第 0910085100 號令訂定發布全文 8 條')).toMatchObject({ publisher: '教育部' });
    expect(read('——2024年1月16日在某市第十七届人民代表大会第四次会议上')).toMatchObject({ published: '2024-01-16', publishedRank: 2 });
    expect(read('2024-6-19 16:42 来自 微博网页版 已编辑')).toMatchObject({ kind: 'date', published: '2024-06-19' });
    expect(read('2024年5月21日（星期二）')).toMatchObject({ kind: 'date', published: '2024-05-21' });
    // A notice's paragraph that opens with a time is no field line; nor is a sentence.
    expect(isFieldLine('时间：2024年3月1日上午9时，地点：市民中心，请准时参加。', simplifyCharacters('时间：2024年3月1日上午9时，地点：市民中心，请准时参加。', true))).toBe(false);
    expect(isFieldLine('这是正文，讲的是票价调整；它不是元数据。', '这是正文,讲的是票价调整;它不是元数据。')).toBe(false);
  });

  it('reads a judgment’s number, kind and signatures, a message board’s reply, a standard’s record, and names with the page’s words around them', () => {
    expect(read('（2023）浙0791民初3456号')).toMatchObject({ kind: 'document-number' });
    expect(read('民 事 判 决 书')).toMatchObject({ record: true });
    expect(read(space('审判员　陈　敏'))).toMatchObject({ record: true });
    expect(read(space('书记员　赵　琳'))).toMatchObject({ record: true });
    expect(read(space('回复单位：某市交通运输局　　回复时间：2024-04-10 16:40'))).toMatchObject({ publisher: '某市交通运输局', published: '2024-04-10' });
    // A letter's time is the letter's, not the page's.
    expect(read(space('来信人：王**　　来信时间：2024-04-02 09:15'))?.published).toBeUndefined();
    expect(read('中文标准名称：城市公共自行车服务规范')).toMatchObject({ title: '城市公共自行车服务规范' });
    expect(read('中国标准分类号（CCS）：R12')).toMatchObject({ record: true });
    expect(read('2024年05月20日 10:32 来源：某市公共资源交易中心 【打印】')).toMatchObject({ publisher: '某市公共资源交易中心', published: '2024-05-20' });
    expect(read('文｜财新 记者 方远')).toMatchObject({ author: '方远' });
    expect(read('编辑于 2024-03-15 浙江')).toMatchObject({ published: '2024-03-15' });
    expect(read('编辑于 2024-03-15 浙江')?.author).toBeUndefined();
    for (const line of ['民事判决书的效力', '第 一 章', '审判员认为，被告应当支付物业费。']) expect(read(line)?.record, line).toBeUndefined();
  });
});
