/** enhance-script.ts as the inline script pages carry: its TypeScript stripped and minified by esbuild, with the interface's strings put in. */
import { transformSync } from 'esbuild';
import source from './enhance-script.ts?raw';

const made = new Map<string, string>();

/** The minified script with `strings` (name -> text) as its build-time constants; made once per set of strings. */
export function enhanceScript(strings: Record<string, string>): string {
  const key = JSON.stringify(strings);
  let code = made.get(key);
  if (code === undefined) {
    const define = Object.fromEntries(Object.entries(strings).map(([k, v]) => [k, JSON.stringify(v)]));
    code = transformSync(source, { loader: 'ts', minify: true, target: 'es2022', define, legalComments: 'none' }).code.trim();
    // The script sits inside <script>: nothing in it may close the element.
    code = code.replace(/<\/(script)/gi, '<\\/$1');
    made.set(key, code);
  }
  return code;
}
