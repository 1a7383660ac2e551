/**
 * Headline case undone from the article's own usage, so a title reads like body text to the name
 * recognizer: "Maliki Issues Plea for Help at Iraq Talks" → "Maliki issues plea for help at Iraq
 * talks". A capitalised word of a headline-cased title takes the form the body gives it inside
 * sentences (the majority form, headings and sentence starts not counted); a word the body does
 * not use inside a sentence is lowered. Acronyms, the title's first word and a word after ":" keep
 * their form (in a title in capitals, they keep only their capital). A title in sentence case is left as it is. Same length and offsets as the input;
 * pure and linear in the body's length.
 */

const WORD = /\p{L}[\p{L}\p{M}]*/gu;
/** Words a headline style may leave in lower case; not evidence of sentence case. */
const HEADLINE_SMALL = new Set(['a', 'an', 'the', 'and', 'but', 'or', 'nor', 'for', 'so', 'yet', 'as', 'at', 'by', 'in', 'of', 'off', 'on', 'per', 'to', 'up', 'via', 'vs', 'with', 'from', 'into', 'onto', 'over', 'than', 'that', 'upon', 'amid', 'near']);
/** Characters passed over when looking for what precedes a word. */
const SKIPPED = new Set([' ', '\t', '"', "'", '“', '”', '‘', '’', '(', '[', '*', '_', '\u00a0']);
const LETTER_OR_MARK = /[\p{L}\p{M}]/u;
const SENTENCE_END = new Set(['.', '!', '?', ':', ';', '—', '–', '\n']);

function isUpper(ch: string): boolean {
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

function isAllCaps(word: string): boolean {
  return word === word.toUpperCase() && word !== word.toLowerCase();
}

/** Whether a word at `at` starts a sentence or a line (its capital says nothing), looking back over blanks and quotes. */
function startsSentence(text: string, at: number, floor: number): boolean {
  for (let i = at - 1; i >= floor; i--) {
    const c = text.charAt(i);
    if (SKIPPED.has(c)) continue;
    if (c === '\r') return true;
    return SENTENCE_END.has(c);
  }
  return true;
}

/** "Headline" when every longer word but the first is capitalised; "caps" when the title has no lower-case letter. */
export function titleStyle(title: string): 'headline' | 'caps' | 'sentence' {
  const words = title.match(WORD) ?? [];
  if (words.length >= 2 && title === title.toUpperCase() && words.filter((w) => w.length >= 2).length >= 2) return 'caps';
  let capitalised = 0;
  for (let i = 1; i < words.length; i++) {
    const w = words[i];
    if (w.length < 3 || HEADLINE_SMALL.has(w.toLowerCase())) continue;
    if (!isUpper(w.charAt(0))) return 'sentence';
    capitalised++;
  }
  return capitalised >= 1 ? 'headline' : 'sentence';
}

/**
 * The forms the body uses inside sentences for the given lower-cased words: lower-cased word → form → count.
 * Lines whose first character is `#` (Markdown headings, in `source`) are passed over.
 */
function bodyForms(source: string, body: string, from: number, wanted: ReadonlySet<string>): Map<string, Map<string, number>> {
  const forms = new Map<string, Map<string, number>>();
  if (wanted.size === 0) return forms;
  const headingAt = (lineStart: number): boolean => {
    let i = lineStart;
    while (source.charAt(i) === ' ' || source.charAt(i) === '\t') i++;
    return source.charAt(i) === '#';
  };
  // one pass of a regex of the wanted words (letters only: nothing to escape, no nested quantifier)
  // (longest first, so the alternative taken at a word's start is the word if it is wanted; the
  // word boundaries are checked by hand: a lookbehind made the scan several times slower)
  const words = [...wanted].filter((w) => /^[\p{L}\p{M}]+$/u.test(w)).sort((a, b) => b.length - a.length);
  if (words.length === 0) return forms;
  const find = new RegExp(`(?:${words.join('|')})`, 'giu');
  let lineStart = from;
  let lineEnd = body.indexOf('\n', from);
  if (lineEnd < 0) lineEnd = body.length;
  let heading = headingAt(lineStart);
  find.lastIndex = from;
  for (let m = find.exec(body); m; m = find.exec(body)) {
    const at = m.index;
    if (LETTER_OR_MARK.test(body.charAt(at - 1)) || LETTER_OR_MARK.test(body.charAt(at + m[0].length))) continue;
    if (at > lineEnd) {
      // the line of this occurrence (each character is looked at a bounded number of times)
      lineStart = body.lastIndexOf('\n', at) + 1;
      lineEnd = body.indexOf('\n', at);
      if (lineEnd < 0) lineEnd = body.length;
      heading = headingAt(lineStart);
    }
    if (heading) continue;
    const word = m[0];
    const lower = word.toLowerCase();
    if (!wanted.has(lower) || startsSentence(body, at, lineStart)) continue;
    let counts = forms.get(lower);
    if (!counts) forms.set(lower, (counts = new Map()));
    counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  return forms;
}

function majority(counts: Map<string, number> | undefined, length: number): string | undefined {
  if (!counts) return undefined;
  let best: string | undefined;
  let bestCount = 0;
  let tie = false;
  for (const [form, n] of counts) {
    if (form.length !== length) continue;
    if (n > bestCount) {
      best = form;
      bestCount = n;
      tie = false;
    } else if (n === bestCount) tie = true;
  }
  return tie ? undefined : best;
}

/**
 * `title` recased as the body writes its words (see the file comment). `source` and `body` are the
 * article and its masked copy (same length); the body starts at `bodyStart`.
 */
export function sentenceCaseTitle(title: string, source: string, body: string, bodyStart: number): string {
  const style = titleStyle(title);
  if (style === 'sentence') return title;
  const words: { at: number; word: string }[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(title); m; m = WORD.exec(title)) words.push({ at: m.index, word: m[0] });
  const wanted = new Set(words.map((w) => w.word.toLowerCase()));
  const forms = bodyForms(source, body, Math.max(0, Math.min(bodyStart, body.length)), wanted);
  let out = '';
  let last = 0;
  for (const { at, word } of words) {
    // a word inside a word ("s" of "Iraq’s", "Maliki" of "al-Maliki") and the title's sentence starts keep their form
    const prev = title.charAt(at - 1);
    if (/[’'\-.]/.test(prev) && at > 1 && /[\p{L}\p{M}]/u.test(title.charAt(at - 2))) continue;
    const initial = startsSentence(title, at, 0);
    if (initial && style === 'headline') continue;
    if (style === 'headline' && (!isUpper(word.charAt(0)) || (word.length >= 2 && isAllCaps(word)))) continue;
    const lower = word.toLowerCase();
    if (lower.length !== word.length) continue;
    let form = majority(forms.get(lower), word.length);
    // a sentence start in capitals takes the body's form when it has one, else only its capital
    if (form === undefined) form = initial ? word.charAt(0) + lower.slice(1) : lower;
    if (form === word) continue;
    out += title.slice(last, at) + form;
    last = at + word.length;
  }
  return out + title.slice(last);
}
