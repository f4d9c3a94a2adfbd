/** A document's citation in every format the cite panel offers. */
import { Cite, plugins } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-csl';
import '@citation-js/plugin-ris';
import { apaWebpage } from './apa.ts';
import { gbt7714, type WebReference } from './gbt7714.ts';
import type { SourceKind } from './kind.ts';
import { splitName } from './names.ts';

// Keep Chinese text as it is in BibTeX (the default escapes it to ASCII).
(plugins.config.get('@bibtex') as { format: { asciiOnly: boolean } }).format.asciiOnly = false;

export interface CitableDocument {
  id: string;
  title: string;
  author: string | null;
  published: string | null;
  /** The site or publisher that published the source. */
  publisher: string | null;
  accessed: string;
  url: string;
  language: string;
  /** A web page (the default), a news article, or an official notice filed as a report. */
  kind?: SourceKind;
  /** A report's issuing body and document number (文号). */
  issuer?: string;
  number?: string;
}

export interface Citations {
  'gbt7714-2025': string;
  'gbt7714-2015': string;
  'gbt7714-2025-author-date': string;
  apa: string;
  bibtex: string;
  ris: string;
  'csl-json': string;
}

const dateParts = (d: string) => [d.split('-').map(Number)];

const CSL_TYPE: Record<SourceKind, string> = { webpage: 'webpage', news: 'article-newspaper', report: 'report' };

/**
 * The CSL-JSON item for a document: a web page's or news article's site goes in container-title (not
 * publisher); a report's issuer is its publisher (and its author when no person signs it), its 文号 its number.
 */
export function cslItem(d: CitableDocument) {
  const kind = d.kind ?? 'webpage';
  const report = kind === 'report' && d.issuer;
  return {
    id: d.id,
    'citation-key': `doc_${d.id}`,
    type: CSL_TYPE[kind],
    title: d.title,
    ...(d.author ? { author: [splitName(d.author)] } : report ? { author: [{ literal: d.issuer }] } : {}),
    ...(report ? { publisher: d.issuer, ...(d.number ? { number: d.number } : {}) } : d.publisher ? { 'container-title': d.publisher } : {}),
    ...(d.published ? { issued: { 'date-parts': dateParts(d.published) } } : {}),
    accessed: { 'date-parts': dateParts(d.accessed) },
    URL: d.url,
    language: d.language,
  };
}

/** APA as the reference processor writes it (the style's bibliography entry, as text). */
export const apaOf = (cite: Cite) => (cite.format('bibliography', { format: 'text', template: 'apa', lang: 'en-US' }) as string).trim();

/** Every format at once. */
export function citations(d: CitableDocument): Citations {
  const issuerAsAuthor = !d.author && d.kind === 'report' && d.issuer ? [{ family: d.issuer, given: '' }] : [];
  const ref: WebReference = { title: d.title, ...(d.kind === 'report' && d.number ? { otherTitle: d.number } : {}), authors: d.author ? [splitName(d.author)] : issuerAsAuthor, published: d.published, accessed: d.accessed, url: d.url };
  const item = cslItem(d);
  const cite = new Cite(item);
  return {
    'gbt7714-2025': gbt7714(ref, '2025', 'numeric'),
    'gbt7714-2015': gbt7714(ref, '2015', 'numeric'),
    'gbt7714-2025-author-date': gbt7714(ref, '2025', 'author-date'),
    apa: (d.kind ?? 'webpage') !== 'webpage' ? apaOf(cite) : apaWebpage({ title: d.title, author: ref.authors[0] ?? null, published: d.published, site: d.publisher, accessed: d.accessed, url: d.url, language: d.language }) ?? apaOf(cite),
    bibtex: (cite.format('biblatex') as string).trim(),
    ris: (cite.format('ris') as string).trim(),
    'csl-json': JSON.stringify([item], null, 2),
  };
}
