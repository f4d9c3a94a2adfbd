/** The parts of a Word file besides its body's paragraphs: XML helpers, styles, the core properties, notes. */
import type { DOMParser, Element as XmlElement, Node as XmlNode } from '@xmldom/xmldom';
import { isoDate } from './dates.ts';
import { isOrganisationName } from './names.ts';
import type { FileMeta } from './types.ts';

export type XmlDocument = ReturnType<DOMParser['parseFromString']>;

const ELEMENT_NODE = 1;
/** An element's child elements. */
export const children = (n: XmlNode): XmlElement[] => {
  const out: XmlElement[] = [];
  for (let c = n.firstChild; c; c = c.nextSibling) if (c.nodeType === ELEMENT_NODE) out.push(c as XmlElement);
  return out;
};
/** An element's first child element of this name. */
export const child = (n: XmlNode, name: string) => children(n).find((c) => c.localName === name);
/** A WordprocessingML attribute. */
export const attr = (n: XmlElement | undefined, name: string) => n?.getAttribute(`w:${name}`) ?? n?.getAttribute(name) ?? null;
/** A toggle property (`<w:b/>`, `<w:vanish w:val="0"/>`). */
export const on = (n: XmlElement | undefined) => !!n && !['0', 'false', 'off'].includes(attr(n, 'val') ?? 'true');

/** What a paragraph style sets that reading needs. */
export interface Style {
  name: string;
  outline: number | null;
  bold: boolean;
  size: number | null;
  hidden: boolean;
  basedOn: string | null;
}

/** The styles by id, and the body text's size (half-points). */
export function readStyles(doc: XmlDocument | null): { byId: Map<string, Style>; baseSize: number } {
  const byId = new Map<string, Style>();
  let baseSize = 21; // 10.5 pt (五号), Word's default for Chinese text, in half-points
  if (!doc) return { byId, baseSize };
  const root = doc.documentElement!;
  const defaults = child(root, 'docDefaults');
  const defaultSize = defaults && child(child(child(defaults, 'rPrDefault') ?? defaults, 'rPr') ?? defaults, 'sz');
  if (defaultSize) baseSize = Number(attr(defaultSize, 'val')) || baseSize;
  for (const s of children(root).filter((c) => c.localName === 'style')) {
    const id = attr(s, 'styleId');
    if (!id) continue;
    const pPr = child(s, 'pPr');
    const rPr = child(s, 'rPr');
    const outline = pPr && child(pPr, 'outlineLvl');
    const sz = rPr && child(rPr, 'sz');
    byId.set(id, {
      name: (attr(child(s, 'name'), 'val') ?? id).toLowerCase(),
      outline: outline ? Number(attr(outline, 'val')) : null,
      bold: on(rPr && child(rPr, 'b')),
      size: sz ? Number(attr(sz, 'val')) : null,
      hidden: on(rPr && child(rPr, 'vanish')),
      basedOn: attr(child(s, 'basedOn'), 'val'),
    });
    if (attr(s, 'default') === '1' && attr(s, 'type') === 'paragraph' && sz) baseSize = Number(attr(sz, 'val')) || baseSize;
  }
  return { byId, baseSize };
}

/** The plain text of a part's paragraphs (headers, footers). */
export function paragraphsText(root: XmlElement): string {
  const texts: string[] = [];
  const visit = (n: XmlElement) => {
    if (n.localName === 't') texts.push(n.textContent ?? '');
    else if (n.localName === 'p') texts.push(' ');
    for (const c of children(n)) if (c.localName !== 'del' && c.localName !== 'instrText') visit(c);
  };
  visit(root);
  return texts.join('').replace(/\s+/g, ' ').trim();
}

/** The text of one footnote or endnote (its own reference mark aside). */
export function noteText(doc: XmlDocument | null, kind: 'footnote' | 'endnote', id: string): string {
  const note = doc ? children(doc.documentElement!).find((c) => c.localName === kind && attr(c, 'id') === id) : undefined;
  return note ? paragraphsText(note) : '';
}

/** The text of tracked deletions or moved-away text. */
export function deletedText(el: XmlElement): string {
  let s = '';
  const visit = (n: XmlElement) => {
    for (const c of children(n)) (c.localName === 'delText' || c.localName === 't' ? (s += c.textContent ?? '') : visit(c));
  };
  visit(el);
  return s;
}

/** The core properties: title, creator (a person, or the body that made it), created. */
export function coreProperties(doc: XmlDocument | null): FileMeta {
  if (!doc) return {};
  const field = (name: string) => {
    const el = children(doc.documentElement!).find((c) => c.localName === name);
    const v = el?.textContent?.trim();
    return v ? v : undefined;
  };
  const title = field('title');
  const creator = field('creator');
  const created = field('created');
  const published = created ? isoDate(created) : null;
  const description = field('description') ?? field('subject');
  return {
    ...(title ? { title } : {}),
    ...(creator ? (isOrganisationName(creator) ? { publisher: creator } : { author: creator }) : {}),
    ...(published && !published.startsWith('1601') ? { published } : {}),
    ...(description ? { description } : {}),
  };
}
