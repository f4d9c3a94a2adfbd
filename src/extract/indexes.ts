/**
 * Indexes of what the documents name: policy documents (every 《…》 title, with its issuer and date
 * where the text gives them), organisations (government bodies with their renamings, hospitals,
 * companies) and places (provinces and cities), each with every mention.
 */
import { hash } from 'node:crypto';
import { isProvince, PLACE_NAMES, placeNamesIn } from '../pipeline/places.ts';
import type { TimelineEvent } from './events.ts';
import { matchText } from './numerals.ts';
import { GOVERNMENT_BODIES, organisations, type OrganisationKind } from './organisations.ts';
import { policyKey, policyTitles } from './policies.ts';
import type { Reading } from './reading.ts';
import type { Mention } from './terms.ts';
import { clip, MENTION_CONTEXT } from './units.ts';
import { allMatches } from '../lib/matches.ts';


/** A short id that stays the same as long as the key does. */
const idOf = (key: string) => hash('sha256', key, 'hex').slice(0, 8);


/** The form most often written, the first written on a tie. */
function commonest(forms: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const f of forms) counts.set(f, (counts.get(f) ?? 0) + 1);
  return [...counts].reduce((best, x) => (x[1] > best[1] ? x : best))[0];
}

export interface PolicyEntry {
  id: string;
  title: string;
  /** Other ways the documents write the title. */
  variants: string[];
  issuer?: string;
  date?: string;
  dateWritten?: string;
  mentions: Mention[];
}

const BODY_NAMES = GOVERNMENT_BODIES.flatMap((b) => b.forms.map((f) => ({ form: f, name: b.name }))).sort((a, b) => b.form.length - a.form.length);

/** A policy title as one document writes it. */
export interface PolicyMention {
  key: string;
  title: string;
  mention: Mention;
  issuer?: string;
}

/** One document's policy titles: each with its key, its mention, and its issuer when the text gives one. */
export function documentPolicies(r: Reading): PolicyMention[] {
  return r.sentences().flatMap((s) => {
      const titles = policyTitles(s.text);
      if (titles.length === 0) return [];
      const bodies = organisations(s.text).filter((o) => o.kind === 'government');
      return titles.map((p) => {
        const own = BODY_NAMES.find((b) => matchText(p.title).startsWith(`${b.form}关于`));
        const before = bodies.filter((b) => b.end <= p.start && p.start - b.end <= 12).at(-1);
        const issuer = own?.name ?? before?.name;
        return { key: policyKey(p.title), title: p.title, mention: { ...s, ...clip(s.text, p.start, p.end, MENTION_CONTEXT) }, ...(issuer ? { issuer } : {}) };
      });
    });
}

/**
 * Every policy title. The issuer comes from the title (国务院办公厅关于…) or from the government
 * body named just before it in the sentence (国务院办公厅发布了《…》); the date from the timeline's
 * trusted events that name the policy, the most precise first.
 */
export function policyIndex(results: Iterable<PolicyMention[]>, events: readonly TimelineEvent[]): PolicyEntry[] {
  const byKey = new Map<string, { titles: string[]; issuers: string[]; mentions: Mention[] }>();
  for (const policies of results) {
    for (const p of policies) {
      const entry = byKey.get(p.key) ?? { titles: [], issuers: [], mentions: [] };
      byKey.set(p.key, entry);
      entry.titles.push(p.title);
      entry.mentions.push(p.mention);
      if (p.issuer) entry.issuers.push(p.issuer);
    }
  }
  const precision = { day: 0, month: 1, quarter: 2, half: 3, year: 4, decade: 5, range: 6 } as Record<string, number>;
  // The trusted policy events under each policy key, found once (not once per policy).
  const eventsByKey = new Map<string, TimelineEvent[]>();
  for (const ev of events) {
    if (!ev.trusted || ev.kind !== 'policy') continue;
    for (const key of new Set(ev.policies.map(policyKey))) {
      const list = eventsByKey.get(key);
      if (list) list.push(ev);
      else eventsByKey.set(key, [ev]);
    }
  }
  return [...byKey]
    .map(([key, e]) => {
      const dated = [...(eventsByKey.get(key) ?? [])]
        .sort((a, b) => (precision[a.precision] ?? 9) - (precision[b.precision] ?? 9) || (a.date < b.date ? -1 : 1))[0];
      const title = commonest(e.titles);
      return {
        id: idOf(key),
        title,
        variants: [...new Set(e.titles)].filter((t) => t !== title),
        ...(e.issuers.length ? { issuer: commonest(e.issuers) } : {}),
        ...(dated ? { date: dated.date, dateWritten: dated.written } : {}),
        mentions: e.mentions,
      };
    })
    .sort((a, b) => (a.date ?? '9999').localeCompare(b.date ?? '9999') || (a.title < b.title ? -1 : 1));
}

export interface OrganisationEntry {
  id: string;
  name: string;
  kind: OrganisationKind;
  /** How the documents write it (卫计委, 国家卫计委 …). */
  forms: string[];
  /** What became of it (卫计委: 2018年改组为国家卫生健康委员会). */
  note?: string;
  mentions: Mention[];
}

/** Words that show a matched "name" is a phrase that ends in 医院 (依赖基层医院, 不用再挤进三级医院), not a name. */
const NOT_A_NAME = /级医院$|公立医院$|若干|辐射|带动|规定|发挥|推进|帮助|依赖|减少|创办|实现|明确|挤进|使得|贯彻|积极|只要|选择|成为|打造|推动|提供|包括|覆盖|^(?:去|进|让|使|在|由|向|被|且|何|其|中|内|体内|内部|医联体|成员|核心|上级|下级|基层|大型|公立|区域内|地区)|医联体内|[\d一二三四五六七八九十两百千]+(?:多|余)?[家个所]/;
/** A name that says whose it is: a place, a university, a national body, or a Latin name. */
const OWNED = new RegExp(`^(?:${PLACE_NAMES.join('|')}|[xX]{2,})|[省市县镇]|大学|学院|医科|^[A-Za-z]`);
const NATIONAL = new Set(GOVERNMENT_BODIES.map((b) => b.name));

/**
 * Whether an organisation the pattern found is one a reader would look up: a national body, or a
 * name that says whose it is (a place, a university), or a short name the documents use more than
 * once (华西医院, 重医附一院) that is not a phrase.
 */
function isIndexed(name: string, kind: OrganisationKind, mentions: number): boolean {
  if (NATIONAL.has(name)) return true;
  if (NOT_A_NAME.test(name)) return false;
  return OWNED.test(name) || (kind !== 'government' && mentions >= 2);
}

/** An organisation as one document names it: the name it is filed under, its kind, the form written, the mention. */
export interface OrganisationMention {
  name: string;
  kind: OrganisationKind;
  text: string;
  mention: Mention;
}

/** One document's organisations. */
export function documentOrganisations(r: Reading): OrganisationMention[] {
  return r.sentences().flatMap((s) => organisations(s.text).map((o) => ({ name: o.name, kind: o.kind, text: o.text, mention: { ...s, ...clip(s.text, o.start, o.end, MENTION_CONTEXT) } })));
}

/** Every organisation, filed under one name, with every form written and every mention. */
export function organisationIndex(results: Iterable<OrganisationMention[]>): OrganisationEntry[] {
  const byName = new Map<string, { kind: OrganisationKind; forms: string[]; mentions: Mention[] }>();
  for (const named of results) {
    for (const o of named) {
      const entry = byName.get(o.name) ?? { kind: o.kind, forms: [], mentions: [] };
      byName.set(o.name, entry);
      entry.forms.push(o.text);
      entry.mentions.push(o.mention);
    }
  }
  const notes = new Map(GOVERNMENT_BODIES.filter((b) => b.note).map((b) => [b.name, b.note!]));
  return [...byName]
    .filter(([name, e]) => isIndexed(name, e.kind, e.mentions.length))
    .map(([name, e]) => ({ id: idOf(`${e.kind}:${name}`), name, kind: e.kind, forms: [...new Set(e.forms)], ...(notes.has(name) ? { note: notes.get(name)! } : {}), mentions: e.mentions }))
    .sort((a, b) => b.mentions.length - a.mentions.length || (a.name < b.name ? -1 : 1));
}

export interface PlaceEntry {
  id: string;
  name: string;
  level: 'province' | 'city';
  mentions: Mention[];
}

/** Words that contain a place name without naming the place (大同小异, 长治久安, 朝阳医疗集团 is Beijing's 朝阳区). */
const NOT_A_PLACE = /大同小异|世界大同|长治久安|朝阳(?:医疗集团|区|医院)|吉林大学|中山大学|中山医院|白山黑水|黄山毛峰|普洱茶|通化药业/g;

/** A province or city as one document names it. */
export interface PlaceMention {
  name: string;
  mention: Mention;
}

/** One document's provinces and cities. */
export function documentPlaces(r: Reading): PlaceMention[] {
  return r.sentences().flatMap((s) => {
      const t = matchText(s.text);
      const blocked = allMatches(NOT_A_PLACE, t).map((m) => [m.index, m.index + m[0].length] as const);
      return placeNamesIn(t)
        .filter((m) => !blocked.some(([a, b]) => m.index < b && m.index + m.name.length > a))
        .map((m) => ({ name: m.name, mention: { ...s, ...clip(s.text, m.index, m.index + m.name.length, MENTION_CONTEXT) } }));
    });
}

/** Every province and city named, with every mention. */
export function placeIndex(results: Iterable<PlaceMention[]>): PlaceEntry[] {
  const byName = new Map<string, Mention[]>();
  for (const named of results) {
    for (const p of named) {
      const list = byName.get(p.name) ?? [];
      byName.set(p.name, list);
      list.push(p.mention);
    }
  }
  return [...byName]
    .map(([name, mentions]) => ({ id: idOf(`place:${name}`), name, level: isProvince(name) ? ('province' as const) : ('city' as const), mentions }))
    .sort((a, b) => b.mentions.length - a.mentions.length || (a.name < b.name ? -1 : 1));
}

