/**
 * A pure function remembered: the same answer for the same argument, worked out once. What it
 * remembers is invisible to its callers (the function is pure), so a memoised function is no
 * module state, whereas a cache its callers fill or clear would be.
 */

/** `fn`, remembering up to `limit` answers (then starting afresh, so memory stays bounded). */
export function memo<K, V>(fn: (key: K) => V, limit = 100_000): (key: K) => V {
  const answers = new Map<K, V>();
  return (key) => {
    let v = answers.get(key);
    if (v === undefined && !answers.has(key)) {
      v = fn(key);
      if (answers.size >= limit) answers.clear();
      answers.set(key, v);
    }
    return v as V;
  };
}

/** A value worked out the first time it is asked for (a table not every build needs). */
export function lazy<V>(make: () => V): () => V {
  let made = false;
  let value: V;
  return () => {
    if (!made) {
      value = make();
      made = true;
    }
    return value;
  };
}
