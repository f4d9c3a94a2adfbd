/**
 * Run a command and measure it: wall seconds and the peak resident memory of all its processes
 * together (a build stage may run several side by side), sampled every 0.2 s.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Measured {
  seconds: number;
  peakMB: number;
  log: string;
}

// The command runs in a session of its own; every process of that session is summed at each sample.
const SAMPLER = `setsid "$@" > "$MEASURE_LOG" 2>&1 &
pid=$!
peak=0
while kill -0 $pid 2>/dev/null; do
  s=$(ps -o rss= -s $pid 2>/dev/null | awk '{t+=$1} END {print t+0}')
  [ "$s" -gt "$peak" ] && peak=$s
  sleep 0.2
done
wait $pid
rc=$?
echo $peak > "$MEASURE_PEAK"
exit $rc`;

export function measure(command: string, args: readonly string[], options: { cwd: string; env: NodeJS.ProcessEnv }): Measured {
  const dir = mkdtempSync(join(tmpdir(), 'kb-measure-'));
  const log = join(dir, 'log');
  const peak = join(dir, 'peak');
  const started = performance.now();
  const r = spawnSync('bash', ['-c', SAMPLER, 'measure', command, ...args], { cwd: options.cwd, env: { ...options.env, MEASURE_LOG: log, MEASURE_PEAK: peak }, stdio: 'ignore' });
  const seconds = Math.round((performance.now() - started) / 10) / 100;
  const out = readFileSync(log, 'utf8');
  const peakMB = Math.round(Number(readFileSync(peak, 'utf8').trim()) / 1024);
  rmSync(dir, { recursive: true, force: true });
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${r.status}):\n${out.slice(-4000)}`);
  return { seconds, peakMB, log: out };
}
