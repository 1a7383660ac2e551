/**
 * One copy of each short string the index keeps many times: the names and date texts and values of
 * mentions ("Maliki", "Tuesday", "2006-11-28" repeat across thousands of articles). A pooled
 * string is a copy of its own, never a slice of an article's text, so a kept name does not keep the
 * whole text it was cut from alive. The pool only grows with distinct strings and is emptied when
 * it grows past a bound (strings already handed out stay valid; only sharing is lost).
 */
const MAX_ENTRIES = 1_000_000;
let pool = new Map<string, string>();

export function intern(s: string): string {
  const kept = pool.get(s);
  if (kept !== undefined) return kept;
  if (pool.size >= MAX_ENTRIES) pool = new Map();
  // A real copy (V8 may hold a cut string as a view of its source); JSON keeps lone surrogates exactly.
  const copy = JSON.parse(JSON.stringify(s)) as string;
  pool.set(copy, copy);
  return copy;
}

/** How many distinct strings are pooled (for tests and diagnostics). */
export function pooledStrings(): number {
  return pool.size;
}
