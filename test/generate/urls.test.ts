/** Paragraph URLs: the fast path gives what the URL parser gives, wherever the site lives. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { absoluteUrl, paragraphUrl } from '../../src/generate/data.ts';

const id = fc.stringMatching(/^[a-z0-9]{1,8}$/);
const location = fc.record({
  site: fc.constantFrom('', 'https://example.org', 'https://example.org/', 'http://localhost:4321', 'https://reports.example.cn/'),
  base: fc.constantFrom('/', '/kb/', '/kb', 'kb/', '/a/b/', ''),
});

describe('paragraphUrl', () => {
  it('is absoluteUrl of docs/<doc>/#p-<paragraph> for any location and ids', () => {
    fc.assert(
      fc.property(location, id, id, (loc, doc, paragraph) => {
        expect(paragraphUrl(loc, doc, paragraph)).toBe(absoluteUrl(loc, `docs/${doc}/#p-${paragraph}`));
      }),
      { numRuns: 500 },
    );
  });

  it('takes ids with other characters through the URL parser', () => {
    const loc = { site: 'https://example.org', base: '/kb/' };
    expect(paragraphUrl(loc, 'a b', 'x"y')).toBe(absoluteUrl(loc, 'docs/a b/#p-x"y'));
  });
});

describe('absoluteUrl without a configured site URL', () => {
  it('gives the path from the host root, never a made-up domain', () => {
    expect(absoluteUrl({ site: '', base: '/' }, 'docs/abc/')).toBe('/docs/abc/');
    expect(absoluteUrl({ site: '', base: '/kb/' }, 'docs/abc/#p-x')).toBe('/kb/docs/abc/#p-x');
    expect(paragraphUrl({ site: '', base: 'kb' }, 'abc', 'x')).toBe('/kb/docs/abc/#p-x');
  });
});
