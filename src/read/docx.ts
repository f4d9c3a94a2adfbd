/**
 * Word (.docx) reader, on the OOXML itself (fflate to unzip, xmldom to parse): paragraphs with their
 * styles (Title, Heading N, outline levels) and alignment, lists, tables, bold and size; tracked
 * changes as accepted (insertions kept, deletions and moved-away text dropped), hidden text dropped;
 * headers and footers, which are parts of their own, never in the body (recorded for the source
 * view); footnotes and endnotes marked [n] where the text refers to them and listed after it; the core properties (title, creator, created) as metadata.
 */
import { DOMParser, type Element as XmlElement } from '@xmldom/xmldom';
import { unzipSync } from 'fflate';
import { attr, child, children, coreProperties, deletedText, noteText, on, paragraphsText, readStyles, type Style } from './docx-parts.ts';
import { CELL_SEPARATOR, cellText, excerpt, LineWriter, type Dropped, type LineHint, type Reading, type Refusal } from './types.ts';

/**
 * What the parts read may unpack to, together: a small archive that says it unpacks to more is a
 * ZIP bomb, refused before a byte of it is unpacked (a part that unpacks to more than it says fails as damaged).
 */
const MAX_UNPACKED = 256 * 1024 * 1024;

/** Read a Word file. */
export function readDocx(bytes: Uint8Array): Reading | Refusal {
  let files: Record<string, Uint8Array>;
  let unpacked = 0;
  try {
    files = unzipSync(bytes, {
      filter: (f) => {
        if (!f.name.endsWith('.xml') && !f.name.endsWith('.rels')) return false;
        unpacked += f.originalSize;
        if (unpacked > MAX_UNPACKED) throw new RangeError('too large');
        return true;
      },
    });
  } catch (err) {
    if (unpacked > MAX_UNPACKED) return { kind: 'too-large', reason: `the Word file's parts would unpack to more than ${MAX_UNPACKED / 1024 / 1024} MB (a ZIP bomb?); not read` };
    return { kind: 'broken', reason: `the Word file's ZIP archive is damaged (${(err as Error).message})` };
  }
  const xml = (name: string) => {
    const data = files[name];
    if (!data) return null;
    let error: string | null = null;
    const doc = new DOMParser({ onError: (level, msg) => void (level !== 'warning' && (error ??= msg)) }).parseFromString(new TextDecoder().decode(data), 'text/xml');
    if (error) throw new Error(`${name}: ${error}`);
    return doc;
  };
  try {
    const document = xml('word/document.xml');
    const body = document && child(document.documentElement!, 'body');
    if (!body) return { kind: 'broken', reason: 'the Word file has no document body' };
    const styles = readStyles(xml('word/styles.xml'));
    const out = new LineWriter();
    const dropped: Dropped[] = [];
    const reader = new BodyReader(styles, out, dropped);
    for (const el of children(body)) reader.block(el);
    // Footnotes and endnotes, numbered in the order the text refers to them, as a list after the text.
    const notes = reader.notes.map((n) => ({ n, text: noteText(xml(n.kind === 'footnote' ? 'word/footnotes.xml' : 'word/endnotes.xml'), n.kind, n.id) }));
    const list = reader.lists.size + 1;
    for (const { n, text } of notes) if (text) out.add(`[${n.n}] ${text}`, { list });
    for (const name of Object.keys(files).sort()) {
      const part = /^word\/(header|footer)\d*\.xml$/.exec(name)?.[1];
      if (!part) continue;
      const text = paragraphsText(xml(name)!.documentElement!);
      if (text) dropped.push({ reason: part === 'header' ? 'page-header' : 'page-footer', text: excerpt(text), where: part === 'header' ? '页眉' : '页脚' });
    }
    if (reader.images > 0) dropped.push({ reason: 'image', text: `${reader.images} 张图片` });
    const meta = coreProperties(xml('docProps/core.xml'));
    if (!meta.title) {
      const title = Object.entries(out.hints).find(([, h]) => h.heading === 1);
      if (title) meta.title = out.lines[Number(title[0]) - 1];
    }
    if (out.lines.length === 0) return { kind: 'no-content', reason: 'the Word document has no text' };
    return { format: 'docx', text: out.text, encoding: 'utf-8', hints: out.hints, meta, dropped, parts: [{ line: 1, label: '正文' }], notes: [] };
  } catch (err) {
    return { kind: 'broken', reason: `the Word file's XML cannot be read (${(err as Error).message})` };
  }
}

class BodyReader {
  lists = new Map<string, number>();
  /** Footnotes and endnotes in the order the text refers to them (their marks in the text are [1], [2] …). */
  notes: { kind: 'footnote' | 'endnote'; id: string; n: number }[] = [];
  private readonly mark = (kind: 'footnote' | 'endnote', id: string) => {
    const n = this.notes.length + 1;
    this.notes.push({ kind, id, n });
    return `[${n}]`;
  };
  tables = 0;
  images = 0;
  private lastList: string | null = null;

  private readonly styles: ReturnType<typeof readStyles>;
  private readonly out: LineWriter;
  private readonly dropped: Dropped[];

  constructor(styles: ReturnType<typeof readStyles>, out: LineWriter, dropped: Dropped[]) {
    this.styles = styles;
    this.out = out;
    this.dropped = dropped;
  }

  block(el: XmlElement): void {
    switch (el.localName) {
      case 'p':
        return this.paragraph(el);
      case 'tbl':
        this.lastList = null;
        return this.table(el);
      case 'sdt':
      case 'customXml':
      case 'ins':
      case 'moveTo': {
        const content = el.localName === 'sdt' ? child(el, 'sdtContent') : el;
        for (const c of content ? children(content) : []) this.block(c);
        return;
      }
      case 'del':
      case 'moveFrom':
        this.dropped.push({ reason: 'tracked-deletion', text: excerpt(deletedText(el)) });
    }
  }

  /** A style and the styles it is based on, nearest first. */
  private styleChain(id: string | null): Style[] {
    const chain: Style[] = [];
    for (let s = id ? this.styles.byId.get(id) : undefined; s && chain.length < 10; s = s.basedOn ? this.styles.byId.get(s.basedOn) : undefined) chain.push(s);
    return chain;
  }

  private paragraph(p: XmlElement): void {
    const pPr = child(p, 'pPr');
    const chain = this.styleChain(attr(pPr && child(pPr, 'pStyle'), 'val'));
    const runs = new Runs(chain.some((s) => s.hidden), chain.find((s) => s.size)?.size ?? null, chain.some((s) => s.bold));
    runs.mark = this.mark;
    this.runs(p, runs);
    for (const t of runs.hidden) this.dropped.push({ reason: 'hidden', text: excerpt(t) });
    for (const t of runs.deleted) this.dropped.push({ reason: 'tracked-deletion', text: excerpt(t) });
    const text = runs.text.replace(/[ \t]+/g, ' ');
    if (!text.trim()) return;
    const hint: LineHint = {};
    const name = chain[0]?.name ?? '';
    const outlineEl = pPr && child(pPr, 'outlineLvl');
    const outline = outlineEl ? Number(attr(outlineEl, 'val')) : (chain.find((s) => s.outline !== null)?.outline ?? null);
    const numbered = /^heading (\d)$/.exec(name);
    if (name === 'title') hint.heading = 1;
    else if (numbered) hint.heading = Math.min(6, Number(numbered[1]) + 1) as LineHint['heading'];
    else if (outline !== null && outline < 6) hint.heading = Math.min(6, outline + 2) as LineHint['heading'];
    const numPr = pPr && child(pPr, 'numPr');
    const numId = numPr && attr(child(numPr, 'numId'), 'val');
    if (!hint.heading && numId && numId !== '0') {
      if (!this.lists.has(numId) || this.lastList !== numId) this.lists.set(numId, this.lists.size + 1 + this.tables * 0);
      hint.list = this.lists.get(numId)!;
      this.lastList = numId;
    } else {
      this.lastList = null;
      if (!hint.heading) hint.paragraph = true;
    }
    const jc = attr(pPr && child(pPr, 'jc'), 'val');
    if (jc === 'right' || jc === 'end') hint.align = 'right';
    else if (jc === 'center') hint.align = 'center';
    // A subtitle or caption is set apart by its style, not because it heads anything.
    const plain = name === 'subtitle' || name === 'caption';
    if (runs.allBold && !plain) hint.bold = true;
    const size = runs.largest / this.styles.baseSize;
    if (size > 1.15 && !plain) hint.size = Math.round(size * 100) / 100;
    for (const line of text.split('\n')) this.out.add(line, hint);
  }

  private runs(n: XmlElement, runs: Runs): void {
    for (const c of children(n)) {
      switch (c.localName) {
        case 'r':
          runs.run(c);
          break;
        case 'del':
        case 'moveFrom':
          runs.deleted.push(deletedText(c));
          break;
        case 'drawing':
        case 'pict':
        case 'object':
          this.images++;
          break;
        case 'pPr':
        case 'rPr':
          break;
        default:
          // Insertions, moved-in text, hyperlinks, fields, smart tags, content controls: their runs count.
          this.runs(c, runs);
      }
    }
  }

  private table(tbl: XmlElement): void {
    const id = ++this.tables;
    for (const tr of children(tbl).filter((c) => c.localName === 'tr')) {
      const cells: string[] = [];
      for (const tc of children(tr).filter((c) => c.localName === 'tc')) {
        const runs = new Runs(false, null, false);
        runs.mark = this.mark;
        const visit = (x: XmlElement) => {
          for (const c of children(x)) {
            if (c.localName === 'p') {
              this.runs(c, runs);
              runs.text += ' ';
            } else if (c.localName === 'tbl' || c.localName === 'sdt' || c.localName === 'sdtContent' || c.localName === 'tr' || c.localName === 'tc') visit(c);
          }
        };
        visit(tc);
        const span = Number(attr(child(child(tc, 'tcPr') ?? tc, 'gridSpan'), 'val')) || 1;
        cells.push(cellText(runs.text), ...Array<string>(Math.min(20, span) - 1).fill(''));
      }
      if (cells.every((c) => !c)) continue;
      const header = on(child(child(tr, 'trPr') ?? tr, 'tblHeader'));
      this.out.add(cells.join(CELL_SEPARATOR), { table: id, ...(header ? { header: true } : {}) });
    }
  }
}

/** The runs of one paragraph: visible text, what was hidden or deleted, and whether all of it is bold. */
class Runs {
  text = '';
  hidden: string[] = [];
  deleted: string[] = [];
  largest = 0;
  /** The mark a note reference leaves in the text. */
  mark?: (kind: 'footnote' | 'endnote', id: string) => string;
  private plain = 0;

  private readonly styleHidden: boolean;
  private readonly styleSize: number | null;
  private readonly styleBold: boolean;

  constructor(styleHidden: boolean, styleSize: number | null, styleBold: boolean) {
    this.styleHidden = styleHidden;
    this.styleSize = styleSize;
    this.styleBold = styleBold;
  }

  get allBold(): boolean {
    return this.plain === 0 && this.text.trim() !== '';
  }

  run(r: XmlElement): void {
    const rPr = child(r, 'rPr');
    let text = '';
    for (const c of children(r)) {
      if (c.localName === 't') text += c.textContent ?? '';
      else if (c.localName === 'tab' || c.localName === 'ptab') text += ' ';
      else if (c.localName === 'br' || c.localName === 'cr') text += attr(c, 'type') === 'page' ? '' : '\n';
      else if (c.localName === 'noBreakHyphen') text += '-';
      else if (c.localName === 'delText') this.deleted.push(c.textContent ?? '');
      else if ((c.localName === 'footnoteReference' || c.localName === 'endnoteReference') && this.mark) text += this.mark(c.localName === 'footnoteReference' ? 'footnote' : 'endnote', attr(c, 'id') ?? '');
    }
    if (!text) return;
    const vanish = rPr && child(rPr, 'vanish');
    if (vanish ? on(vanish) : this.styleHidden) {
      if (text.trim()) this.hidden.push(text);
      return;
    }
    const b = rPr && child(rPr, 'b');
    if (!(b ? on(b) : this.styleBold) && text.trim()) this.plain++;
    const sz = rPr && child(rPr, 'sz');
    const size = sz ? Number(attr(sz, 'val')) : this.styleSize;
    if (size && text.trim()) this.largest = Math.max(this.largest, size);
    this.text += text;
  }
}

