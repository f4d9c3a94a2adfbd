/** Whether a name is an organisation's rather than a person's, by the endings Chinese bodies' names have. */

/** Endings of organisations' names, simplified and traditional. */
const ORGANISATION = /(?:委员会|委員會|办公厅|辦公廳|办公室|辦公室|政府|医院|醫院|中心|协会|協會|学会|學會|公司|集团|集團|大学|大學|学院|學院|基金会|基金會|研究所|研究院|出版社|报社|報社|电视台|電視台|网站|網站|联盟|聯盟|商会|商會|[局署部厅廳委办辦院处處科会會社报報台网網])$/;
/** One-character endings that a person's name may also have (张会, 李科): trusted only in longer names. */
const SINGLE = /^[局署部厅廳委办辦院处處科会會社报報台网網]$/;

export function isOrganisationName(name: string): boolean {
  const n = name.trim();
  const m = ORGANISATION.exec(n);
  if (!m) return false;
  return SINGLE.test(m[0]) ? n.length >= 4 : n.length >= 3;
}
