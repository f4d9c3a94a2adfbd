/**
 * How well the date and quantity extractors read a labelled corpus (dev-web, or another with
 * an EXPECTED.json: `npx tsx scripts/bench/extraction-accuracy.ts <folder>`): each expected date and figure of
 * EXPECTED.json (a key copied from the text, with the date or value it holds) against what the
 * extractors find inside that key, the documents read as the timeline and the figures read
 * them (in order, with the context of the text before). Printed by `npm run bench`, pinned by
 * test/extract/dev-web.test.ts.
 *
 * For a key, the first date (or quantity) that overlaps it is the answer. A date is right when its
 * start, end and precision are the expected ones (`年底` is a year); a key expected undated
 * (`start: null`) is right when nothing dated overlaps it (refused or not found). A quantity is
 * right when its value and unit are the expected ones.
 */
import { extractDates } from '../../src/extract/dates.ts';
import { reading } from '../../src/extract/reading.ts';
import { extractQuantities } from '../../src/extract/quantities.ts';
import { textUnits } from '../../src/extract/units.ts';
import type { DocumentText } from '../../src/pipeline/types.ts';
import { DEV_WEB, expectedDocument, expectedDocuments, type ExpectedDocument } from './labelled-corpus.ts';

export interface Outcome {
  file: string;
  key: string;
  expected: string;
  /** What the extractor gave for the key ('' for nothing, `refused` for a refusal). */
  found: string;
  right: boolean;
  /** A date whose year is not the expected one, or any date where none is expected. */
  wrongYear?: boolean;
}

export interface Score {
  /** Keys expected to hold a date (or a figure). */
  keys: number;
  /** Keys expected undated (dates), or to hold no figure (a clock time, a phone number …). */
  nulls: number;
  /** Keys where the extractor gave a date or a quantity. */
  answered: number;
  right: number;
  nullsRefused: number;
  wrongYears: number;
  /** right / answered (a refusal where a date was expected is no answer). */
  precision: number;
  /** right / keys. */
  recall: number;
  /** (right + nulls refused) / (keys + nulls). */
  accuracy: number;
  outcomes: Outcome[];
}

/** Where a key is: the text unit holding it and its offset there. */
function locate(d: DocumentText, key: string) {
  for (const [i, u] of textUnits(d.blocks).entries()) {
    const at = u.text.indexOf(key);
    if (at >= 0) return { unit: i, start: at, end: at + key.length };
  }
  return undefined;
}

const overlaps = (a: { start: number; end: number }, s: number, e: number) => a.start < e && a.end > s;

function score(outcomes: Outcome[], nulls: number): Score {
  const keys = outcomes.length - nulls;
  const isNull = (o: Outcome) => o.expected === 'undated' || o.expected === 'no figure';
  const answered = outcomes.filter((o) => !isNull(o) && o.found && o.found !== 'refused').length;
  const right = outcomes.filter((o) => o.right && !isNull(o)).length;
  const nullsRefused = outcomes.filter((o) => o.right && isNull(o)).length;
  return {
    keys,
    nulls,
    answered,
    right,
    nullsRefused,
    wrongYears: outcomes.filter((o) => o.wrongYear).length,
    precision: answered ? right / answered : 1,
    recall: keys ? right / keys : 1,
    accuracy: (right + nullsRefused) / outcomes.length,
    outcomes,
  };
}

/** The dates of one document against its expected dates. */
function dateOutcomes(e: ExpectedDocument, d: DocumentText): Outcome[] {
  const read = reading(d).dates();
  return e.dates.map((x) => {
    const expected = x.start === null ? 'undated' : `${x.start}..${x.end} ${x.precision}`;
    // A key in the title is read as the title is read: the first thing of the document.
    const inTitle = d.meta.title.indexOf(x.key);
    const at = inTitle >= 0 ? { unit: -1, start: inTitle, end: inTitle + x.key.length } : locate(d, x.key);
    if (!at) return { file: e.file, key: x.key, expected, found: '(key not in the text)', right: false };
    const result = at.unit < 0 ? extractDates(d.meta.title, { published: d.meta.published }) : read[at.unit]!.result;
    const mention = result.mentions.find((m) => overlaps(m, at.start, at.end));
    const refusal = result.refused.find((m) => overlaps(m, at.start, at.end));
    if (!mention) return { file: e.file, key: x.key, expected, found: refusal ? 'refused' : '', right: x.start === null };
    const precision = mention.precision === 'year' || mention.precision === 'decade' ? 'year' : mention.precision;
    const found = `${mention.date}..${mention.until ?? mention.date} ${precision}`;
    if (x.start === null) return { file: e.file, key: x.key, expected, found, right: false, wrongYear: true };
    return { file: e.file, key: x.key, expected, found, right: found === expected, ...(mention.date.slice(0, 4) !== x.start.slice(0, 4) ? { wrongYear: true } : {}) };
  });
}

/** The quantities of one document against its expected figures, and its keys that hold none. */
function figureOutcomes(e: ExpectedDocument, d: DocumentText): Outcome[] {
  // Each unit's quantities as documentFigures reads them (with the document's calendar).
  const read = reading(d).dates();
  const quantities = (i: number) => extractQuantities(read[i]!.unit.text, d.meta.published, { minguo: read[i]!.result.context.minguo ?? false });
  const none = (e.not_figures ?? []).map((key): Outcome => {
    const at = locate(d, key);
    const q = at && quantities(at.unit).find((m) => overlaps(m, at.start, at.end));
    return { file: e.file, key, expected: 'no figure', found: q ? `${q.value} ${q.unit}` : '', right: !q };
  });
  return [...none, ...e.figures.map((x) => {
    const expected = `${x.value} ${x.unit}`;
    const at = locate(d, x.key);
    if (!at) return { file: e.file, key: x.key, expected, found: '(key not in the text)', right: false };
    const q = quantities(at.unit).find((m) => overlaps(m, at.start, at.end));
    if (!q) return { file: e.file, key: x.key, expected, found: '', right: false };
    const found = `${q.value} ${q.unit}`;
    return { file: e.file, key: x.key, expected, found, right: Math.abs(q.value - x.value) <= 1e-9 * Math.max(1, x.value) && q.unit === x.unit };
  })];
}

export interface ExtractionAccuracy {
  dates: Score;
  figures: Score;
}

/**
 * Dates and figures of a corpus (dev-web unless `dir` says another; every document, or those
 * `include` keeps) against its EXPECTED.json (or other expectations of the same documents).
 */
export function extractionAccuracy(include: (file: string) => boolean = () => true, dir = DEV_WEB, expected: ExpectedDocument[] = expectedDocuments(dir)): ExtractionAccuracy {
  const dates: Outcome[] = [];
  const figures: Outcome[] = [];
  let nulls = 0;
  let noFigures = 0;
  for (const e of expected.filter((x) => include(x.file))) {
    const d = expectedDocument(e, dir);
    dates.push(...dateOutcomes(e, d));
    figures.push(...figureOutcomes(e, d));
    nulls += e.dates.filter((x) => x.start === null).length;
    noFigures += e.not_figures?.length ?? 0;
  }
  return { dates: score(dates, nulls), figures: score(figures, noFigures) };
}

/** One line per score: `dates: 45 keys (1 undated), precision …`. */
export function describe(name: string, s: Score): string {
  const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
  const none = name === 'dates' ? 'undated' : 'without a figure';
  return `${name}: ${s.keys} keys${s.nulls ? ` + ${s.nulls} ${none}` : ''}, ${s.right} right, precision ${pct(s.precision)}, recall ${pct(s.recall)}, accuracy ${pct(s.accuracy)}${s.nulls ? `, ${none} refused ${s.nullsRefused}/${s.nulls}` : ''}${name === 'dates' ? `, wrong years ${s.wrongYears}` : ''}`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { dates, figures } = extractionAccuracy(undefined, process.argv[2] ?? DEV_WEB);
  for (const o of [...dates.outcomes, ...figures.outcomes].filter((x) => !x.right)) console.log(`  ${o.file.slice(0, 2)} ${o.key}: expected ${o.expected}, found ${o.found || 'nothing'}`);
  console.log(describe('dates', dates));
  console.log(describe('figures', figures));
}
