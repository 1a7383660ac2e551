import { type RuleMatch, type ScanContext } from './context';
export function reanchorReportedSpeech(_ctx: ScanContext, matches: RuleMatch[]): RuleMatch[] {
  return matches;
}
