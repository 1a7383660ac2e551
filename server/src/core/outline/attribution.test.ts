import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { EntityType, QuoteKind } from '../types';
import { analyzeArgument } from './buildOutline';
import { mentionsOf } from './fixtureMentions';

type Expect = [quoted: string, kind: QuoteKind, speaker: string | null];

function quotesOf(text: string, names: Record<string, EntityType> = {}) {
  return analyzeArgument({ text, bodyStart: 0, meta: { extra: {} }, mentions: mentionsOf(text, names) }).quotes;
}

/** Every quote of `text`, in order: its text, its kind and its speaker's name. */
function check(text: string, expected: Expect[], names: Record<string, EntityType> = {}) {
  const got = quotesOf(text, names).map((q): Expect => [q.text, q.kind, q.speaker ? q.speaker.name : null]);
  assert.deepEqual(got, expected, text);
}

const P: EntityType = 'person';
const O: EntityType = 'organization';

test('"X said" and "said X" after the quote', () => {
  check('“We will not leave until the job is done,” Defense Secretary Mark Lane said on Tuesday.', [['We will not leave until the job is done,', 'direct', 'Mark Lane']], { 'Mark Lane': P });
  check('“The talks failed,” said Ana Ruiz, a spokeswoman for the ministry.', [['The talks failed,', 'direct', 'Ana Ruiz']], { 'Ana Ruiz': P });
  check('"We won," Smith says.', [['We won,', 'direct', 'Smith']], { Smith: P });
});

test('unnamed sources keep their description', () => {
  check('“We are watching closely,” a US military spokesman said.', [['We are watching closely,', 'direct', 'a US military spokesman']], { US: 'place' });
  check('A senior administration official said the plan was “on track” for now.', [['on track', 'partial', 'a senior administration official']]);
  check('A senior official said talks would resume. “We are hopeful,” the official said.', [['We are hopeful,', 'direct', 'a senior official']]);
});

test('attribution before the quote: colon, "told", "wrote in", participles', () => {
  check('Maliki told the Associated Press: “We are ready to act.”', [['We are ready to act.', 'direct', 'Maliki']], { Maliki: P, 'Associated Press': O });
  check('Eliot Cohen wrote in the Wall Street Journal that the “most plausible” outcome was a coup.', [['most plausible', 'partial', 'Eliot Cohen']], { 'Eliot Cohen': P, 'Wall Street Journal': O });
  check('Maliki drew the line in an op-ed in the New York Times, saying, “We are not asking for troops.”', [['We are not asking for troops.', 'direct', 'Maliki']], { Maliki: P, 'New York Times': O });
  check('The New York Times reported that officials kept “hours of silence” on the matter.', [['hours of silence', 'partial', 'New York Times']], { 'New York Times': O });
  check('The governor had “ordered” the police to withdraw, according to local officials.', [['ordered', 'partial', 'local officials']]);
});

test('pronoun speakers resolve to the person mentioned before, not to a name used as a modifier', () => {
  check('Senator Hillary Clinton denounced the Maliki government on Tuesday. “Credibility is held hostage,” she said.', [['Credibility is held hostage,', 'direct', 'Hillary Clinton']], { 'Hillary Clinton': P, Maliki: P });
  check('When President Tom Bush meets Prime Minister Ali Karim on Friday, he should act. “I will ask for a timetable,” he said.', [['I will ask for a timetable,', 'direct', 'Tom Bush']], { 'Tom Bush': P, 'Ali Karim': P });
  check('Earlier, a military spokesman could not hide his surprise when questioned by the Times. He said commanders were “reviewing the matter”.', [['reviewing the matter', 'partial', 'a military spokesman']], { Times: O });
});

test('quotes continue the previous speaker, and the sentence before can attribute', () => {
  check('“We tried,” Carney said. “We will keep trying.”', [['We tried,', 'direct', 'Carney'], ['We will keep trying.', 'direct', 'Carney']], { Carney: P });
  check('Retired Gen. Tom Reed wrote in Foreign Policy that the lessons matter. “If leaders look back, they will see it.”', [['If leaders look back, they will see it.', 'direct', 'Tom Reed']], { 'Tom Reed': P, 'Foreign Policy': O });
  check('A spokesman, Jalil Amin, told reporters: “If they had not lifted the siege, the strike would have spread.”', [['If they had not lifted the siege, the strike would have spread.', 'direct', 'Jalil Amin']], { 'Jalil Amin': P });
});

test('"it said" stands for an organisation or a document named just before', () => {
  check('The ministry issued a report on Monday. It said the attack was “cowardly and senseless”.', [['cowardly and senseless', 'partial', 'the ministry']]);
  check('That statement contains a compromise. It states that “the threat is shifting to sectarian violence.”', [['the threat is shifting to sectarian violence.', 'partial', 'that statement']]);
});

test('a quote inside a sentence that hands over to "he said"', () => {
  check('Karim arrived late. It was raining when “we left the base,” he said.', [['we left the base,', 'partial', 'Karim']], { Karim: P });
});

test('a passive "was asked" does not make the subject a speaker', () => {
  check('At a briefing, spokesman Jay Carney was asked about troops. “No, I don’t anticipate troops,” Carney said.', [['No, I don’t anticipate troops,', 'direct', 'Jay Carney']], { 'Jay Carney': P, Carney: P });
  check('The envoy was told that the “deal is off” by a senior aide.', [['deal is off', 'scare', null]]);
});

test('a multi-paragraph quote is one quote', () => {
  const text = 'The minister spoke at length on Monday.\n\n“The first part of the statement runs here.\n\n“The second part ends here,” he said.\n';
  const quotes = quotesOf(text);
  assert.equal(quotes.length, 1);
  assert.equal(text.slice(quotes[0].start, quotes[0].end), text.slice(text.indexOf('“'), text.lastIndexOf('”') + 1));
  assert.equal(quotes[0].kind, 'direct');
  assert.equal(quotes[0].speaker?.name, 'the minister');
});

test('scare quotes have no speaker', () => {
  check('All the empty talk about “democracy” in the region has been shelved.', [['democracy', 'scare', null]]);
  check('The administration has made constant demands that the government act to “disarm” the militia.', [['disarm', 'scare', null]]);
  check('On Tuesday, the seventh day of the “siege”, the movement declared a strike.', [['siege', 'scare', null]]);
  check('That is why calls for “reconciliation” go hand in hand with threats.', [['reconciliation', 'scare', null]]);
});

test('a quoted headline or title is nobody’s speech', () => {
  check('The Post ran an editorial headlined “Time to Go” on Sunday.', [['Time to Go', 'scare', null]]);
  check('In an op-ed titled “Why We Must Stay,” the senator argued for more troops.', [['Why We Must Stay,', 'scare', null]]);
});

test('apostrophes are not quotes; clear single quotes are', () => {
  check('Iraq’s leaders said the insurgents’ plans don’t change the ’90s deal.', []);
  check('The paper called it a ‘national salvation government’ in print.', [['national salvation government', 'partial', 'the paper']]);
  // nested single quotes stay inside the double quote
  assert.equal(quotesOf('“He said ‘no’ twice,” Ali said.', { Ali: P }).length, 1);
});

test('without recognised names the speaker is still the noun phrase', () => {
  const [q] = quotesOf('“We will not leave,” Defense Secretary Mark Lane said.');
  assert.ok(q.speaker && q.speaker.name.endsWith('Mark Lane'), JSON.stringify(q));
  const [r] = quotesOf('Mark Lane visited the base. “We stay,” he said.');
  assert.equal(r.speaker?.name, 'Mark Lane');
});

test('speaker spans point at the name in the text', () => {
  const text = '“Go,” said Ana Ruiz.';
  const [q] = quotesOf(text, { 'Ana Ruiz': P });
  assert.equal(text.slice(q.speaker?.start, q.speaker?.end), 'Ana Ruiz');
});

test('a subject phrase is found however far back the sentence starts (tail tokens, then the whole window)', () => {
  const lead = 'In the long and winding aftermath of the negotiations over the water rights of the three river valleys and the dams upstream of them, ';
  // apposition: the walk back passes twenty words and needs the earlier tokens
  check(`${lead}a spokesman for the Ministry of Water and Electricity of the Republic, Jalil Nouri, told reporters “We will not sign.”`, [['We will not sign.', 'direct', 'Jalil Nouri']], { 'Jalil Nouri': P, 'Ministry of Water and Electricity of the Republic': O });
  check(`${lead}Jalil Nouri said: “We will not sign.”`, [['We will not sign.', 'direct', 'Jalil Nouri']], { 'Jalil Nouri': P });
  check(`${lead}they said “no deal”.`, [['no deal', 'scare', null]]);
});
