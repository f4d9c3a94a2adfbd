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
});
