/**
 * GB/T 7714 references for web documents ([EB/OL]), in the 2015 and 2025 editions, numeric
 * (顺序编码制) and author-date (著者-出版年制). Structure, for electronic resources:
 * 主要责任者. 题名[EB/OL]. (更新或修改日期)[引用日期]. 获取和访问路径.
 * The 2025 edition writes the publication date in full-width parentheses.
 */
import type { PersonName } from './names.ts';

export interface WebReference {
  title: string;
  /** 其他题名信息, after a colon: an official notice's 文号. */
  otherTitle?: string;
  authors: PersonName[];
  /** YYYY-MM-DD, YYYY-MM or YYYY; null when unknown. */
  published: string | null;
  /** YYYY-MM-DD */
  accessed: string;
  url: string;
}

export type Edition = '2015' | '2025';
export type CitationSystem = 'numeric' | 'author-date';

/** Authors as GB/T 7714 writes them: Chinese names whole, Latin family names in capitals; more than three become "等". */
function authorList(authors: PersonName[]): string {
  const names = authors.map((a) =>
    /\p{Script=Han}/u.test(a.family) ? `${a.family}${a.given}` : `${a.family.toUpperCase()}${a.given ? ` ${a.given.split(/[\s-]+/).map((g) => g[0]!.toUpperCase()).join(' ')}` : ''}`,
  );
  if (names.length > 3) return `${names.slice(0, 3).join(', ')}, 等`;
  return names.join(', ');
}

/** One GB/T 7714 reference string. `index` is the number in a numeric list. */
export function gbt7714(ref: WebReference, edition: Edition = '2025', system: CitationSystem = 'numeric', index = 1): string {
  const [open, close] = edition === '2025' ? ['（', '）'] : ['(', ')'];
  const dates = `${ref.published ? `${open}${ref.published}${close}` : ''}[${ref.accessed}]`;
  const body = `${ref.title}${ref.otherTitle ? `: ${ref.otherTitle}` : ''}[EB/OL]. ${dates}. ${ref.url}.`;
  const authors = authorList(ref.authors);
  if (system === 'numeric') return `[${index}] ${authors ? `${authors}. ` : ''}${body}`;
  const year = ref.published ? ref.published.slice(0, 4) : '[出版年不详]';
  return `${authors || '佚名'}, ${year}. ${body}`;
}
