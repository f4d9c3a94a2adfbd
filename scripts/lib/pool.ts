/**
 * The content build's one way of running work over many items: a task's phases, each a function of
 * one item, run in this thread or in worker threads — the same code either way, so a five-document
 * corpus takes the path a five-thousand-document one does. A task is made once per thread, from
 * the module that defines it and a setup of plain data; what one phase leaves for the next (a file
 * prepared before it is processed) stays in the task, in its thread.
 */
import { Worker } from 'node:worker_threads';

import type { TaskModule } from './pool-worker.ts';

export interface MapOptions<I, O> {
  /** Given to the phase with every item (sent to each thread once per call). */
  shared?: unknown;
  /** Items with the same key go to the same thread, this call and later ones (the task keeps what it made of them); others go to whichever thread is free. */
  route?: (item: I) => string;
  /** Told of each result as it arrives. */
  onResult?: (item: I, result: O) => void;
  /**
   * Unrouted items for which this is true never run at the same time as one another (merges whose
   * working sets grow with the corpus): a free thread takes the next item that may run now.
   */
  apart?: (item: I) => boolean;
}

export interface Pool {
  /** `phase` of every item; the results in the items' order. A phase that throws fails the call. */
  map<I, O>(phase: string, items: readonly I[], options?: MapOptions<I, O>): Promise<O[]>;
  /** `phase` once in every thread (once, with no threads), with no item. */
  everywhere<O>(phase: string): Promise<O[]>;
  close(): Promise<void>;
  /** How many threads run the task (0: this one). */
  threads: number;
}

/** A pool of `threads` worker threads each running the task of `module` (0: the task runs in this thread). */
export async function pool(module: URL, setup: unknown, threads: number): Promise<Pool> {
  return threads > 0 ? workerPool(module, setup, threads) : inlinePool(module, setup);
}

async function inlinePool(module: URL, setup: unknown): Promise<Pool> {
  const task = await ((await import(module.href)) as TaskModule).makeTask(setup as never);
  return {
    threads: 0,
    async map(phase, items, options = {}) {
      const out: never[] = [];
      for (const item of items) {
        const result = (await task[phase]!(item as never, options.shared as never)) as never;
        options.onResult?.(item, result);
        out.push(result);
      }
      return out;
    },
    everywhere: async (phase) => [(await task[phase]!(undefined as never, undefined as never)) as never],
    close: async () => {},
  };
}

type Reply = { id: number; result?: unknown; error?: string };

function workerPool(module: URL, setup: unknown, threads: number): Pool {
  // A young generation as large as the main thread's (--max-semi-space-size=64, scripts/build.ts): the merges make many short-lived objects.
  const workers = Array.from({ length: threads }, () => new Worker(new URL('./pool-worker.ts', import.meta.url), { workerData: { module: module.href, setup }, resourceLimits: { maxYoungGenerationSizeMb: 192 } }));
  const owner = new Map<string, number>();
  let nextOwner = 0;
  let calls = 0;
  // A thread that stops, or fails outside a phase, fails every call in progress.
  let broken: Error | undefined;
  const failures = new Set<(err: Error) => void>();
  const fail = (err: Error) => {
    broken ??= err;
    for (const f of failures) f(err);
  };
  for (const w of workers) {
    w.on('error', fail);
    w.on('exit', (code) => code !== 0 && fail(new Error(`a worker thread stopped (exit code ${code})`)));
  }
  return {
    threads,
    map<I, O>(phase: string, items: readonly I[], options: MapOptions<I, O> = {}) {
      if (broken) return Promise.reject(broken);
      const call = ++calls;
      return new Promise<O[]>((resolve, reject) => {
        const results = new Array<O>(items.length);
        let done = 0;
        /** Which items were sent, the first not sent, and whether an item kept apart is running. */
        const sent = new Uint8Array(items.length);
        let next = 0;
        let apartRunning = false;
        const isApart = (i: number) => options.apart?.(items[i]!) ?? false;
        const pending = workers.map(() => 0);
        const running = workers.map((): number | undefined => undefined);
        const onError = (err: Error) => finish(err);
        const finish = (err?: Error) => {
          failures.delete(onError);
          workers.forEach((w, i) => w.off('message', listeners[i]!));
          if (err) reject(err);
          else resolve(results);
        };
        failures.add(onError);
        const send = (w: number, i: number) => {
          pending[w]!++;
          workers[w]!.postMessage({ call, phase, id: i, item: items[i] });
        };
        // Unrouted items one at a time to whichever thread is free; routed ones all at once to their owner.
        const feed = (w: number) => {
          if (options.route !== undefined || pending[w]! > 0) return;
          while (next < items.length && sent[next]) next++;
          let i = next;
          while (i < items.length && (sent[i] || (apartRunning && isApart(i)))) i++;
          if (i === items.length) return;
          sent[i] = 1;
          running[w] = i;
          if (isApart(i)) apartRunning = true;
          send(w, i);
        };
        const listeners = workers.map((_, w) => (m: Reply & { call: number }) => {
          if (m.call !== call) return;
          pending[w]!--;
          if (m.error !== undefined) return finish(new Error(m.error));
          results[m.id] = m.result as O;
          options.onResult?.(items[m.id]!, m.result as O);
          if (++done === items.length) return finish();
          if (running[w] !== undefined && isApart(running[w]!)) apartRunning = false;
          running[w] = undefined;
          // (An item kept apart may now run in a thread that found none it could take.)
          workers.forEach((_, x) => feed(x));
        });
        workers.forEach((w, i) => {
          w.on('message', listeners[i]!);
          w.postMessage({ call, shared: options.shared });
        });
        if (items.length === 0) return finish();
        if (options.route) {
          items.forEach((item, i) => {
            const key = options.route!(item);
            if (!owner.has(key)) owner.set(key, nextOwner++ % threads);
            send(owner.get(key)!, i);
          });
        } else workers.forEach((_, w) => feed(w));
      });
    },
    everywhere<O>(phase: string) {
      // One item for each thread, routed to it by a key of its own.
      const keys = workers.map((_, w) => `\u0000thread-${w}`);
      keys.forEach((k, w) => owner.set(k, w));
      return this.map<string, O>(phase, keys, { route: (k) => k });
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
