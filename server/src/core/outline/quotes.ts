/**
 * Quotation spans: curly “…” and straight "…" double quotes, and curly ‘…’ single quotes only when
 * they clearly quote (not apostrophes, not nested inside a double quote). A paragraph that opens a
 * quote and does not close it continues into the next paragraph when that one opens with a quote
 * mark again (the newspaper convention for multi-paragraph quotes). Unclosed quotes are dropped.
 * One linear pass over the blocks.
 */
import type { Block } from '../text/blocks';
import { nextMatchFinder } from '../text/nextMatch';

export interface QuoteSpan {
  /** Offset of the opening mark. */
  start: number;
  /** Offset after the closing mark. */
  end: number;
  /** Offsets of the quoted text (inside the marks). */
  innerStart: number;
  innerEnd: number;
  /** Index of the block the quote opens in / closes in. */
  firstBlock: number;
  lastBlock: number;
  /** A single-quoted ‘…’ quotation. */
  single: boolean;
}

const MAX_SINGLE = 300;
const MAX_PARAGRAPHS = 12;

function isSpace(c: string | undefined): boolean {
  return c === undefined || c === ' ' || c === '\n' || c === '\t' || c === '\r' || c === '\u00a0';
}

function isLetterOrDigit(c: string | undefined): boolean {
  return c !== undefined && (c.toLowerCase() !== c.toUpperCase() || (c >= '0' && c <= '9'));
}

const OPEN_CONTEXT = '([{—–-/“‘:';

function straightOpens(text: string, i: number, from: number): boolean {
  const prev = i > from ? text[i - 1] : undefined;
  const next = text[i + 1];
  return (prev === undefined || isSpace(prev) || OPEN_CONTEXT.includes(prev)) && !isSpace(next);
}

function straightCloses(text: string, i: number): boolean {
  const prev = text[i - 1];
  const next = text[i + 1];
  return !isSpace(prev) && !isLetterOrDigit(next);
}

/** The first non-space character of a block's content is an opening mark of `kind`. */
function opensWith(text: string, block: Block | undefined, kind: '“' | '"'): number {
  if (!block || block.kind === 'heading' || block.kind === 'code') return -1;
  const c = text[block.content.start];
  return c === kind ? block.content.start : -1;
}

/** The first quotation mark (of those the scan acts on) at or after i; text.length when none. */
const nextQuoteMark = nextMatchFinder(/["“”‘’]/g);

export function findQuoteSpans(text: string, blocks: readonly Block[]): QuoteSpan[] {
  return find(text, blocks, true);
}

/** findQuoteSpans looking at every character (what its jumps must agree with; for tests). */
export function findQuoteSpansEveryCharacter(text: string, blocks: readonly Block[]): QuoteSpan[] {
  return find(text, blocks, false);
}

function find(text: string, blocks: readonly Block[], jump: boolean): QuoteSpan[] {
  const out: QuoteSpan[] = [];
  let open = -1;
  let openKind: '“' | '"' = '“';
  let openBlock = -1;
  for (let b = 0; b < blocks.length; b++) {
    const block = blocks[b];
    if (block.kind === 'code') {
      open = -1;
      continue;
    }
    const from = block.content.start;
    const to = block.content.end;
    let continuation = -1;
    if (open >= 0) continuation = from; // the mark that continues the quote in this paragraph
    let single = -1;
    for (let i = from; i < to; i++) {
      // only quotation marks matter below: straight to the next one (or pass over the rest by code)
      if (jump) {
        i = nextQuoteMark(text, i);
        if (i >= to) break;
      }
      const k = text.charCodeAt(i);
      if (k !== 0x201c && k !== 0x201d && k !== 0x22 && k !== 0x2018 && k !== 0x2019) continue;
      const c = text[i];
      if (c === '“') {
        if (i === continuation) continue;
        if (open >= 0 && openKind === '“') {
          // a second opening mark: the first one was never closed
          open = i;
          openBlock = b;
        } else if (open < 0) {
          open = i;
          openKind = '“';
          openBlock = b;
          single = -1;
        }
      } else if (c === '”') {
        if (open >= 0 && openKind === '“') {
          if (i > open + 1) out.push({ start: open, end: i + 1, innerStart: open + 1, innerEnd: i, firstBlock: openBlock, lastBlock: b, single: false });
          open = -1;
        }
      } else if (c === '"') {
        if (i === continuation) continue;
        if (open >= 0 && openKind === '"' && straightCloses(text, i)) {
          if (i > open + 1) out.push({ start: open, end: i + 1, innerStart: open + 1, innerEnd: i, firstBlock: openBlock, lastBlock: b, single: false });
          open = -1;
        } else if (straightOpens(text, i, from) && (open < 0 || openKind === '"')) {
          open = i;
          openKind = '"';
          openBlock = b;
          single = -1;
        }
      } else if (open < 0) {
        if (c === '‘') {
          const prev = i > from ? text[i - 1] : undefined;
          if ((prev === undefined || isSpace(prev) || '([—–-'.includes(prev)) && isLetterOrDigit(text[i + 1])) single = i;
        } else if (c === '’' && single >= 0) {
          const next = text[i + 1];
          if (i - single > MAX_SINGLE) single = -1;
          else if (!isLetterOrDigit(next) && !isSpace(text[i - 1])) {
            // "the insurgents’ proposal": a possessive, not the end of the quote
            const possessive = text[i - 1] === 's' && next === ' ' && /[a-z]/.test(text[i + 2] ?? '');
            if (!possessive) {
              out.push({ start: single, end: i + 1, innerStart: single + 1, innerEnd: i, firstBlock: b, lastBlock: b, single: true });
              single = -1;
            }
          }
        }
      }
    }
    if (open >= 0) {
      const next = blocks[b + 1];
      const cont = opensWith(text, next, openKind);
      if (cont < 0 || b + 1 - openBlock >= MAX_PARAGRAPHS) open = -1;
    }
  }
  return out;
}
