/**
 * Golden files under test/golden: when a change alters an output on purpose, delete its golden file
 * and run the tests once to write it anew (never on CI: there a missing golden file fails).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expect } from 'vitest';
import { ROOT } from './seeds.ts';

export function expectGolden(name: string, actual: string): void {
  const file = join(ROOT, 'test', 'golden', name);
  if (!existsSync(file)) {
    if (process.env.CI) throw new Error(`golden file ${name} is missing (refused on CI)`);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, actual);
  }
  expect(actual).toBe(readFileSync(file, 'utf8'));
}
