/**
 * The site's identity, read by every page from here and nowhere else: its name, what it is, its
 * language, its address. Today the name and description come from the interface dictionary and the
 * address from the build's settings; a corpus's own configuration can fill this one object.
 */
import { strings } from '../i18n/zh-CN.ts';

export interface Site {
  name: string;
  description: string;
  lang: string;
  /** The site's absolute URL (https://kb.example.cn/kb/), or null when none is configured: pages then cite the address they are read at. */
  url: string | null;
}

const configured = (import.meta.env?.SITE as string | undefined) || null;

export const site: Site = {
  name: strings.siteName,
  description: strings.siteTagline,
  lang: strings.lang,
  url: configured,
};

/** The absolute URL of a path on the site (`href` from paths.ts), or null without a configured site URL. */
export function absoluteHref(path: string): string | null {
  return site.url ? new URL(path, site.url).href : null;
}

/** The mark beside the name: its first character (a CJK name's first character reads well alone). */
export function wordmarkGlyph(name: string = site.name): string {
  return Array.from(name.trim())[0] ?? '';
}

/** A part of the site in the main navigation: its path under the base and the first path segments it covers. */
export interface Section {
  key: string;
  path: string;
  label: string;
  /** First segments of the paths that belong to it (terms/ covers the indexes too). */
  covers: string[];
}

/** The main navigation, in order. A corpus without a part (no model comparison, say) can leave it out here. */
export const sections: Section[] = [
  { key: 'home', path: '', label: strings.nav.home, covers: [''] },
  { key: 'docs', path: 'docs/', label: strings.nav.docs, covers: ['docs'] },
  { key: 'timeline', path: 'timeline/', label: strings.nav.timeline, covers: ['timeline'] },
  { key: 'figures', path: 'figures/', label: strings.nav.figures, covers: ['figures'] },
  { key: 'models', path: 'models/', label: strings.nav.models, covers: ['models'] },
  { key: 'terms', path: 'terms/', label: strings.nav.terms, covers: ['terms', 'policies', 'organisations', 'places'] },
  { key: 'about', path: 'about/', label: strings.nav.about, covers: ['about'] },
];

/** The section a page (its path under the base, e.g. `docs/abc/`) belongs to, and whether it is that section's own page. */
export function currentSection(path: string): { key: string; exact: boolean } | null {
  const clean = path.replace(/^\/+/, '').replace(/index\.html$/, '');
  const first = clean.split('/')[0] ?? '';
  const s = sections.find((x) => x.covers.includes(first));
  return s ? { key: s.key, exact: clean === s.path } : null;
}
