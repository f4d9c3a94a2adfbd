/**
 * A worker thread of a pool (pool.ts): makes the task of its module from the setup, then runs
 * each item it is sent through the phase named, and sends back the result or the error's message.
 * Items of one call run one after another, in the order sent.
 */
import { parentPort, workerData } from 'node:worker_threads';

/** A task's phases: each takes one item, and what every item of that call shares. */
export type Task = Record<string, (item: never, shared: never) => unknown>;

/** What a task module (one that pool.ts runs) exports. */
export interface TaskModule {
  makeTask(setup: never): Task | Promise<Task>;
}

const { module, setup } = workerData as { module: string; setup: unknown };
const task = await ((await import(module)) as TaskModule).makeTask(setup as never);
const shared = new Map<number, unknown>();
let queue = Promise.resolve();

parentPort!.on('message', (m: { call: number; shared?: unknown; phase?: string; id?: number; item?: unknown }) => {
  if (m.phase === undefined) {
    shared.clear();
    shared.set(m.call, m.shared);
    return;
  }
  const { call, phase, id, item } = m;
  queue = queue.then(async () => {
    try {
      const result = await task[phase]!(item as never, shared.get(call) as never);
      parentPort!.postMessage({ call, id, result });
    } catch (err) {
      parentPort!.postMessage({ call, id, error: `${phase}: ${(err as Error).stack ?? err}` });
    }
  });
});
