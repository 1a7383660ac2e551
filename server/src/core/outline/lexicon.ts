/**
 * The small closed vocabularies the outline's rules use: reporting verbs, the nouns that name a
 * speaker or a source, pronouns, prepositions. General English, not tied to any article.
 */

const words = (s: string): Set<string> => new Set(s.trim().split(/\s+/));

/** Finite reporting verbs: "X said", "said X", "X wrote in …", "what he calls …". */
export const SPEECH_VERBS = words(`
  said says say told tells tell added adds declared declares stated states warned warns wrote writes
  argued argues argue noted notes insisted insists explained explains claimed claims claim commented
  announced announces acknowledged acknowledges admitted admits conceded concedes urged urges vowed vows
  pledged pledges promised promises denied denies stressed stresses emphasized emphasised emphasizes
  emphasises observed observes remarked remarks replied replies responded responds asked asks continued
  concluded concludes predicted predicts suggested suggests testified reported reports tweeted posted
  recommends recommended recommend calls called describes described dubbed labelled labeled termed branded
  charged alleged alleges complained complains recalled recalls cautioned cautions boasted quipped
  proclaimed proclaims agreed countered contended contends asserted asserts demanded demands confirmed
  confirms revealed reveals threatened threatens denounced denounces accused accuses indicated indicates
  maintains mused explained shouted wrote insist insisted write commented comments
`);

/** Reporting participles: "…, saying …" — the speaker is the clause's subject. */
export const SPEECH_PARTICIPLES = words(`
  saying stating adding warning noting arguing insisting claiming declaring threatening explaining
  calling telling writing asking urging describing accusing denouncing pledging vowing promising
  stressing emphasizing emphasising acknowledging admitting conceding suggesting predicting complaining
  recalling cautioning proclaiming asserting demanding confirming revealing
`);

/** Reporting verbs that are also common nouns: they need a clear subject right before them. */
export const NOUN_LIKE_VERBS = words('calls claims claim reports states notes comments demands remarks promises threatens');

/** Nouns that name a person who can speak: "a senior administration official". */
export const PERSON_NOUNS = words(`
  official officials spokesman spokeswoman spokesperson spokesmen source sources diplomat diplomats aide aides
  adviser advisers advisor advisors analyst analysts expert experts observer observers critic critics
  commander commanders general generals officer officers lawmaker lawmakers legislator legislators senator
  senators minister ministers ambassador ambassadors envoy envoys leader leaders president chairman chairwoman
  director secretary resident residents witness witnesses man woman men women people person cleric clerics
  activist activists researcher researchers scholar scholars professor economist economists strategist
  negotiator negotiators representative representatives delegate delegates member members governor mayor
  candidate chief chiefs head officer soldier soldiers fighter fighters militant militants insurgent insurgents
  student students worker workers farmer farmers doctor doctors lawyer lawyers prosecutor judge journalist
  journalists reporter reporters correspondent editor author authors columnist fellow colleague colleagues
  supporter supporters opponent opponents ally allies protester protesters demonstrators voter voters citizen
  citizens ruler king queen prince sheikh imam mullah ayatollah pope bishop forces troops countries nations
  allies policymakers governments
`);

/** Nouns that name a written or institutional source: "a statement said", "the newspaper reported". */
export const SOURCE_NOUNS = words(`
  statement statements report reports newspaper newspapers paper daily weekly magazine agency agencies
  broadcaster network website memo memorandum letter communique document documents poll polls survey surveys
  study studies analysis review ministry government administration embassy military army police spokesman's
  court commission committee council office department group movement party campaign organization
  organisation coalition alliance union press media outlet editorial
`);

/** Plural speaker nouns: antecedents for "they". */
export function isPluralNoun(lower: string): boolean {
  return lower.endsWith('s') && !lower.endsWith('ss') && lower !== 'press' && lower !== 'chairwoman';
}

export const PRONOUN_SPEAKERS = words('he she they we i');

/** Adverbs and auxiliaries allowed between a subject and its verb: "Maliki has repeatedly said". */
export const BETWEEN_SUBJECT_AND_VERB = words(`
  has had have was were is are also later then previously recently reportedly again once repeatedly already
  further separately publicly privately earlier still often frequently subsequently first initially
  simply flatly bluntly quickly immediately himself herself themselves itself would will did does do
  yesterday today now just since never also even long later once again not
`);

export const PREPOSITIONS = words(`
  in on at by with from to for of about after before during under over between against into onto upon
  among amid through across toward towards within without behind beyond near like via per than including
  despite since until unlike
`);

/** Lowercase words that end a noun phrase (function words, common verbs and conjunctions). */
export const NP_STOP = words(`
  that which who whom whose what when where why how and or but nor so yet if because while although though
  as is was were are be been being has had have do does did not no never also said says told will would
  can could may might must should shall to in on at by with from into about after before during under over
  between against than then there here it its this these those they them their he him his she her we us our
  i me my you your very just only even
`);

export const DETERMINERS = words('a an the this that these those some one two three several many few his her their its our');

/** First names that are usually women's: used only to prefer "she" antecedents. */
export const FEMALE_FIRST_NAMES = words(`
  hillary condoleezza nancy madeleine angela theresa margaret elizabeth mary patricia jennifer linda barbara
  susan jessica sarah karen lisa michelle kamala nikki samantha susan janet christine ursula golda benazir
  indira sonia aung kathleen ann anne jane julia laura emily emma olivia sophia maria ana anna helen ruth
  carol sharon donna cynthia amy rebecca rachel deborah dianne diane dana kay tammy kirsten elise ilhan
  alexandria tulsi marsha lindsey valerie victoria
`);

export const FEMALE_CUES = words('ms mrs miss madam queen princess spokeswoman chairwoman congresswoman businesswoman she her woman');

function alternation(set: Set<string>): string {
  return [...set].sort((a, b) => b.length - a.length).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
}

/** Finds candidate reporting words in running text (lowercase, whole words) without tokenizing it all. */
export const SPEECH_WORD_RE = new RegExp(`(?<![\\p{L}\\p{N}'’-])(?:according\\s+to|${alternation(SPEECH_VERBS)}|${alternation(SPEECH_PARTICIPLES)})(?![\\p{L}\\p{N}'’-])`, 'gu');

/** Finds lowercase person nouns in running text. */
export const PERSON_NOUN_RE = new RegExp(`(?<![\\p{L}\\p{N}'’-])(?:${alternation(PERSON_NOUNS)})(?![\\p{L}\\p{N}-])`, 'gu');

/** Verbs that open an imperative proposal in a list ("1. Press Maliki to …", "- Expand training"). */
export const IMPERATIVE_VERBS = words(`
  press urge negotiate emphasize emphasise establish create expand reduce increase end stop support provide
  ensure build strengthen invest reform require ban allow fund train withdraw deploy redeploy engage open close
  set make give take hold launch develop adopt implement enforce protect restore promote encourage help work
  use appoint include limit cut raise demand insist offer seek pursue maintain keep continue start begin avoid
  prevent reject accept recognize recognise consider review focus prioritize prioritise coordinate cooperate
  talk tell ask convene announce designate expel sanction impose lift release share partner rebuild repair
  integrate disband disarm demobilize demobilise purge vet equip bolster boost accelerate delay postpone freeze
  halt resume reopen reach draw shift transfer hand return bring send replace remove retain reinforce improve
  hire fire pass repeal amend extend shorten simplify streamline target tackle address resolve settle mediate
  monitor measure audit publish disclose reward punish tax subsidize subsidise cap double triple
`);
