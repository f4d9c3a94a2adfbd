/**
 * The site's identity, read by every page from here and nowhere else: its name, what it is, its
 * language, its address — the corpus's (its kb.json and the build's settings: src/corpus/config.ts).
 */
import { corpusConfig } from '../corpus/config.ts';
import { strings } from '../i18n/zh-CN.ts';
import { loadCharts, loadFigures, loadModels, loadTimeline } from './content.ts';

export interface Site {
  name: string;
  description: string;
  lang: string;
  /** The site's absolute URL (https://kb.example.cn/kb/), or null when none is configured: pages then cite the address they are read at. */
  url: string | null;
}

const corpus = corpusConfig();

export const site: Site = {
  name: corpus.name,
  description: corpus.description ?? strings.siteTagline,
  lang: corpus.lang,
  url: corpus.site,
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

/** Every part of the site the navigation can show, in order. */
const ALL_SECTIONS: Section[] = [
  { key: 'home', path: '', label: strings.nav.home, covers: [''] },
  { key: 'docs', path: 'docs/', label: strings.nav.docs, covers: ['docs'] },
  { key: 'timeline', path: 'timeline/', label: strings.nav.timeline, covers: ['timeline'] },
  { key: 'figures', path: 'figures/', label: strings.nav.figures, covers: ['figures'] },
  { key: 'models', path: 'models/', label: strings.nav.models, covers: ['models'] },
  { key: 'terms', path: 'terms/', label: strings.nav.terms, covers: ['terms', 'policies', 'organisations', 'places'] },
  { key: 'about', path: 'about/', label: strings.nav.about, covers: ['about'] },
];

/** Whether the corpus has a model comparison (its models.json). */
export function hasComparison(): boolean {
  const m = loadModels();
  return m.forms.length + m.types.length + m.practices.length > 0;
}

/** Whether a part of the site has anything to show for this corpus (a comparison no one configured, a timeline with no event, are left out). */
function shows(key: string): boolean {
  if (key === 'models') return hasComparison();
  if (key === 'timeline') return loadTimeline().events.length > 0;
  if (key === 'figures') return loadFigures().figures.length + loadCharts().charts.length > 0;
  return true;
}

/** The main navigation, in order: the parts that have something to show. */
export const sections: Section[] = ALL_SECTIONS.filter((s) => shows(s.key));

/** The section a page (its path under the base, e.g. `docs/abc/`) belongs to, and whether it is that section's own page. */
export function currentSection(path: string): { key: string; exact: boolean } | null {
  const clean = path.replace(/^\/+/, '').replace(/index\.html$/, '');
  const first = clean.split('/')[0] ?? '';
  const s = sections.find((x) => x.covers.includes(first));
  return s ? { key: s.key, exact: clean === s.path } : null;
}
