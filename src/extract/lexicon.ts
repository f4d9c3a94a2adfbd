/**
 * A corpus's lexicon (lexicon.json in its curation folder): the words particular to its field,
 * which the engine's general knowledge of Chinese text and public life does not hold — the names
 * of its organisations' kinds (医疗集团), what its events are about (医联体 for an institution, 微医
 * for a company), the nouns its figures count, and the phrases that look like a name or a place but
 * are not one. Everything is optional; a corpus without the file gets the engine's general rules.
 */

/** The kinds of event the timeline tells (src/extract/event-kinds.ts says what each is). */
export type EventKindName = 'policy' | 'government' | 'statistic' | 'institution' | 'company' | 'research';
/** The kinds of organisation the index files names under. */
export type OrganisationKindName = 'government' | 'hospital' | 'company' | 'institution';

export interface Lexicon {
  /** Endings of organisations' names in this field, each with its kind (`医疗集团` is a hospital's), as regular expressions (`附[一二三]院`). */
  organisationEndings: Array<{ ending: string; kind: OrganisationKindName }>;
  /** Phrases the organisation forms find that are not names (regular expressions on the name: `^成员`, `医联体内`). */
  notOrganisations: string[];
  /** Contexts in which a place's name does not name the place (regular expressions: `朝阳医疗集团`). */
  notPlaces: string[];
  /** Words that make a dated clause an event of a kind in this field (institution: 医联体, 医共体; company: a company's name). */
  eventWords: Partial<Record<EventKindName, string[]>>;
  /** Nouns that end what a figure counts in this field (633家联盟医院 → 医院 is general; 32个医联体 → 医联体 is the field's). */
  countedNouns: string[];
}

/** No lexicon: the engine's general rules alone. */
export const NO_LEXICON: Lexicon = { organisationEndings: [], notOrganisations: [], notPlaces: [], eventWords: {}, countedNouns: [] };

const ORGANISATION_KINDS = new Set<string>(['government', 'hospital', 'company', 'institution']);
const EVENT_KINDS = new Set<string>(['policy', 'government', 'statistic', 'institution', 'company', 'research']);

/** A list of strings, or a message naming what is wrong. */
function strings(x: unknown, what: string, regex: boolean): string[] {
  if (x === undefined) return [];
  if (!Array.isArray(x) || x.some((s) => typeof s !== 'string' || s === '')) throw new Error(`${what}: expected a list of non-empty strings`);
  if (regex) for (const s of x as string[]) checkPattern(s, what);
  return x as string[];
}

function checkPattern(s: string, what: string) {
  try {
    new RegExp(s, 'u');
  } catch (err) {
    throw new Error(`${what}: "${s}" is not a regular expression (${(err as Error).message})`);
  }
}

/** lexicon.json as read (undefined: no such file), checked for shape; `where` names the file in messages. */
export function parseLexicon(json: unknown, where: string): Lexicon {
  if (json === undefined) return NO_LEXICON;
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new Error(`${where}: expected an object`);
  const o = json as Record<string, unknown>;
  const endings = o.organisationEndings ?? [];
  if (!Array.isArray(endings)) throw new Error(`${where}: organisationEndings: expected a list`);
  const organisationEndings = endings.map((e, i) => {
    const x = e as { ending?: unknown; kind?: unknown };
    if (typeof x?.ending !== 'string' || !x.ending || typeof x.kind !== 'string' || !ORGANISATION_KINDS.has(x.kind)) {
      throw new Error(`${where}: organisationEndings[${i}]: expected {"ending": "…", "kind": one of ${[...ORGANISATION_KINDS].join(', ')}}`);
    }
    checkPattern(x.ending, `${where}: organisationEndings[${i}]`);
    return { ending: x.ending, kind: x.kind as OrganisationKindName };
  });
  const words = (o.eventWords ?? {}) as Record<string, unknown>;
  if (typeof words !== 'object' || Array.isArray(words)) throw new Error(`${where}: eventWords: expected an object of kinds`);
  const eventWords: Lexicon['eventWords'] = {};
  for (const [kind, list] of Object.entries(words)) {
    if (!EVENT_KINDS.has(kind)) throw new Error(`${where}: eventWords: "${kind}" is not a kind of event (${[...EVENT_KINDS].join(', ')})`);
    eventWords[kind as EventKindName] = strings(list, `${where}: eventWords.${kind}`, false);
  }
  return {
    organisationEndings,
    notOrganisations: strings(o.notOrganisations, `${where}: notOrganisations`, true),
    notPlaces: strings(o.notPlaces, `${where}: notPlaces`, true),
    eventWords,
    countedNouns: strings(o.countedNouns, `${where}: countedNouns`, false),
  };
}

/** An alternation of literal words, longest first (for a regular expression). */
export const wordAlternation = (words: readonly string[]) =>
  [...new Set(words)]
    .sort((a, b) => b.length - a.length || (a < b ? -1 : 1))
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|');
