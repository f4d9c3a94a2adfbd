/**
 * The figures of the corpus: every quantity a document quotes (src/extract/quantities.ts), with
 * its sentence, its paragraph and the date its sentence gives, under an id that stays put as long
 * as the paragraph and the quantities before it in that paragraph do.
 */
import { NO_LEXICON, type Lexicon } from './lexicon.ts';
import type { BlockId, DocumentId } from '../pipeline/types.ts';
import type { DateMention } from './dates.ts';
import type { Reading } from './reading.ts';
import { countedNounPattern, extractQuantities, type Quantity } from './quantities.ts';
import { bareFigure, captionUnit, dateOfName, datesAcross, holdsOnly, readCell, rowName, signOf, tableCells, withCellUnit, type CellReading, type CellUnit, type NameDate, type TableCell } from './table-cells.ts';
import { memo } from '../lib/memo.ts';
import { clip, sentenceSpans, type TextUnit } from './units.ts';

export interface Figure extends Omit<Quantity, 'start' | 'end'> {
  /** `<doc>-<paragraph>-<n>`: the nth figure of that paragraph. */
  id: string;
  /** The sentence the figure is in, cut to 60 characters either side (a table row starts with its first cell: `上海：…`). */
  context: string;
  doc: DocumentId;
  paragraph: BlockId;
  /** The date the sentence gives: the last one before the figure, else the first after it. */
  date?: string;
  /** The end of a period the sentence gives (2015年-2017年4月). */
  dateEnd?: string;
  /** That date as written (去年同期, 2017年). */
  dateWritten?: string;
  /** False when the document's dates cannot be trusted (the date is then only a label). */
  dateTrusted?: boolean;
  /** A table's figure alone in its cell: what it measures (its column's header or its row's first cell, unit kept: 清运量（万吨）) … */
  measure?: string;
  /** … and the item it is about (its row's first cell, when the row does not name a date or the measure). */
  label?: string;
}

/**
 * The date a figure takes from its sentence: the last date before it, else the first after it that
 * is not a comparison's baseline. A
 * comparison's baseline (去年同期) dates only the figure right after it (去年同期417403人次); the
 * figures after that one (增长25.51%) belong to the sentence's own date.
 */
function sentenceDate(text: string, mentions: readonly DateMention[], at: number): DateMention | undefined {
  const before = mentions.filter((m) => m.end <= at);
  const last = before.at(-1);
  if (last?.comparison && !/^[^，,。；;、]{0,2}$/.test(text.slice(last.end, at))) {
    return before.filter((m) => !m.comparison).at(-1) ?? mentions.find((m) => m.start >= at && !m.comparison);
  }
  // After the figure, a comparison's baseline (与上年同期比) is not its date.
  return last ?? mentions.find((m) => m.start >= at && !m.comparison);
}

/** A function that gives every figure of one document, in reading order, what each counts told with the corpus's lexicon. */
export function figuresOf(lexicon: Pick<Lexicon, 'countedNouns'>): (r: Reading) => Figure[] {
  const counted = lexicon.countedNouns.length ? countedNounPattern(lexicon.countedNouns) : undefined;
  return (r) => readFigures(r, counted);
}

/** Every figure of one document, by the engine's general words. */
export const documentFigures = figuresOf(NO_LEXICON);

function readFigures(r: Reading, counted: RegExp | undefined): Figure[] {
  const d = r.doc;
  const figures: Figure[] = [];
  const perParagraph = new Map<string, number>();
  // The unit a line right above a table gives its numbers (（单位：个）), and that table.
  let caption: CellUnit | undefined;
  let captioned: string | undefined;
  // The dates its tables' headers and rows give, each worked out once (every row of a table has its
  // header), in the document's own context (a row stands alone: readDates).
  let dateOf: ((name: string) => NameDate | undefined) | undefined;
  for (const { unit, result } of r.dates()) {
    if (unit.kind !== 'row') [caption, captioned] = [captionUnit(unit.text), undefined];
    else if ((captioned ??= unit.block) !== unit.block) caption = undefined;
    const found = extractQuantities(unit.text, d.meta.published, { minguo: result.context.minguo ?? false, ...(counted ? { counted } : {}) });
    if (unit.kind === 'row') dateOf ??= memo((name: string) => dateOfName(name, { published: result.context.published, ...(result.context.minguo ? { minguo: true } : {}) }));
    const table = dateOf && tableFigures(unit, found, dateOf, caption);
    const quantities = table ? table.quantities : found;
    if (quantities.length === 0) continue;
    for (const [s, e] of sentenceSpans(unit.text)) {
      const sentence = unit.text.slice(s, e);
      const dates = result.mentions.filter((m) => m.start >= s && m.end <= e && !m.named);
      for (const q of quantities.filter((x) => x.start >= s && x.start < e)) {
        const n = (perParagraph.get(unit.block) ?? 0) + 1;
        perParagraph.set(unit.block, n);
        const { start, end: _end, ...quantity } = q;
        const cell = table?.cells.get(q);
        const inSentence = sentenceDate(unit.text, dates, start);
        // A cell that is only its figure takes the date its header or row gives; a sentence in a cell, its own first.
        const byTable = cell?.reading.date && { date: cell.reading.date.date, until: cell.reading.date.until, text: cell.reading.date.written };
        const date = cell?.whole ? (byTable ?? inSentence) : (inSentence ?? byTable);
        const around = clip(sentence, start - s, q.end - s).text.trim();
        figures.push({
          id: `${d.id}-${unit.block}-${n}`,
          ...quantity,
          context: table?.context?.(q) ?? (unit.label ? `${unit.label}：${around}` : around),
          doc: d.id,
          paragraph: unit.block,
          ...(date ? { date: date.date, ...(date.until ? { dateEnd: date.until } : {}), dateWritten: date.text, dateTrusted: d.datesTrusted } : {}),
          ...(cell?.whole ? { measure: cell.reading.measure } : {}),
          ...(cell?.whole && cell.reading.label ? { label: cell.reading.label } : {}),
        });
      }
    }
  }
  return figures;
}

/**
 * A table row's figures: those its cells quote, and a bare number alone in a cell (24206 under
 * 清运量（万吨）), each with what its header and row say of it. A row with a cell that is only a
 * figure is shown with its headers (2019：清运量（万吨） 24206；无害化处理率 99.2%); nothing for a
 * unit that is not a table row.
 */
function tableFigures(unit: TextUnit, found: Quantity[], dateOf: (name: string) => NameDate | undefined, tableUnit?: CellUnit) {
  const cells = tableCells(unit);
  if (cells.length === 0) return undefined;
  const row = unit.label ?? '';
  const name = rowName(unit);
  const across = datesAcross(unit.header ?? [], dateOf);
  const quantities: Quantity[] = [];
  const read = new Map<Quantity, { reading: CellReading; whole: boolean; cell: TableCell }>();
  // The quantities found inside a cell (the rest, across cells, are kept as a sentence's below).
  const inCells = new Set<Quantity>();
  for (const cell of cells) {
    const reading = readCell(name, cell.column, dateOf, across);
    const inCell = found.filter((q) => q.start >= cell.start && q.end <= cell.end);
    for (const q of inCell) inCells.add(q);
    const bare = inCell.length === 0 ? bareFigure(cell.text, reading, cell.column, tableUnit) : undefined;
    if (bare) {
      const text = cell.text.trim();
      const start = cell.start + cell.text.indexOf(text);
      inCell.push({ start, end: start + text.length, text, value: bare.value, unit: bare.unit, approximate: false });
    }
    for (const q of inCell) {
      const whole = inCell.length === 1 && holdsOnly(cell.text, q.text);
      const figure = whole ? withCellUnit({ ...q, ...signOf(cell.text) }, reading, tableUnit) : q;
      quantities.push(figure);
      read.set(figure, { reading, whole, cell });
    }
  }
  // (One across cells, which the ； between them should never let through, is kept as a sentence's.)
  quantities.push(...found.filter((q) => !inCells.has(q)));
  quantities.sort((a, b) => a.start - b.start);
  if (![...read.values()].some((x) => x.whole)) return { quantities, cells: read };
  // The row with its headers, where each cell's text starts in it kept (as an offset from the cell's start in the unit).
  let text = row ? `${row}：` : '';
  const shift = new Map<TableCell, number>();
  cells.forEach((cell, j) => {
    const shown = cell.text.trim();
    if (j > 0) text += '；';
    if (cell.column && shown) text += `${cell.column} `;
    shift.set(cell, text.length - cell.start - cell.text.indexOf(shown));
    text += shown;
  });
  const contextOf = (q: Quantity): string | undefined => {
    const x = read.get(q);
    if (!x) return undefined;
    const start = q.start + shift.get(x.cell)!;
    return clip(text, start, start + q.text.length).text.trim();
  };
  return { quantities, cells: read, context: contextOf };
}

/** The figures of the whole corpus, documents in id order. */
export function corpusFigures(results: Iterable<Figure[]>): Figure[] {
  return [...results].flat();
}
