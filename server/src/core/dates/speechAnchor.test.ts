import { test } from 'node:test';
import assert from 'node:assert/strict';
import { recognizeDates } from './recognizeDates';

const render = (text: string, dct: string) => recognizeDates(text, dct).map((m) => `${m.text}=${m.value}@${m.anchor ?? '-'}`);

test('relative dates in a quote anchor to the day it was said', () => {
  assert.deepEqual(render('Maliki told AP on Tuesday: "We will meet tomorrow."', '2006-11-02'),
    ['Tuesday=2006-10-31@2006-11-02', 'tomorrow=2006-11-01@2006-10-31']);
  assert.deepEqual(render('"We will meet tomorrow," Maliki said on Tuesday.', '2006-11-02'),
    ['tomorrow=2006-11-01@2006-10-31', 'Tuesday=2006-10-31@2006-11-02']);
  assert.deepEqual(render('Maliki told AP on Tuesday: tomorrow we meet.', '2006-11-02'),
    ['Tuesday=2006-10-31@2006-11-02', 'tomorrow=2006-11-01@2006-10-31']);
});

test('without a day of speaking, or outside the quote, the publication date stays the anchor', () => {
  assert.deepEqual(render('"We will meet tomorrow," Maliki said.', '2006-11-02'), ['tomorrow=2006-11-03@2006-11-02']);
  // A day inside an earlier sentence dates that sentence only.
  assert.deepEqual(render('The plan was set on Tuesday. "We meet tomorrow," he said.', '2006-11-02'),
    ['Tuesday=2006-10-31@2006-11-02', 'tomorrow=2006-11-03@2006-11-02']);
  assert.deepEqual(render('"The vote was on Jan. 16, 2006," he said on Tuesday.', '2006-11-02'),
    ['Jan. 16, 2006=2006-01-16@-', 'Tuesday=2006-10-31@2006-11-02']);
});

test('an unclosed quotation gives up after 400 tokens; later speech is still re-anchored', () => {
  const filler = Array.from({ length: 450 }, () => 'word').join(' ');
  const text = `He said "${filler}. Maliki told AP on Tuesday: tomorrow we meet.`;
  assert.deepEqual(render(text, '2006-11-02'), ['Tuesday=2006-10-31@2006-11-02', 'tomorrow=2006-11-01@2006-10-31']);
  // inside 400 tokens the quotation is still open: the colon introduces no speech of its own
  const short = `He said "${Array.from({ length: 50 }, () => 'word').join(' ')}. Maliki told AP on Tuesday: tomorrow we meet.`;
  assert.deepEqual(render(short, '2006-11-02'), ['Tuesday=2006-10-31@2006-11-02', 'tomorrow=2006-11-03@2006-11-02']);
});

test('a date that ends the sentence before a quotation is not the day of speaking', () => {
  const text = 'Costs rose under the new labor pact effective June 1.\n\n"We expect a decline in the fourth quarter," said the chairman.';
  const q = recognizeDates(text, '1989-10-26').find((m) => m.text === 'the fourth quarter');
  assert.equal(q?.value, '1989-Q4');
  assert.equal(q?.anchor, '1989-10-26');
});

test('words said in an earlier month: their "today" is the speaker\'s present, not the publication day', () => {
  const said = (text: string): string[] => recognizeDates(text, '2006-05-06').map((m) => `${m.text}=${m.value}`);
  assert.deepEqual(said('In March he said, "more Iraqis are dying today from militia violence."'), ['March=2006-03', 'today=PRESENT_REF']);
  // A day of speaking still re-anchors; no date, or the current month, leaves the publication day.
  assert.deepEqual(said('On Tuesday he said, "we leave today."'), ['Tuesday=2006-05-02', 'today=2006-05-02']);
  assert.deepEqual(said('He said, "we leave today."'), ['today=2006-05-06']);
  assert.deepEqual(said('Earlier in May he said, "we leave today."'), ['May=2006-05', 'today=2006-05-06']);
  // Without a verb of saying the month is no time of speaking.
  assert.deepEqual(said('In March, "today" was the slogan.'), ['March=2006-03', 'today=2006-05-06']);
});

test('words reported in the past inside a paragraph framed by an earlier day were said that day', () => {
  // "On Tuesday, …" opens the paragraph: its scope runs over the next sentences, the quote included.
  const text = 'On Tuesday, the seventh day of the siege, the movement declared a strike. The suburb shut down. ' +
    'A spokesman told AP: "Our strike would have spread to Baghdad tomorrow and to all of Iraq the next day."';
  assert.deepEqual(render(text, '2006-11-02'),
    ['Tuesday=2006-10-31@2006-11-02', 'tomorrow=2006-11-01@2006-10-31', 'the next day=2006-11-02@2006-10-31']);
  assert.deepEqual(render('On Tuesday the plan was set. "We meet tomorrow," he said.', '2006-11-02'),
    ['Tuesday=2006-10-31@2006-11-02', 'tomorrow=2006-11-01@2006-10-31']);
  assert.deepEqual(render('Late Monday, talks broke down. "We try again tomorrow," an aide said.', '2006-11-02'),
    ['Late Monday=2006-10-30@2006-11-02', 'tomorrow=2006-10-31@2006-10-30']);
});

test('no scene day: present-tense speech, another paragraph, another line, a later date, or a frame that is today', () => {
  const dct = '2006-11-02';
  // "says": said now, at publication.
  assert.deepEqual(render('On Tuesday, the plan was set. "We meet tomorrow," he says.', dct),
    ['Tuesday=2006-10-31@2006-11-02', 'tomorrow=2006-11-03@2006-11-02']);
  // The frame's paragraph ended (blank line; or a line break after a sentence, as in one-sentence-a-line text).
  assert.deepEqual(render('On Tuesday, the plan was set.\n\n"We meet tomorrow," he said.', dct),
    ['Tuesday=2006-10-31@2006-11-02', 'tomorrow=2006-11-03@2006-11-02']);
  assert.deepEqual(render('On Tuesday, the plan was set .\n" We meet tomorrow , " he said .', dct),
    ['Tuesday=2006-10-31@2006-11-02', 'tomorrow=2006-11-03@2006-11-02']);
  // A later day named after the frame is the paragraph's last day: it is not fronted, so no scene day.
  assert.deepEqual(render('On Tuesday, the plan was set and the vote held Wednesday. "We meet tomorrow," he said.', dct),
    ['Tuesday=2006-10-31@2006-11-02', 'Wednesday=2006-11-01@2006-11-02', 'tomorrow=2006-11-03@2006-11-02']);
  // A frame on the publication day itself changes nothing.
  assert.deepEqual(render('On Thursday, the plan was set. "We meet tomorrow," he said.', dct),
    ['Thursday=2006-11-02@2006-11-02', 'tomorrow=2006-11-03@2006-11-02']);
  // A day inside an earlier quotation is someone's words, not the narrative's frame.
  assert.deepEqual(render('"On Tuesday, we set the plan," she said. "We meet tomorrow," he said.', dct),
    ['Tuesday=2006-10-31@2006-11-02', 'tomorrow=2006-11-03@2006-11-02']);
});
