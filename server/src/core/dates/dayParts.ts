/**
 * A day with its part of the day: TIMEX3 writes "Tuesday afternoon" as 2006-10-31TAF and
 * "Wednesday evening" as 2000-03-29TEV. Only the afternoon and the evening get the suffix: news
 * annotation (TimeBank/AQUAINT) mostly marks "Friday morning" and "Sunday night" as the plain day
 * (morning: 4 of 5; night: split between TNI, TEV and the day), so those keep the day's value.
 * Applied to the reported value only, after the rules: the rules keep reading the plain day
 * ("said Tuesday afternoon: '… tomorrow'" still counts from Tuesday).
 */

const DAY_VALUE = /^\d{4}-\d{2}-\d{2}$/;
const SUFFIXES: ReadonlyMap<string, string> = new Map([['afternoon', 'TAF'], ['evening', 'TEV']]);

/** The value of a date whose last word is `lastWord`: a day + "afternoon"/"evening" gets TAF/TEV. */
export function withDayPart(value: string, lastWord: string): string {
  const suffix = SUFFIXES.get(lastWord);
  return suffix !== undefined && DAY_VALUE.test(value) ? value + suffix : value;
}
