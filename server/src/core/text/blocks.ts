/**
 * The block structure of an article body: Markdown headings, paragraphs, list items, blockquotes
 * (and fenced code, which the analysis skips), found line by line in linear time. Plain text
 * without Markdown works too: blank-line separated paragraphs, or one paragraph per line when the
 * body never leaves a blank line. CRLF line ends are handled (the `\r` is never part of a block's
 * content).
 */
import type { Span } from '../types';
import { nextMatchFinder } from './nextMatch';

export type BlockKind = 'heading' | 'paragraph' | 'listItem' | 'blockquote' | 'code';

export interface Block extends Span {
  kind: BlockKind;
  /** The text without the block's markup (heading #'s, list marker, first `>`), trimmed. */
  content: Span;
  /** Heading level 1..6 (setext `===` is 1, `---` is 2; a plain-text heading is 2). */
  level?: number;
  /** List items: ordered ("1." / "1)") or bullet ("-", "*", "+"). */
  ordered?: boolean;
  /** Ordered list items: the number written. */
  number?: number;
  /** A heading guessed from plain text (a short title-like line), not written in Markdown. */
  implicit?: boolean;
}

interface Line {
  start: number;
  /** End of the line's text, before `\r\n` / `\n`. */
  end: number;
}

const ATX = /^ {0,3}(#{1,6})(?=[ \t]|$)/;
const SETEXT = /^ {0,3}(=+|-+)[ \t]*$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const THEMATIC = /^ {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$/;
const ORDERED = /^( {0,3})(\d{1,3})([.)])([ \t]+|$)/;
const BULLET = /^( {0,3})([-*+])([ \t]+)(?=\S)/;
const QUOTE_LINE = /^ {0,3}>[ \t]?/;
/** A line long enough that it is not a hard-wrapped piece of a paragraph. */
const UNWRAPPED_LINE = 100;

function splitLines(text: string, from: number): Line[] {
  const lines: Line[] = [];
  let start = from;
  while (start <= text.length) {
    let nl = text.indexOf('\n', start);
    if (nl < 0) nl = text.length;
    let end = nl;
    if (end > start && text.charCodeAt(end - 1) === 13) end--;
    lines.push({ start, end });
    if (nl >= text.length) break;
    start = nl + 1;
  }
  return lines;
}

function isBlank(text: string, line: Line): boolean {
  for (let i = line.start; i < line.end; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 13) return false;
  }
  return true;
}

/** Trimmed span of text[start, end). */
function isWs(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 11 || c === 0xa0 || c === 0x2028 || c === 0x2029 || c === 0xfeff || (c >= 0x2000 && c <= 0x200a) || c === 0x3000;
}

export function trimSpan(text: string, start: number, end: number): Span {
  while (start < end && isWs(text.charCodeAt(start))) start++;
  while (end > start && isWs(text.charCodeAt(end - 1))) end--;
  return { start, end };
}

function endsSentence(text: string, line: Line): boolean {
  let e = line.end;
  while (e > line.start && /[ \t*_)\]]/.test(text[e - 1])) e--;
  return e > line.start && /[.!?:"”’]/.test(text[e - 1]);
}

/** Does the body leave no blank line between two text lines? Then each line is a paragraph. */
function lineParagraphMode(text: string, lines: Line[]): boolean {
  let seenText = false;
  let blankAfterText = false;
  let textLines = 0;
  for (const line of lines) {
    if (isBlank(text, line)) {
      if (seenText) blankAfterText = true;
    } else {
      if (blankAfterText) return false;
      seenText = true;
      textLines++;
    }
  }
  return textLines > 1;
}

/**
 * The last answer, kept: the pipeline splits each article twice (maskMarkup, then the outline),
 * and the blocks depend on nothing but the text and where the body starts. Callers get their own
 * array; the blocks in it are shared and never changed after they are made.
 */
let lastSplitText: string | undefined;
let lastSplitFrom = -1;
let lastSplit: Block[] = [];

export function splitBlocks(text: string, bodyStart: number): Block[] {
  if (typeof text !== 'string') return [];
  const from = Math.max(0, Math.min(bodyStart | 0, text.length));
  if (text === lastSplitText && from === lastSplitFrom) return lastSplit.slice();
  const blocks = computeBlocks(text, from);
  lastSplitText = text;
  lastSplitFrom = from;
  lastSplit = blocks;
  return blocks.slice();
}

function computeBlocks(text: string, from: number): Block[] {
  const blocks: Block[] = [];
  const lines = splitLines(text, from);
  const perLine = lineParagraphMode(text, lines);
  let cur: Block | null = null;
  let curLines = 0;
  let prevLine: Line | null = null;
  let fence: string | null = null;
  let blankBefore = true;

  const close = () => {
    if (cur) {
      cur.content = trimSpan(text, cur.content.start, cur.kind === 'heading' ? cur.content.end : cur.end);
      if (cur.content.end > cur.content.start || cur.kind === 'code') blocks.push(cur);
    }
    cur = null;
    curLines = 0;
  };
  const open = (kind: BlockKind, line: Line, contentStart: number, extra: Partial<Block> = {}) => {
    close();
    cur = { kind, start: line.start, end: line.end, content: { start: contentStart, end: line.end }, ...extra };
    curLines = 1;
  };

  for (const line of lines) {
    const s = text.slice(line.start, Math.min(line.end, line.start + 64));
    if (fence !== null) {
      const c = cur as Block | null;
      if (c) c.end = line.end;
      if (s.trimStart().startsWith(fence)) {
        fence = null;
        close();
        blankBefore = true;
      }
      prevLine = line;
      continue;
    }
    if (isBlank(text, line)) {
      const c = cur as Block | null;
      if (c && c.kind !== 'listItem') close();
      blankBefore = true;
      prevLine = line;
      continue;
    }
    const c = cur as Block | null;
    // An indented line after a blank continues the open list item.
    if (c && c.kind === 'listItem' && blankBefore) {
      if (/^(?: {2,}|\t)/.test(s) && !ORDERED.test(s) && !BULLET.test(s)) {
        c.end = line.end;
        blankBefore = false;
        prevLine = line;
        continue;
      }
      close();
    }
    let m: RegExpExecArray | null;
    if ((m = FENCE.exec(s))) {
      open('code', line, line.start);
      fence = m[1];
    } else if ((m = ATX.exec(s))) {
      let cs = line.start + m[0].length;
      let ce = line.end;
      // Closing #'s: "## Title ##".
      let k = ce;
      while (k > cs && /[ \t]/.test(text[k - 1])) k--;
      let h = k;
      while (h > cs && text[h - 1] === '#') h--;
      if (h < k && (h === cs || /[ \t]/.test(text[h - 1]))) ce = h;
      open('heading', line, cs, { level: m[1].length });
      (cur as unknown as Block).content = { start: cs, end: ce };
      close();
    } else if (c && c.kind === 'paragraph' && curLines === 1 && !blankBefore && (m = SETEXT.exec(s))) {
      c.kind = 'heading';
      c.level = m[1][0] === '=' ? 1 : 2;
      const contentEnd = c.end;
      c.end = line.end;
      c.content = trimSpan(text, c.content.start, contentEnd);
      blocks.push(c);
      cur = null;
      curLines = 0;
    } else if (THEMATIC.test(text.slice(line.start, Math.min(line.end, line.start + 256)))) {
      close();
    } else if ((m = ORDERED.exec(s))) {
      open('listItem', line, line.start + m[0].length, { ordered: true, number: Number(m[2]) });
    } else if ((m = BULLET.exec(s))) {
      open('listItem', line, line.start + m[0].length, { ordered: false });
    } else if ((m = QUOTE_LINE.exec(s))) {
      if (c && c.kind === 'blockquote' && !blankBefore) {
        c.end = line.end;
        curLines++;
      } else open('blockquote', line, line.start + m[0].length);
    } else if (
      c &&
      (c.kind === 'paragraph' || c.kind === 'listItem' || c.kind === 'blockquote') &&
      !blankBefore &&
      !(perLine || (prevLine && prevLine.end - prevLine.start >= UNWRAPPED_LINE && endsSentence(text, prevLine)))
    ) {
      c.end = line.end; // soft line break inside the block
      curLines++;
    } else {
      open('paragraph', line, line.start);
    }
    blankBefore = false;
    prevLine = line;
  }
  close();
  if (!blocks.some((b) => b.kind === 'heading' && !b.implicit)) markPlainHeadings(text, blocks);
  return blocks;
}

const SECTION_WORDS = /^(?:conclusions?|introduction|background|summary|recommendations|analysis|discussion|outlook|the bottom line|what next|looking ahead)$/i;
const SMALL_WORDS = new Set(['a', 'an', 'the', 'of', 'for', 'and', 'or', 'in', 'on', 'at', 'to', 'with', 'by', 'from', 'vs', 'is', 'as', 'its']);

function wordCount(text: string, span: Span): number {
  let n = 0;
  let inWord = false;
  for (let i = span.start; i < span.end && n <= 40; i++) {
    const ws = isWs(text.charCodeAt(i));
    if (!ws && !inWord) n++;
    inWord = !ws;
  }
  return n;
}

/**
 * Plain text has no heading markup: a short, title-like one-line paragraph (no end punctuation,
 * capitalised words) that is followed by a long paragraph and comes after the article's first
 * long paragraph is taken as a heading (`implicit`).
 */
function markPlainHeadings(text: string, blocks: Block[]): void {
  let seenLong = false;
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    if (b.kind !== 'paragraph') continue;
    const words = wordCount(text, b.content);
    if (words >= 20) {
      seenLong = true;
      continue;
    }
    const next = blocks[i + 1];
    if (!seenLong || !next || next.kind === 'heading' || wordCount(text, next.content) < 20) continue;
    const len = b.content.end - b.content.start;
    if (len > 80 || words > 10 || /\n/.test(text.slice(b.content.start, b.content.end))) continue;
    const str = text.slice(b.content.start, b.content.end);
    if (/[.,;:!?"”)\]]$/.test(str) || !/^[A-Z0-9“"]/.test(str)) continue;
    const ws = str.split(/\s+/).filter((w) => /\p{L}/u.test(w));
    const caps = ws.filter((w) => /^\p{Lu}/u.test(w) || SMALL_WORDS.has(w.toLowerCase())).length;
    if (!SECTION_WORDS.test(str) && caps < ws.length) continue;
    if (/^by\s/i.test(str) || /\b\d{4}\b/.test(str)) continue;
    b.kind = 'heading';
    b.level = 2;
    b.implicit = true;
  }
}

const SPACE = 32;

function blank(codes: Uint16Array, start: number, end: number): void {
  for (let i = Math.max(0, start); i < end && i < codes.length; i++) {
    if (codes[i] !== 10 && codes[i] !== 13) codes[i] = SPACE;
  }
}

function isWordCode(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c > 127;
}

function isSpaceCode(c: number | undefined): boolean {
  return c === undefined || c === 32 || c === 9 || c === 10 || c === 13 || Number.isNaN(c);
}

const ASCII_PUNCT = /[!-/:-@[-`{-~]/;
const TAG = /<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>\n]*)?\/?>|<(?:https?|mailto|ftp):[^<>\s]*>/y;
const REF_DEFINITION = /^ {0,3}\[[^\]\n]{1,200}\]:[ \t]*\S/;

/** The first character maskInline acts on at or after i (every other one is passed over); text.length when none. */
const nextMarkup = nextMatchFinder(/[\\`*_~!\[\]<]/g);

/** Mask inline Markdown inside one block's content: emphasis, code ticks, links, images, tags, escapes. */
function maskInline(text: string, codes: Uint16Array, start: number, end: number, jump: boolean): void {
  if (REF_DEFINITION.test(text.slice(start, Math.min(end, start + 260)))) {
    blank(codes, start, end);
    return;
  }
  let openBracket = -1;
  let stopFrom = -1;
  let stopAt = -1;
  let commentEnd = -2; // -2: not searched yet, -1: no "-->" anywhere after
  /** First ')' (or whitespace, which ends a link destination) at or after `from`. */
  const nextStop = (from: number): number => {
    if (from >= stopFrom && from <= stopAt) return stopAt;
    let j = from;
    while (j < end && text[j] !== ')' && !/\s/.test(text[j])) j++;
    stopFrom = from;
    stopAt = j;
    return j;
  };
  for (let i = start; i < end; i++) {
    // straight to the next character the switch acts on
    if (jump) {
      i = nextMarkup(text, i);
      if (i >= end) break;
    }
    const c = text.charCodeAt(i);
    switch (c) {
      case 92: // backslash escape
        if (i + 1 < end && ASCII_PUNCT.test(text[i + 1])) {
          codes[i] = SPACE;
          i++;
        }
        break;
      case 96: // `
        codes[i] = SPACE;
        break;
      case 42: // *
        if (!(isSpaceCode(text.charCodeAt(i - 1)) && isSpaceCode(text.charCodeAt(i + 1)))) codes[i] = SPACE;
        break;
      case 95: // _
        if (!(i > start && isWordCode(text.charCodeAt(i - 1)) && isWordCode(text.charCodeAt(i + 1)))) codes[i] = SPACE;
        break;
      case 126: // ~~
        if (text.charCodeAt(i + 1) === 126) {
          codes[i] = SPACE;
          codes[i + 1] = SPACE;
          i++;
        }
        break;
      case 33: // ! of an image
        if (text.charCodeAt(i + 1) === 91) codes[i] = SPACE;
        break;
      case 91: // [
        openBracket = i;
        break;
      case 93: {
        // ]
        const next = text.charCodeAt(i + 1);
        if (openBracket >= 0 && next === 40) {
          const j = nextStop(i + 2);
          if (j < end && text[j] === ')') {
            codes[openBracket] = SPACE;
            blank(codes, i, j + 1);
            i = j;
          }
        } else if (openBracket >= 0 && next === 91) {
          const j = text.indexOf(']', i + 2);
          if (j > 0 && j < end && j - i < 100 && !/\n/.test(text.slice(i, j))) {
            codes[openBracket] = SPACE;
            blank(codes, i, j + 1);
            i = j;
          }
        }
        openBracket = -1;
        break;
      }
      case 60: {
        // <
        if (text.startsWith('<!--', i)) {
          if (commentEnd === -2 || (commentEnd >= 0 && commentEnd < i)) {
            const k = text.indexOf('-->', i + 4);
            commentEnd = k < 0 || k >= end ? -1 : k;
          }
          if (commentEnd >= 0) {
            blank(codes, i, commentEnd + 3);
            i = commentEnd + 2;
          }
          break;
        }
        TAG.lastIndex = i;
        const m = TAG.exec(text);
        if (m && i + m[0].length <= end) {
          blank(codes, i, i + m[0].length);
          i += m[0].length - 1;
        }
        break;
      }
      default:
        break;
    }
  }
}

/**
 * A copy of `text` of the same length in which the front matter (0..bodyStart) and the Markdown
 * markup are replaced by spaces (line breaks kept), so recognizers that run on it report offsets
 * that are valid in the original text.
 */
export function maskMarkup(text: string, bodyStart: number): string {
  return mask(text, bodyStart, true);
}

/** maskMarkup looking at every character of a block for markup (what its jumps must agree with; for tests). */
export function maskMarkupEveryCharacter(text: string, bodyStart: number): string {
  return mask(text, bodyStart, false);
}

function mask(text: string, bodyStart: number, jump: boolean): string {
  if (typeof text !== 'string' || text.length === 0) return '';
  const codes = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) codes[i] = text.charCodeAt(i);
  const from = Math.max(0, Math.min(bodyStart | 0, text.length));
  blank(codes, 0, from);
  const blocks = splitBlocks(text, from);
  let covered = from;
  for (const b of blocks) {
    blank(codes, covered, b.start); // blank lines, thematic breaks
    covered = Math.max(covered, b.end);
    if (b.kind === 'code') {
      blank(codes, b.start, b.end);
      continue;
    }
    blank(codes, b.start, b.content.start);
    blank(codes, b.content.end, b.end); // closing #'s, setext underline
    if (b.kind === 'blockquote' || b.kind === 'listItem') {
      // markers at the start of every further line: "> " of quotes, indentation of items
      let nl = text.indexOf('\n', b.content.start);
      while (nl >= 0 && nl < b.content.end) {
        let k = nl + 1;
        while (k < b.content.end && (text[k] === ' ' || text[k] === '\t') && k - nl <= 4) k++;
        if (b.kind === 'blockquote' && text[k] === '>') codes[k] = SPACE;
        nl = text.indexOf('\n', nl + 1);
      }
    }
    maskInline(text, codes, b.content.start, b.content.end, jump);
  }
  blank(codes, covered, text.length);
  return fromCodes(codes, text);
}

/** Decodes UTF-16 code units laid out little-endian, keeping a leading byte-order mark as a character. */
const UTF16 = typeof TextDecoder === 'function' ? new TextDecoder('utf-16le', { ignoreBOM: true }) : undefined;
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const SURROGATE = /[\ud800-\udfff]/;

/**
 * The string of the code units. A native decoder when it gives exactly the units: the platform is
 * little-endian and the text has no surrogate (a decoder replaces lone ones, and blanking can cut a
 * pair); otherwise String.fromCharCode in chunks (several times slower).
 */
function fromCodes(codes: Uint16Array, text: string): string {
  if (UTF16 && LITTLE_ENDIAN && !SURROGATE.test(text)) return UTF16.decode(codes);
  const parts: string[] = [];
  const CHUNK = 8192;
  for (let i = 0; i < codes.length; i += CHUNK) {
    parts.push(String.fromCharCode.apply(null, codes.subarray(i, Math.min(codes.length, i + CHUNK)) as unknown as number[]));
  }
  return parts.join('');
}
