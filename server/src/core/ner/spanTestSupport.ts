/**
 * Test support for the span rules: token spans over a text as the tagger might give them, with the
 * repair context the rules read. (Test-only; not used by the recognizer.)
 */
import { loadNerModel } from '../../nerModelFile';
import { tokenize } from '../text/tokenize';
import type { TokenSpan } from './consistency';
import { allocTokenHashes, computeTokenHashes } from './tokenHashes';
import type { SpanRepairContext } from './spanRepair';

const model = loadNerModel();
export const [PER, ORG, LOC, MISC] = [0, 1, 2, 3];

export interface SpanSetup {
  spans: TokenSpan[];
  ctx: SpanRepairContext;
  /** "type:surface" per span, with "*" after the type when a rule set it. */
  show: () => string[];
}

/** `names` are [surface, type, confidence] in text order. */
export function spanSetup(text: string, names: Array<[string, number, number]>): SpanSetup {
  const tokens = tokenize(text);
  const hashes = allocTokenHashes(tokens.count);
  computeTokenHashes(text, tokens, model.gazetteer, hashes);
  const spans: TokenSpan[] = [];
  let from = 0;
  for (const [surface, type, confidence] of names) {
    const start = text.indexOf(surface, from);
    const end = start + surface.length;
    let first = -1;
    let last = -1;
    for (let k = 0; k < tokens.count; k++) {
      if (tokens.start[k] === start) first = k;
      if (tokens.end[k] === end) last = k;
    }
    if (start < 0 || first < 0 || last < 0) throw new Error(`no tokens for ${surface}`);
    spans.push({ first, last, type, confidence, source: 'model' });
    from = end;
  }
  const ctx: SpanRepairContext = { text, tokens, hashes, personType: PER, miscType: MISC, orgType: ORG, locType: LOC };
  const show = (): string[] => spans.map((sp) => `${sp.type}${sp.source === 'rule' ? '*' : ''}:${text.slice(tokens.start[sp.first], tokens.end[sp.last])}`);
  return { spans, ctx, show };
}
