/**
 * A search for the next character of a set that remembers its last answer: callers walk an
 * article block by block, and a block without such a character must not search on through the
 * rest of the text again for the next block. The memo holds the last text searched.
 */
export function nextMatchFinder(chars: RegExp): (text: string, i: number) => number {
  const re = new RegExp(chars.source, chars.flags.includes('g') ? chars.flags : `${chars.flags}g`);
  // The last answer: no match in text[lastFrom, lastFound) (lastFound = text.length when none).
  let lastText = '';
  let lastFrom = 0;
  let lastFound = 0;
  /** The first match at or after i (text.length when none). */
  return (text, i) => {
    if (text === lastText && i >= lastFrom && i <= lastFound) return lastFound;
    re.lastIndex = i;
    const m = re.exec(text);
    lastText = text;
    lastFrom = i;
    lastFound = m ? m.index : text.length;
    return lastFound;
  };
}
