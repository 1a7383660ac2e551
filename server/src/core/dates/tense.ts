/**
 * Which way in time a clause points, from the verbs around a date mention: "said on Tuesday" points
 * to the past, "will meet on Tuesday" to the future. The nearest cue wins (left side first, then the
 * right side), within the sentence. Returns undefined when nothing in reach signals a tense.
 */
import { NUMBER_WORDS } from './lexicon';
import type { Token } from './tokenize';

export type Direction = 'past' | 'future';

const FUTURE_WORDS: ReadonlySet<string> = new Set([
  'will', 'shall', "won't", 'wont', 'would', 'scheduled',
  'schedule', 'expected', 'expects', 'expect', 'due', 'upcoming', 'coming', 'intends', 'intend', 'hopes',
  'aims', 'begins', 'starts', 'opens', 'meets', 'arrives', 'leaves', 'travels', 'visits', 'heads',
  'tomorrow', 'next', 'soon',
  // Present tenses that schedule: "the offer expires Friday", "talks resume Monday".
  'expires', 'expire', 'resumes', 'resume', 'reconvenes', 'reconvene', 'convenes', 'convene', 'ends', 'returns',
  'departs', 'concludes',
]);

/** Verbs of awaiting: their object lies ahead ("the market is awaiting Friday's jobs report"). */
const AWAIT_WORDS: ReadonlySet<string> = new Set(['await', 'awaits', 'awaiting']);

/** Words after which "coming" is a gerund ("since coming off the list"), not "the coming week". */
const GERUND_BEFORE: ReadonlySet<string> = new Set(['since', 'after', 'before', 'on', 'upon', 'from', 'without', 'by', 'of', 'for', 'while', 'when']);

/** Modals that point ahead unless a perfect follows them. */
const FORWARD_MODALS: ReadonlySet<string> = new Set(['should', 'may', 'might', 'must']);

const PAST_WORDS: ReadonlySet<string> = new Set([
  'was', 'were', 'had', 'did', 'said', 'told', 'came', 'went', 'met', 'took', 'made', 'gave', 'began', 'left',
  'held', 'fell', 'rose', 'sold', 'bought', 'won', 'lost', 'got', 'saw', 'became', 'ran', 'spoke', 'wrote',
  'led', 'found', 'brought', 'sent', 'struck', 'hit', 'shot', 'put', 'set', 'quit', 'cut', 'paid', 'kept',
  'thought', 'felt', 'knew', 'grew', 'drew', 'threw', 'flew', 'broke', 'chose', 'rode', 'stood', 'sat', 'fled',
  'fought', 'caught', 'taught', 'sought', 'ago', 'yesterday', 'last', 'earlier', 'already', 'ended', 'closed',
  'since', 'former', 'previously', 'late', 'died', 'wasn\'t', 'weren\'t', 'didn\'t', 'hadn\'t', 'been',
  // More irregular past forms news uses ("underwent surgery on Monday", "withdrew on Friday").
  'underwent', 'withdrew', 'undertook', 'overcame', 'overtook', 'overran', 'overthrew', 'upheld', 'withheld',
  'withstood', 'swore', 'shook', 'sank', 'swam', 'spent', 'built', 'heard', 'dealt', 'dug', 'hung', 'froze',
  'stole', 'swept', 'swung', 'sprang', 'arose', 'awoke', 'woke', 'forgave', 'foresaw', 'forbade', 'forgot',
  'mistook', 'rebuilt', 'rewrote', 'slept', 'meant', 'lent', 'bled', 'tore', 'wore', 'bore', 'hid', 'slid',
]);

// Words ending in -ed that are not past-tense verbs.
const NOT_PAST_ED: ReadonlySet<string> = new Set([
  'need', 'speed', 'indeed', 'red', 'bed', 'hundred', 'seed', 'feed', 'breed', 'deed', 'greed', 'shed', 'fed',
  'united', 'limited', 'scheduled', 'expected', 'planned', 'proposed', 'armed', 'based', 'related', 'ted', 'ned',
  'ahmed', 'mohammed', 'muhammad', 'red', 'sled', 'wed', 'naked', 'wicked', 'sacred', 'kindred',
]);

/** Words that, followed by "to", announce something still ahead ("plans to", "is due to", "was set to"). */
const INTENT_BEFORE_TO: ReadonlySet<string> = new Set([
  'set', 'poised', 'about', 'plan', 'plans', 'planned', 'planning', 'scheduled', 'expected', 'due', 'intend',
  'intends', 'intended', 'going', 'slated',
]);

/** Past-pointing words that are not participles: never part of a passive. */
const NOT_PARTICIPLES: ReadonlySet<string> = new Set([
  'was', 'were', 'had', 'did', 'ago', 'yesterday', 'last', 'earlier', 'already', 'since', 'former', 'previously', 'late',
  "wasn't", "weren't", "didn't", "hadn't", 'been',
]);

const DETERMINERS: ReadonlySet<string> = new Set([
  'a', 'an', 'the', 'its', 'their', 'his', 'her', 'our', 'your', 'this', 'that', 'these', 'those', 'some', 'any', 'no',
  'each', 'every',
]);
const DEGREE_ADVERBS: ReadonlySet<string> = new Set(['still', 'yet', 'so', 'very', 'much', 'well', 'long', 'not', 'once', 'now']);

const COMMITMENT: ReadonlySet<string> = new Set(['promised', 'vowed', 'pledged', 'threatened']);
const SCHEDULE_S: ReadonlySet<string> = new Set([
  'begins', 'starts', 'opens', 'meets', 'arrives', 'leaves', 'travels', 'visits', 'heads', 'expires', 'resumes',
  'reconvenes', 'convenes', 'ends', 'returns', 'departs', 'concludes', 'hopes', 'aims', 'intends',
]);
/**
 * Present -s forms that, like those above, schedule an event when they stand close before a date
 * (NEAR_REACH: "the Senate votes Tuesday", "the court hears arguments Wednesday", "the match kicks off
 * Saturday"): news writes what already happened in the past tense. Forms that are as often nouns
 * ("reports", "talks", "plays", "rules") are left out; a determiner or a number before a form still
 * makes it a noun ("the votes", "three votes").
 */
const PRESENT_S_SCHEDULE: ReadonlySet<string> = new Set([
  'goes', 'votes', 'holds', 'hosts', 'hears', 'kicks', 'reopens', 'flies', 'unveils', 'celebrates', 'debates',
  'decides', 'attends', 'launches', 'gathers', 'marches', 'tees', 'wraps', 'welcomes', 'receives', 'continues', 'faces',
]);
/**
 * Plain present forms that schedule when a subject precedes them: "Arafat and Netanyahu meet
 * Monday", "talks resume Friday". After "to", "did", "not" or "could" the form is no tense of its own.
 */
const SCHEDULE_BARE: ReadonlySet<string> = new Set([
  'meet', 'arrive', 'depart', 'convene', 'reconvene', 'resume', 'expire', 'begin', 'travel', 'fly',
]);
/**
 * Plain present forms that schedule only when they stand close before the date (NEAR_REACH): "voters
 * go to the polls Sunday", "the two teams play Saturday", "schools reopen Monday", "the new rules come
 * into force Monday", "United host Blackburn on Sunday". Farther off they are as often habits ("the
 * communities visit frequently, … races in the winter").
 */
const NEAR_BARE: ReadonlySet<string> = new Set([
  'go', 'play', 'vote', 'reopen', 'come', 'gather', 'debate', 'hold', 'host', 'visit', 'celebrate', 'continue', 'face',
]);
/** Forms of "be" that make a present progressive ("negotiators are meeting Friday"). */
const PRESENT_BE: ReadonlySet<string> = new Set(['is', 'are', "'re", 'am']);
/** How many tokens before a date a present tense of nearPresentSchedule may stand and still schedule it. */
const NEAR_REACH = 6;
/** Adverbs between "be" and its -ing form: "are also meeting", "is still planning". */
const PROGRESSIVE_ADVERBS: ReadonlySet<string> = new Set(['also', 'still', 'now', 'again', 'only']);
const NOT_A_TENSE_BEFORE: ReadonlySet<string> = new Set([
  'to', 'did', "didn't", 'didn\u2019t', 'not', "n't", 'could', "couldn't", 'never', 'cannot', "can't", 'might', 'may',
  'must', 'should', 'would', 'can', 'will', 'shall', 'let', 'help', 'make', 'made', 'saw', 'see', 'watch', 'watched',
]);
const PLURAL_PRONOUNS: ReadonlySet<string> = new Set(['they', 'we', 'you', 'i', 'both', 'leaders', 'sides']);
const BE_FORMS: ReadonlySet<string> = new Set(['is', 'are', 'was', 'were', 'be', 'been', "'s", 'am', 'being']);

const PAST_INTENT: ReadonlySet<string> = new Set(['planned', 'intended']);
/** Past forms that are also the plain verb ("hit", "put", "set"): after a modal or "to" they are no past. */
const SAME_AS_PLAIN: ReadonlySet<string> = new Set(['hit', 'put', 'set', 'cut', 'quit', 'let', 'cast', 'shut', 'spread', 'hurt', 'cost', 'read', 'beat', 'bet', 'split']);
/** Do-support: "did not set", "does hit". */
const DO_SUPPORT: ReadonlySet<string> = new Set(['did', 'does', 'do', 'not', "n't", "didn't", "doesn't", "don't"]);

// Linking verbs in the present or plain form count too: "will stay closed until Thursday", "remains
// closed" ("remained closed" is past by "remained" itself).
const PASSIVE_AUX: ReadonlySet<string> = new Set([
  'be', 'been', 'being', 'is', 'are', 'am', "'s", 'stay', 'stays', 'remain', 'remains', 'get', 'gets',
]);
/** Words after "could" that make it a past (in)ability, not a possibility ahead. */
const COULD_PAST_NEXT: ReadonlySet<string> = new Set(['not', "n't", 'have', "'ve", 'be', 'been', 'never', 'only', 'see', 'hear', 'feel']);
// "could be located Wednesday" reports a past (in)ability: "could" is not a future modal here.
const MODAL: ReadonlySet<string> = new Set(['to', 'can', 'will', 'would', 'may', 'might', 'must', 'should', 'shall']);

/**
 * Token k is a modal (or "to") before a verb. A capitalised "May" after a lowercase word or a number is
 * the month ("fighting in April and May killed hundreds", "on 5 May signed"): a modal is capitalised
 * only where a sentence or a headline word starts.
 */
function isModal(tokens: readonly Token[], k: number): boolean {
  if (k < 0 || k >= tokens.length || !MODAL.has(tokens[k].lower)) return false;
  return !(tokens[k].text === 'May' && k > 0 && isMonthMayContext(tokens[k - 1]));
}
function isMonthMayContext(prev: Token): boolean {
  return prev.kind === 'num' || (prev.kind === 'word' && prev.text[0] === prev.lower[0]);
}

function cue(tokens: readonly Token[], i: number, after = false): Direction | undefined {
  const tok = tokens[i];
  const w = tok.lower;
  if (tok.kind !== 'word') return undefined;
  const nx = i + 1 < tokens.length ? tokens[i + 1].lower : '';
  // An intention or a schedule points ahead whatever its own tense: "planned to leave on Thursday".
  // After the date, a past intention dates the planning itself: "On Friday, the government planned to …".
  // "due to" after no form of "be" is "because of": "postponed due to rain".
  if (w === 'due' && nx === 'to' && !BE_FORMS.has(i > 0 ? tokens[i - 1].lower : '')) return undefined;
  if (INTENT_BEFORE_TO.has(w) && nx === 'to') return after && PAST_INTENT.has(w) ? 'past' : 'future';
  // "is to arrive Monday", "are to meet in May": a scheduled event.
  if ((w === 'is' || w === 'are') && nx === 'to') return 'future';
  // "the law takes effect Jan. 1": a present tense that schedules.
  if ((w === 'takes' || w === 'take') && nx === 'effect') return 'future';
  // "the hearing is set for Friday", "the summit is slated for Tuesday", "the strike is planned for
  // November" ("was planned for" may tell of a plan already carried out).
  if ((w === 'set' || w === 'slated') && nx === 'for') return 'future';
  if (w === 'planned' && nx === 'for' && i > 0 && PRESENT_BE.has(tokens[i - 1].lower)) return 'future';
  // "next to the embassy" is a place, not a time.
  if (w === 'next' && nx === 'to') return undefined;
  if (w === 'early' && nx === 'as' && i > 0 && tokens[i - 1].lower === 'as') return 'future';
  if (w === 'ahead' && nx === 'of') return 'future';
  if (w.endsWith("'ll") || w.endsWith('\u2019ll')) return 'future';
  // Verbs of commitment are past forms; only what follows their "to" lies ahead: "vowed Monday to fight".
  if (COMMITMENT.has(w)) return !after && nx === 'to' ? 'future' : 'past';
  // A schedule verb in -s is a noun after a determiner or before "of": "heads of state", "the visits".
  // "the next day" tells the story's own sequence, not the future.
  if (w === 'next' && i > 0 && tokens[i - 1].lower === 'the') return undefined;
  if (SCHEDULE_S.has(w) && i > 0 && (nx === 'of' || DETERMINERS.has(tokens[i - 1].lower) || tokens[i - 1].lower === "'s")) return undefined;
  // "since coming off the list on August 6", "after coming home": a gerund, no time ahead.
  if (w === 'coming' && i > 0 && GERUND_BEFORE.has(tokens[i - 1].lower)) return undefined;
  // "lower than expected June output", "as expected": a comparison with a forecast, no time ahead.
  if ((w === 'expected' || w === 'scheduled') && i > 0 && (tokens[i - 1].lower === 'than' || tokens[i - 1].lower === 'as')) return undefined;
  if (FUTURE_WORDS.has(w)) return 'future';
  // "waiting for Friday's report", "awaiting Monday's vote": what is awaited lies ahead.
  if (AWAIT_WORDS.has(w) && !after) return 'future';
  if ((w === 'waiting' || w === 'wait' || w === 'waits') && nx === 'for' && !after) return 'future';
  // A condition opening a clause with no past form after it: "If he loses Saturday, …".
  if ((w === 'if' || w === 'unless') && !after && (i === 0 || tokens[i - 1].kind === 'punct')) return 'future';
  // Before the date, "the rain should cease by Saturday", "may meet Friday" point ahead, unless a
  // perfect follows ("should have filed by Friday", "may have left on Monday"). After the date a modal
  // tells of something else ("Pivotal, a winner in June, may now be aimed at …"); "May" is the month.
  if (FORWARD_MODALS.has(w) && !after && tok.text === w) {
    const k = nx === 'not' || nx === "n't" ? i + 2 : i + 1;
    const v = k < tokens.length ? tokens[k].lower : '';
    return v === 'have' || v === "'ve" || v === 'been' ? undefined : 'future';
  }
  // "the vote could come Friday", "the storm could hit Saturday" point ahead; "could not locate him
  // Monday", "could be located Wednesday", "could have left" tell of a past (in)ability.
  if (w === 'could' && !after && tok.text === w && /^[a-z]+$/.test(nx) && !COULD_PAST_NEXT.has(nx)) return 'future';
  if (SCHEDULE_BARE.has(w) && i > 0) {
    const p = tokens[i - 1].lower;
    if (NOT_A_TENSE_BEFORE.has(p) || DETERMINERS.has(p) || p === "'s") return undefined;
    // A subject before it: a pronoun, a name or a plural ("Arafat meet", "talks resume"), not a
    // noun compound ("the track meet").
    const prev = tokens[i - 1];
    const subject = PLURAL_PRONOUNS.has(p) || (prev.kind === 'word' && (/^[A-Z]/.test(prev.text) || (p.length > 3 && p.endsWith('s') && !p.endsWith('ss'))));
    return subject ? 'future' : undefined;
  }
  // "late" points back as "the late president", "his late wife"; without a determiner it is a
  // modifier of the time after it ("will arrive late Friday", "due in late May").
  if (w === 'late' && !(i > 0 && (DETERMINERS.has(tokens[i - 1].lower) || tokens[i - 1].lower === "'s"))) return undefined;
  if (PAST_WORDS.has(w)) {
    // An irregular participle after "be" is a passive, timed by what precedes it: "would be paid".
    const p = i > 0 ? tokens[i - 1].lower : '';
    // "will hit the road", "to cut costs", "did not set": a form that is also the plain verb is no
    // past after a modal, "to" or do-support; the modal itself is the cue.
    if (SAME_AS_PLAIN.has(w) && (isModal(tokens, i - 1) || DO_SUPPORT.has(p))) return undefined;
    // "last" after "to", a modal or do-support is the verb ("is expected to last until the summer",
    // "will last through May"), no sign of the past.
    if (w === 'last' && (isModal(tokens, i - 1) || DO_SUPPORT.has(p) || p === 'could')) return undefined;
    // "the storm could hit on Saturday": after "could" a form that is also the plain verb is no past.
    if (SAME_AS_PLAIN.has(w) && p === 'could') return undefined;
    if (PASSIVE_AUX.has(p) && !NOT_PARTICIPLES.has(w)) {
      const pp = i > 1 ? tokens[i - 2].lower : '';
      return isModal(tokens, i - 2) ? 'future' : undefined;
    }
    return 'past';
  }
  // "IMF-hosted", "state-owned": an -ed word joined by a hyphen to the word before is an adjective.
  if (w.endsWith('ed') && i > 1 && tokens[i - 1].text === '-' && tokens[i - 1].start === tokens[i - 2].end && tokens[i - 1].end === tok.start) return undefined;
  if (w.length > 4 && w.endsWith('ed') && !NOT_PAST_ED.has(w) && tok.text[0] === w[0]) {
    // "can be exercised", "is expected": a participle after an auxiliary is not a past tense.
    const p = i > 0 ? tokens[i - 1].lower : '';
    const pp = i > 1 ? tokens[i - 2].lower : '';
    if (PASSIVE_AUX.has(p)) return isModal(tokens, i - 2) ? 'future' : undefined;
    // An attributive participle is an adjective: "a still unspecified date", "the proposed merger".
    if (DETERMINERS.has(p) || (DETERMINERS.has(pp) && (p.endsWith('ly') || DEGREE_ADVERBS.has(p)))) return undefined;
    if (isModal(tokens, i - 1)) return 'future';
    return 'past';
  }
  return undefined;
}

/**
 * A present tense standing close to a date that schedules it (see NEAR_REACH): a present progressive
 * ("negotiators are meeting Friday"; "was meeting" is past by "was"), an -s form of PRESENT_S_SCHEDULE
 * or, after a subject, a plain form of NEAR_BARE.
 */
function nearPresentSchedule(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i];
  const w = t.lower;
  if (t.kind !== 'word') return false;
  if (PRESENT_BE.has(w)) return isProgressiveAfter(tokens, i);
  if (i === 0) return false;
  const prev = tokens[i - 1];
  const p = prev.lower;
  if (DETERMINERS.has(p) || p === "'s" || NOT_A_TENSE_BEFORE.has(p) || prev.kind === 'num' || NUMBER_WORDS.has(p)) return false;
  if (i + 1 < tokens.length && tokens[i + 1].lower === 'of') return false;
  if (PRESENT_S_SCHEDULE.has(w)) return true;
  if (!NEAR_BARE.has(w)) return false;
  return PLURAL_PRONOUNS.has(p) || (prev.kind === 'word' && (/^[A-Z]/.test(prev.text) || (p.length > 3 && p.endsWith('s') && !p.endsWith('ss'))));
}

/** True when a present -ing form follows the form of "be" at i (one adverb between them at most), not "being". */
function isProgressiveAfter(tokens: readonly Token[], i: number): boolean {
  let k = i + 1;
  if (k < tokens.length && PROGRESSIVE_ADVERBS.has(tokens[k].lower)) k++;
  if (k >= tokens.length) return false;
  const v = tokens[k];
  return v.kind === 'word' && v.lower.length > 5 && v.lower.endsWith('ing') && v.lower !== 'being' && v.text[0] === v.lower[0];
}

/** True when token i is itself a past-tense verb form ("expired", "died", "was"), not a participle of a passive or future. */
export function isPastVerb(tokens: readonly Token[], i: number): boolean {
  return i >= 0 && i < tokens.length && cue(tokens, i, true) === 'past';
}

/**
 * Direction of the clause around tokens [from, to). `lo`/`hi` bound the sentence (token indices).
 */
export function clauseDirection(tokens: readonly Token[], from: number, to: number, lo: number, hi: number): Direction | undefined {
  // A quotation is its own discourse: cues are not read across a quotation mark (the verb of saying
  // outside a quote dates the saying, not what the quote talks about).
  let lo2 = Math.max(lo, from - 40);
  let hi2 = Math.min(hi, to + 40);
  for (let i = from - 1; i >= lo2; i--) {
    if (isQuoteMark(tokens, i)) {
      // A few quoted words (an "important announcement") are a phrase of the sentence, not a quotation.
      const open = scareQuoteOpenBefore(tokens, i, lo2);
      if (open >= 0) {
        i = open;
        continue;
      }
      lo2 = i + 1;
      break;
    }
  }
  for (let i = to; i < hi2; i++) {
    // A clause the date's own clause governs ("a comment on Friday that he would chase …") tells its
    // own time: its verbs do not date the day, nor do a quotation's.
    if (isQuoteMark(tokens, i) || isComplementizer(tokens, i)) {
      hi2 = i;
      break;
    }
  }
  // A date that is the subject of a modal ("said September 11 could be set for the debate", "Friday
  // would be the deadline") takes its time from that modal, not from the verb of saying before it.
  if (to < hi2 && isModalAfterDate(tokens, from, to)) return 'future';
  const left = Math.max(lo2, from - 10);
  for (let i = from - 1; i >= left; i--) {
    if (forecastOf(tokens, i, from)) return 'future';
    const c = cue(tokens, i);
    if (c) return c;
    // A present tense right before the date arranges what lies ahead: "negotiators are meeting
    // Friday", "the Senate votes Tuesday" ("is being held since Friday" meets "since" first). Farther
    // off it is a state that goes on ("is continuing to try to sell itself under a June agreement").
    if (from - i <= NEAR_REACH && nearPresentSchedule(tokens, i)) return 'future';
  }
  const right = Math.min(hi2, to + 8);
  for (let i = to; i < right; i++) {
    const c = cue(tokens, i, true);
    if (c) return c;
    // A fronted date before a scheduling present: "On Sunday, voters go to the polls". Not a progressive
    // there ("In January, the company is cutting jobs" tells of what goes on).
    if (i - to < NEAR_REACH && !PRESENT_BE.has(tokens[i].lower) && nearPresentSchedule(tokens, i)) return 'future';
  }
  // Farther left in the sentence (bounded, so a 1 MB single-line "sentence" stays linear).
  for (let i = left - 1; i >= lo2; i--) {
    if (forecastOf(tokens, i, from)) return 'future';
    const c = cue(tokens, i);
    if (c) return c;
  }
  // Farther right: a fronted date ("On Tuesday, the league plans to …") precedes a long subject.
  for (let i = right; i < hi2; i++) {
    const c = cue(tokens, i, true);
    if (c) return c;
  }
  return undefined;
}

/** Verbs of forecasting: what they forecast lies ahead ("he forecast a rise of 4.9 percent in Q4"). */
const FORECAST_WORDS: ReadonlySet<string> = new Set(['forecast', 'forecasts', 'forecasting', 'predict', 'predicts', 'predicted', 'predicting']);

/**
 * A forecast at i whose object holds the date at `from`: at least two words between them. Right
 * before the date ("predicted Wednesday", "forecast on Tuesday") the date tells when it was made.
 */
function forecastOf(tokens: readonly Token[], i: number, from: number): boolean {
  return from - i > 2 && FORECAST_WORDS.has(tokens[i].lower);
}

/** Modals that, right after a date, make it their subject and point ahead. */
const SUBJECT_MODALS: ReadonlySet<string> = new Set(['will', 'would', 'could', 'should', 'might', 'shall', 'may']);

/** Prepositions before a date that make it an adjunct ("announced on Thursday could start"): no subject then. */
const ADJUNCT_PREPOSITIONS: ReadonlySet<string> = new Set([
  'on', 'in', 'at', 'by', 'since', 'until', 'till', 'from', 'to', 'for', 'of', 'during', 'before', 'after', 'through',
  'throughout', 'between', 'within', 'last', 'this', 'next', 'early', 'late', 'mid', '-',
]);

/**
 * A modal at k whose subject is the date at [from, k): the date stands after no preposition ("said
 * September 11 could be set"; not "announced on Thursday could start"); the modal is lowercase (a
 * capitalised "May" there is the month) and a plain verb follows it, no perfect ("would have been").
 */
export function isModalAfterDate(tokens: readonly Token[], from: number, k: number): boolean {
  if (k >= tokens.length || (from > 0 && ADJUNCT_PREPOSITIONS.has(tokens[from - 1].lower))) return false;
  const t = tokens[k];
  if (t.kind !== 'word' || t.text !== t.lower || !SUBJECT_MODALS.has(t.lower) || k + 1 >= tokens.length) return false;
  const n = tokens[k + 1];
  return n.kind === 'word' && /^[a-z]+$/.test(n.text) && n.lower !== 'have' && n.lower !== 'not';
}

/** How many words a quoted phrase inside a sentence may hold ("an \"important announcement\""). */
const SCARE_QUOTE_WORDS = 4;

/**
 * For a closing quotation mark at i, the index of the opening mark of a short quoted phrase
 * (at most SCARE_QUOTE_WORDS words, no sentence punctuation) with a word before it in the sentence; else -1.
 */
function scareQuoteOpenBefore(tokens: readonly Token[], i: number, lo: number): number {
  for (let k = i - 1; k >= Math.max(lo, i - SCARE_QUOTE_WORDS - 1); k--) {
    const t = tokens[k];
    if (isQuoteMark(tokens, k)) return k > lo && k < i - 1 && tokens[k - 1].kind === 'word' ? k : -1;
    if (t.kind === 'punct' && t.text !== '-') return -1;
  }
  return -1;
}

/** Words after which "that" opens a clause ("that he would", "that the vote"), not a noun phrase ("that day"). */
const CLAUSE_STARTS: ReadonlySet<string> = new Set([
  'he', 'she', 'it', 'they', 'we', 'i', 'you', 'there', 'the', 'a', 'an', 'his', 'her', 'its', 'their', 'our', 'this',
  'these', 'those', 'no', 'all', 'some', 'any',
]);

/** "that" opening a subordinate clause: before a pronoun, a determiner or a capitalised name. */
function isComplementizer(tokens: readonly Token[], i: number): boolean {
  if (tokens[i].lower !== 'that' || i + 1 >= tokens.length) return false;
  const n = tokens[i + 1];
  return n.kind === 'word' && (CLAUSE_STARTS.has(n.lower) || /^[A-Z][a-z]/.test(n.text));
}

/** A quotation mark: ", “, ”, ` or a doubled '' (a lone ' is an apostrophe: "the '80s"). */
function isQuoteMark(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i];
  if (t.kind !== 'punct') return false;
  const c = t.text;
  if (c === '"' || c === '\u201c' || c === '\u201d' || c === '`') return true;
  return c === "'" && ((i + 1 < tokens.length && tokens[i + 1].text === "'") || (i > 0 && tokens[i - 1].text === "'"));
}
