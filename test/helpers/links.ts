/** A small link checker for a built site: every internal href/src and #fragment must resolve. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Every HTML file under a folder. */
export function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? htmlFiles(join(dir, e.name)) : e.name.endsWith('.html') ? [join(dir, e.name)] : []));
}

/** Problems found: links to missing files or missing ids. `base` is the site's base path. */
export function checkLinks(dist: string, base = '/'): { checked: number; problems: string[] } {
  const ids = new Map<string, Set<string>>();
  const idsOf = (file: string) => {
    if (!ids.has(file)) ids.set(file, new Set([...readFileSync(file, 'utf8').matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!)));
    return ids.get(file)!;
  };
  const problems: string[] = [];
  let checked = 0;
  for (const file of htmlFiles(dist)) {
    const html = readFileSync(file, 'utf8');
    const page = '/' + file.slice(dist.length + 1).replace(/index\.html$/, '');
    for (const m of html.matchAll(/\s(?:href|src)="([^"]*)"/g)) {
      const link = m[1]!.replace(/&amp;/g, '&');
      if (/^(https?:|mailto:|data:)/.test(link)) continue;
      checked++;
      const [pathPart, fragment] = link.split('#') as [string, string | undefined];
      let target: string;
      if (pathPart === '') target = file;
      else {
        const abs = pathPart.startsWith('/') ? pathPart : new URL(pathPart, `http://x${base}${page.slice(1)}`).pathname;
        if (!abs.startsWith(base)) {
          problems.push(`${page}: ${link} is outside the base path ${base}`);
          continue;
        }
        let f = join(dist, decodeURIComponent(abs.slice(base.length)));
        if (existsSync(f) && statSync(f).isDirectory()) f = join(f, 'index.html');
        if (!existsSync(f)) {
          problems.push(`${page}: ${link} -> no such file`);
          continue;
        }
        target = f;
      }
      const id = fragment?.split(':~:')[0];
      if (id && target.endsWith('.html') && !idsOf(target).has(decodeURIComponent(id))) problems.push(`${page}: ${link} -> no element with id ${id}`);
    }
  }
  return { checked, problems };
}
