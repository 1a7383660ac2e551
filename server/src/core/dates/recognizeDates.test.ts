import { test } from 'node:test';
import assert from 'node:assert/strict';
import { recognizeDates } from './recognizeDates';

/** Every mention as "surface=value" (type appended unless 'date'), in text order. */
function render(text: string, dct?: string): string[] {
  return recognizeDates(text, dct).map((m) => `${m.text}=${m.value}${m.type === 'date' ? '' : `(${m.type})`}`);
}
function check(text: string, dct: string | undefined, expected: string[]): void {
  assert.deepEqual(render(text, dct), expected, text);
}

const CASES: Array<[string, string | undefined, string[]]> = [
  // The corpus-style cases of the issue.
  ['Tomorrow President Bush meets Prime Minister Maliki in Amman.', '2006-11-28', ['Tomorrow=2006-11-29']],
  ['The embassy issued a press release on Tuesday afternoon.', '2006-11-02', ['Tuesday afternoon=2006-10-31TAF']],
  ['He met with Khalilzad seven times starting on Jan. 16.', '2006-05-06', ['Jan. 16=2006-01-16']],
  ['The offensive began around Mar. 1 and ended on Apr. 29.', '2006-05-06', ['around Mar. 1=2006-03-01', 'Apr. 29=2006-04-29']],
  ['Elections are due in 2011.', '2006-05-06', ['2011=2011']],
  ['The troops will stay for six months.', '2006-05-06', ['six months=P6M(duration)']],
  // Negatives: the modal "may", a place name, an ordinal, "march" the noun.
  ['Officials may meet again if the talks may resume.', '2006-05-06', []],
  ['Sadr City was quiet.', '2006-05-06', []],
  ['He came in the second and one of them left.', '2006-05-06', []],
  ['The march on Baghdad began. March on, they said.', '2006-05-06', []],
  ['About 2000 people and 1,500 troops; 2003 percent; $1990.', '2006-05-06', []],
  // Years, decades, seasons, months without a year.
  ['He lived there in the 1990s and in the late 1970s.', '2006-05-06', ['the 1990s=199', 'the late 1970s=197']],
  ['They returned in the summer.', '2006-10-06', ['the summer=2006-SU']],
  ['In March, the troops left. Since May, nothing moved.', '2006-11-02', ['March=2006-03', 'May=2006-05']],
  ['The March 2003 invasion; in May 2005.', '2006-11-02', ['March 2003=2003-03', 'May 2005=2005-05']],
  // Year-relative phrases.
  ['Talks resume next April and end by year\'s end.', '2006-05-06', ['next April=2007-04', "year's end=2006"]],
  ['Last week he said it; this week he met them.', '2006-05-06', ['Last week=2006-W17', 'this week=2006-W18']],
  ['Earlier this month he spoke. Last year was bad.', '2006-05-06', ['Earlier this month=2006-05', 'Last year=2005']],
  ['Violence rose over the past two years.', '2006-05-06', ['the past two years=P2Y(duration)']],
  // Weekdays follow the tense; month-days without a year go back when the tense is past.
  ['Bush will meet Maliki on Tuesday.', '2006-11-02', ['Tuesday=2006-11-07']],
  ['Bush met Maliki on Tuesday.', '2006-11-02', ['Tuesday=2006-10-31']],
  ['The bomb exploded on Dec. 20, police said.', '2007-01-05', ['Dec. 20=2006-12-20']],
  ['The vote is scheduled for Jan. 14.', '2006-12-20', ['Jan. 14=2007-01-14']],
  // Deictic words.
  ['Yesterday marked the 43rd anniversary. Today he spoke.', '2006-11-02', ['Yesterday=2006-11-01', 'Today=2006-11-02']],
  ['Now it is calm; 5 are currently held.', '2006-11-02', ['Now=PRESENT_REF', 'currently=PRESENT_REF']],
  // Ranges of years are two years, not clock times.
  ['Revenue rose from 2019 to 2020.', '2021-01-05', ['2019=2019', '2020=2020']],
  // Sets and times.
  ['They meet every week and report annually.', '2006-11-02', ['every week=P1W(set)', 'annually=P1Y(set)']],
  ['He arrived at 5 p.m. Tuesday.', '2006-11-02', ['5 p.m. Tuesday=2006-10-31T17:00(time)']],
  // Explicit dates in several spellings.
  ['Nov. 2, 2006; 2006-11-02; 11/02/2006; 16 January 2006.', '2006-11-02',
    ['Nov. 2, 2006=2006-11-02', '2006-11-02=2006-11-02', '11/02/2006=2006-11-02', '16 January 2006=2006-01-16']],
  ['The New York Times said in an editorial on Saturday, April 25: the court erred.', '1998-04-24', ['Saturday, April 25=1998-04-25']],
  // Relative spans.
  ['two years ago, a decade ago, 10 days ago', '2006-11-02', ['two years ago=2004', 'a decade ago=1996', '10 days ago=2006-10-23']],
  ['this summer, last fall, in the spring of 2004', '2006-11-02', ['this summer=2006-SU', 'last fall=2005-FA', 'the spring of 2004=2004-SP']],
  // Possessives stay outside the span.
  ["Friday's ruling angered them.", '2000-01-10', ['Friday=2000-01-07']],
  // "that year" / "the following year" follow the story's own time line.
  ['He was promoted in 1995, and the following year he left. That year was hard.', '1998-04-18',
    ['1995=1995', 'the following year=1996', 'That year=1995']],
  ['Until then, the following year was quiet.', '1998-04-18', ['the following year=1999']], // no year told: publication year + 1
  // "the following month" / "that month" follow the month the story last named; without one, no narrative value.
  ['In March 1989 it was bought. The following month it was sold; that month was bad.', '1989-10-27',
    ['March 1989=1989-03', 'The following month=1989-04', 'that month=1989-04']],
  ['He left in June. The previous month he had arrived.', '2013-03-20', ['June=2012-06', 'The previous month=2012-05']],
  ['That month was bad.', '2013-03-20', []],
  // A future tense rules last year out; "since" and "ended" rule the future out.
  ['Collins will command a shuttle mission in December.', '1998-03-04', ['December=1998-12']],
  ['Collins commanded a shuttle mission in December.', '1998-03-04', ['December=1997-12']],
  ['In the fiscal year ended Jan. 31, sales rose.', '1989-10-31', ['the fiscal year=1989', 'Jan. 31=1989-01-31']],
  ['The loss for the period ended Oct. 31 narrowed.', '1989-10-27', ['Oct. 31=1988-10-31']],
  ['The offer was extended to Nov. 20.', '1989-11-02', ['Nov. 20=1989-11-20']],
  ['Nothing has moved since December.', '1998-11-20', ['December=1997-12']],
  // A date right after a past event verb lies before the anchor; a verb that takes a date as object does not say.
  ['The offer expired March 31. He died on March 25.', '2013-03-20', ['March 31=2012-03-31', 'March 25=2012-03-25']],
  ['The offer expires March 31.', '2013-03-20', ['March 31=2013-03-31']],
  ['Dunkin has set Nov. 10 as the deadline.', '1989-11-02', ['Nov. 10=1989-11-10']],
  // A deadline takes no past from the verb: "extended loans through January" (said in October).
  ['Lenders extended the loans through January.', '1989-10-30', ['January=1990-01']],
  ['Lenders extended the loans in January.', '1989-10-30', ['January=1989-01']],
  // Without a publication date relative values stay underspecified.
  ['He left yesterday, in March.', undefined, ['yesterday=XXXX-XX-XX', 'March=XXXX-03']],
];

for (const [text, dct, expected] of CASES) {
  test(`recognizes: ${text.slice(0, 60)}`, () => check(text, dct, expected));
}

test('offsets are UTF-16 indices into the text and the surface matches them', () => {
  const text = '😀 Émile arrived on Jan. 16 — “Tomorrow,” he said.';
  const dates = recognizeDates(text, '2006-05-06');
  assert.ok(dates.length >= 1);
  for (const d of dates) assert.equal(text.slice(d.start, d.end), d.text);
  assert.equal(dates[0].text, 'Jan. 16');
});

test('front matter blanked to spaces keeps offsets', () => {
  const text = ' '.repeat(40) + '\nThe meeting was on Jan. 16.';
  const [d] = recognizeDates(text, '2006-05-06');
  assert.equal(d.start, text.indexOf('Jan. 16'));
});

test('relative mentions carry their anchor, absolute ones do not', () => {
  const [a, b] = recognizeDates('Yesterday, and on Nov. 2, 2006.', '2006-11-28');
  assert.equal(a.relative, true);
  assert.equal(a.anchor, '2006-11-28');
  assert.equal(b.relative, false);
  assert.equal(b.anchor, undefined);
});

test('never throws on odd input', () => {
  const odd: unknown[] = ['', ' ', '😀😀😀', '\u0000\uFFFF\uD800', '2006', 'Jan.', 'Tuesday', '``', "''", ':', null, undefined, 42, {}];
  for (const o of odd) assert.doesNotThrow(() => recognizeDates(o as string, '2006-11-02'));
  assert.deepEqual(recognizeDates('', '2006-11-02'), []);
  assert.doesNotThrow(() => recognizeDates('On Tuesday.', 'not a date'));
  assert.doesNotThrow(() => recognizeDates('On Tuesday.', '2006-13-45'));
});

test('a 1 MB single line is handled in linear time', () => {
  const unit = 'On Tuesday, Jan. 16, 2006, the 1990s ended "tomorrow" said he: May may march 2019 to 2020 ';
  const small = unit.repeat(Math.ceil(100_000 / unit.length));
  const big = unit.repeat(Math.ceil(1_000_000 / unit.length));
  const t0 = process.hrtime.bigint();
  const a = recognizeDates(small, '2006-11-02');
  const t1 = process.hrtime.bigint();
  const b = recognizeDates(big, '2006-11-02');
  const t2 = process.hrtime.bigint();
  assert.ok(a.length > 0 && b.length > a.length * 8);
  const ratio = Number(t2 - t1) / Math.max(1, Number(t1 - t0));
  assert.ok(ratio < 30, `10x input took ${ratio.toFixed(1)}x the time`);
  assert.ok(Number(t2 - t1) / 1e6 < 30000, 'a 1 MB line (60,000 dates) finishes');
});

test('pathological repetitions scale linearly (CPU time at 4n over n, not a wall-clock limit)', () => {
  const units = ['1', '-', 'the ', "'", 'May ', '"'];
  const cpuMs = (text: string): number => {
    const t0 = process.cpuUsage();
    recognizeDates(text, '2006-11-02');
    const d = process.cpuUsage(t0);
    return (d.user + d.system) / 1000;
  };
  for (const unit of units) {
    let n = Math.round(50_000 / unit.length);
    cpuMs(unit.repeat(n)); // warm up
    // the best of three runs: a single run can include a major garbage collection (quadratic growth
    // would show in every run)
    const best = (text: string): number => Math.min(cpuMs(text), cpuMs(text), cpuMs(text));
    let small = best(unit.repeat(n));
    // A run of a few milliseconds is mostly noise on a loaded machine: grow the input until it takes tens.
    while (small < 20 && n < 400_000 / unit.length) small = best(unit.repeat((n *= 2)));
    small = Math.max(small, 5);
    cpuMs(unit.repeat(4 * n)); // the heap grows to the large input's size before it is timed
    const large = best(unit.repeat(4 * n));
    // Linear growth is ×4; quadratic ×16. Garbage collection of the large input's arrays can double
    // one size's time on a loaded machine (seen: ×4 to ×10 for the same code), so the bound is ×12.
    assert.ok(large / small < 12, `${JSON.stringify(unit)}: ${small.toFixed(0)} ms → ${large.toFixed(0)} ms for 4× the input`);
  }
});

test('random date-ish text: spans are valid, ordered and non-overlapping', () => {
  const words = ['Jan.', 'May', 'March', 'the', 'last', 'next', 'week', 'Tuesday', "'s", '2006', '1990s', '16', '5th', ',', '.', ':', '"',
    '``', "''", 'said', 'will', 'ago', 'two', 'years', 'quarter', 'third', '-', 'mid', 'early', 'p.m.', '5', 'of', 'year', 'end', 'now',
    'tomorrow', 'every', 'a', 'few', 'days', 'later', 'fiscal', 'Christmas', 'summer', '\n\n', '😀', 'Sept', '/', '2019', 'to'];
  let seed = 12345;
  const rnd = (n: number) => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % n;
  };
  for (let k = 0; k < 300; k++) {
    const n = 1 + rnd(40);
    const parts: string[] = [];
    for (let j = 0; j < n; j++) parts.push(words[rnd(words.length)]);
    const text = parts.join(rnd(2) ? ' ' : '');
    const dates = recognizeDates(text, '2006-11-02');
    let prevEnd = -1;
    for (const d of dates) {
      assert.ok(d.start >= prevEnd && d.start < d.end && d.end <= text.length, JSON.stringify({ text, d }));
      assert.equal(text.slice(d.start, d.end), d.text);
      assert.ok(typeof d.value === 'string' && d.value.length > 0);
      prevEnd = d.end;
    }
  }
});

test('"the past decade" / "the past century" are durations; "the last decade" stays the decade before', () => {
  check('Violence had become routine over the past decade.', '1998-10-25', ['the past decade=P10Y(duration)']);
  check('It was one of the events of the past century.', '1989-11-01', ['the past century=P100Y(duration)']);
  check('In the last decade, things changed.', '1998-10-25', ['the last decade=198']);
  check('The town was founded in the last century.', '1989-11-01', ['last century=18']);
});

test('fractions of a unit are one duration: half a century, a quarter of a century; not for half a month', () => {
  check('It ends nearly half a century of rule.', '1996-08-31', ['nearly half a century=P50Y(duration)']);
  check('The war cost lives over a quarter of a century.', '1996-08-31', ['a quarter of a century=P25Y(duration)']);
  check('He waited half an hour.', '1996-08-31', ['half an hour=PT30M(duration)']);
  // No whole number of a smaller unit: "half" stays outside; "a quarter" alone is three months.
  check('He waited half a month.', '1996-08-31', ['a month=P1M(duration)']);
  check('Profit rose in a quarter of rapid growth.', '1996-08-31', ['a quarter=P3M(duration)']);
});
