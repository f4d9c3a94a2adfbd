/** The content build's pool of worker threads (scripts/lib/pool.ts): results in order, and items kept apart never running at once. */
import { describe, expect, it } from 'vitest';
import { pool } from '../../scripts/lib/pool.ts';

const TASK = new URL('../fixtures/pool/task.ts', import.meta.url);
type Ran = { name: string; start: number; end: number };
const overlap = (a: Ran, b: Ran) => a.start < b.end && b.start < a.end;

describe('pool', () => {
  it('runs items side by side, but never two kept apart at once, and gives the results in order', async () => {
    const work = await pool(TASK, {}, 2);
    try {
      // As the content build's merges: two large ones first, then small ones.
      const items = [
        { name: 'A', ms: 300 },
        { name: 'B', ms: 300 },
        { name: 'c', ms: 100 },
        { name: 'd', ms: 100 },
        { name: 'E', ms: 200 },
        { name: 'f', ms: 100 },
      ];
      const apart = (i: { name: string }) => i.name === i.name.toUpperCase();
      const ran = await work.map<(typeof items)[number], Ran>('wait', items, { apart });
      expect(ran.map((r) => r.name)).toEqual(items.map((i) => i.name));
      const large = ran.filter(apart);
      for (const a of large) for (const b of large) if (a !== b) expect(overlap(a, b), `${a.name} and ${b.name}`).toBe(false);
      // The small ones ran beside the large ones.
      expect(ran.filter((r) => !apart(r)).some((s) => large.some((l) => overlap(s, l)))).toBe(true);
      // Without `apart`, the two threads take the first two items at once.
      const free = await work.map<(typeof items)[number], Ran>('wait', items.slice(0, 2));
      expect(overlap(free[0]!, free[1]!)).toBe(true);
    } finally {
      await work.close();
    }
  }, 30_000);
});
