/**
 * The boilerplate rules used by clean.ts. Each rule is general (it would work on the next
 * scraped site) and names what it removes. clean.ts matches them on folded lines (simplified
 * characters, full-width punctuation as ASCII).
 */
import type { RemovalReason } from './types.ts';

/** Sentence-final punctuation in either width. */
export const SENTENCE_END = /[。.!！?？;；…]["”’」』)）]?$/;
/** Any sentence punctuation that a heading or UI label would not carry. */
export const PROSE_PUNCT = /[。!！;；]/;

/** Short interface labels: login forms, share buttons, navigation. */
const UI_LABEL =
  /^(?:登录|注册|登\s*录|注\s*册|立即登录|立即注册|退出登录|登录\S{1,8}|\S{1,8}登录|忘记密码|找回密码|获取验证码|发送验证码|验证码|新用户注册|用户注册|绑定手机号?|手机号?|密码|账号|确定|取消|提交|分享|分享到|分享至|分享文章|\S{0,6}扫描二维码\S{0,6}|扫一扫|收藏|点赞|评论|写评论|返回顶部|上一篇|下一篇|无法查看|打印|关闭|更多|首页|搜索)[??!!::]?$/;

/** A line that is only one or more image file names (an image the scrape lost). */
const IMAGE_LINE = /^(?:[^。,,;;::!?!?\s][^。,,;;::!?!?]{0,40}?\.(?:png|jpe?g|gif|webp|bmp|svg|tiff?)\s*)+$/i;

/** `{{detail.name}}`-style template placeholders left unfilled. */
const PLACEHOLDER = /\{\{[^{}]*\}\}/g;

/** Promotion of the full report, the app, the public account. */
const PROMOTION = /(?:节选|下载地址|阅读完整|阅读全文|扫描.{0,8}二维码|扫码.{0,8}(?:获取|关注|下载)|关注.{0,12}公众号|点击.{0,6}(?:下载|阅读原文))/;

/** Notices about the site itself rather than the article. */
const SITE_NOTICE = /(?:官方域名|域名.{0,10}(?:升级|变更|停止)|网站.{0,6}(?:改版|升级|迁移)|停止服务,感谢)/;

/** Customer-service, news-tip and phone lines. */
const CONTACT = /(?:客服|电话|热线|QQ|微信|联系方式|报料|爆料|投稿)[^。]{0,16}?[:：]?\s*\+?\d[\d\s-]{5,}\d\s*[)）]?\s*$/;

/** Footer anchors: copyright statements, interview-data notes, reprint notices. */
const FOOTER = /^(?:声明|免责声明|版权声明|版权所有|注|备注)[:：]|转载请联系|版权所有|all rights reserved|©/i;

/** Bullets that introduce reader comments or related-link items. */
const BULLET = /^[•·●▪◦・]\s*/;

/** Words of a user agreement or privacy policy. */
const LEGAL_ANCHOR = /(?:用户协议|服务协议|隐私政策|隐私权|隐私声明|服务条款|使用条款)/;
const LEGAL_CLAUSE = /^(?:第\s*[\d一二三四五六七八九十]+\s*条|\d+\.\d+\s|\d+\)\s)/;
const LEGAL_WORDS = /(?:用户|协议|条款|隐私|您|本服务|本网站|法律|免责|知识产权|客服|帐户|账户|账号|信息安全|个人信息)/;

/** A download site's disclaimer header. */
const DISCLAIMER_ANCHOR = /^(?:温馨提示|下载说明|下载须知|免责声明|特别声明)[::]?$/;
const DISCLAIMER_WORDS = /(?:下载|文档|预览|上传|版权|客服|付费|投诉|侵权|本站)/;

/** `头条 22-01-20`: a short label and a date, as in lists of links to other articles. */
const LINK_LIST_ITEM = /^[^\s。,,;;]{1,12}\s*(?:\d{2}|\d{4})[-./]\d{1,2}[-./]\d{1,2}$/;

/** Line-level rules: each looks at one line alone. The first that matches names the reason. */
export function lineRule(text: string): RemovalReason | null {
  if (IMAGE_LINE.test(text)) return 'image-placeholder';
  if (isTemplateLine(text)) return 'template-placeholder';
  if (text.length <= 24 && UI_LABEL.test(text)) return 'site-chrome';
  if (SITE_NOTICE.test(text) && text.length < 120) return 'site-notice';
  if (PROMOTION.test(text) && text.length < 160) return 'promotion';
  if (CONTACT.test(text) && text.length < 80) return 'contact';
  return null;
}

/** A line made of template placeholders and at most a short label. */
export function isTemplateLine(text: string): boolean {
  if (!/\{\{[^{}]*\}\}/.test(text)) return false;
  const rest = text.replace(PLACEHOLDER, '').replace(/[\s::·\-—,,|/]/g, '');
  return rest.length <= 8;
}

export const isUiLabel = (t: string) => t.length <= 24 && UI_LABEL.test(t);
export const isLegalAnchor = (t: string) => LEGAL_ANCHOR.test(t);
export const isLegalLine = (t: string) => LEGAL_CLAUSE.test(t) || LEGAL_ANCHOR.test(t) || LEGAL_WORDS.test(t);
export const isDisclaimerAnchor = (t: string) => DISCLAIMER_ANCHOR.test(t);
export const isDisclaimerLine = (t: string) => /^\d+[.、.]/.test(t) && DISCLAIMER_WORDS.test(t);
export const isFooterAnchor = (t: string) => FOOTER.test(t);
export const isBullet = (t: string) => BULLET.test(t);
export const isLinkListItem = (t: string) => LINK_LIST_ITEM.test(t);
/** Short, with no sentence punctuation: a label, a title, a heading or a UI word. */
export const isShortLabel = (t: string, max = 24) => t.length <= max && !PROSE_PUNCT.test(t);
