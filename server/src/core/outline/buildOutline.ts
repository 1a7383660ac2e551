/**
 * The argument outline and the quotations of one article — the API of this folder.
 *
 * article (title · author · date)
 *   ├ thesis
 *   ├ section (per heading, nested by level) → claims, recommendations, evidence, concessions
 *   └ conclusion
 * Articles without headings get the role nodes directly under the article. Every node's range lies
 * inside its parent's and is non-empty. Never throws: odd input gives a smaller outline.
 */
import type { ArticleMeta, EntityMention, OutlineNode, OutlineRole, Quote, Span } from '../types';
import { buildContext, type DocContext } from './context';
import { attributeQuotes, resolveSpeaker, speechActs, type AttributedQuote, type SpeechAct } from './attribution';
import { buildSections, titleHeading, type Section } from './sections';
import { recommendationCue, type RecommendationCue } from './cues/recommendation';
import { concessionCue } from './cues/concession';
import { evidenceCue, type EvidenceCue } from './cues/evidence';
import { claimScore, isClaim } from './cues/claim';
import { pickThesis } from './cues/thesis';
import { findConclusion } from './cues/conclusion';
import { nameOf, shorten } from './names';
import { cleanSlice } from './context';
import { IMPERATIVE_VERBS } from './lexicon';
import { oneOf, splitSpaceCount } from '../text/whitespace';

export interface ArgumentInput {
  text: string;
  bodyStart: number;
  meta: ArticleMeta;
  mentions: EntityMention[];
  /**
   * Optional: `maskMarkup(text, bodyStart)` when the caller has it already (the pipeline masks the
   * text before recognising names), so it is not computed twice. Ignored unless it is a string of
   * the text's length.
   */
  masked?: string;
}

export interface ArgumentResult {
  outline: OutlineNode[];
  quotes: Quote[];
}

/** Upper bound on role nodes, so a pathological input cannot flood the Outline view. */
const MAX_NODES = 4000;
/** Sentence units examined for roles and reporting verbs (no real article comes near it). */
const MAX_UNITS = 8000;
const RECOMMENDATION_CONTEXT = /\b(?:recommend\w*|proposals?|propose|steps|should|must|priorit\w*|objectives?|solutions?|way\s+forward|polic(?:y|ies)|options|agenda|plan|what\s+\w+\s+(?:can|should|must)\s+do|to\s+do|goals|measures|actions|demands|lessons)\b/i;

/** A role node; the unit it was made from is kept beside it (`UnitOf`), never on the node itself. */
type RoleNode = OutlineNode;
/** Role node → its sentence unit (a property deleted later would make every node a slow dictionary object). */
type UnitOf = Map<OutlineNode, number>;

export function analyzeArgument(input: ArgumentInput): ArgumentResult {
  try {
    return analyze(input);
  } catch {
    return { outline: fallbackOutline(input), quotes: [] };
  }
}

function fallbackOutline(input: ArgumentInput): OutlineNode[] {
  const text = typeof input?.text === 'string' ? input.text : '';
  if (text.length === 0) return [];
  return [{ role: 'article', name: shorten(input.meta?.title || 'Article'), detail: articleDetail(input.meta), start: 0, end: text.length, children: [] }];
}

function articleDetail(meta: ArticleMeta | undefined): string | undefined {
  const parts = [meta?.author, meta?.date].filter((p): p is string => typeof p === 'string' && p.trim() !== '');
  return parts.length ? parts.join(' · ') : undefined;
}

function analyze(input: ArgumentInput): ArgumentResult {
  const text = typeof input.text === 'string' ? input.text : '';
  if (text.length === 0) return { outline: [], quotes: [] };
  const meta: ArticleMeta = input.meta ?? { extra: {} };
  const bodyStart = Math.max(0, Math.min(Number.isFinite(input.bodyStart) ? input.bodyStart : 0, text.length));
  const ctx = buildContext(text, bodyStart, input.mentions ?? [], meta.author, input.masked);

  const actsCache = new Map<number, SpeechAct[]>();
  const actsOf = (u: number): SpeechAct[] => {
    let acts = actsCache.get(u);
    if (!acts) {
      const unit = u < MAX_UNITS ? ctx.units[u] : undefined;
      const block = unit ? ctx.blocks[unit.block] : undefined;
      acts = unit && block && block.kind !== 'heading' ? speechActs(ctx, unit) : [];
      acts = acts.map((a) => ({ start: a.start, end: a.end, speaker: resolveSpeaker(ctx, a.speaker) ?? a.speaker, how: a.how }));
      actsCache.set(u, acts);
    }
    return acts;
  };
  const attributed = attributeQuotes(ctx, actsOf);
  const quotes: Quote[] = attributed.map(({ start, end, text: t, kind, speaker }) => ({ start, end, text: t, kind, speaker }));
  const quotesByUnit = new Map<number, AttributedQuote[]>();
  for (const q of attributed) {
    const list = quotesByUnit.get(q.unit) ?? [];
    list.push(q);
    quotesByUnit.set(q.unit, list);
  }

  const titleBlock = titleHeading(ctx, meta);
  const sections = buildSections(ctx, titleBlock);
  const title = meta.title?.trim() || (titleBlock >= 0 ? cleanSlice(ctx, ctx.blocks[titleBlock].content.start, ctx.blocks[titleBlock].content.end) : '') || firstLine(ctx) || 'Article';

  // per-unit cues
  const recCache = new Map<number, RecommendationCue | null>();
  const recOf = (u: number) => {
    if (!recCache.has(u)) recCache.set(u, recommendationCue(ctx, ctx.units[u], actsOf(u)));
    return recCache.get(u) ?? null;
  };
  const reported = (u: number) => actsOf(u).length > 0 || (quotesByUnit.get(u) ?? []).some((q) => q.kind !== 'scare');
  const exclude = new Set<number>(titleBlock >= 0 ? [titleBlock] : []);
  const thesisUnit = pickThesis(ctx, title, { recommendation: (u) => { const r = recOf(u); return r === null ? 0 : r.actor ? 2 : 1; }, claimScore: (u) => claimScore(ctx, ctx.units[u]), reported }, exclude);

  const article: OutlineNode = { role: 'article', name: shorten(title), start: 0, end: text.length, children: [] };
  const detail = articleDetail(meta);
  if (detail) article.detail = detail;
  if (titleBlock >= 0) article.selection = { start: ctx.blocks[titleBlock].start, end: ctx.blocks[titleBlock].end };

  const roleNodes: RoleNode[] = [];
  const unitOf: UnitOf = new Map();
  let budget = MAX_NODES;
  const unitsByBlock = new Map<number, number[]>();
  ctx.units.forEach((unit, u) => {
    const list = unitsByBlock.get(unit.block) ?? [];
    list.push(u);
    unitsByBlock.set(unit.block, list);
  });
  // numbered proposals: list items under a recommendation-like heading or intro ("… four objectives:")
  const listNodes = new Map<number, RoleNode>();
  let listActor: string | undefined;
  let listContext = false;
  for (let b = 0; b < ctx.blocks.length && budget > 0; b++) {
    const block = ctx.blocks[b];
    const units = unitsByBlock.get(b) ?? [];
    if (block.kind === 'heading') {
      listContext = RECOMMENDATION_CONTEXT.test(cleanSlice(ctx, block.content.start, block.content.end));
      listActor = undefined;
      continue;
    }
    if (block.kind !== 'listItem') {
      for (const u of units) {
        const rec = recOf(u);
        if (rec?.actor) listActor = rec.actor;
      }
      const tail = ctx.outside.slice(Math.max(block.content.start, block.content.end - 3), block.content.end);
      if (/:\s*$/.test(tail) && units.some((u) => recOf(u) !== null || RECOMMENDATION_CONTEXT.test(ctx.outside.slice(ctx.units[u].start, ctx.units[u].end)))) listContext = true;
      continue;
    }
    const first = units.length ? units[0] : -1;
    const rec = first >= 0 ? recOf(first) : null;
    const opening = /^[\s*_]*([A-Za-z]+)/.exec(ctx.masked.slice(block.content.start, block.content.start + 40));
    const imperative = !!opening && /^[A-Z]/.test(opening[1]) && IMPERATIVE_VERBS.has(opening[1].toLowerCase());
    if (block.ordered ? listContext || rec !== null || imperative : rec !== null || (imperative && listContext)) {
      const actor = rec?.actor ?? listActor;
      const prefix = block.ordered && block.number !== undefined ? `${block.number}. ` : '';
      const node: RoleNode = { role: 'recommendation', name: nameOf(ctx, block.content.start, firstUnitEnd(ctx, first, block.content.end), prefix), detail: actor ? `recommendation · ${actor}` : 'recommendation', start: block.start, end: block.end, children: [] };
      unitOf.set(node, first);
      listNodes.set(b, node);
      roleNodes.push(node);
      budget--;
    }
  }

  for (let u = 0; u < ctx.units.length && u < MAX_UNITS && budget > 0; u++) {
    const unit = ctx.units[u];
    const block = ctx.blocks[unit.block];
    if (!block || block.kind === 'heading' || block.kind === 'code' || u === thesisUnit) continue;
    const listNode = listNodes.get(unit.block);
    if (listNode && unitOf.get(listNode) === u) continue;
    if (isFurniture(ctx, unit)) continue;
    const node = roleNodeFor(ctx, unit, actsOf(u), quotesByUnit.get(u) ?? [], recOf(u));
    if (!node) continue;
    unitOf.set(node, u);
    if (listNode) listNode.children.push(node);
    else roleNodes.push(node);
    budget--;
  }

  const merged = mergeAdjacent(ctx, roleNodes, unitOf);
  const topLevel = placeInSections(ctx, sections, merged);
  if (thesisUnit >= 0) {
    const t = ctx.units[thesisUnit];
    article.children.push({ role: 'thesis', name: nameOf(ctx, t.start, t.end), detail: 'thesis', start: t.start, end: t.end, children: [] });
  }
  const conclusion = findConclusion(ctx, sections);
  if (conclusion && conclusion.end > conclusion.start) {
    const u = ctx.units.findIndex((x) => x.start >= conclusion.start);
    const nameEnd = u >= 0 ? ctx.units[u].end : conclusion.end;
    const node: OutlineNode = { role: 'conclusion', name: nameOf(ctx, conclusion.start, nameEnd), detail: conclusion.section ? `conclusion · ${shorten(conclusion.section.title, 40)}` : 'conclusion', start: conclusion.start, end: conclusion.end, children: [] };
    // without sections, the roles of the closing paragraph sit under the conclusion
    for (let i = topLevel.length - 1; i >= 0; i--) {
      const n = topLevel[i];
      if (n.role !== 'section' && n.start >= node.start && n.end <= node.end) node.children.unshift(...topLevel.splice(i, 1));
    }
    article.children.push(node);
  }
  article.children.push(...topLevel);
  article.children.sort((a, b) => a.start - b.start || roleOrder(a.role) - roleOrder(b.role));
  return { outline: [sanitize(article, { start: 0, end: text.length })].filter((n): n is OutlineNode => n !== null), quotes };
}

/** A title, byline or caption line: short and without end punctuation. */
function isFurniture(ctx: DocContext, unit: Span): boolean {
  const s = ctx.masked.slice(unit.start, Math.min(unit.end, unit.start + 300)).trim();
  return !oneOf(s.charAt(s.length - 1), '.!?:;"”’)…') && splitSpaceCount(s, 15) < 15;
}

function roleOrder(role: OutlineRole): number {
  return ['article', 'thesis', 'section', 'recommendation', 'claim', 'evidence', 'concession', 'conclusion'].indexOf(role);
}

function firstLine(ctx: DocContext): string {
  const b = ctx.blocks[0];
  return b ? shorten(cleanSlice(ctx, b.content.start, b.content.end)) : '';
}

function firstUnitEnd(ctx: DocContext, u: number, fallback: number): number {
  return u >= 0 ? ctx.units[u].end : fallback;
}

function evidenceDetail(cue: EvidenceCue): string {
  const who = cue.speakers.slice(0, 2).join(', ');
  switch (cue.kind) {
    case 'quote':
      return who ? `quote · ${who}` : 'quote';
    case 'reported':
      return who ? `evidence · ${who}` : 'evidence';
    case 'figure':
      return 'evidence · figures';
    case 'report':
      return 'evidence · report';
  }
}

function roleNodeFor(ctx: DocContext, unit: Span, acts: SpeechAct[], quotes: AttributedQuote[], rec: RecommendationCue | null): RoleNode | null {
  // explicit literals in the order `{ start, end, children, … }` (a spread into a literal was slow)
  const node = (role: OutlineRole, name: string, detail: string): RoleNode => ({ start: unit.start, end: unit.end, children: [], role, name, detail });
  if (rec) return node('recommendation', nameOf(ctx, unit.start, unit.end), rec.actor ? `recommendation · ${rec.actor}` : 'recommendation');
  const ev = evidenceCue(ctx, unit, quotes, acts);
  if (ev && ev.kind === 'quote') {
    const q = quotes.find((x) => x.kind !== 'scare');
    const name = q ? `“${shorten(cleanSlice(ctx, q.start + 1, q.end - 1), 56)}”` : nameOf(ctx, unit.start, unit.end);
    return node('evidence', name, evidenceDetail(ev));
  }
  const con = concessionCue(ctx, unit);
  if (con) return node('concession', nameOf(ctx, unit.start, unit.end), 'concession');
  if (ev) return node('evidence', nameOf(ctx, unit.start, unit.end), evidenceDetail(ev));
  if (isClaim(ctx, unit)) return node('claim', nameOf(ctx, unit.start, unit.end), 'claim');
  return null;
}

/** Consecutive evidence from the same speaker in one paragraph becomes one node. */
function mergeAdjacent(ctx: DocContext, nodes: RoleNode[], unitOf: UnitOf): RoleNode[] {
  const out: RoleNode[] = [];
  for (const n of nodes) {
    const last = out[out.length - 1];
    const lastUnit = last ? unitOf.get(last) : undefined;
    const nUnit = unitOf.get(n);
    if (
      last &&
      last.role === 'evidence' &&
      n.role === 'evidence' &&
      last.detail === n.detail &&
      last.detail !== 'evidence' &&
      lastUnit !== undefined &&
      nUnit !== undefined &&
      ctx.units[lastUnit].block === ctx.units[nUnit].block &&
      nUnit === lastUnit + 1 &&
      /^quote · /.test(n.detail ?? '')
    ) {
      last.end = Math.max(last.end, n.end);
      unitOf.set(last, nUnit);
      continue;
    }
    out.push(n);
  }
  return out;
}

function sectionNode(ctx: DocContext, s: Section): OutlineNode {
  const b = ctx.blocks[s.block];
  return {
    role: 'section',
    name: shorten(s.title) || '(untitled section)',
    detail: b.implicit ? 'section (plain-text heading)' : 'section',
    start: s.start,
    end: Math.max(s.end, b.end),
    selection: { start: b.start, end: b.end },
    children: s.children.map((c) => sectionNode(ctx, c)),
  };
}

/** Put each role node into the innermost section that contains it. */
function placeInSections(ctx: DocContext, sections: Section[], nodes: RoleNode[]): OutlineNode[] {
  const top = sections.map((s) => sectionNode(ctx, s));
  const result: OutlineNode[] = [...top];
  for (const n of nodes) {
    let level = top;
    let parent: OutlineNode | undefined;
    for (;;) {
      const s = level.find((x) => x.start <= n.start && n.end <= x.end && x.role === 'section');
      if (!s) break;
      parent = s;
      level = s.children;
    }
    if (parent) parent.children.push(n);
    else result.push(n);
  }
  const sortDeep = (list: OutlineNode[]) => {
    if (list.length > 1) list.sort((a, b) => a.start - b.start);
    for (const x of list) sortDeep(x.children);
  };
  sortDeep(result);
  return result;
}

/** Clamp every node inside its parent, drop empty ones, keep names on one line. */
function sanitize(node: OutlineNode, parent: Span): OutlineNode | null {
  const start = Math.max(node.start, parent.start);
  const end = Math.min(node.end, parent.end);
  if (!(end > start)) return null;
  // a copy, then assignments to keys it has (same key order as `{ ...node, start, … }`, which V8 runs slowly)
  const out: OutlineNode = { ...node };
  out.start = start;
  out.end = end;
  out.name = shorten(/[\r\n]/.test(node.name) ? node.name.replace(/[\r\n]+/g, ' ') : node.name) || node.role;
  out.children = [];
  if (node.selection) {
    const s = Math.max(node.selection.start, start);
    const e = Math.min(node.selection.end, end);
    if (e > s) out.selection = { start: s, end: e };
    else delete out.selection;
  }
  for (const c of node.children) {
    const k = sanitize(c, { start, end });
    if (k) out.children.push(k);
  }
  return out;
}
