/**
 * Folders a benchmark is done with. This machine's file system (ext4 without a journal) passes over
 * the inodes freed in the last minute (six, while their table is not yet written back) each time it
 * allocates one, so removing a finished size's 35,000 files just before the next size's build made
 * that build's file creation several times dearer (Astro after a 17,000-file removal: 15% of its CPU in
 * the kernel's inode allocator). With BENCH_LEFTOVERS set (npm run bench sets it), a folder is moved
 * there (a rename frees nothing) and removed when the whole run is over; without it, removed now.
 */
import { mkdtempSync, renameSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';

export function setAside(dir: string): void {
  const leftovers = process.env.BENCH_LEFTOVERS;
  try {
    if (leftovers) return renameSync(dir, join(mkdtempSync(join(leftovers, 'x-')), basename(dir)));
  } catch {
    // Another file system: no rename there.
  }
  rmSync(dir, { recursive: true, force: true });
}
