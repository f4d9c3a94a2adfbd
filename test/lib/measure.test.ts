import { describe, expect, it } from 'vitest';
import { measure } from '../../scripts/lib/measure.ts';

// A grandchild holding 300 MB for a second: the measure counts the processes a command starts.
const GRANDCHILD = `
const { spawnSync } = require('node:child_process');
spawnSync(process.execPath, ['-e', "const b = Buffer.alloc(300 * 1024 * 1024, 1); setTimeout(() => console.log('held', b.length), 1000)"], { stdio: 'inherit' });
`;

describe('measure', () => {
  it('times a command and counts the memory of the processes it starts, with its output', async () => {
    const m = await measure(process.execPath, ['-e', GRANDCHILD], { cwd: process.cwd(), env: process.env });
    expect(m.log).toContain(`held ${300 * 1024 * 1024}`);
    expect(m.seconds).toBeGreaterThanOrEqual(1);
    expect(m.peakMB).toBeGreaterThanOrEqual(300);
  });

  it('fails with the output of a command that fails', async () => {
    await expect(measure(process.execPath, ['-e', "console.error('broken on purpose'); process.exit(3)"], { cwd: process.cwd(), env: process.env })).rejects.toThrow(/failed \(3\):\nbroken on purpose/);
  });
});
