/**
 * Whether a document counts its years from 1912 (the Minguo calendar of Taiwan's official and
 * press writing: 民國107年 = 107年 = 2018, 108-09-30 = 2019-09-30). Read alone, 107年 is a
 * duration or a year of antiquity, so a bare three-digit year is a Minguo year only in a document
 * that says so: one that writes 民國 before a year, or that writes such years (107年度, 108年3月,
 * 108-09-30) and names Taiwan or one of its public bodies. Nothing else makes it one.
 */
import { matchText } from './numerals.ts';

/** 民國 before a year: the document names its calendar. */
const NAMED = /民国[ \u3000]*(?:\d{1,3}|[〇零一二三四五六七八九十百]{1,5})[ \u3000]*年/;
/** A three-digit year read as a date: with 年度 or a month, or written as year-month-day. */
const MINGUO_YEAR = /(?<![\d.第元])1[0-3]\d[ \u3000]*年(?:度|[ \u3000]*(?:1[0-2]|0?[1-9])[ \u3000]*月)|(?<![\d.:/-])1[0-3]\d([./-])(?:1[0-2]|0?[1-9])\1(?:3[01]|[12]\d|0?[1-9])(?![\d.:/-])/;
/**
 * Names of Taiwan and of its public bodies (matched on simplified text, where 臺 is 台): the
 * island, the Republic's name and currency, its five Yuan, the ministries and agencies whose
 * names the mainland does not use, and its special municipalities.
 */
const TAIWAN = /台湾|中华民国|新台币|行政院|立法院|监察院|考试院|司法院|卫福部|卫生福利部|健保署|国健署|劳保局|劳动部劳工|内政部|台北市|新北市|桃园市|台中市|台南市|高雄市/;

/** Whether these texts (a document's title and paragraphs) date their years in the Minguo calendar. */
export function minguoDated(texts: Iterable<string>): boolean {
  let years = false;
  let taiwan = false;
  for (const text of texts) {
    const t = matchText(text);
    if (NAMED.test(t)) return true;
    years ||= MINGUO_YEAR.test(t);
    taiwan ||= TAIWAN.test(t);
    if (years && taiwan) return true;
  }
  return false;
}
