/** Test support for the date rules: runs one rule at a word and prints "matched text=value". */
import { makeContext, type RuleMatch, type ScanContext } from './context';
import { tokenize } from './tokenize';

export type Rule = (c: ScanContext, i: number) => RuleMatch | undefined;

export function ruleAt(rule: Rule, text: string, word: string, dct: string): string | undefined {
  const [y, m, d] = dct.split('-').map(Number);
  const ctx = makeContext(text, tokenize(text), { y, m, d });
  const i = ctx.tokens.findIndex((t) => t.text === word);
  const r = rule(ctx, i);
  if (!r) return undefined;
  return `${text.slice(ctx.tokens[r.start].start, ctx.tokens[r.end - 1].end)}=${r.value}`;
}
