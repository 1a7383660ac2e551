/**
 * Sections from headings: each heading opens a section that runs until the next heading of the
 * same or a higher level, nested by level. A level-1 heading that only repeats the article's title
 * (at the top, before any prose) is the title, not a section.
 */
import type { ArticleMeta } from '../types';
import type { Block } from '../text/blocks';
import { cleanSlice, type DocContext } from './context';

export interface Section {
  block: number;
  level: number;
  start: number;
  end: number;
  title: string;
  children: Section[];
}

function norm(s: string): string {
  return s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

function isProse(b: Block): boolean {
  return (b.kind === 'paragraph' || b.kind === 'listItem' || b.kind === 'blockquote') && b.content.end - b.content.start > 60;
}

/** Index of the block that is the article's title heading, or -1. */
export function titleHeading(ctx: DocContext, meta: ArticleMeta): number {
  for (let i = 0; i < ctx.blocks.length; i++) {
    const b = ctx.blocks[i];
    if (b.kind === 'heading') {
      if (b.level !== 1 || b.implicit) return -1;
      const h = norm(cleanSlice(ctx, b.content.start, b.content.end));
      const t = norm(meta.title ?? '');
      const h1s = ctx.blocks.filter((x) => x.kind === 'heading' && x.level === 1).length;
      if (!t) return h1s === 1 ? i : -1;
      return h && (t.startsWith(h) || h.startsWith(t) || t.includes(h)) ? i : -1;
    }
    if (isProse(b)) return -1;
  }
  return -1;
}

export function buildSections(ctx: DocContext, titleBlock: number): Section[] {
  const roots: Section[] = [];
  const stack: Section[] = [];
  let lastEnd = ctx.bodyStart;
  const closeTo = (level: number) => {
    while (stack.length && stack[stack.length - 1].level >= level) {
      const s = stack.pop() as Section;
      s.end = Math.max(s.end, lastEnd);
    }
  };
  ctx.blocks.forEach((b, i) => {
    if (b.kind === 'heading' && i !== titleBlock) {
      closeTo(b.level ?? 2);
      const s: Section = { block: i, level: b.level ?? 2, start: b.start, end: b.content.end, title: cleanSlice(ctx, b.content.start, b.content.end), children: [] };
      if (stack.length) stack[stack.length - 1].children.push(s);
      else roots.push(s);
      stack.push(s);
      lastEnd = b.content.end;
    } else if (i !== titleBlock) {
      lastEnd = b.content.end > b.content.start ? b.content.end : b.end;
      for (const s of stack) s.end = Math.max(s.end, lastEnd);
    }
  });
  closeTo(0);
  return roots;
}

/** The innermost section containing pos. */
export function sectionAt(sections: Section[], pos: number): Section | undefined {
  let found: Section | undefined;
  let level = sections;
  for (;;) {
    const s = level.find((x) => x.start <= pos && pos < x.end);
    if (!s) return found;
    found = s;
    level = s.children;
  }
}
