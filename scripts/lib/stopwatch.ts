/** Seconds and the JavaScript heap in use at the end of each named step (the content build prints both). */
export function stopwatch() {
  const times: Record<string, number> = {};
  const heap: Record<string, number> = {};
  let mark = performance.now();
  return {
    lap(name: string): void {
      const now = performance.now();
      times[name] = (times[name] ?? 0) + (now - mark) / 1000;
      heap[name] = process.memoryUsage().heapUsed / 1e6;
      mark = now;
    },
    /** `[time] …` and `[memory] …`, `where` saying whose steps they are. */
    report(where = ''): string[] {
      return [
        `[time] ${where}${Object.entries(times).map(([k, v]) => `${k} ${v.toFixed(2)} s`).join(', ')}`,
        `[memory] ${where}heap in use after ${Object.entries(heap).map(([k, v]) => `${k} ${v.toFixed(0)} MB`).join(', ')}`,
      ];
    },
  };
}
export type Stopwatch = ReturnType<typeof stopwatch>;
