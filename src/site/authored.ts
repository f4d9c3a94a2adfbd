/** The corpus's authored pages (pages/<slug>.mdx), as the content build copied them into src/generated/authored/. */
import type { MDXInstance } from 'astro';

export interface AuthoredPage {
  slug: string;
  title: string;
  description?: string;
  Content: MDXInstance<Record<string, unknown>>['Content'];
}

const modules = import.meta.glob<MDXInstance<{ title?: string; description?: string }>>('../generated/authored/*.mdx', { eager: true });

/** Every authored page, by slug: its title from its front matter (or its first heading, or its slug). */
export function authoredPages(): AuthoredPage[] {
  return Object.entries(modules)
    .map(([file, mod]) => {
      const slug = file.replace(/^.*\//, '').replace(/\.mdx$/, '');
      const heading = mod.getHeadings?.().find((h) => h.depth === 1)?.text;
      return { slug, title: mod.frontmatter.title ?? heading ?? slug, ...(mod.frontmatter.description ? { description: mod.frontmatter.description } : {}), Content: mod.Content };
    })
    .sort((a, b) => (a.slug < b.slug ? -1 : 1));
}
