/**
 * A one-word name a rule typed (source 'rule': "al-Qaeda and other terrorist groups" → organization)
 * gives its type to the same word's one-word MISC mentions elsewhere in the document ("a base for
 * al-Qaeda"), which document consistency leaves alone (it relabels only the reported types). Other
 * types are not changed here (consistency.ts relabels the less sure ones). Linear in the number of spans.
 */
import type { TokenSpan } from './consistency';
import type { SpanRepairContext } from './spanRepair';

export function retypeMiscRepeats(spans: TokenSpan[], ctx: SpanRepairContext): void {
  let typed: Map<number, number> | undefined;
  for (const sp of spans) {
    if (sp.source !== 'rule' || sp.first !== sp.last || sp.type === ctx.miscType || sp.type >= 100) continue;
    typed ??= new Map();
    const w = ctx.hashes.word[sp.first];
    const had = typed.get(w);
    typed.set(w, had === undefined || had === sp.type ? sp.type : -1); // rules disagreeing: neither
  }
  if (!typed) return;
  for (const sp of spans) {
    if (sp.type !== ctx.miscType || sp.first !== sp.last) continue;
    const t = typed.get(ctx.hashes.word[sp.first]);
    if (t === undefined || t < 0) continue;
    sp.type = t;
    sp.source = 'rule';
  }
}
