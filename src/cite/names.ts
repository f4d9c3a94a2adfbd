/** Split a personal name into family and given parts, as citations need them. */

/** Two-character Chinese surnames (复姓); any other Chinese name has a one-character surname. */
const COMPOUND_SURNAMES = new Set([
  '欧阳', '司马', '诸葛', '上官', '东方', '皇甫', '尉迟', '公孙', '慕容', '令狐', '长孙', '宇文', '司徒', '夏侯', '轩辕',
  '端木', '独孤', '南宫', '西门', '澹台', '公冶', '宗政', '濮阳', '太史', '申屠', '钟离', '闻人', '赫连', '呼延', '万俟',
  '歐陽', '司馬', '諸葛', '東方', '皇甫', '尉遲', '公孫', '長孫', '令狐', '軒轅', '端木', '獨孤', '鍾離', '聞人',
]);

export interface PersonName {
  family: string;
  given: string;
}

/** `夏宇豪` -> 夏 / 宇豪; `欧阳修` -> 欧阳 / 修; `John Smith` -> Smith / John. */
export function splitName(name: string): PersonName {
  const n = name.trim();
  if (/^\p{Script=Han}+$/u.test(n)) {
    const two = n.slice(0, 2);
    if (n.length >= 3 && COMPOUND_SURNAMES.has(two)) return { family: two, given: n.slice(2) };
    return { family: n.slice(0, 1), given: n.slice(1) };
  }
  const parts = n.split(/\s+/);
  if (parts.length === 1) return { family: n, given: '' };
  return { family: parts.at(-1)!, given: parts.slice(0, -1).join(' ') };
}
