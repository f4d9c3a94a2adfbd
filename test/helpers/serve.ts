/** The built site served for browser tests. */
import type { Server } from 'node:http';
import { afterAll, beforeAll } from 'vitest';
import { serve } from '../../scripts/lib/serve.ts';

export { serve };

/** Serve a folder for the tests of the enclosing describe block; returns a getter for its URL. */
export function useServer(root: string): () => string {
  let running: { url: string; server: Server } | undefined;
  beforeAll(async () => {
    running = await serve(root);
  });
  afterAll(() => running?.server.close());
  return () => running!.url;
}
