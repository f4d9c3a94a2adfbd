/**
 * scripts: tell simplified from traditional text, and make a simplified rendering of
 * traditional text (OpenCC, Taiwan standard -> mainland; `tw`, not `t`, which gives 随著).
 */
import * as OpenCC from 'opencc-js/t2cn';
import type { Script } from './types.ts';

const toSimplified: (text: string) => string = OpenCC.Converter({ from: 'tw', to: 'cn' });

/** Convert traditional text to simplified, leaving everything else as it is. */
export function simplify(text: string): string {
  return toSimplified(text);
}

/**
 * A document is traditional when a noticeable share of its Han characters change under
 * conversion (simplified text changes almost nowhere; traditional text changes everywhere).
 */
export function detectScript(text: string): Script {
  const sample = text.length > 20000 ? text.slice(0, 20000) : text;
  const han = Array.from(sample).filter((c) => /\p{Script=Han}/u.test(c));
  if (han.length === 0) return 'simplified';
  const converted = Array.from(toSimplified(han.join('')));
  let changed = 0;
  for (let i = 0; i < han.length; i++) if (han[i] !== converted[i]) changed++;
  return changed / han.length > 0.05 ? 'traditional' : 'simplified';
}
