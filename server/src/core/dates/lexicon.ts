/**
 * Word lists for the date recognizer: month, weekday and season names, number words, ordinals,
 * calendar units. Every key is lower case; lookups are plain object/Map reads (no regexes).
 */

/** Month names and their news abbreviations → month number 1..12. */
export const MONTHS: ReadonlyMap<string, number> = new Map([
  ['january', 1], ['february', 2], ['march', 3], ['april', 4], ['may', 5], ['june', 6],
  ['july', 7], ['august', 8], ['september', 9], ['october', 10], ['november', 11], ['december', 12],
]);

/** Abbreviations: only read as months when written with a period or followed by a day / year. */
export const MONTH_ABBREVIATIONS: ReadonlyMap<string, number> = new Map([
  ['jan', 1], ['feb', 2], ['mar', 3], ['apr', 4], ['jun', 6], ['jul', 7], ['aug', 8],
  ['sep', 9], ['sept', 9], ['oct', 10], ['nov', 11], ['dec', 12],
]);

/** Weekday → ISO number (Monday 1 … Sunday 7). */
export const WEEKDAYS: ReadonlyMap<string, number> = new Map([
  ['monday', 1], ['tuesday', 2], ['wednesday', 3], ['thursday', 4], ['friday', 5], ['saturday', 6], ['sunday', 7],
]);

export const WEEKDAY_ABBREVIATIONS: ReadonlyMap<string, number> = new Map([
  ['mon', 1], ['tue', 2], ['tues', 2], ['wed', 3], ['thu', 4], ['thur', 4], ['thurs', 4], ['fri', 5], ['sat', 6], ['sun', 7],
]);

/** TIMEX3 season codes. */
export const SEASONS: ReadonlyMap<string, string> = new Map([
  ['spring', 'SP'], ['summer', 'SU'], ['fall', 'FA'], ['autumn', 'FA'], ['winter', 'WI'],
]);

/** Parts of a day that may follow a weekday or "yesterday" inside the same expression. */
export const DAY_PARTS: ReadonlySet<string> = new Set(['morning', 'afternoon', 'evening', 'night', 'overnight']);

export const NUMBER_WORDS: ReadonlyMap<string, number> = new Map([
  ['a', 1], ['an', 1], ['one', 1], ['two', 2], ['three', 3], ['four', 4], ['five', 5], ['six', 6], ['seven', 7],
  ['eight', 8], ['nine', 9], ['ten', 10], ['eleven', 11], ['twelve', 12], ['thirteen', 13], ['fourteen', 14],
  ['fifteen', 15], ['sixteen', 16], ['seventeen', 17], ['eighteen', 18], ['nineteen', 19], ['twenty', 20],
  ['thirty', 30], ['forty', 40], ['fifty', 50], ['sixty', 60], ['seventy', 70], ['eighty', 80], ['ninety', 90],
  ['hundred', 100], ['dozen', 12], ['several', -1], ['few', -1], ['many', -1], ['couple', 2],
]);

/** Ordinal words → number (days of month, quarters, centuries). */
export const ORDINALS: ReadonlyMap<string, number> = new Map([
  ['first', 1], ['second', 2], ['third', 3], ['fourth', 4], ['fifth', 5], ['sixth', 6], ['seventh', 7],
  ['eighth', 8], ['ninth', 9], ['tenth', 10], ['eleventh', 11], ['twelfth', 12], ['thirteenth', 13],
  ['fourteenth', 14], ['fifteenth', 15], ['sixteenth', 16], ['seventeenth', 17], ['eighteenth', 18],
  ['nineteenth', 19], ['twentieth', 20], ['thirtieth', 30], ['twenty-first', 21], ['twenty-second', 22],
  ['twenty-third', 23], ['twenty-fourth', 24], ['twenty-fifth', 25], ['twenty-sixth', 26],
  ['twenty-seventh', 27], ['twenty-eighth', 28], ['twenty-ninth', 29], ['thirty-first', 31],
]);

/** Calendar units → TIMEX3 duration letter and granularity. */
export type Unit = 'day' | 'week' | 'month' | 'year' | 'decade' | 'century' | 'quarter' | 'hour' | 'minute' | 'second' | 'weekend';

export const UNITS: ReadonlyMap<string, Unit> = new Map([
  ['day', 'day'], ['days', 'day'], ['week', 'week'], ['weeks', 'week'], ['month', 'month'], ['months', 'month'],
  ['year', 'year'], ['years', 'year'], ['decade', 'decade'], ['decades', 'decade'], ['century', 'century'],
  ['centuries', 'century'], ['quarter', 'quarter'], ['quarters', 'quarter'], ['hour', 'hour'], ['hours', 'hour'],
  ['minute', 'minute'], ['minutes', 'minute'], ['second', 'second'], ['seconds', 'second'], ['weekend', 'weekend'],
  ['weekends', 'weekend'],
]);

/** Words that make a following/preceding "May" a modal verb or a name rather than the month. */
export const MAY_VERB_FOLLOWERS: ReadonlySet<string> = new Set([
  'be', 'have', 'not', 'also', 'well', 'never', 'still', 'soon', 'yet', 'even', 'only', 'just', 'already', 'again',
  'face', 'take', 'make', 'need', 'want', 'get', 'go', 'come', 'see', 'seek', 'try', 'become', 'lose', 'win',
  'use', 'help', 'give', 'say', 'do', 'find', 'continue', 'decide', 'include', 'result', 'affect', 'require',
  'provide', 'cause', 'lead', 'allow', 'reach', 'rise', 'fall', 'increase', 'decline', 'hold', 'remain', 'raise',
  'sell', 'buy', 'pay', 'keep', 'prove', 'turn', 'run', 'mean', 'feel', 'well',
]);

/**
 * Capitalised heads that make a holiday or weekday before them part of an event's name ("the Good
 * Friday Agreement", "the Easter Rising", "the Christmas Truce"): the event's day is not the
 * holiday's nearest occurrence.
 */
export const EVENT_NAME_HEADS: ReadonlySet<string> = new Set([
  'agreement', 'agreements', 'accord', 'accords', 'treaty', 'massacre', 'rising', 'uprising', 'offensive', 'truce',
  'war', 'revolution', 'bombing', 'bombings', 'riots', 'declaration', 'tsunami', 'earthquake',
]);
