/**
 * enhance-script.ts as the inline script pages carry: its TypeScript stripped and minified by
 * esbuild, with the interface's strings put in. Made once per build, while Astro bundles the site's
 * code (the module `virtual:kb-enhance-script`, astro.config.mjs), not when the first page renders:
 * esbuild's synchronous call starts a process of its own, 0.2 s of a rebuild's rendering and of
 * each rendering thread's.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { transformSync } from 'esbuild';
import { strings } from '../i18n/zh-CN.ts';

const SOURCE = fileURLToPath(new URL('./enhance-script.ts', import.meta.url));

/** The minified script with `strings` (name -> text) as its build-time constants. */
export function enhanceScript(source: string, strings: Record<string, string>): string {
  const define = Object.fromEntries(Object.entries(strings).map(([k, v]) => [k, JSON.stringify(v)]));
  const code = transformSync(source, { loader: 'ts', minify: true, target: 'es2022', define, legalComments: 'none' }).code.trim();
  // The script sits inside <script>: nothing in it may close the element.
  return code.replace(/<\/(script)/gi, '<\\/$1');
}

const MODULE = 'virtual:kb-enhance-script';
const RESOLVED = `\0${MODULE}`;

/** The Vite plugin whose module `virtual:kb-enhance-script` gives the pages' script (Enhance.astro) as its default export. */
export const enhanceScriptModule = {
  name: 'kb-enhance-script',
  resolveId: (id: string) => (id === MODULE ? RESOLVED : undefined),
  load(this: { addWatchFile(file: string): void }, id: string) {
    if (id !== RESOLVED) return undefined;
    this.addWatchFile(SOURCE);
    const code = enhanceScript(readFileSync(SOURCE, 'utf8'), { COPIED: strings.doc.copied, PARAGRAPH: strings.doc.citeParagraphN('%') });
    return `export default ${JSON.stringify(code)};`;
  },
};
