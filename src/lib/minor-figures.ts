/**
 * Figures a reader of the figures table rarely wants first: counts under ten written out in words
 * with a generic measure word (六个维度, 三类医联体, 两种模式: the text enumerating its own points,
 * not reporting a quantity) and page counts. The table folds them away by default; nothing is dropped.
 */

/** Measure words that count the text's own points and kinds rather than things in the world. */
const GENERIC = new Set(['个', '种', '类', '项', '条', '点', '方面', '层', '级', '步', '大']);

export function isMinorFigure(f: { value: number; upper?: number; unit: string; text: string; approximate?: boolean; bound?: string }): boolean {
  if (f.unit === '页') return true;
  if (f.upper !== undefined || f.approximate || f.bound) return false;
  return GENERIC.has(f.unit) && Number.isInteger(f.value) && f.value < 10 && !/[0-9０-９]/.test(f.text);
}
