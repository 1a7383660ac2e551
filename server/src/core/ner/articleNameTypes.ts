/**
 * "al-Gama'a al-Islamiya", "al-Jamaa al-Islamiya": a name of two or more words that each begin with
 * a joined Arabic article is an organization's, not a person's. An Arabic person's name begins with
 * a given name ("Nouri al-Maliki", "Abu Musab al-Zarqawi"); a name written with the article on every
 * word is a noun and its adjective ("the Islamic Group"). Person spans of that form become
 * organizations (source 'rule'). Linear in the number of spans.
 */
import type { TokenSpan } from './consistency';
import { articlePrefixLength } from './spanRepair';
import type { SpanRepairContext } from './spanRepair';

/** Retypes such person spans as organizations. */
export function repairArticleNameTypes(spans: TokenSpan[], ctx: SpanRepairContext): void {
  const org = ctx.orgType ?? 1;
  for (const sp of spans) {
    if (sp.type !== ctx.personType || sp.last === sp.first) continue;
    let all = true;
    for (let k = sp.first; k <= sp.last && all; k++) {
      // (every article begins with "a" or "e": a cheap test before the string one)
      const c = ctx.text.charCodeAt(ctx.tokens.start[k]) | 32;
      all = (c === 97 || c === 101) && articlePrefixLength(ctx.text.slice(ctx.tokens.start[k], Math.min(ctx.tokens.end[k], ctx.tokens.start[k] + 8))) > 0;
    }
    if (!all) continue;
    sp.type = org;
    sp.source = 'rule';
  }
}
