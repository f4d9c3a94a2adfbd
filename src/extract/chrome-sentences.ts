/**
 * Sentences that are a page's chrome rather than its text, where cleaning left them in: a footer's
 * address, telephone and postcode (地址：…中山南路1号), copyright and registration lines, a byline's
 * labelled fields (来源：… 发布时间：…), a post's location tag (来自北京 ·). The indexes name no place
 * and no organisation from them: the place of a site's office is not what its documents are about.
 */
import { isChromePhrase, isFooterPhrase } from '../pipeline/chrome-lines.ts';
import { META_LABELS } from '../pipeline/lexicon.ts';
import { matchText } from './numerals.ts';

/** Contact details: an address, a telephone or fax number, a postcode, an e-mail. */
const CONTACT = /(?:^|\s)(?:通讯地址|联系地址|办公地址|地址|邮编|邮政编码|联系电话|咨询电话|电话|总机|传真|电子邮箱|邮箱|E-?mail)\s*:/i;
/** A byline's fields, at the start of the sentence: 来源:, 发布时间:, 作者:, 编辑:, 阅读次数: … */
const LABELLED = new RegExp(`^(?:${[...META_LABELS.publisher, ...META_LABELS.published, ...META_LABELS.author, ...META_LABELS.editor, ...META_LABELS.counter].sort((a, b) => b.length - a.length).join('|')})\\s*:`);
/** A post's location tag (· 来自北京 ·, IP属地:广东). */
const LOCATION_TAG = /(?:^|[\s·|])来自\s*[\u4e00-\u9fa5]{2,8}\s*(?:[·|]|$)|IP\s*属地\s*:/;

/** Whether a sentence is chrome: its places and organisations are not the document's. */
export function isChromeSentence(text: string): boolean {
  const f = matchText(text).trim();
  return CONTACT.test(f) || LABELLED.test(f) || LOCATION_TAG.test(f) || isFooterPhrase(f) || isChromePhrase(f);
}
