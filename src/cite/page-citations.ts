/**
 * What a reading page cites, worked out with the document's files (in the content build's threads,
 * kept between builds like them) rather than as each page renders (the reference formatter takes
 * some milliseconds a document, one after another in Astro's one thread): the kind of source, the
 * page's citations in every format, and those of the original's own web address when it has one.
 */
import { absoluteUrl, type CorpusEntry, type SiteLocation } from '../generate/data.ts';
import type { PageVariant } from '../generate/page-data.ts';
import { citations, type Citations } from './formats.ts';
import { sourceType, type SourceType } from './kind.ts';

/** What a reading page's citations are made from: its document's entry (its date added is the date a reference gives as accessed), and the original's address when it was read from the web. */
export type CitedDocument = Pick<CorpusEntry, 'id' | 'title' | 'author' | 'publisher' | 'published' | 'added' | 'script'> & { reading?: { url?: string } };

export interface PageCitations {
  type: SourceType;
  /** The page's absolute address, or null when the site has no configured URL. */
  pageUrl: string | null;
  /** The address the citations give: the absolute one, or the site-relative path. */
  citedUrl: string;
  cite: Citations;
  /** The citations of the original's own web address (a page read from the web names it). */
  original: Citations | null;
}

/** The language a reading page is in: traditional Chinese for a traditional document's own page, else simplified. */
export const pageLanguage = (script: string | undefined, variant: PageVariant) => (script === 'traditional' && variant === 'original' ? 'zh-Hant' : 'zh-CN');

/** A reading page's citations, from its document and its body as the page shows it (its opening tells a 文号 or a dateline). */
export function pageCitations(doc: CitedDocument, body: string, variant: PageVariant, location: SiteLocation): PageCitations {
  const path = `docs/${doc.id}/`;
  // (Site-relative without a configured site URL.)
  const citedUrl = absoluteUrl(location, path);
  const pageUrl = location.site ? citedUrl : null;
  const language = pageLanguage(doc.script, variant);
  const opening = body.slice(0, 3000).replace(/<[^>]*>/g, '\n');
  const type = sourceType({ title: doc.title, author: doc.author, publisher: doc.publisher, opening });
  const of = (url: string) => citations({ id: doc.id, title: doc.title, author: doc.author, published: doc.published, publisher: doc.publisher, accessed: doc.added, url, language, ...type });
  const originalUrl = doc.reading?.url;
  return { type, pageUrl, citedUrl, cite: of(citedUrl), original: originalUrl ? of(originalUrl) : null };
}

/** A reading page's citations, for the document's own script and, for a traditional document, its simplified page. */
export type ReadingCitations = Partial<Record<PageVariant, PageCitations>>;
