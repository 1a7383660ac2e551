/**
 * An article's publication date as a number that sorts as the date's text does, so orderings by
 * date can read a dense array of numbers instead of each article's metadata (at 50,000 articles the
 * first hover card of a frequent actor compared the dates of thousands of articles, each a chain of
 * objects scattered in memory). Undated articles sort last, as the text '9999' does.
 */

/** The key of an undated article. */
export const UNDATED_KEY = 99990000;

/**
 * `YYYY`, `YYYY-MM` or `YYYY-MM-DD` → YYYYMMDD with missing parts 0 (so "2006-11" comes before
 * "2006-11-02", as in text order); undefined → `UNDATED_KEY`; any other text → -1 (compare the
 * texts). Two different texts can share a key ("2006-11" and "2006-11-00"): equal keys say nothing.
 */
export function publicationKey(date: string | undefined): number {
  if (date === undefined) return UNDATED_KEY;
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(date);
  if (!m) return -1;
  return Number(m[1]) * 10000 + (m[2] ? Number(m[2]) * 100 : 0) + (m[3] ? Number(m[3]) : 0);
}
