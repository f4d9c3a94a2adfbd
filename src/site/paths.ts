/** Links that work under any base path on a static host. */
const BASE = import.meta.env.BASE_URL.endsWith('/') ? import.meta.env.BASE_URL : `${import.meta.env.BASE_URL}/`;

/** A site-relative path (`docs/abc/`) as an href under the configured base path. */
export function href(path = ''): string {
  return BASE + path.replace(/^\//, '');
}

/** Human-readable date: 2018-06-09 -> 2018年6月9日. */
export function formatDate(date: string | null): string | null {
  if (!date) return null;
  const [y, m, d] = date.split('-');
  return [y && `${y}年`, m && `${Number(m)}月`, d && `${Number(d)}日`].filter(Boolean).join('');
}
