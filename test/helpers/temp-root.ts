/**
 * Vitest's global setup: every temporary folder the tests make (project copies, corpora, servers'
 * roots) goes under one folder of this run, removed when the run ends, so test runs leave nothing
 * behind in the system's temporary folder (each site build's copy is tens of megabytes).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), 'kb-tests-'));
  // os.tmpdir() reads TMPDIR; the test workers are started after this, with this environment.
  process.env.TMPDIR = root;
  return () => rmSync(root, { recursive: true, force: true });
}
