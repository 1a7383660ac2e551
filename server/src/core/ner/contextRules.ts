/**
 * The order of the type and span rules that read the words around the tagger's names, after the
 * boundary repairs (spanRepair.ts) and before the groups and document consistency (recognizer.ts).
 * Each rule is general English news usage, measured on CoNLL dev and train (see its file):
 *  0. quotedNicknames: 'Roberto " Hands of Stone " Duran' is one person;
 *  1. titleSpans: "US National Security Adviser <person>" → the country alone; "Emperor of Brazil" → "Brazil";
 *  2. personNameTypes: unsure organizations/places made of name words with a given name, and the
 *     ruler after "the regime of", are persons;
 *  3. toponymTypes: "on Capitol Hill" is a place; toldObjectTypes: "told the Sun" is an organization;
 *  4. articleNameTypes: "al-Gama'a al-Islamiya" is an organization;
 *  5. otherClassTypes: "al-Qaeda and other terrorist groups" takes the class's type;
 *  6. modifierSurnames: "the Bush administration" holds a person;
 *  7. parenthesizedSources: "a follow-up meeting (Bloomberg) is expected": a cited name;
 *     countryModifiers: "the US command" holds the place, "the US Embassy" is an organization;
 *     followerNames: "the Sadrist movement" is an organization;
 *  8. workTitles: "his book Imbalance of Power" is a work, not an actor (last of the retypings, so
 *     nothing inside a title is retyped after it);
 *  9. ruleRepeats: a one-word name a rule typed gives its type to the same word's MISC mentions.
 * Later rules see earlier ones' types (a person found by 2 is a known person for 6).
 */
import type { TokenSpan } from './consistency';
import type { Gazetteer } from './gazetteer';
import { repairArticleNameTypes } from './articleNameTypes';
import { repairModifierSurnames } from './modifierSurnames';
import { repairOtherClassTypes } from './otherClassTypes';
import { repairPersonNameTypes, repairRulerTypes } from './personNameTypes';
import { retypeMiscRepeats } from './ruleRepeats';
import type { SpanRepairContext } from './spanRepair';
import { repairRulerOfPlaceSpans, repairTitleSpans } from './titleSpans';
import { repairToponymTypes } from './toponymTypes';
import { joinQuotedNicknames } from './quotedNicknames';
import { repairToldObjectTypes } from './toldObjectTypes';
import { repairWorkTitles } from './workTitles';
import { findParenthesizedSources } from './parenthesizedSources';
import { findCountryModifiers } from './countryModifiers';
import { findMovementNames } from './followerNames';

/** Applies the rules in order; returns the spans (sorted by first token; some may be added). */
export function applyContextRules(spans0: TokenSpan[], ctx: SpanRepairContext, gazetteer: Gazetteer | null, countryCodes: ReadonlySet<string>): TokenSpan[] {
  const input = joinQuotedNicknames(spans0, ctx);
  repairTitleSpans(input, ctx, countryCodes);
  repairRulerOfPlaceSpans(input, ctx);
  repairPersonNameTypes(input, ctx);
  repairRulerTypes(input, ctx);
  repairToponymTypes(input, ctx);
  repairToldObjectTypes(input, ctx);
  repairArticleNameTypes(input, ctx);
  repairOtherClassTypes(input, ctx);
  const spans = findMovementNames(findCountryModifiers(findParenthesizedSources(repairModifierSurnames(input, ctx, gazetteer), ctx), ctx, countryCodes), ctx);
  repairWorkTitles(spans, ctx);
  retypeMiscRepeats(spans, ctx);
  return spans;
}
