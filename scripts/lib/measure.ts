/**
 * Run a command and measure it: wall seconds and the peak resident memory of it and every process
 * it starts, together (a build runs several side by side), sampled every 0.2 s from this process
 * (process-memory.ts: nothing is started to sample, so the measure takes little from the build).
 */
import { spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { treeMemory } from './process-memory.ts';

export interface Measured {
  seconds: number;
  peakMB: number;
  log: string;
}

export async function measure(command: string, args: readonly string[], options: { cwd: string; env: NodeJS.ProcessEnv }): Promise<Measured> {
  const dir = mkdtempSync(join(tmpdir(), 'kb-measure-'));
  const log = join(dir, 'log');
  const out = openSync(log, 'w');
  const started = performance.now();
  const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', out, out] });
  closeSync(out);
  let peakKB = 0;
  const sampler = setInterval(() => (peakKB = Math.max(peakKB, treeMemory()(child.pid!))), 200);
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (status) => resolve(status));
  }).finally(() => clearInterval(sampler));
  const seconds = Math.round((performance.now() - started) / 10) / 100;
  const text = readFileSync(log, 'utf8');
  rmSync(dir, { recursive: true, force: true });
  if (code !== 0) throw new Error(`${command} ${args.join(' ')} failed (${code}):\n${text.slice(-4000)}`);
  return { seconds, peakMB: Math.round(peakKB / 1024), log: text };
}
