/**
 * The compact form of an article's analysis inside the corpus snapshot: mentions and dates as
 * arrays instead of keyed objects, and their surface text left out whenever it is exactly the
 * article's text at their span (it is, nearly always), so a warm start parses a third less.
 * Everything else is stored as the analysis cache stores it. `decode(encode(a, text), text)`
 * equals `a` (tested).
 */
import type { ArticleAnalysis } from '../core/analyzeArticle';
import type { DateMention, EntityMention } from '../core/types';
import { restoreAnalysis, storedAnalysis } from './analysisCache';

/** [start, end, type, source, confidence, extras?] */
type PackedMention = [number, number, EntityMention['type'], EntityMention['source'], number, MentionExtras?];
interface MentionExtras {
  t?: string;
  ti?: string;
  r?: string;
}
/** [start, end, value, type, relative (1/0), anchor ('' for none), text when not the span's] */
type PackedDate = [number, number, string, DateMention['type'], number, string, string?];

export interface PackedAnalysis {
  m: PackedMention[];
  d: PackedDate[];
  /** The rest, as the analysis cache stores it (mentions and dates empty). */
  r: unknown;
}

export function encodeAnalysis(a: ArticleAnalysis, text: string): PackedAnalysis {
  const m = a.mentions.map((x): PackedMention => {
    const extras: MentionExtras = {};
    if (x.text !== text.slice(x.start, x.end)) extras.t = x.text;
    if (x.title !== undefined) extras.ti = x.title;
    if (x.role !== undefined) extras.r = x.role;
    const packed: PackedMention = [x.start, x.end, x.type, x.source, x.confidence];
    if (extras.t !== undefined || extras.ti !== undefined || extras.r !== undefined) packed.push(extras);
    return packed;
  });
  const d = a.dates.map((x): PackedDate => {
    const packed: PackedDate = [x.start, x.end, x.value, x.type, x.relative ? 1 : 0, x.anchor ?? ''];
    if (x.text !== text.slice(x.start, x.end)) packed.push(x.text);
    return packed;
  });
  return { m, d, r: storedAnalysis({ ...a, mentions: [], dates: [] }) };
}

export function decodeAnalysis(p: PackedAnalysis, text: string): ArticleAnalysis | undefined {
  if (!p || !Array.isArray(p.m) || !Array.isArray(p.d)) return undefined;
  const rest = restoreAnalysis(p.r);
  if (!rest) return undefined;
  rest.mentions = p.m.map(([start, end, type, source, confidence, extras]) => {
    const mention: EntityMention = { start, end, type, text: extras?.t ?? text.slice(start, end), source, confidence };
    if (extras?.ti !== undefined) mention.title = extras.ti;
    if (extras?.r !== undefined) mention.role = extras.r;
    return mention;
  });
  rest.dates = p.d.map(([start, end, value, type, relative, anchor, ownText]) => {
    const date: DateMention = { start, end, text: ownText ?? text.slice(start, end), value, type, relative: relative === 1 };
    if (anchor) date.anchor = anchor;
    return date;
  });
  return rest;
}
