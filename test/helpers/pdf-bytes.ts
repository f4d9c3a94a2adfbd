/** Small PDFs written byte by byte, for the hostile cases: an encrypted one, one with pages and no text (a scan), a broken one. */

/** A PDF of these objects (numbered from 1), with a correct cross-reference table and these trailer entries. */
export function pdfOf(objects: string[], trailer = ''): Uint8Array {
  let out = '%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${trailer} >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, 'latin1'));
}

const PAGES = ['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << >> /Contents 4 0 R >>'];

/** One page with a content stream that draws a rectangle and writes no text: what a scanned page looks like to a text extractor. */
export function scannedPdf(): Uint8Array {
  const stream = '0.5 g 50 50 495 742 re f';
  return pdfOf([...PAGES, `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`]);
}

/** A PDF encrypted with a user password (the standard security handler, revision 2): it cannot be opened without it. */
export function encryptedPdf(): Uint8Array {
  const hex = (seed: number) => Array.from({ length: 32 }, (_, i) => ((seed * (i + 7) * 2654435761) >>> 24).toString(16).padStart(2, '0')).join('');
  const stream = 'BT /F1 12 Tf 72 720 Td (secret) Tj ET';
  return pdfOf(
    [...PAGES, `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`, `<< /Filter /Standard /V 1 /R 2 /Length 40 /P -44 /O <${hex(3)}> /U <${hex(5)}> >>`],
    `/Encrypt 5 0 R /ID [<00112233445566778899aabbccddeeff> <00112233445566778899aabbccddeeff>]`,
  );
}

/** A PDF header and then nothing a PDF reader can use. */
export function brokenPdf(): Uint8Array {
  return new Uint8Array(Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R\nthe rest of the download is missing', 'latin1'));
}
