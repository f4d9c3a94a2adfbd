/**
 * The same cleaned documents built as an Astro Starlight site, for the side-by-side in the scale
 * benchmark: a throw-away project in .cache/ (Starlight is a devDependency used only here), one
 * Markdown page per document from the content build's document data (headings, paragraphs, lists,
 * tables), built with Starlight's defaults (its own Pagefind search included).
 * Usage: tsx scripts/bench/starlight.ts <generated folder> — prints one JSON line.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Block } from '../../src/pipeline/types.ts';
import { measure } from '../lib/measure.ts';
import { setAside } from '../lib/leftovers.ts';
import { cleanEnv } from '../lib/project.ts';

const ROOT = join(import.meta.dirname, '..', '..');

/** Text as Markdown text: nothing in it becomes markup. */
const md = (s: string) => s.replace(/[\\`*_[\]<>#|{}]/g, (c) => `\\${c}`).replace(/^(\s*)(\d+)\./gm, '$1$2\\.');

function markdown(blocks: Block[]): string {
  return blocks
    .map((b) => {
      switch (b.type) {
        case 'heading':
          return `${'#'.repeat(b.level)} ${md(b.text)}`;
        case 'paragraph':
          return md(b.text);
        case 'list':
          return b.items.map((i) => `- ${md(i)}`).join('\n');
        case 'table': {
          const row = (cells: string[]) => `| ${cells.map((c) => md(c).replace(/\n/g, ' ')).join(' | ')} |`;
          const header = b.header.length ? b.header : (b.rows[0] ?? []).map(() => ' ');
          return [row(header), row(header.map(() => '---')), ...b.rows.map(row)].join('\n');
        }
      }
    })
    .join('\n\n');
}

/** One build of the Starlight site: its time and memory, and its bytes. */
export type StarlightBuild = Awaited<ReturnType<typeof buildOnce>>;

/**
 * The Starlight site of the documents in `generated` written now (into the project), built each
 * time `build` is called (from nothing: the last build's output and caches set aside), and set
 * aside by `done`: the documents can be taken from one build of ours and the site built after
 * others, and several times, one build of ours between two of its.
 */
export function prepareStarlight(generated: string): { build(): Promise<StarlightBuild>; done(): void } {
  // Inside the project (not in src/), so that node_modules is found by walking up, as Vite expects.
  const dir = join(ROOT, 'bench-starlight.tmp');
  rmSync(dir, { recursive: true, force: true });
  const docsDir = join(dir, 'src', 'content', 'docs', 'docs');
  mkdirSync(docsDir, { recursive: true });
  const files = readdirSync(join(generated, 'documents')).filter((f) => f.endsWith('.json')).sort();
  for (const f of files) {
    const d = JSON.parse(readFileSync(join(generated, 'documents', f), 'utf8')) as { id: string; title: string; blocks: Block[] };
    writeFileSync(join(docsDir, `${d.id}.md`), `---\ntitle: ${JSON.stringify(d.title)}\n---\n\n${markdown(d.blocks)}\n`);
  }
  writeFileSync(join(dir, 'src', 'content', 'docs', 'index.md'), '---\ntitle: 医联体文献库\n---\n\n文献库。\n');
  writeFileSync(join(dir, 'src', 'content.config.ts'), `import { defineCollection } from 'astro:content';\nimport { docsLoader } from '@astrojs/starlight/loaders';\nimport { docsSchema } from '@astrojs/starlight/schema';\nexport const collections = { docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }) };\n`);
  writeFileSync(
    join(dir, 'astro.config.mjs'),
    `import { defineConfig } from 'astro/config';\nimport starlight from '@astrojs/starlight';\nexport default defineConfig({ site: 'https://example.org', cacheDir: '.cache/astro', vite: { ssr: { noExternal: [/starlight/, /expressive-code/] } }, integrations: [starlight({ title: '医联体文献库', defaultLocale: 'root', locales: { root: { label: '简体中文', lang: 'zh-CN' } }, sidebar: [{ label: '文献', items: [{ autogenerate: { directory: 'docs' } }] }] })] });\n`,
  );
  // Its dependencies listed, as Astro reads them to bundle (not externalise) integrations such as Starlight.
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'kb-starlight-bench', private: true, type: 'module', dependencies: { astro: '*', '@astrojs/starlight': '*' } }));
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ extends: 'astro/tsconfigs/strict' }));
  return {
    build() {
      for (const made of ['dist', '.astro', '.cache']) if (existsSync(join(dir, made))) setAside(join(dir, made));
      return buildOnce(dir, files);
    },
    done: () => setAside(dir),
  };
}

/** The Starlight site of the documents in `generated`, built once: its time, memory and bytes. */
export async function buildStarlight(generated: string): Promise<StarlightBuild> {
  const site = prepareStarlight(generated);
  const result = await site.build();
  site.done();
  return result;
}

async function buildOnce(dir: string, files: readonly string[]) {
  const { seconds, peakMB } = await measure(process.execPath, [join(ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build'], { cwd: dir, env: cleanEnv() });
  const dist = join(dir, 'dist');
  const bytes = (p: string): number => (statSync(p).isDirectory() ? readdirSync(p).reduce((n, f) => n + bytes(join(p, f)), 0) : statSync(p).size);
  const first = files[0]!.replace(/\.json$/, '');
  const page = join(dist, 'docs', first, 'index.html');
  const html = readFileSync(page, 'utf8');
  // What a reader downloads for one page: its HTML, and the CSS and JS files it links.
  const linked = [...html.matchAll(/(?:href|src)="(\/_astro\/[^"]+\.(?:css|js))"/g)].map((m) => m[1]!);
  const assets = [...new Set(linked)].reduce((n, f) => n + statSync(join(dist, f)).size, 0);
  return { seconds, peakMB, pages: files.length, distMB: Math.round(bytes(dist) / 1e5) / 10, pagefindMB: Math.round(bytes(join(dist, 'pagefind')) / 1e5) / 10, pageBytes: statSync(page).size + assets, pageHtmlBytes: statSync(page).size, pageAssetBytes: assets };
}

if (process.argv[1]?.endsWith('starlight.ts')) console.log(JSON.stringify(await buildStarlight(process.argv[2] ?? join(ROOT, 'src', 'generated'))));
