/**
 * Recover a table that a scrape flattened into one line: header cells run together
 * (`省市现状前景`), then rows that each start with a province or city name.
 */
import { isProvince, placeAt } from './places.ts';

export interface RecoveredTable {
  header: string[];
  rows: string[][];
  note: string;
  /** Text after the table on the same line (prose that followed it), if any. */
  rest: string;
  /** The table's own source citation, if the line gives one. */
  citation?: string;
}

/** Characters before a place name that show it is inside a sentence, not starting a row. */
const INSIDE_BEFORE = new Set([...'、,,“〝"‘的为在与和及—-至到从向由给对']);
/** Characters after a place name that show it is part of a longer name (沈阳市, 蚌埠医学院). */
const INSIDE_AFTER = new Set([...'市省区县镇乡等大医交中、,,人']);
/** A parenthesised source citation with a date or path: `(2013.04.20医药网 /news/…)`. */
const CITATION = /\s*[((]([^()()]*(?:\d{4}[./-]\d{1,2}|\/)[^()()]*)[))]/;

const MIN_ROWS = 5;

/** Try to read `line` as a flattened table; null when it does not look like one. */
export function recoverTable(line: string): RecoveredTable | null {
  let first = -1;
  for (let i = 0; i <= 12 && i < line.length; i++) {
    if (placeAt(line, i)) {
      first = i;
      break;
    }
  }
  const prefix = line.slice(0, first);
  if (first < 4 || first % 2 !== 0 || !/^\p{Script=Han}+$/u.test(prefix)) return null;
  const headerCells = prefix.match(/../g)!;

  const citationMatch = CITATION.exec(line.slice(first));
  const tableEnd = citationMatch ? first + citationMatch.index : line.length;
  const body = line.slice(0, tableEnd);

  const rows: { places: string[]; content: string }[] = [];
  let i = first;
  while (i < body.length) {
    const places: string[] = [];
    let j = i;
    const p1 = placeAt(body, j)!;
    places.push(p1);
    j += p1.length;
    const p2 = isProvince(p1) ? placeAt(body, j) : null;
    if (p2 && !isProvince(p2)) {
      places.push(p2);
      j += p2.length;
    }
    const contentStart = j;
    let next = body.length;
    for (let k = contentStart + 1; k < body.length; k++) {
      if (isRowStart(body, k)) {
        next = k;
        break;
      }
    }
    rows.push({ places, content: body.slice(contentStart, next).trim() });
    i = next;
  }
  if (rows.length < MIN_ROWS) return null;

  let province = '';
  const out = rows.map(({ places, content }) => {
    if (isProvince(places[0]!)) province = places[0]!;
    const label = isProvince(places[0]!) ? places.join(' · ') : province ? `${province} · ${places.join(' · ')}` : places.join(' · ');
    return [label, content];
  });
  const merged = headerCells.slice(1).join(' / ');
  return {
    header: [headerCells[0]!, merged],
    rows: out,
    note: `原文是压平成一行的表格(${headerCells.join(' | ')}),按行首的省市名称拆分成 ${out.length} 行;${headerCells.slice(1).join('与')}两列在原文中已连成一段,无法可靠拆开,合为一列。只写城市的行沿用上一行的省份。`,
    rest: line.slice(tableEnd + (citationMatch ? citationMatch[0].length : 0)).trim(),
    ...(citationMatch ? { citation: citationMatch[1]!.trim() } : {}),
  };
}

function isRowStart(text: string, k: number): boolean {
  const name = placeAt(text, k);
  if (!name) return false;
  const before = text[k - 1];
  const after = text[k + name.length];
  if (before !== undefined && INSIDE_BEFORE.has(before)) return false;
  if (after === undefined || INSIDE_AFTER.has(after)) return false;
  return true;
}
