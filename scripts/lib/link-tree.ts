/** A folder's files put in another place as hard links (a copy where the file system cannot link): the built site's data files and search index. */
import { copyFile, link, mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Every file under `from` at the same place under `to`, but those `skip` names (by their path
 * relative to `from`) and files still being written (`.partial`). The files are shared, so nothing
 * may change one in place: whoever writes them replaces them (rename, or remove and write).
 */
export async function linkTree(from: string, to: string, skip: (path: string) => boolean = () => false, under = ''): Promise<void> {
  await mkdir(to, { recursive: true });
  for (const entry of await readdir(from, { withFileTypes: true })) {
    const path = under ? `${under}/${entry.name}` : entry.name;
    if (skip(path) || entry.name.endsWith('.partial')) continue;
    const [src, dst] = [join(from, entry.name), join(to, entry.name)];
    if (entry.isDirectory()) await linkTree(src, dst, skip, path);
    else await link(src, dst).catch(() => copyFile(src, dst));
  }
}
