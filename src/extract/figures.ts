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
import { clip, sentenceSpans } from './units.ts';

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
  for (const { unit, result } of r.dates()) {
    const quantities = extractQuantities(unit.text, d.meta.published, { minguo: result.context.minguo ?? false, ...(counted ? { counted } : {}) });
    if (quantities.length === 0) continue;
    for (const [s, e] of sentenceSpans(unit.text)) {
      const sentence = unit.text.slice(s, e);
      const dates = result.mentions.filter((m) => m.start >= s && m.end <= e && !m.named);
      for (const q of quantities.filter((x) => x.start >= s && x.start < e)) {
        const n = (perParagraph.get(unit.block) ?? 0) + 1;
        perParagraph.set(unit.block, n);
        const { start, end: _end, ...quantity } = q;
        const date = sentenceDate(unit.text, dates, start);
        const around = clip(sentence, start - s, q.end - s).text.trim();
        figures.push({
          id: `${d.id}-${unit.block}-${n}`,
          ...quantity,
          context: unit.label ? `${unit.label}：${around}` : around,
          doc: d.id,
          paragraph: unit.block,
          ...(date ? { date: date.date, ...(date.until ? { dateEnd: date.until } : {}), dateWritten: date.text, dateTrusted: d.datesTrusted } : {}),
        });
      }
    }
  }
  return figures;
}

/** The figures of the whole corpus, documents in id order. */
export function corpusFigures(results: Iterable<Figure[]>): Figure[] {
  return [...results].flat();
}
