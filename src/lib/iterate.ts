/** Lazy sequences: a data file of millions of items is written one item at a time, never copied whole. */

/** `f` of each item, as they are asked for. */
export function* map<T, U>(items: Iterable<T>, f: (x: T) => U): Generator<U> {
  for (const x of items) yield f(x);
}

/** The items that pass `keep`, as they are asked for. */
export function* filter<T>(items: Iterable<T>, keep: (x: T) => boolean): Generator<T> {
  for (const x of items) if (keep(x)) yield x;
}
