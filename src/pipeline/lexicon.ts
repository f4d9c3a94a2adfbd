/**
 * The vocabulary of Chinese websites' interfaces, as data: the words that page chrome is made of
 * (navigation, font and print buttons, share bars, app prompts, forum and WeChat reader controls,
 * related-article headings, footers), and the phrases of ads, photo credits and official notices'
 * publication notes. Knowledge of Chinese sites in general, never of one site: each entry is found
 * on many sites. Written in the folded form the cleaner matches on (simplified characters, ASCII
 * punctuation: script.ts simplifyCharacters(text, true)).
 */

/** Words and phrases that are interface, not text: a line made only of these (and separators) is chrome. */
export const UI_WORDS: readonly string[] = [
  // navigation
  '首页', '网站首页', '返回首页', '回到首页', '主页', '网站地图', '站点地图', '联系我们', '关于我们', '设为首页', '加入收藏', '收藏本站', '收藏本页',
  '当前位置', '您的位置', '您当前的位置', '您现在的位置', '所在位置', '当前页面', '正文', '返回', '返回顶部', '回到顶部', '返回列表', '返回上一页', '返回目录',
  'top', 'english', '无障碍', '长者模式', '适老化', '繁体', '简体', '搜索', '高级搜索', '请输入关键词', '请输入关键字', '站内搜索',
  '跳到主要内容区块', '跳到主要内容', '跳至主要内容', '跳到主要内容区', '网站导览', '网站导航', '回上一页', '回首页', '回顶部',
  '上一篇', '下一篇', '上一条', '下一条', '上一页', '下一页', '前一篇', '后一篇', '更多', '查看更多', '加载更多', '展开全文',
  // font, print, close
  '字号', '字体', '大字号', '中字号', '小字号', '放大字体', '缩小字体', '字体大小', '打印', '友善列印', '列印', '打印文章', '打印本页', '打印此页', '关闭', '关闭窗口', '关闭本页', '【打印】', '【关闭】', '保存', '纠错', '我要纠错',
  // share
  '分享', '分享到', '分享至', '分享给', '转发', '微信', '微博', '新浪微博', '腾讯微博', 'qq', 'qq空间', 'qq好友', '朋友圈', '豆瓣', 'facebook', 'line', 'twitter', '复制链接', '链接已复制',
  '扫一扫', '微信扫一扫', '扫码', '二维码', '扫描二维码', '用微信扫码二维码', '用微信扫描二维码', '在手机打开', '在手机上打开', '当前页', '手机版', '移动版', '手机阅读',
  '分享至好友和朋友圈', '打开微信', '点击右上角', '长按识别二维码', '长按二维码', '识别二维码', '关注我们', '关注该公众号', '关注公众号', '点击关注', '点击上方蓝字', '点击蓝字', '关注', '加关注',
  // WeChat reader controls
  '阅读原文', '轻触阅读原文', '在看', '点赞', '赞赏', '打赏', '喜欢作者', '写留言', '留言', '精选留言', '知道了', '预览时标签不可点', '继续滑动看下一个', '向上滑动看下一个',
  '微信扫一扫关注该公众号', '小程序', '喜欢此内容的人还喜欢', '收录于合集', '收录于话题', '投诉', '举报', '阅读全文',
  // comments, forums, accounts
  '评论', '写评论', '发表评论', '我要评论', '查看评论', '参与评论', '网友评论', '添加评论', '回复', '收藏', '已收藏', '点击收藏', '喜欢', '反馈', '意见反馈', '纠错反馈',
  '关注问题', '写回答', '邀请回答', '好问题', '显示全部', '查看全部', '展开阅读全文', '阅读全文', '继续阅读',
  '登录', '注册', '退出', '立即登录', '立即注册', '免费注册', '登录后可回复', '快速回复', '发新帖', '发帖', '回帖', '只看该作者', '只看楼主', '倒序浏览', '阅读模式', '电梯直达', '跳转到指定楼层',
  '楼主', '沙发', '板凳', '地板', '申请入驻', '入驻', '投稿', '我要投稿', '订阅', '客户端', '下载客户端', 'app', '下载app', '打开app', 'app内打开', '在app内打开', '查看精彩图片', '正在阅读',
  '图片', '图集', '视频加载中', '点击播放',
  // readers' comments and replies under a post (news sites, diaries, microblogs)
  '赞', '回应', '我来回应', '全部回应', '热门评论', '最热评论', '最新评论', '全部评论', '精彩评论', '评论区', '跟帖', '跟贴', '热门跟帖', '按热度', '按时间', '最热', '最新', '收起', '收起全文', '展开', '全文', '已关注', '+关注',
  // an encyclopedia entry's tools (many wikis and 百科 sites)
  '播报', '编辑', '编辑词条', '进入词条', '全站搜索', '上传视频', '词条统计', '词条图册', '图册', '更多图册', '历史版本', '帮助', '帮助中心',
  // a database record's tools (journal, law and standards databases)
  '下载', 'pdf下载', 'caj下载', '下载pdf', 'html阅读', '在线阅读', '汇出pdf', '导出pdf', '记笔记', '回页首',
  // an e-mail newsletter
  '退订', '取消订阅', '管理订阅',
  // a record's preview and download; a government reply's rating
  '在线预览', '预览', '下载标准', '下载全文', '全文下载', '满意度评价', '满意', '基本满意', '不满意',
];

/** Headings of lists of other articles: the lines after them are links. */
export const RELATED_HEADINGS: readonly string[] = [
  '相关推荐', '相关阅读', '相关文章', '相关新闻', '相关链接', '相关资讯', '相关专题', '相关文件', '相关政策', '相关附件', '延伸阅读', '扩展阅读', '推荐阅读', '往期推荐', '往期回顾', '往期精选', '往期精彩',
  '猜你喜欢', '你可能还喜欢', '大家都在看', '为你推荐', '热门推荐', '热门文章', '热门新闻', '热点推荐', '热点新闻', '热点专题', '精彩推荐', '精彩阅读', '编辑推荐', '今日推荐', '最新文章', '最新资讯', '最新新闻',
  '阅读排行', '点击排行', '热门排行', '排行榜', '热门标签', '热门搜索', '图片新闻', '更多精彩', '更多阅读', '近期文章', '随机文章', '友情链接', '专题推荐', '推荐文章', '推荐新闻', '同类文章', '本类推荐',
  '相关连结', '相关网站', '相关报道', '相关稿件', '相关视频', '热门评论', '最新评论',
  '相关法规', '相关法律', '相关案例', '相似文献', '读者推荐', '相关公告', '相关文书', '相关标准',
];

/** Phrases that mark a whole line as chrome wherever it stands (footers, app prompts, reader controls, official publication notes). */
export const CHROME_PHRASES: readonly RegExp[] = [
  /【\s*字[体号]\s*:?\s*[大中小\s]+】/,
  /^字[体号]\s*:?\s*[大中小\s]+$/,
  /扫一扫在手机(?:上)?打开/,
  /(?:扫描|扫一扫|扫码).{0,8}(?:下载|打开).{0,12}(?:app|客户端)/,
  /(?:下载|打开).{0,10}(?:app|客户端)/,
  /^打开\S{2,8}\s*查看精彩图片$/,
  /^[\p{Script=Han}A-Za-z]{2,10}(?:app|客户端)$/u,
  /尽在.{1,12}(?:app|客户端)/,
  /^分享(?:给|让|到)?.{0,6}(?:好友|朋友|更多人|身边的人)/,
  /^\d[\d,.]*\s*[万千kw]?\s*(?:人|条|个|次)\s*(?:赞同|阅读|浏览|评论|回答|点赞|收藏|转发|喜欢|看过|参与)/,
  /^(?:查看|显示)?全部\s*\d[\d,]*\s*(?:个|条)(?:回答|评论|回复)$/,
  /请点击输入图片描述/,
  /点击上方.{0,6}(?:蓝字|关注)/,
  /长按(?:识别)?.{0,4}二维码/,
  /预览时标签不可点|继续滑动看下一个|轻触阅读原文|向上滑动看下一个/,
  /您需要登录后才可以|登录后(?:才)?可(?:以)?.{0,4}(?:回复|回帖|评论|查看|发言|留言)/,
  // The box a reader writes a comment in.
  /^(?:说点什么|写下你的评论|发表你的评论|我来说两句|留下你的(?:想法|评论))\s*(?:\.{3}|…+)?$/,
  // An e-mail's own controls: the web version, forwarding.
  /(?:邮件|网页)无法(?:正常)?显示|查看网页版|在浏览器中(?:打开|查看)/,
  /^转发给.{0,4}(?:好友|朋友|同事)/,
  // An encyclopedia's note on who reviewed the entry.
  /^本(?:词条|条目)(?:由|已由|经).{0,40}(?:审核|审定|认证|提供|编写)/,
  /本帖最后由.{1,30}编辑/,
  /^签名\s*:/,
  /^【?(?:广告|推广|赞助)】|^\[(?:广告|推广)\]|^\((?:广告|推广)\)/,
  /^(?:上一篇|下一篇|上一条|下一条|上一页|下一页|前一篇|后一篇)\s*:/,
  /已有\s*\d+\s*人(?:参与|发表)?(?:评论|阅读|浏览|点赞)/,
  /^(?:图片|照片|图|视频)(?:来源|来自|提供)\s*:/,
  /^(?:\[图片\]|<图片>|【图片】|\(图片\))$/,
];

/** Phrases of a page's footer, and of the statements sites and official notices print below a text: copyright, registration, who runs the site, reprint and liability notices. */
export const FOOTER_PHRASES: readonly RegExp[] = [
  /powered by/,
  /版权所有|版权归.{1,20}所有|all rights reserved|copyright|©/,
  /icp(?:备|证|许可)|公网安备|网安备\s*\d|网站标识码|网站识别码/,
  /^(?:主办|承办|协办|主管|运营|运维|维护|运行维护)(?:单位)?\s*:/,
  /技术支持\s*:|网站建设|建议使用.{0,30}(?:浏览器|分辨率)|最佳浏览|分辨率.{0,10}浏览/,
  /未经.{0,6}(?:允许|授权|许可|同意).{0,8}(?:不得|禁止|严禁)(?:转载|复制|使用|转发)/,
  /转载请(?:注明|联系|保留)|禁止转载|谢绝转载|如需转载/,
  /如(?:有|涉及)侵权|侵权(?:请)?(?:联系)?删除|联系(?:后台|我们)?删除|侵删/,
  /^【?(?:免责|版权|特别)声明】?\s*:?/,
  /此件(?:主动公开|公开发布|依申请公开|不予公开|不公开)/,
  // An e-mail newsletter's footer: why the reader got it, how to stop it, do not reply.
  /(?:收到|接收)(?:这|此|本)封?(?:邮件|电邮)|(?:本|此)(?:邮件|电邮)(?:由|为)系统自动发送|请勿(?:直接)?回复(?:本|此)?(?:邮件)?[。.]?$|^(?:退订|取消订阅)\s*[|]/,
  // A site's address and postcode in its footer (no sentence: a notice's contact paragraph is one).
  /^[^。]{0,30}地址\s*:[^。]{2,40}(?:邮编|邮政编码)\s*:?\s*\d{6}$/,
];

/** Words of advertisements: what they sell and how they ask you to buy. */
export const AD_WORDS: readonly RegExp[] = [
  /包邮/, /立减/, /优惠券/, /领券/, /买[一二三四五\d]送[一二三四五\d]/, /厂家直销/, /秒杀/, /抢购/, /限时(?:特价|优惠|折扣|抢|领取|免费|特惠)/, /特价/, /首单/,
  /(?:即送|就送|免费送|赠送|送)\s*\d+\s*元/, /^[【[]\s*(?:热门|活动|福利|特惠|推荐)\s*[】\]]/,
  /加(?:客服)?微信/, /客服微信/, /(?:点击|立即|免费)(?:咨询|购买|下单|领取|抢购|预约|报名)/, /扫码(?:添加|领取|咨询|购买)/, /免费领/, /私信/, /下单/, /[0-9.]+折/,
];

/** Decorations that shout: ▲▲▲, ★★★, >>>, ↓↓↓. */
export const SHOUTING = /([▲△▼▽★☆◆◇■□●○→←↓↑♦♥❤✔✅🔥👉])\1\1|>{2,}\s*$/u;

/** Labels of metadata fields, as in `发布时间:2021-04-05`, `来源:新华社`, `责任编辑:张三`. */
export const META_LABELS = {
  published: ['发布时间', '发布日期', '发表时间', '发表日期', '发稿时间', '发布于', '时间', '日期', '加入日期', '加入时间', '添加时间', '添加日期', '上传时间', '录入时间', '刊发时间', '成文日期', '印发日期', '更新时间', '更新日期', '修改时间',
    // a journal's and a law database's dates, an e-mail's
    '在线公开时间', '网络首发时间', '网络出版时间', '出版日期', '出版时间', '公布日期', '颁布日期', '修正日期', '修订日期', '发送时间',
    // a message board's reply, which the page is published with
    '回复时间', '答复时间', '办理时间'],
  publisher: ['来源', '稿源', '信息来源', '文章来源', '消息来源', '新闻来源', '出处', '来源于', '发布机构', '发布单位', '发文机关', '发文单位', '发布者', '供稿', '供稿单位', '信息提供', '主办机构',
    '发布部门', '发布机关', '制定机关', '颁布机关', '发件人', '回复单位', '答复单位', '办理单位', '回复部门', '答复部门'],
  author: ['作者', '撰文', '撰稿', '文', '记者', '本报记者', '本网记者', '通讯员', '撰稿人', '发布人', '整理'],
  editor: ['编辑', '责任编辑', '责编', '值班编辑', '编审', '审核', '审校', '校对', '终审', '主编', '编校', '实习编辑', '编发'],
  originalTitle: ['原标题', '原题'],
  documentNumber: ['发文字号', '文号', '文件编号', '索引号', '主题分类', '公文种类', '体裁分类', '主题词', '组配分类', '服务对象', '有效性', '效力状态', '公开方式', '公开范围', '生成日期', '实施日期', '废止日期',
    // an official reply's signer and copies; a law database's record
    '签发人', '签发', '抄送', '抄报', '施行日期', '时效性', '效力级别', '效力位阶', '法规类别', '法宝引证码', '批准日期', '通过日期',
    // a journal article's record
    '基金资助', '基金项目', '资助项目', '专辑', '专题', '分类号', '中图分类号', '文献标识码', '文章编号', 'DOI', 'doi', '页码', '页数', '大小',
    // an e-mail's header
    '收件人',
    // a message board's letter (its writer and time are the letter's, not the page's)
    '来信人', '来信时间', '留言人', '留言时间', '提问人', '提问时间', '信件编号', '信件类型', '留言编号', '办理状态',
    // a standard's record
    '标准号', '标准编号', '标准状态', '英文标准名称', '英文名称', '中国标准分类号', '国际标准分类号', '主管部门', '归口部门', '归口单位', '起草单位', '起草人', '代替标准'],
  title: ['标题', '名称', '信息名称', '文件名称', '法规名称', '主题', '邮件主题', '标准名称', '中文标准名称', '中文名称'],
  counter: ['下载', '下载量', '下载次数', '被引', '被引次数', '浏览次数', '浏览人次', '点阅次数', '关注者', '被浏览', '赞同', '粉丝', '浏览量', '浏览', '阅读量', '阅读数', '阅读次数', '阅读', '点击数', '点击量', '点击率', '点击', '访问量', '访问次数', '查看人数', '查看次数', '查看', '人气', '评论数', '回复', '热度', '次'],
  column: ['栏目', '所属栏目', '分类', '所属分类', '频道', '类别', '标签', 'tags', '关键词', '关键字', '分类专栏', '专栏', '文章标签', '文章分类', '个人分类', '所属专栏', '话题'],
  credit: ['摄影', '摄像', '图片编辑', '视频编辑', '美术编辑', '美编', '制图', '设计', '排版', '配图', '图片', '视频', '插图'],
} as const;
export type MetaField = keyof typeof META_LABELS;

/** Values of a source field that name no publisher. */
export const NO_PUBLISHER = /^(?:本站|本网|本网站|原创|网络|互联网|网友|网友投稿|投稿|综合|综合整理|网络整理|整理|转载|网络转载|未知|其他|佚名|匿名|admin|管理员|编辑部|本站编辑|本站原创|自媒体|头条|微信|微信公众号|公众号)$/i;

/** Values of an author field that name no author (a CMS account, a placeholder). */
export const NO_AUTHOR = /^(?:admin|administrator|root|editor|管理员|超级管理员|小编|编辑|佚名|匿名|本站|本网|网友|未知|系统|官方|webmaster|user\d*|\d+)$/i;

/** Self-media platforms that publish an account's articles under their own name: the publisher is `account（platform）`. */
export const PLATFORMS = ['网易号', '百家号', '头条号', '搜狐号', '企鹅号', '大鱼号', '澎湃号', '一点号', '大风号', '新浪看点', '腾讯新闻', '财经号', '新浪号', '凤凰号', '快传号', '东方号', '雪球号', '知乎专栏'];

/** Endings of the names of organisations and sites that publish: a line ending so, before the title, names the publisher. */
export const PUBLISHER_SUFFIX = /(?:网|网站|门户|论坛|社区|频道|在线|平台|日报|晚报|早报|时报|商报|周报|报社|周刊|杂志|杂志社|出版社|电视台|广播电台|新闻社|通讯社|公司|集团|协会|商会|学会|联合会|研究院|研究所|研究中心|中心|委员会|委|局|厅|部|署|办公室|办公厅|政府|法院|检察院|医院|大学|学院|学校|基金会|银行|党校|馆|站)$/;

/**
 * Endings of the names of bodies and publications (a newspaper, a site, an institute, a company, a
 * column): a single name in a byline that ends so is the publishing account's; any other single
 * name is a person's or a personal handle's (`林间小路`, `江南看天的老周`), the author's.
 */
export const ORGANISATION_NAME = /(?:网|网站|门户|频道|在线|平台|日报|晚报|早报|时报|商报|周报|报社|周刊|杂志|杂志社|出版社|电视台|广播电台|新闻社|通讯社|新闻|资讯|传媒|媒体|财经|观察|研究|研究院|研究所|研究中心|中心|智库|公司|集团|协会|商会|学会|联合会|委员会|局|厅|部|署|办公室|办公厅|政府|法院|检察院|医院|大学|学院|学校|基金会|银行|党校|发布|官方|官微|之声|编辑部|工作室|社)$/;

/** Words that count readers and their reactions, in the counters pages show (`阅读 1.2万`, `关注者 1,284 被浏览 563,917`). */
export const COUNTER_WORDS: readonly string[] = [
  '浏览', '浏览量', '浏览次数', '浏览人次', '阅读', '阅读量', '阅读数', '点击', '点击量', '点击数', '访问', '访问量', '人气', '热度', '查看', '查看人数',
  '评论', '评论数', '回复', '回答', '点赞', '点赞数', '下载', '被引', '收藏数', '转发数', '分享数', '赞', '赞同', '反对', '踩', '顶', '收藏', '转发', '分享', '喜欢', '在看', '关注', '关注者', '粉丝', '被浏览', '播放', '播放量', '下载量',
];

/** Endings of issuing bodies (版头 `…文件`, 落款). */
export const ISSUER_SUFFIX = /(?:委员会|委|局|厅|部|署|办公室|办公厅|政府|人民政府|院|法院|检察院|中心|协会|学会|联合会|总会|集团|公司|大学|学院|党委|党组|工会|团委|妇联|科协|领导小组|指挥部|管理处|处|所|站|馆|会|调查队|总队|支队|大队)$/;

/** Provinces and their short names, which WeChat and portals append to a byline (the writer's IP location). */
export const REGIONS = new Set([
  '北京', '天津', '上海', '重庆', '河北', '山西', '辽宁', '吉林', '黑龙江', '江苏', '浙江', '安徽', '福建', '江西', '山东', '河南', '湖北', '湖南', '广东', '海南', '四川', '贵州', '云南', '陕西', '甘肃', '青海',
  '台湾', '内蒙古', '广西', '西藏', '宁夏', '新疆', '香港', '澳门', '海外', '美国', '日本', '英国', '加拿大', '澳大利亚', '德国', '法国', '新加坡', '韩国',
]);

/** Names a CMS or a news agency gives a dateline's source: `新华社北京8月5日电`, `本报讯`. */
export const AGENCY = /(?:新华社|中新社|中国新闻社|中新网|人民网|新华网|央视网|央广网|国际在线|光明网|中国日报网|澎湃新闻|界面新闻|财新网|路透社|法新社|美联社|共同社|塔斯社|本报|本刊|本网|本台|[\p{Script=Han}]{2,6}(?:日报|晚报|报|网|台|社))/u;
