/**
 * Where the values of chosen front-matter keys stand in the article, to the character: a line scan
 * of the YAML block that reads one-line plain, 'single' and "double" quoted scalars, one-line flow
 * lists (`[a, "b"]`) and block lists (`- a` lines). Each value read is checked against what the YAML
 * parser made of it (`data`): a value whose decoded text differs (folded or multi-line scalars,
 * block scalars, anchors, escapes that stand for letters, a mapping) is skipped, so every offset
 * reported is certain. Pure and linear in the block's length.
 */

export interface FrontMatterValue {
  key: string;
  /** Offset in the article of the value's first character (inside the quotes, if quoted). */
  start: number;
  end: number;
  /**
   * Same length as `end - start`: the source characters, with quoting escapes blanked (`\"`, `''`'s
   * first quote, …), so names can be read from it at the source's offsets.
   */
  readable: string;
  /** The value as YAML reads it. */
  value: string;
}

/** What `parseFrontMatter` gives: the block's inner range and the parsed values. */
export interface FrontMatterBlock {
  blockStart: number;
  blockEnd: number;
  data: Record<string, unknown>;
}

type Piece = { start: number; end: number; readable: string; value: string } | null;

const KEY_LINE = /^([A-Za-z_][A-Za-z0-9_-]*)[ \t]*:(?=[ \t]|$)/;
const SIMPLE_ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', t: '\t', n: '\n', ' ': ' ', _: '\u00a0', r: '\r', '0': '\0', a: '\x07', b: '\b', e: '\x1b', f: '\f', v: '\v', N: '\u0085', L: '\u2028', P: '\u2029' };
const HEX_ESCAPES: Record<string, number> = { x: 2, u: 4, U: 8 };
const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;

/** A double-quoted scalar starting at `open` (the quote) in `line`; null when it does not close on the line or an escape stands for a letter. */
function doubleQuoted(line: string, open: number, base: number): { piece: Piece; after: number } | null {
  let value = '';
  let readable = '';
  for (let i = open + 1; i < line.length; i++) {
    const c = line.charAt(i);
    if (c === '"') return { piece: { start: base + open + 1, end: base + i, readable, value }, after: i + 1 };
    if (c !== '\\') {
      value += c;
      readable += c;
      continue;
    }
    const e = line.charAt(i + 1);
    let decoded: string;
    let length = 2;
    if (e in SIMPLE_ESCAPES) decoded = SIMPLE_ESCAPES[e];
    else if (e in HEX_ESCAPES) {
      const hex = line.slice(i + 2, i + 2 + HEX_ESCAPES[e]);
      if (!/^[0-9A-Fa-f]+$/.test(hex) || hex.length !== HEX_ESCAPES[e]) return null;
      const code = parseInt(hex, 16);
      if (code > 0x10ffff) return null;
      decoded = String.fromCodePoint(code);
      length += hex.length;
    } else return null;
    // an escape that stands for a letter or digit would cut a name: its offsets are not certain
    if (WORD_CHAR.test(decoded)) return null;
    value += decoded;
    readable += ' '.repeat(length);
    i += length - 1;
  }
  return null;
}

/** A single-quoted scalar (`''` is one quote; its first character is blanked in `readable`). */
function singleQuoted(line: string, open: number, base: number): { piece: Piece; after: number } | null {
  let value = '';
  let readable = '';
  for (let i = open + 1; i < line.length; i++) {
    const c = line.charAt(i);
    if (c === "'") {
      if (line.charAt(i + 1) === "'") {
        value += "'";
        readable += " '";
        i++;
        continue;
      }
      return { piece: { start: base + open + 1, end: base + i, readable, value }, after: i + 1 };
    }
    value += c;
    readable += c;
  }
  return null;
}

/** Only blanks and a comment may follow a scalar on its line. */
function restIsEmpty(line: string, from: number): boolean {
  const rest = line.slice(from);
  return /^[ \t]*$/.test(rest) || /^[ \t]+#/.test(rest);
}

/** A scalar on one line from `from` to the end of the line (plain, or quoted and nothing after it). */
function scalarAt(line: string, from: number, base: number): Piece {
  const c = line.charAt(from);
  if (c === '"' || c === "'") {
    const q = c === '"' ? doubleQuoted(line, from, base) : singleQuoted(line, from, base);
    return q && restIsEmpty(line, q.after) ? q.piece : null;
  }
  // plain: ends at a comment (" #") or the end of the line; indicators that start other YAML are not read
  if (!c || '[]{}|>&*!%@`#'.includes(c)) return null;
  if ((c === '-' || c === '?' || c === ':') && /[ \t]/.test(line.charAt(from + 1) || ' ')) return null;
  const comment = line.search(/[ \t]#/);
  let end = comment >= from ? comment : line.length;
  while (end > from && /[ \t]/.test(line.charAt(end - 1))) end--;
  const raw = line.slice(from, end);
  if (!raw) return null;
  return { start: base + from, end: base + end, readable: raw, value: raw };
}

/** Items of a one-line flow list `[a, "b", 'c']` starting at `open`. */
function flowList(line: string, open: number, base: number): Piece[] | null {
  const items: Piece[] = [];
  let i = open + 1;
  for (;;) {
    while (line.charAt(i) === ' ' || line.charAt(i) === '\t') i++;
    const c = line.charAt(i);
    if (c === ']' && items.length === 0) return restIsEmpty(line, i + 1) ? items : null;
    if (c === '"' || c === "'") {
      const q = c === '"' ? doubleQuoted(line, i, base) : singleQuoted(line, i, base);
      if (!q) return null;
      items.push(q.piece);
      i = q.after;
    } else {
      let j = i;
      while (j < line.length && !',[]{}#'.includes(line.charAt(j))) j++;
      let end = j;
      while (end > i && /[ \t]/.test(line.charAt(end - 1))) end--;
      if (end === i) return null;
      const raw = line.slice(i, end);
      items.push({ start: base + i, end: base + end, readable: raw, value: raw });
      i = j;
    }
    while (line.charAt(i) === ' ' || line.charAt(i) === '\t') i++;
    if (line.charAt(i) === ',') {
      i++;
      continue;
    }
    if (line.charAt(i) === ']') return restIsEmpty(line, i + 1) ? items : null;
    return null;
  }
}

interface Line {
  start: number;
  text: string;
}

function linesOf(text: string, from: number, to: number): Line[] {
  const lines: Line[] = [];
  let s = from;
  while (s < to) {
    let e = text.indexOf('\n', s);
    if (e < 0 || e > to) e = to;
    let line = text.slice(s, e);
    if (line.endsWith('\r')) line = line.slice(0, -1);
    lines.push({ start: s, text: line });
    s = e + 1;
  }
  return lines;
}

function sameValues(pieces: Piece[], parsed: unknown): boolean {
  if (typeof parsed === 'string') return pieces.length === 1 && pieces[0] !== null && pieces[0].value === parsed;
  if (!Array.isArray(parsed) || parsed.length !== pieces.length) return false;
  return parsed.every((v, i) => typeof v === 'string' && pieces[i] !== null && pieces[i]!.value === v);
}

/**
 * The values of `keys` (top-level keys of the YAML block) at their offsets in `text`. A key whose
 * value cannot be placed with certainty is left out; a list gives one entry per item.
 */
export function frontMatterValues(text: string, block: FrontMatterBlock, keys: readonly string[]): FrontMatterValue[] {
  const out: FrontMatterValue[] = [];
  if (!block.data || block.blockEnd <= block.blockStart) return out;
  const wanted = new Set(keys.filter((k) => Object.prototype.hasOwnProperty.call(block.data, k)));
  if (wanted.size === 0) return out;
  const lines = linesOf(text, block.blockStart, Math.min(block.blockEnd, text.length));
  for (let l = 0; l < lines.length; l++) {
    const m = KEY_LINE.exec(lines[l].text);
    if (!m || !wanted.has(m[1])) continue;
    const key = m[1];
    wanted.delete(key); // a key read twice is a parse error anyway; never place a value twice
    const line = lines[l].text;
    let from = m[0].length;
    while (line.charAt(from) === ' ' || line.charAt(from) === '\t') from++;
    let pieces: Piece[] | null;
    if (from >= line.length || line.charAt(from) === '#') {
      // a block list on the next lines: "- item", as indented as they like but all the same
      pieces = [];
      let indent = -1;
      for (let k = l + 1; k < lines.length; k++) {
        const t = lines[k].text;
        if (/^[ \t]*(#.*)?$/.test(t)) continue;
        const item = /^( *)- +/.exec(t);
        if (!item || (indent >= 0 && item[1].length !== indent)) break;
        indent = item[1].length;
        pieces.push(scalarAt(t, item[0].length, lines[k].start));
      }
    } else if (line.charAt(from) === '[') pieces = flowList(line, from, lines[l].start);
    else pieces = [scalarAt(line, from, lines[l].start)];
    // the parser's reading decides: a multi-line scalar, a folded one, a tag… reads differently
    if (!pieces || !sameValues(pieces, block.data[key])) continue;
    for (const p of pieces) if (p && p.end > p.start) out.push({ key, ...p });
  }
  return out;
}
