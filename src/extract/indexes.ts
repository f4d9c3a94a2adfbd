/**
 * Indexes of what the documents name: policy documents (every 《…》 title, with its issuer and date
 * where the text gives them), organisations (government bodies with their renamings, hospitals,
 * companies, universities and associations) and places (provinces, prefectures and counties), each
 * with every mention. A corpus's lexicon adds what is particular to its field (organisation
 * endings, phrases that are not names, contexts where a place name is not the place); the indexes
 * read no place and no organisation from a sentence of the page's chrome (a footer's address).
 */
import { hash } from 'node:crypto';
import { NO_LEXICON, type Lexicon } from './lexicon.ts';
import type { TimelineEvent } from './events.ts';
import { placeForms, placesIn, type PlaceLevel } from './gazetteer.ts';
import { matchText } from './numerals.ts';
import { GOVERNMENT_BODIES, organisationFinder, type OrganisationKind } from './organisations.ts';
import { policyKey, policyTitles, titleIssuer } from './policies.ts';
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
  /** The year of the document number written right after the title (《…》（医保发〔2020〕37号）). */
  numberYear?: string;
}

/** Verbs of issuing a policy: a clause that says one dates the policy before one that does not. */
const ISSUED = /印发|发布|出台|颁布|下发|公布|制定|发出|施行|实施|通过|签发|推出|发文|审议/;

/**
 * Whether an event can date the policies it names: at a point in time (not a period: 2019-2021年的
 * 试点), and not a deadline or a target the sentence sets (到2025年).
 */
const canDate = (ev: TimelineEvent) => ev.precision !== 'range' && ev.precision !== 'decade' && ev.qualifier !== 'by' && ev.qualifier !== 'target';
const issuing = (ev: TimelineEvent) => (ISSUED.test(matchText(ev.text)) ? 0 : 1);

/** A document number right after a title: （医保发〔2020〕37号）, (国办发[2015]70号). */
const NUMBER_AFTER = /^\s*[(（]\s*[\u4e00-\u9fa5]{1,12}[〔[［(（]((?:19|20)\d\d)[〕\]］)）]\s*第?\d+号\s*[)）]/;

/** A function that gives one document's policy titles: each with its key, its mention, its issuer when the text gives one, and its number's year. */
export function policiesOf(lexicon: Lexicon): (r: Reading) => PolicyMention[] {
  const organisations = organisationFinder(lexicon);
  return (r) =>
    r.sentences().flatMap((s) => {
      const titles = policyTitles(s.text);
      if (titles.length === 0) return [];
      const bodies = organisations(s.text).filter((o) => o.kind === 'government');
      return titles.map((p) => {
        const inTitle = titleIssuer(p.title);
        const own = inTitle ? (BODY_NAMES.find((b) => matchText(inTitle) === b.form)?.name ?? matchText(inTitle)) : undefined;
        const before = bodies.filter((b) => b.end <= p.start && p.start - b.end <= 12).at(-1);
        const issuer = own ?? before?.name;
        const numberYear = NUMBER_AFTER.exec(matchText(s.text.slice(p.end, p.end + 30)))?.[1];
        return { key: policyKey(p.title), title: p.title, mention: { ...s, ...clip(s.text, p.start, p.end, MENTION_CONTEXT) }, ...(issuer ? { issuer } : {}), ...(numberYear ? { numberYear } : {}) };
      });
    });
}

/** One document's policy titles, by the engine's general rules. */
export const documentPolicies = policiesOf(NO_LEXICON);

/**
 * Every policy title. The issuer comes from the title (国务院办公厅关于…) or from the government
 * body named just before it in the sentence (国务院办公厅发布了《…》); the date is the policy's own:
 * from the timeline's trusted events that name the policy (the most precise first; not a deadline
 * or a target the sentence sets, 到2025年), else the year of its document number.
 */
export function policyIndex(results: Iterable<PolicyMention[]>, events: readonly TimelineEvent[]): PolicyEntry[] {
  const byKey = new Map<string, { titles: string[]; issuers: string[]; years: string[]; mentions: Mention[] }>();
  for (const policies of results) {
    for (const p of policies) {
      const entry = byKey.get(p.key) ?? { titles: [], issuers: [], years: [], mentions: [] };
      byKey.set(p.key, entry);
      entry.titles.push(p.title);
      entry.mentions.push(p.mention);
      if (p.issuer) entry.issuers.push(p.issuer);
      if (p.numberYear) entry.years.push(p.numberYear);
    }
  }
  const precision = { day: 0, month: 1, quarter: 2, half: 3, year: 4, decade: 5, range: 6 } as Record<string, number>;
  // The trusted policy events under each policy key, found once (not once per policy).
  const eventsByKey = new Map<string, TimelineEvent[]>();
  for (const ev of events) {
    if (!ev.trusted || ev.kind !== 'policy' || !canDate(ev)) continue;
    for (const key of new Set(ev.policies.map(policyKey))) {
      const list = eventsByKey.get(key);
      if (list) list.push(ev);
      else eventsByKey.set(key, [ev]);
    }
  }
  return [...byKey]
    .map(([key, e]) => {
      const dated = [...(eventsByKey.get(key) ?? [])]
        .sort((a, b) => issuing(a) - issuing(b) || (precision[a.precision] ?? 9) - (precision[b.precision] ?? 9) || (a.date < b.date ? -1 : 1))[0];
      const title = commonest(e.titles);
      const year = e.years.length ? commonest(e.years) : undefined;
      return {
        id: idOf(key),
        title,
        variants: [...new Set(e.titles)].filter((t) => t !== title),
        ...(e.issuers.length ? { issuer: commonest(e.issuers) } : {}),
        ...(dated ? { date: dated.date, dateWritten: dated.written } : year ? { date: year, dateWritten: `${year}年（文号）` } : {}),
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

/** Words that show a matched "name" is a phrase that ends in a suffix (依赖基层医院, 不用再挤进三级医院, 推进…中心), not a name. */
const NOT_A_NAME = /级医院$|公立医院$|若干|辐射|带动|规定|发挥|推进|帮助|依赖|减少|创办|实现|明确|挤进|使得|贯彻|积极|只要|选择|成为|打造|推动|提供|包括|覆盖|加强|支持|鼓励|引导|建设|发展|^(?:去|进|让|使|在|由|向|被|且|何|其|中|内|内部|成员|核心|上级|下级|基层|大型|公立|区域内|地区|各地|各级|全国|全省|全市)|[\d一二三四五六七八九十两百千]+(?:多|余)?[家个所]/;
/** A name that says whose it is: a place, a university, a national body, or a Latin name. */
const OWNED = new RegExp(`^(?:${[...new Set(placeForms().filter((p) => p.level !== 'county').map((p) => p.form))].join('|')}|[xX]{2,}|中国|国家|全国)|[省市县镇]|大学|学院|医科|^[A-Za-z]`);
const NATIONAL = new Set(GOVERNMENT_BODIES.map((b) => b.name));

/**
 * Whether an organisation the pattern found is one a reader would look up: a national body, or a
 * name that says whose it is (a place, a university), or a short name the documents use more than
 * once (华西医院, 重医附一院) that is not a phrase.
 */
function isIndexed(name: string, kind: OrganisationKind, mentions: number, notAName: RegExp | undefined): boolean {
  if (NATIONAL.has(name)) return true;
  if (NOT_A_NAME.test(name) || notAName?.test(name)) return false;
  return OWNED.test(name) || (kind !== 'government' && mentions >= 2);
}

/** A corpus's own patterns as one expression, or undefined when it has none. */
const anyOf = (patterns: readonly string[]) => (patterns.length ? new RegExp(patterns.map((p) => `(?:${p})`).join('|'), 'u') : undefined);

/** An organisation as one document names it: the name it is filed under, its kind, the form written, the mention. */
export interface OrganisationMention {
  name: string;
  kind: OrganisationKind;
  text: string;
  mention: Mention;
}

/** A function that gives one document's organisations (none from its chrome), with the corpus's lexicon. */
export function organisationsOf(lexicon: Lexicon): (r: Reading) => OrganisationMention[] {
  const organisations = organisationFinder(lexicon);
  return (r) =>
    r.ownSentences().flatMap((s) => organisations(s.text).map((o) => ({ name: o.name, kind: o.kind, text: o.text, mention: { ...s, ...clip(s.text, o.start, o.end, MENTION_CONTEXT) } })));
}

/** One document's organisations, by the engine's general rules. */
export const documentOrganisations = organisationsOf(NO_LEXICON);

/** Every organisation, filed under one name, with every form written and every mention (a lexicon's notOrganisations left out). */
export function organisationIndex(results: Iterable<OrganisationMention[]>, lexicon: Pick<Lexicon, 'notOrganisations'> = NO_LEXICON): OrganisationEntry[] {
  const notAName = anyOf(lexicon.notOrganisations);
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
    .filter(([name, e]) => isIndexed(name, e.kind, e.mentions.length, notAName))
    .map(([name, e]) => ({ id: idOf(`${e.kind}:${name}`), name, kind: e.kind, forms: [...new Set(e.forms)], ...(notes.has(name) ? { note: notes.get(name)! } : {}), mentions: e.mentions }))
    .sort((a, b) => b.mentions.length - a.mentions.length || (a.name < b.name ? -1 : 1));
}

export interface PlaceEntry {
  id: string;
  name: string;
  level: PlaceLevel;
  mentions: Mention[];
}

/** A place as one document names it. */
export interface PlaceMention {
  name: string;
  level: PlaceLevel;
  mention: Mention;
}

/** A function that gives one document's places (the gazetteer's, src/extract/gazetteer.ts), none from its chrome nor where the corpus's lexicon says a name is not the place. */
export function placesOf(lexicon: Pick<Lexicon, 'notPlaces'>): (r: Reading) => PlaceMention[] {
  const notPlace = anyOf(lexicon.notPlaces);
  const blocker = notPlace ? new RegExp(notPlace.source, 'gu') : undefined;
  return (r) =>
    r.ownSentences().flatMap((s) => {
      const t = matchText(s.text);
      const blocked = blocker ? allMatches(blocker, t).map((m) => [m.index, m.index + m[0].length] as const) : [];
      return placesIn(t)
        .filter((m) => !blocked.some(([a, b]) => m.index < b && m.index + m.length > a))
        .map((m) => ({ name: m.name, level: m.level, mention: { ...s, ...clip(s.text, m.index, m.index + m.length, MENTION_CONTEXT) } }));
    });
}

/** One document's places, by the engine's general rules. */
export const documentPlaces = placesOf(NO_LEXICON);

/** Every place named, with every mention. */
export function placeIndex(results: Iterable<PlaceMention[]>): PlaceEntry[] {
  const byName = new Map<string, { level: PlaceLevel; mentions: Mention[] }>();
  for (const named of results) {
    for (const p of named) {
      const entry = byName.get(p.name) ?? { level: p.level, mentions: [] };
      byName.set(p.name, entry);
      entry.mentions.push(p.mention);
    }
  }
  return [...byName]
    .map(([name, e]) => ({ id: idOf(`place:${name}`), name, level: e.level, mentions: e.mentions }))
    .sort((a, b) => b.mentions.length - a.mentions.length || (a.name < b.name ? -1 : 1));
}

