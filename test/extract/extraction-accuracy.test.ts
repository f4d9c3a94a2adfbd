import { describe, expect, it } from 'vitest';
import { describe as describeScore, extractionAccuracy } from '../../scripts/bench/extraction-accuracy.ts';
import { DEV_WEB, expectedDocument, expectedDocuments, LONG_TERM_CARE } from '../../scripts/bench/labelled-corpus.ts';
import { textUnits } from '../../src/extract/units.ts';

/**
 * dev-web (test/fixtures/dev-web): 14 pages of many kinds of Chinese sites, each with its expected
 * dates and figures. The documents are read as a perfect cleaning would leave them (the hand labels
 * of the plain-text files; the visible text of the HTML, Markdown and Word files), with their
 * expected publication dates: this measures the extractors, not the cleaning.
 */
describe('dev-web, against its expected dates and figures', () => {
  const { dates, figures } = extractionAccuracy();
  const wrong = (s: typeof dates) => s.outcomes.filter((o) => !o.right).map((o) => `${o.file.slice(0, 2)} ${o.key}: expected ${o.expected}, found ${o.found || 'nothing'}`);

  it('every key is in the text the measure reads (title or body)', () => {
    for (const e of expectedDocuments()) {
      const d = expectedDocument(e, DEV_WEB);
      const text = [d.meta.title, ...textUnits(d.blocks).map((u) => u.text)];
      for (const { key } of [...e.dates, ...e.figures]) expect(text.some((t) => t.includes(key)), `${e.file}: ${key}`).toBe(true);
    }
  });

  it('dates: at least 98% right, no wrong year, every expression that cannot be dated refused', () => {
    console.log(`[dev-web] ${describeScore('dates', dates)}`);
    for (const w of wrong(dates)) console.log(`[dev-web] date ${w}`);
    expect(dates.keys + dates.nulls).toBeGreaterThanOrEqual(50);
    expect(dates.accuracy).toBeGreaterThanOrEqual(0.98);
    expect(dates.wrongYears).toBe(0);
    expect(dates.nullsRefused).toBe(dates.nulls);
  });

  it('figures: at least 98% right (value scaled by 万/亿, unit simplified)', () => {
    console.log(`[dev-web] ${describeScore('figures', figures)}`);
    for (const w of wrong(figures)) console.log(`[dev-web] figure ${w}`);
    expect(figures.keys).toBeGreaterThanOrEqual(60);
    expect(figures.accuracy).toBeGreaterThanOrEqual(0.98);
  });

  it('counts a date a year off as a wrong year, a value off as wrong, and a date where none is expected as a guess', () => {
    const e = expectedDocuments().find((x) => x.file.startsWith('05'))!;
    const shifted = {
      ...e,
      dates: e.dates.map((x, i) => (i === 0 ? { ...x, start: null, end: null, precision: null } : { ...x, start: `${Number(x.start!.slice(0, 4)) + 1}${x.start!.slice(4)}` })),
      figures: e.figures.map((x) => ({ ...x, value: x.value * 10 })),
    };
    const off = extractionAccuracy((f) => f === e.file, DEV_WEB, [shifted]);
    expect(off.dates.right).toBe(0);
    expect(off.dates.wrongYears).toBe(e.dates.length);
    expect(off.dates.nullsRefused).toBe(0);
    expect(off.figures.right).toBe(0);
  });
});

/**
 * The long-term-care corpus (test/fixtures/corpora/long-term-care): ten pages on 长期护理保险 and
 * Taiwan's 長照, written for these tests, with Minguo years, numbers written in parts and page
 * chrome full of clock times, phone numbers and postcodes. Its documents are read line by line
 * (no hand labels), chrome included.
 */
describe('long-term-care, against its expected dates and figures', () => {
  const { dates, figures } = extractionAccuracy(() => true, LONG_TERM_CARE);
  it('dates: at least 98% right, no wrong year, the day without a month refused', () => {
    console.log(`[long-term-care] ${describeScore('dates', dates)}`);
    expect(dates.keys).toBeGreaterThanOrEqual(35);
    expect(dates.accuracy).toBeGreaterThanOrEqual(0.98);
    expect(dates.wrongYears).toBe(0);
    expect(dates.nullsRefused).toBe(dates.nulls);
  });
  it('figures: at least 98% right, and no figure in a clock time, a phone number, a postcode or a name', () => {
    console.log(`[long-term-care] ${describeScore('figures', figures)}`);
    expect(figures.keys).toBeGreaterThanOrEqual(45);
    expect(figures.accuracy).toBeGreaterThanOrEqual(0.98);
    expect(figures.nullsRefused).toBe(figures.nulls);
  });
});
