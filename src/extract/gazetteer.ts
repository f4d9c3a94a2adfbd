/**
 * China's places as running text names them (gazetteer-data.ts: provinces, prefecture-level
 * divisions, county-level divisions, Hong Kong, Macao, Taiwan's cities and counties): a province
 * or a prefecture by its full name or its short one (广西壮族自治区, 广西; 黔西南布依族苗族自治州,
 * 黔西南州, 黔西南; 南宁市, 南宁), a county by its full name only (石景山区, 长兴县: 长兴 alone is too
 * often something else). A place is filed under its short name (provinces and prefectures) or its
 * full name (counties). Where a name is also an ordinary word it is a place only when the text
 * says so: 大同 in 山西大同, 大同市 or a list of places, not in 大同小异; 中山 not in 中山南路 (a
 * street) nor 中山装 (a word the general baseline lists).
 */
import { lazy } from '../lib/memo.ts';
import { GAZETTEER } from './gazetteer-data.ts';
import { generalCount } from './general-words.ts';

export type PlaceLevel = 'province' | 'city' | 'county';

export interface PlaceName {
  /** What it is filed under. */
  name: string;
  level: PlaceLevel;
}

/** Peoples whose names stand in autonomous divisions' names (延边朝鲜族自治州, 巴音郭楞蒙古自治州). */
const PEOPLES = '蒙古|回|藏|维吾尔|苗|彝|壮|布依|朝鲜|满|侗|瑶|白|土家|哈尼|哈萨克|傣|黎|傈僳|佤|畲|高山|拉祜|水|东乡|纳西|景颇|柯尔克孜|土|达斡尔|仫佬|羌|布朗|撒拉|毛南|仡佬|锡伯|阿昌|普米|塔吉克|怒|乌孜别克|俄罗斯|鄂温克|德昂|保安|裕固|京|塔塔尔|独龙|鄂伦春|赫哲|门巴|珞巴|基诺';
const PEOPLE_TAIL = new RegExp(`(?:(?:${PEOPLES})族?)+$`);

/** Short names that are also ordinary words (大同 great harmony, 安康 well-being, 白银 silver, 阿里 a company): a place only where the text says it is one. */
const ORDINARY = new Set(['大同', '长治', '安康', '来宾', '白银', '中山', '朝阳', '北海', '普洱', '阿里', '玉树', '黄山', '白山', '山南', '海东', '海北', '海西', '红河', '文山', '凉山', '金门', '和田', '三沙', '桃园', '新北', '台中', '通化', '吉安', '长春', '太平', '西湖']);

/** The short name of a province or prefecture-level division. */
function shortName(full: string): string {
  const s = full.replace(/(?:特别行政区|自治区|自治州|地区|盟|省|市|县)$/, '');
  // The peoples of an autonomous division's name (广西壮族自治区 → 广西), unless nothing would be left (内蒙古, 西藏).
  const own = /自治[区州]$/.test(full) ? s.replace(PEOPLE_TAIL, '') : s;
  return own.length >= 2 ? own : s;
}

interface Form {
  form: string;
  place: PlaceName;
  /** Only where the text says it is a place: an ordinary word (大同), a county of two characters (郏县, but not 和县 in 各市和县). */
  guarded?: 'ordinary' | 'short';
}

function buildForms(): Form[] {
  const forms: Form[] = [];
  const [p, c, x] = GAZETTEER.split('\n').map((l) => l.slice(2).split(' '));
  const provinceShort = new Map<string, string>();
  for (const entry of p!) {
    const [code, full] = entry.split(':') as [string, string];
    const short = shortName(full);
    provinceShort.set(code, short);
    const place = { name: short, level: 'province' as const };
    forms.push({ form: full, place }, { form: short, place });
  }
  const provinces = new Set(provinceShort.values());
  for (const entry of c!) {
    const full = entry.split(':')[1]!;
    const short = shortName(full);
    if (short.length < 2) continue;
    const place = { name: short, level: provinces.has(short) ? ('province' as const) : ('city' as const) };
    forms.push({ form: full, place });
    if (/自治州$/.test(full) && !short.endsWith('州')) forms.push({ form: `${short}州`, place });
    // A short name alone: a city's (南宁), or a longer one of another division (黔西南, 锡林郭勒); not 兴安 for 兴安盟.
    if (short !== full && (/市$|县$/.test(full) || short.length >= 3)) forms.push({ form: short, place, ...(ORDINARY.has(short) ? { guarded: 'ordinary' as const } : {}) });
  }
  for (const full of x!) {
    // 萧县, 郏县: two characters, the first of which is often a word of its own.
    forms.push({ form: full, place: { name: full, level: 'county' }, ...(full.length <= 2 ? { guarded: 'short' as const } : {}) });
  }
  // One place per form: a province before a prefecture before a county of the same name.
  const seen = new Set<string>();
  return forms.filter((f) => !seen.has(f.form) && seen.add(f.form));
}

/** The forms by their first character's code, longest first, and the provinces' forms: made the first time a text is read. */
const places = lazy(() => {
  const forms = buildForms().sort((a, b) => b.form.length - a.form.length || (a.form < b.form ? -1 : 1));
  const byFirst = new Map<number, Form[]>();
  for (const f of forms) byFirst.set(f.form.charCodeAt(0), [...(byFirst.get(f.form.charCodeAt(0)) ?? []), f]);
  return { byFirst, provinces: forms.filter((f) => f.place.level === 'province').map((f) => f.form) };
});

/** Every place name the gazetteer knows, as written forms (for tests and the organisations' owned names). */
export function placeForms(): Array<{ form: string } & PlaceName> {
  return [...places().byFirst.values()].flat().map((f) => ({ form: f.form, ...f.place }));
}

/** What follows a name that makes it a street's (中山南路, 北京路) or a region's (区域) rather than the place. */
const STREET_AFTER = /^(?:[东南西北中]?路|[东南西北中]?大街|大道|街|巷|胡同|域)/;
/** Separators between a province and a place in it (山西 · 大同, 广东省中山市). */
const AFTER_PROVINCE = /(?:省|自治区)?[\s·•・、]*$/;
const HAN = /[\u3400-\u9fff]/;

/**
 * Whether a name at [i, j) of the folded text is inside a longer word the general baseline lists
 * (大同小异, 世界大同, 中山装, 三明治): then it is that word, not the place. A word that is the name
 * with what names a place's part or its people (南宁市, 上海人) does not count.
 */
function insideWord(t: string, i: number, j: number): boolean {
  for (let a = Math.max(0, i - 2); a <= i; a++) {
    for (let b = j; b <= Math.min(t.length, j + 2); b++) {
      if ((a === i && b === j) || b - a > 4 || b - a < 3) continue;
      const w = t.slice(a, b);
      if (a === i && /^[省市县区州人]/.test(t.slice(j, b))) continue;
      if (generalCount(w) > 0) return true;
    }
  }
  return false;
}

/** Whether the text says a guarded name is a place: a suffix after it, a province before it, another place beside it in a list (or, for a county's, a clause's first word). */
function saysPlace(t: string, i: number, j: number, guard: 'ordinary' | 'short', at: (k: number) => Form | null): boolean {
  if (/^(?:市|州|地区|县|区)/.test(t.slice(j))) return true;
  const before = t.slice(Math.max(0, i - 8), i);
  if (places().provinces.some((p) => before.replace(AFTER_PROVINCE, '').endsWith(p)) && AFTER_PROVINCE.test(before)) return true;
  // In a list of places: 太原、运城、临汾、大同等地.
  if (t[i - 1] === '、') {
    for (let k = i - 2; k >= Math.max(0, i - 10); k--) {
      const f = at(k);
      if (f && k + f.form.length === i - 1 && !f.guarded) return true;
    }
  }
  const next = t[j] === '、' ? at(j + 1) : null;
  if (next && !next.guarded) return true;
  // 萧县, 郏县: a clause's first word.
  return guard === 'short' && !HAN.test(t[i - 1] ?? '');
}

/** The form that starts at `t[i]`, if any (the longest). */
function formAt(t: string, i: number): Form | null {
  for (const f of places().byFirst.get(t.charCodeAt(i)) ?? []) if (t.startsWith(f.form, i)) return f;
  return null;
}

/**
 * Every place a (folded: simplified) text names, left to right, none overlapping: at each
 * position the longest name there that is a place in its context.
 */
export function placesIn(t: string): Array<{ index: number; length: number } & PlaceName> {
  const found: Array<{ index: number; length: number } & PlaceName> = [];
  const { byFirst } = places();
  for (let i = 0; i < t.length; ) {
    let hit: Form | null = null;
    for (const f of byFirst.get(t.charCodeAt(i)) ?? []) {
      if (!t.startsWith(f.form, i)) continue;
      const j = i + f.form.length;
      if (STREET_AFTER.test(t.slice(j, j + 3)) || insideWord(t, i, j)) continue;
      if (f.guarded && !saysPlace(t, i, j, f.guarded, (k) => formAt(t, k))) continue;
      hit = f;
      break;
    }
    if (hit) {
      found.push({ index: i, length: hit.form.length, ...hit.place });
      i += hit.form.length;
    } else i++;
  }
  return found;
}
