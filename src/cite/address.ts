/**
 * Where a citation names its address, so that a page can mark it (and, on a site with no configured
 * URL, put the address it is read at in place of the site-relative path): the last place the address
 * stands as a word of its own, after a space, a brace or a quotation mark and before a stop, a comma,
 * a brace, a quotation mark, a space or the end. A site-relative address may also stand inside the
 * citation's other text: `/` inside GB/T 7714's `[EB/OL]`, or in a title before it.
 * -1 when it stands nowhere so.
 */
export function addressAt(citation: string, address: string): number {
  if (!address) return -1;
  for (let at = citation.lastIndexOf(address); at >= 0; at = at > 0 ? citation.lastIndexOf(address, at - 1) : -1) {
    const before = citation[at - 1] ?? '';
    const after = citation[at + address.length] ?? '';
    if ((before === '' || /[\s{"]/.test(before)) && (after === '' || /[\s}".,;]/.test(after))) return at;
  }
  return -1;
}
