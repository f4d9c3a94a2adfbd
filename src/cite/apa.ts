/**
 * APA (7th edition) references for web pages, written directly for the documents this site holds
 * (a Chinese or no author, a Chinese title and site, our own page URL): the reference processor
 * (citeproc, through citation-js) takes about 4 ms a reference, the largest single cost of a reading
 * page. Anything else, in which citeproc's rules for punctuation, quotes, case and Latin names come
 * into play, is left to it: `apaWebpage` then returns undefined. test/cite.test.ts holds the two
 * equal on every input this path takes.
 */
import type { PersonName } from './names.ts';

export interface ApaWebpage {
  title: string;
  author: PersonName | null;
  /** YYYY-MM-DD, YYYY-MM or YYYY; null when unknown. */
  published: string | null;
  /** The site that published the page. */
  site: string | null;
  /** YYYY-MM-DD */
  accessed: string;
  url: string;
  /** The language of the page (a BCP 47 tag): in a Chinese one the style sets a Latin site name as written, in English it capitalises it. */
  language?: string;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * Text citeproc prints as it is: Chinese characters, digits, Chinese punctuation and quotation
 * marks in closed pairs (“医共体”, no ASCII stop after a space inside: the processor puts a narrow
 * space before it), a few ASCII signs, single spaces between words; no Latin
 * letters (case rules), no ASCII quotation marks (citeproc turns and pairs them), no markup
 * characters; ASCII stops (. : ; ? !) only between characters or digits (citeproc spaces them after
 * a space, and merges them with the punctuation before or after a field); nothing at the end that
 * it moves the period into (a closing quotation mark).
 */
function plainPattern(word: string, also = ''): RegExp {
  return new RegExp(`^(?! )(?:[${word}${also}，、；：（）《》〈〉【】「」『』—·…。？！,\\-()%+/]|(?<=[${word}])[.:;?!](?=[${word}])|“(?:[^“”‘’"' ]| (?![ .:;?!]))+”| (?! ))+$`, 'u');
}
const PLAIN = plainPattern('\\p{Script=Han}0-9');
/**
 * In a Chinese page, a title or a site's name may also hold Latin letters and underscores (DRG付费,
 * a folder's name, a domain): the style prints them as they are, with no case rules, and an ASCII
 * stop between letters (gov.cn) stays. (The about page's title holds the site's name: a corpus in
 * a folder named in Latin letters otherwise started the processor at every build, 0.4 s.)
 */
const PLAIN_LATIN = plainPattern('\\p{Script=Han}0-9A-Za-z', '_');
const plain = (text: string, pattern = PLAIN) => pattern.test(text) && !/[ ”]$/.test(text);
const HAN_NAME = /^\p{Script=Han}+$/u;
/** An absolute web address, or the site-relative path pages cite when the site has no configured URL (an index entry's page, say). */
const URL_TEXT = /^(?:https?:\/\/[A-Za-z0-9\-._~/%:]+|\/[A-Za-z0-9\-._~/%]*)$/;
const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** A date's year, month name and day, as far as it gives them; undefined when it is not YYYY[-MM[-DD]] with a real month and day. */
function dateParts(date: string): { year: string; month?: string; day?: number } | undefined {
  const m = DATE.exec(date);
  if (!m) return undefined;
  const month = m[2] === undefined ? undefined : MONTHS[Number(m[2]) - 1];
  const day = m[3] === undefined ? undefined : Number(m[3]);
  if ((m[2] !== undefined && !month) || (day !== undefined && (day < 1 || day > 31))) return undefined;
  return { year: m[1]!, month, day };
}

/** `2018-06-09` -> `2018, June 9`; `2018-06` -> `2018, June`; `2018` -> `2018`. */
function issued(date: string): string | undefined {
  const d = dateParts(date);
  if (!d?.month) return d?.year;
  return d.day === undefined ? `${d.year}, ${d.month}` : `${d.year}, ${d.month} ${d.day}`;
}

/** `2025-01-15` -> `January 15, 2025`. */
function accessedOn(date: string): string | undefined {
  const d = dateParts(date);
  return d?.month && d.day !== undefined ? `${d.month} ${d.day}, ${d.year}` : undefined;
}

/** The reference as citeproc's APA style writes it (text output), or undefined when it is not one this function writes. */
export function apaWebpage(ref: ApaWebpage): string | undefined {
  const pattern = /^zh\b/i.test(ref.language ?? '') ? PLAIN_LATIN : PLAIN;
  if (!plain(ref.title, pattern) || (ref.site !== null && !plain(ref.site, pattern)) || !URL_TEXT.test(ref.url)) return undefined;
  if (ref.author && !(HAN_NAME.test(ref.author.family) && HAN_NAME.test(ref.author.given))) return undefined;
  const date = ref.published === null ? 'n.d.' : issued(ref.published);
  const accessed = accessedOn(ref.accessed);
  if (date === undefined || accessed === undefined) return undefined;
  const site = ref.site ? ` ${ref.site}.` : '';
  const where = ref.published === null ? `Retrieved ${accessed}, from ${ref.url}` : ref.url;
  if (!ref.author) return `${ref.title}. (${date}).${site} ${where}`;
  return `${ref.author.family}${ref.author.given}. (${date}). ${ref.title}.${site} ${where}`;
}
