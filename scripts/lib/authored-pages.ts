/**
 * The corpus's authored pages (pages/<slug>.mdx): copied into src/generated/authored/ for Astro
 * (src/pages/[page].astro), and checked against what the build made — a <Quote> whose paragraph is
 * gone, a <Chart>, <Figure> or <Term> that no longer exists is stale curation, reported like any
 * other. A slug that is one of the site's own parts (docs, timeline …) is refused: it would hide it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { copyFile, mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { mdxFromMarkdown } from 'mdast-util-mdx';
import { mdxjs } from 'micromark-extension-mdxjs';
import { visit } from 'unist-util-visit';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';

/** The first path segments the site's own pages use: an authored page may not take one. */
const RESERVED = new Set(['docs', 'timeline', 'figures', 'models', 'terms', 'policies', 'organisations', 'places', 'search', 'about', 'data', 'kb-search', '404', 'sitemap.xml', '_astro']);

/** A slug as a URL segment: lower-case letters, digits and hyphens. */
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A component element of an authored page and its literal attributes. */
interface Use {
  name: string;
  attributes: Record<string, string>;
  line: number;
}

/** The site components an MDX text uses, with their attributes written as plain strings. */
function componentUses(mdx: string): Use[] {
  const tree = fromMarkdown(mdx, { extensions: [mdxjs()], mdastExtensions: [mdxFromMarkdown()] });
  const uses: Use[] = [];
  visit(tree, (node) => {
    if (node.type !== 'mdxJsxFlowElement' && node.type !== 'mdxJsxTextElement') return;
    const el = node as MdxJsxFlowElement | MdxJsxTextElement;
    const attributes: Record<string, string> = {};
    for (const a of el.attributes) if (a.type === 'mdxJsxAttribute' && typeof a.value === 'string') attributes[a.name] = a.value;
    uses.push({ name: el.name ?? '', attributes, line: el.position?.start.line ?? 0 });
  });
  return uses;
}

/** What the build made that pages may name: read from its own files (src/generated). */
function madeByTheBuild(outDir: string) {
  const json = <T>(file: string, fallback: T): T => (existsSync(join(outDir, file)) ? (JSON.parse(readFileSync(join(outDir, file), 'utf8')) as T) : fallback);
  let figures: Set<string> | undefined;
  return {
    paragraph(doc: string, p: string): boolean {
      const data = json<{ blocks: { id: string }[]; retired: Record<string, string | null> } | null>(join('documents', `${doc}.json`), null);
      return !!data && (data.blocks.some((b) => b.id === p) || !!data.retired[p]);
    },
    chart: (id: string) => json<{ charts: { id: string }[] }>('charts.json', { charts: [] }).charts.some((c) => c.id === id),
    // (The figures' file is large for a large corpus: read only when a page names a figure.)
    figure: (id: string) => (figures ??= new Set(json<{ figures: { id: string }[] }>(join('data', 'figures.json'), { figures: [] }).figures.map((f) => f.id))).has(id),
    term: (id: string) => json<{ terms: { id: string }[] }>(join('pages', 'terms.json'), { terms: [] }).terms.some((t) => t.id === id),
  };
}

/**
 * Copy the authored pages of `pagesDir` into `<outDir>/authored/` (the folder made afresh), before
 * the merges (Astro may bundle them meanwhile: scripts/build.ts), with the reasons a page is left
 * out; `check()`, once the build has made everything, reports what they name that is gone.
 */
export async function copyAuthoredPages(pagesDir: string, outDir: string, listed: readonly string[] = []): Promise<{ pages: string[]; stale: string[]; check(): string[] }> {
  const target = join(outDir, 'authored');
  await rm(target, { recursive: true, force: true });
  await mkdir(target, { recursive: true });
  const names = (await readdir(pagesDir).catch(() => [] as string[])).filter((n) => n.endsWith('.mdx') && !n.startsWith('.')).sort();
  const stale: string[] = [];
  const pages: string[] = [];
  const used: Array<{ where: string; uses: Use[] }> = [];
  for (const name of names) {
    const slug = name.slice(0, -'.mdx'.length);
    const where = `pages/${name}`;
    const taken = RESERVED.has(slug) || listed.includes(slug);
    if (!SLUG.test(slug) || taken) {
      stale.push(`${where}: the page: ${taken ? `"${slug}" is one of the site's own parts` : 'a page name must be lower-case letters, digits and hyphens'}; it is left out`);
      continue;
    }
    const mdx = readFileSync(join(pagesDir, name), 'utf8');
    try {
      used.push({ where, uses: componentUses(mdx) });
    } catch (err) {
      stale.push(`${where}: the page: it is not valid MDX (${(err as Error).message}); it is left out`);
      continue;
    }
    await copyFile(join(pagesDir, name), join(target, name));
    pages.push(slug);
  }
  const check = () => {
    const made = madeByTheBuild(outDir);
    const gone: string[] = [];
    for (const { where, uses } of used) {
      for (const u of uses) {
        const a = u.attributes;
        const problem =
          u.name === 'Quote' ? (!made.paragraph(a.doc ?? '', a.p ?? '') ? `document ${a.doc} has no paragraph ${a.p}` : null)
          : u.name === 'Chart' ? (!made.chart(a.id ?? '') ? `there is no chart ${a.id}` : null)
          : u.name === 'Figure' ? (!made.figure(a.id ?? '') ? `there is no figure ${a.id}` : null)
          : u.name === 'Term' ? (!made.term(a.id ?? '') ? `there is no term ${a.id}` : null)
          : null;
        if (problem) gone.push(`${where}: <${u.name}> on line ${u.line}: ${problem} (the page says so where it stood)`);
      }
    }
    return gone;
  };
  return { pages, stale, check };
}
