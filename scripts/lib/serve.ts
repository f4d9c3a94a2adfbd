/** A minimal static file server for a built site, on 127.0.0.1 (tests, benchmarks, Lighthouse). */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript', '.json': 'application/json',
  '.svg': 'image/svg+xml', '.xml': 'application/xml', '.csv': 'text/csv; charset=utf-8', '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

/** Serve `root` under the URL path `base`; `cache` adds a Cache-Control max-age (as a real host would). */
export async function serve(root: string, base = '/', cache = false): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (!path.startsWith(base)) return void res.writeHead(404).end();
    let file = normalize(join(root, path.slice(base.length)));
    if (!file.startsWith(root)) return void res.writeHead(403).end();
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    // A missing page gets the site's 404 page, as static hosts serve it (GitHub Pages, Netlify, Cloudflare).
    if (!existsSync(file)) {
      const notFound = join(root, '404.html');
      if (!existsSync(notFound)) return void res.writeHead(404).end('not found');
      res.writeHead(404, { 'Content-Type': TYPES['.html']! });
      return void createReadStream(notFound).pipe(res);
    }
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', ...(cache ? { 'Cache-Control': 'max-age=3600' } : {}) });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return { url: `http://127.0.0.1:${port}${base}`, server };
}
