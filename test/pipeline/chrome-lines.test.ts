/** One line of chrome by its general signals, and lines of text that share its words. */
import { describe, expect, it } from 'vitest';
import {
  adScore,
  isBreadcrumb,
  isButtonBar,
  isChromePhrase,
  isCounterLine,
  isEndMark,
  isFooterPhrase,
  isInterfaceLine,
  isMarkedLinkItem,
  isMasthead,
  isMenuLine,
  isPhotoCredit,
  isRelatedHeading,
  isRelatedInline,
  isSeparator,
  isTagLine,
} from '../../src/pipeline/chrome-lines.ts';
import { simplifyCharacters } from '../../src/pipeline/script.ts';

const f = (s: string) => simplifyCharacters(s, true);
const all = (test: (folded: string) => boolean, lines: string[]) => lines.filter((l) => !test(f(l)));
const none = (test: (folded: string) => boolean, lines: string[]) => lines.filter((l) => test(f(l)));

/** Lines of running text that use the words of chrome. */
const TEXT = ['各地要分享经验，关注民生。', '加强版权保护，全年查处侵权案件12起。', '首页显示的数据与统计公报一致。', '以前要跑好几趟，现在扫一扫就办好了。', '相关政策', '记者手记', '收入>支出的年份共有三年。'];

describe('chrome lines', () => {
  it('knows lines made only of interface words, in either script and width', () => {
    expect(all(isInterfaceLine, ['在看　点赞　分享', '【打印本页】　【关闭窗口】', '分享到：微信　微博　QQ空间　　评论（12）', '回复　　举报', '登录/注册', '返回列表　　发新帖', '友善列印 分享至Facebook 分享至LINE', '回上一頁 回首頁', '举报/反馈', '知道了'])).toEqual([]);
    expect(none(isInterfaceLine, TEXT)).toEqual([]);
  });

  it('knows footer, app and reader phrases', () => {
    expect(all(isChromePhrase, ['【字体：大 中 小】　　打印本页　　关闭窗口', '扫一扫在手机打开当前页', '长按识别二维码，关注我们', '打开网易新闻 查看精彩图片', '请点击输入图片描述（最多18字）', '238 人赞同了该回答', '新浪财经APP', '分享让更多人看到'])).toEqual([]);
    expect(all(isFooterPhrase, ['版权所有 © 某某网', '赣公网安备 36020002000414号', '主办单位：某市卫生健康委员会', '建议使用1366×768以上分辨率、IE9以上版本浏览器浏览本站', '未经允许不得转载：某某网 » 某标题', '（此件主动公开）', '免责声明：本站部分文章来源于网络'])).toEqual([]);
    expect(none(isChromePhrase, TEXT)).toEqual([]);
    expect(none(isFooterPhrase, TEXT)).toEqual([]);
  });

  it('knows breadcrumbs and menus, not a headline of parallel phrases or a comparison', () => {
    expect(all(isBreadcrumb, ['当前位置：首页 > 医疗卫生 > 业务管理', '首页 > 深度 > 正文', '某某论坛 › 板块 › 帖子标题？', '您當前的位置 > 行業動態 > 行業新聞', '人民网>>环保频道>>要闻'])).toEqual([]);
    expect(all(isMenuLine, ['首页 | 机构概况 | 政务公开 | 办事服务', '首页　机构概况　政务公开　医疗卫生　公共卫生', '新浪首页 新闻 体育 财经 娱乐 科技', '城市轨道交通 公共交通 城市规划 地铁'])).toEqual([]);
    expect(none(isMenuLine, ['第一章 总 则', '奋进新征程 建功新时代 喜迎二十大 共筑中国梦', '签约有感 健康可及——我市开展宣传活动', 'import fs from "node:fs"', 'a = b + c * d', ...TEXT])).toEqual([]);
    expect(none(isBreadcrumb, TEXT)).toEqual([]);
  });

  it('knows related-article headings, alone or with their links on the line', () => {
    expect(all(isRelatedHeading, ['相关阅读', '往期推荐', '相关推荐 更多>>', '【相关链接】', '相關連結'])).toEqual([]);
    expect(all(isRelatedInline, ['推荐阅读：夏季养生喝什么茶？', '相关链接：中国政府网　国家卫生健康委员会'])).toEqual([]);
    expect(all(isMarkedLinkItem, ['· 药品带量采购走向常态化　2020-12-15', '▶ 药品集采之后，院长们怎么算账', '某某发布年度报告 2024-12-13'])).toEqual([]);
    expect(none(isRelatedHeading, ['相关阅读材料显示，新政效果明显。'])).toEqual([]);
  });

  it('takes a table row for a dated link only when its last cell is a date, not a row of figures ending in a decimal', () => {
    expect(all(isMarkedLinkItem, ['关于做好家庭医生签约服务的通知 │ 2024-03-12', '某某发布年度报告 │ 12月13日'])).toEqual([]);
    expect(none(isMarkedLinkItem, ['床位数（万张） │ 38.6 │ 40.2 │ 41.9', '每千人口执业（助理）医师（人） │ 3.02 │ 3.15 │ 3.29', '甲市 │ 8900 │ 310 │ 86.1'])).toEqual([]);
  });

  it('scores ads by their selling words and shouting, not a policy that mentions a discount', () => {
    expect(['【广告】三甲专家在线问诊，首单立减20元，点击立即咨询>>', '▲▲▲ 家用制氧机厂家直销 买二送一 全国包邮 ▲▲▲', '扫码添加客服微信，领取专属优惠券', '【热门】开户即送10元话费，限时领取>>'].map((l) => adScore(f(l)) >= 2)).toEqual([true, true, true, true]);
    expect(['参保人员可享受药品价格优惠，并可领取电子医保凭证。', '企业按规定领取稳岗补贴。'].map((l) => adScore(f(l)))).toEqual([0, 0]);
  });

  it('knows photo credits, counters and separators', () => {
    expect(all(isPhotoCredit, ['三明市人大常委会主任某某。　图/资料图片', '资料图：北京蓝天下的城市景观。人民网记者 王某摄', '图片来源：视觉中国', '（新华社记者 某某 摄）'])).toEqual([]);
    expect(none(isPhotoCredit, ['如图所示，参保人数逐年上升。', '图1 2019—2023年参保人数', ...TEXT])).toEqual([]);
    expect(all(isCounterLine, ['关注者 1,284 被浏览 563,917', '赞同 238', '阅读 3.2万', '12 评论', '阅读量1.2k 收藏 12 点赞数 3'])).toEqual([]);
    expect(none(isCounterLine, ['3387', '医院 3.6万', '1120万人次', '+17273'])).toEqual([]);
    expect(all(isSeparator, ['——————————', '* * *', '=====', ':::'])).toEqual([]);
    expect(none(isSeparator, ['……', '（完）'])).toEqual([]);
  });

  it('knows the controls of comments, encyclopedias, databases and e-mails, and a bar of buttons with one word of its own', () => {
    expect(all(isInterfaceLine, ['按热度　按时间', '回应', '> 我来回应', '收起', '+关注', '播报', '编辑', '回頁首', '友善列印　匯出PDF　分享', '手机阅读　HTML阅读　CAJ下载　PDF下载', '退订'])).toEqual([]);
    expect(all(isButtonBar, ['百度首页　登录　注册', '播报　讨论　上传视频'])).toEqual([]);
    // A table's row (a name and figures), a heading, a sentence: no bar.
    expect(none(isButtonBar, ['营业收入 3,856,214,387.52 3,512,903,665.10 9.77', '5 讨论', '分享 经验 交流', ...TEXT])).toEqual([]);
    expect(all(isTagLine, ['#梅雨# #城市内涝# #防汛#', '#城市漫步 #老城墙'])).toEqual([]);
    expect(none(isTagLine, ['# 标题', '#1 的结论', ...TEXT])).toEqual([]);
    expect(all(isEndMark, ['完', '（完）', '-完-', '【完】', '(END)'])).toEqual([]);
    expect(none(isEndMark, ['完成', '全文', '完善制度。'])).toEqual([]);
    expect(all(isMasthead, ['绿碳研究院 | 碳市场周报', '香港特別行政區政府 新聞公報'])).toEqual([]);
    expect(none(isMasthead, ['城市公交票价调整 | 多地探索按里程计价', '公交一元一票能坚持多久', ...TEXT])).toEqual([]);
    expect(all(isChromePhrase, ['如果邮件无法正常显示，请点击此处查看网页版', '转发给同事 | 在浏览器中打开', '本词条由“科普中国”科学百科词条编写与应用工作项目 审核 。', '登录后才可以发表评论哦'])).toEqual([]);
    expect(all(isFooterPhrase, ['未经正式授权严禁转载本文，侵权必究。', '您收到这封邮件，是因为您订阅了某某研究院的《周报》。', '本邮件由系统自动发送，请勿直接回复。', '退订 | 管理订阅偏好 | 隐私政策', '某某研究院　地址：北京市海淀区某某路66号　邮编：100081'])).toEqual([]);
    expect(none(isChromePhrase, ['完成', '消费者可随时退订短信。', ...TEXT])).toEqual([]);
    expect(none(isFooterPhrase, ['消费者可随时退订短信。', '报名地址：市民中心三楼，邮编：100081。', ...TEXT])).toEqual([]);
  });
});
