/**
 * Claims: the author's own assertions that judge or explain — evaluative language ("a disaster",
 * "the only hope", "inevitably") or causal language ("because", "as a result", "led to"). A weak
 * cue alone ("important", "clear") is not enough; reported speech is evidence, not a claim.
 */
import type { Span } from '../../types';
import type { DocContext } from '../context';
import { lastNonSpace, splitSpaceCount } from '../../text/whitespace';
import { cueRule } from '../cueWords';

export const STRONG = /\b(?:because|therefore|thus|hence|consequently|as\s+a\s+result|as\s+a\s+consequence|result(?:s|ed)?\s+in|le(?:d|ads)\s+to|caus(?:e|es|ed)|that\s+is\s+why|which\s+is\s+why|this\s+means|means\s+that|amounts?\s+to|reflects?|undermin(?:e|es|ed|ing)|disaster|disastrous|absurd(?:ity)?|inevitabl[ey]|little\s+hope|no\s+guarantee|the\s+only\s+(?:\w+\s+)?(?:hope|way|choice|option|reason)|the\s+real\s+reason|cannot|can\s+only|would\s+(?:be|undermine|shatter|provoke|generate|result|risk|mean)|will\s+(?:not|require|never|inevitably)|(?:un)?likely|(?:im)?plausible|dangerous|failed|failure|worthy|fragile|wishful|negligent|essential|vital|crucial|clearly|obviously|undoubtedly|certainly|surely|in\s+fact|indeed|seems?|appears?)\b/gi;
export const WEAK = /\b(?:important|clear|major|significant(?:ly)?|serious(?:ly)?|key|worse|worsen(?:ed|ing)?|better|best|worst|only|real|growing|deep(?:ly)?|bitter(?:ly)?|increasingly|unprecedented)\b/gi;

/** Every match of STRONG / WEAK contains one of these as a whole word (see `cueWords.ts`). */
export const STRONG_WORDS = cueRule([
  'because', 'therefore', 'thus', 'hence', 'consequently', 'result', 'results', 'resulted', 'consequence', 'led', 'leads', 'cause', 'causes', 'caused',
  'why', 'means', 'amount', 'amounts', 'reflect', 'reflects', 'undermine', 'undermines', 'undermined', 'undermining', 'disaster', 'disastrous', 'absurd',
  'absurdity', 'inevitable', 'inevitably', 'hope', 'guarantee', 'only', 'reason', 'cannot', 'would', 'will', 'likely', 'unlikely', 'plausible', 'implausible',
  'dangerous', 'failed', 'failure', 'worthy', 'fragile', 'wishful', 'negligent', 'essential', 'vital', 'crucial', 'clearly', 'obviously', 'undoubtedly',
  'certainly', 'surely', 'fact', 'indeed', 'seem', 'seems', 'appear', 'appears',
]);
export const WEAK_WORDS = cueRule([
  'important', 'clear', 'major', 'significant', 'significantly', 'serious', 'seriously', 'key', 'worse', 'worsen', 'worsened', 'worsening', 'better', 'best',
  'worst', 'only', 'real', 'growing', 'deep', 'deeply', 'bitter', 'bitterly', 'increasingly', 'unprecedented',
]);

const MAX_SCAN = 4000;

export function claimScore(ctx: DocContext, unit: Span): number {
  const end = Math.min(unit.end, unit.start + MAX_SCAN);
  const strong = ctx.cueWords.mayMatch(STRONG_WORDS, unit.start, end);
  const weak = ctx.cueWords.mayMatch(WEAK_WORDS, unit.start, end);
  if (!strong && !weak) return 0;
  const s = ctx.outside.slice(unit.start, end);
  let score = 0;
  STRONG.lastIndex = 0;
  WEAK.lastIndex = 0;
  if (strong) while (STRONG.exec(s) && score < 20) score += 2;
  if (weak) while (WEAK.exec(s) && score < 20) score += 1;
  return score;
}

export function isClaim(ctx: DocContext, unit: Span): boolean {
  const s = ctx.outside.slice(unit.start, Math.min(unit.end, unit.start + 400));
  if (lastNonSpace(s) === '?' || splitSpaceCount(s, 6) < 6) return false;
  return claimScore(ctx, unit) >= 2;
}
