import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clauseDirection } from './tense';
import { tokenize } from './tokenize';

function dirOf(sentence: string, word: string): string | undefined {
  const t = tokenize(sentence);
  const i = t.findIndex((x) => x.text === word);
  return clauseDirection(t, i, i + 1, 0, t.length);
}

test('past and future cues around the mention', () => {
  assert.equal(dirOf('He said on Tuesday that', 'Tuesday'), 'past');
  assert.equal(dirOf('He will meet them on Tuesday', 'Tuesday'), 'future');
  assert.equal(dirOf("He'll meet them on Tuesday", 'Tuesday'), 'future');
  assert.equal(dirOf('Talks are set to resume Monday', 'Monday'), 'future');
  assert.equal(dirOf('Troops attacked on Monday', 'Monday'), 'past');
});

test('a passive participle is not a past tense; no cue gives undefined', () => {
  assert.equal(dirOf('The rights can be exercised until Nov', 'Nov'), 'future');
  assert.equal(dirOf('The rights are exercised by Nov', 'Nov'), undefined);
  assert.equal(dirOf('Elections in March', 'March'), undefined);
});

test('an intention followed by "to" points ahead, before the date; after it, a past intention is past', () => {
  assert.equal(dirOf('The team planned to leave Nairobi on Thursday', 'Thursday'), 'future');
  assert.equal(dirOf('The vote is scheduled to take place Monday', 'Monday'), 'future');
  assert.equal(dirOf('On Friday , the government planned to hold talks', 'Friday'), 'past');
  // Without "to", "planned" is neither ("the planned sale").
  assert.equal(dirOf('The planned sale on Friday', 'Friday'), undefined);
});

test('"next to" is a place; "could be" is no future', () => {
  assert.equal(dirOf('blasts next to the embassies in Kenya on Friday', 'Friday'), undefined);
  assert.equal(dirOf('Bombs went off next to the embassies on Friday', 'Friday'), 'past');
  assert.equal(dirOf('The grandparents could be located Wednesday', 'Wednesday'), undefined);
  assert.equal(dirOf('The grandparents will be located Wednesday', 'Wednesday'), 'future');
});

test('a fronted date takes the tense of a verb after a long subject', () => {
  const s = 'On Tuesday , the National Abortion and Reproductive Rights Action League plans to hold a news conference';
  assert.equal(dirOf(s, 'Tuesday'), 'future');
  assert.equal(dirOf('On Tuesday , the National Abortion and Reproductive Rights Action League held a news conference', 'Tuesday'), 'past');
});

test('"is to" and "takes effect" schedule; "took effect" and "is" alone do not', () => {
  assert.equal(dirOf('The envoy is to arrive in Baghdad on Monday', 'Monday'), 'future');
  assert.equal(dirOf('The law takes effect Jan', 'Jan'), 'future');
  assert.equal(dirOf('The law took effect Jan', 'Jan'), 'past');
  assert.equal(dirOf('The envoy is in Baghdad on Monday', 'Monday'), undefined);
});

test('participles: attributive ones are adjectives; irregular passives after a modal point ahead', () => {
  assert.equal(dirOf('It will be paid on a still unspecified date in January', 'January'), 'future');
  assert.equal(dirOf('The proposed merger in January', 'January'), undefined);
  assert.equal(dirOf('It would be paid in January', 'January'), 'future');
  assert.equal(dirOf('It is paid in January', 'January'), undefined);
  assert.equal(dirOf('It was paid in January', 'January'), 'past');
  assert.equal(dirOf('They unveiled the plan in January', 'January'), 'past');
});

test('present tenses that schedule, "set for"; "died" is past', () => {
  assert.equal(dirOf('The deadline expires Friday', 'Friday'), 'future');
  assert.equal(dirOf('Talks resume Monday in Geneva', 'Monday'), 'future');
  assert.equal(dirOf('The hearing is set for Friday', 'Friday'), 'future');
  assert.equal(dirOf('The deadline expired Friday', 'Friday'), 'past');
  assert.equal(dirOf('He died Sunday', 'Sunday'), 'past');
});

test('verbs of commitment are past; only their "to" complement lies ahead', () => {
  assert.equal(dirOf('The minister vowed Monday to fight the ruling', 'Monday'), 'past');
  assert.equal(dirOf('On Monday , the minister pledged to fight', 'Monday'), 'past');
  assert.equal(dirOf('The minister vowed to return on Monday', 'Monday'), 'future');
});

test('nouns in -s are no scheduling verbs; "due to" without "be" is "because of"; "later" alone is no cue', () => {
  assert.equal(dirOf('Heads of state gathered on Monday', 'Monday'), 'past');
  assert.equal(dirOf('The heads of state on Monday', 'Monday'), undefined);
  assert.equal(dirOf('The summit opens Monday', 'Monday'), 'future');
  assert.equal(dirOf('The game on Monday was called off due to rain', 'Monday'), 'past');
  assert.equal(dirOf('The envoy is due to arrive on Monday', 'Monday'), 'future');
  assert.equal(dirOf('He later spoke on Monday', 'Monday'), 'past');
  assert.equal(dirOf('A report later on Monday', 'Monday'), undefined);
});

test('"the next day", "going" and "hopes of" tell no future', () => {
  assert.equal(dirOf('The next day , on Wednesday , protesters returned', 'Wednesday'), 'past');
  assert.equal(dirOf('The next day , on Wednesday', 'Wednesday'), undefined);
  assert.equal(dirOf('Officials going door to door on Wednesday', 'Wednesday'), undefined);
  assert.equal(dirOf('He is going to Paris on Wednesday', 'Wednesday'), 'future');
  assert.equal(dirOf('His hopes of a deal on Wednesday', 'Wednesday'), undefined);
  assert.equal(dirOf('She hopes to meet him on Wednesday', 'Wednesday'), 'future');
});

test('cues are not read across a quotation mark', () => {
  // The verb of saying after the quote dates the saying, not the departure.
  const s = 'Castro said : `` Your father will leave at 4 in the morning ( 4 a.m. EDT Thursday ) , \' \' Castro said';
  assert.equal(dirOf(s, 'Thursday'), 'future');
  assert.equal(dirOf('" We won the vote on Thursday , " he said', 'Thursday'), 'past');
  assert.equal(dirOf('" The vote on Thursday , " he said', 'Thursday'), undefined);
  assert.equal(dirOf('The vote on Thursday , he said', 'Thursday'), 'past');
});

test('a plain present of a schedule verb points ahead; after "to", "did" or a determiner it is no tense', () => {
  assert.equal(dirOf('He and Arafat meet separately Monday with Albright', 'Monday'), 'future');
  assert.equal(dirOf('The talks resume Monday in Geneva', 'Monday'), 'future');
  assert.equal(dirOf('He refused to meet Monday', 'Monday'), 'past');
  assert.equal(dirOf('They did not meet Monday', 'Monday'), 'past');
  assert.equal(dirOf('The track meet Monday was cancelled', 'Monday'), 'past');
});

test('a fronted date finds the verb of its clause past a long subject', () => {
  assert.equal(dirOf('In January , a week after the 25th anniversary of the Roe vs. Wade Supreme Court decision , a clinic bombing in Birmingham , Ala. , killed a guard', 'January'), 'past');
});

test('a present tense close before a date schedules it; nouns, habits and far-off states do not', () => {
  assert.equal(dirOf('Voters go to the polls on Sunday', 'Sunday'), 'future');
  assert.equal(dirOf('The Senate votes Tuesday on the bill', 'Tuesday'), 'future');
  assert.equal(dirOf('Manchester United host Blackburn on Sunday', 'Sunday'), 'future');
  assert.equal(dirOf('Negotiators are meeting Friday in Vienna', 'Friday'), 'future');
  assert.equal(dirOf('Demonstrators are planning a march for Saturday', 'Saturday'), 'future');
  // Nouns: after a determiner, a number or "'s"; before "of".
  assert.equal(dirOf('after three votes in parliament on Monday', 'Monday'), undefined);
  assert.equal(dirOf('The votes on Monday', 'Monday'), undefined);
  assert.equal(dirOf('The gathers of Monday', 'Monday'), undefined);
  // A plain form needs a subject before it: "to visit" and "could visit" are no tense of their own
  // ("could" itself points ahead: a possibility to come.)
  assert.equal(dirOf('Officials could visit on Monday', 'Monday'), 'future');
  assert.equal(dirOf('the visit on Monday', 'Monday'), undefined);
  // Past and far-off forms: "was meeting" is past; a state far before the date does not reach it.
  assert.equal(dirOf('Negotiators were meeting Friday in Vienna', 'Friday'), 'past');
  assert.equal(dirOf('It is continuing to try to sell itself , under a June agreement', 'June'), undefined);
  assert.equal(dirOf('the communities visit frequently , competing at soccer in the summer and in the winter', 'winter'), undefined);
  // "being" is no progressive of an event.
  assert.equal(dirOf('He is being held Friday', 'Friday'), undefined);
});

test('"should", "may", "might", "must" before a date point ahead, unless a perfect follows', () => {
  assert.equal(dirOf('Rain which washed out a match should cease by Saturday', 'Saturday'), 'future');
  assert.equal(dirOf('The two sides may meet on Friday', 'Friday'), 'future');
  assert.equal(dirOf('He must leave the country by Monday', 'Monday'), 'future');
  // Negative: a perfect looks back; after the date a modal is another clause; "May" is a month.
  assert.equal(dirOf('He may have gone on Monday', 'Monday'), undefined);
  assert.equal(dirOf('They should not have filed by Friday', 'Friday'), 'past');
  assert.equal(dirOf('Pivotal , a winner in June , may now be aimed at the race', 'June'), undefined);
  assert.equal(dirOf('In May officials met on Friday', 'Friday'), 'past');
});

test('a participle after a linking verb takes the tense of what precedes it', () => {
  assert.equal(dirOf('The banks will stay closed until Thursday', 'Thursday'), 'future');
  assert.equal(dirOf('The plant remains closed on Monday', 'Monday'), undefined);
  // Negative: a past linking verb is past; a bare past form stays past.
  assert.equal(dirOf('The banks remained closed on Thursday', 'Thursday'), 'past');
  assert.equal(dirOf('The banks closed on Thursday', 'Thursday'), 'past');
});

test('a fronted date before a scheduling present lies ahead; a progressive after it does not decide', () => {
  assert.equal(dirOf('On Sunday , voters go to the polls', 'Sunday'), 'future');
  assert.equal(dirOf('On Tuesday , the Senate votes on the bill', 'Tuesday'), 'future');
  assert.equal(dirOf('In January , the company is cutting jobs', 'January'), undefined);
  assert.equal(dirOf('On Monday , talks with rebels failed', 'Monday'), 'past');
});

test('irregular past forms: "underwent surgery on Monday … and will miss" is past', () => {
  assert.equal(dirOf('Sosa underwent surgery on Monday to remove a bone and will miss four weeks', 'Monday'), 'past');
  assert.equal(dirOf('The rebels withdrew on Friday', 'Friday'), 'past');
  // A participle after "be" is still timed by its auxiliary.
  assert.equal(dirOf('The case will be heard on Friday', 'Friday'), 'future');
});

test('a "that" clause after the date does not date it; a "that" noun phrase is no clause', () => {
  // The comment was on Friday; "would" belongs to what he said.
  assert.equal(dirOf('seized on a comment by prosecutor Michel Bourlet on television on Friday that he would chase everyone', 'Friday'), 'past');
  assert.equal(dirOf('officials on the island announced plans on Friday that Congress would vote', 'Friday'), 'past');
  // Negative: without the clause the later "would" still counts; "that day" is a noun phrase.
  assert.equal(dirOf('a comment by prosecutor Michel Bourlet on Belgian television on Friday he would chase everyone', 'Friday'), 'future');
  assert.equal(dirOf('a statement by the Polish prime minister on Friday that day would mark a change', 'Friday'), 'future');
});

test('a plain form after a modal is no past: "will hit the road on Friday"', () => {
  assert.equal(dirOf('Clinton will hit the road on Friday', 'Friday'), 'future');
  assert.equal(dirOf('The firm plans to cut jobs by Friday', 'Friday'), 'future');
  // Negative: the same form as a past tense still is one.
  assert.equal(dirOf('The storm hit the coast on Friday', 'Friday'), 'past');
});

test('a hyphenated -ed adjective is no past tense: "an IMF-hosted seminar Thursday"', () => {
  assert.equal(dirOf("Matos 's scheduled appearance at an IMF-hosted seminar Thursday", 'Thursday'), 'future');
  assert.equal(dirOf('the state-owned company Thursday', 'Thursday'), undefined);
  // Negative: a free-standing -ed form still counts.
  assert.equal(dirOf('the company hosted a seminar Thursday', 'Thursday'), 'past');
});

test('a short quoted phrase is part of the sentence; a quotation still bounds the clause', () => {
  assert.equal(dirOf('Matos will make an " important announcement " on Thursday at noon', 'Thursday'), 'future');
  assert.equal(dirOf('Christie will run in a " Dream Team " sprint relay on Friday', 'Friday'), 'future');
  // Negative: a longer quotation before the date is its own discourse.
  assert.equal(dirOf('" We will win the whole thing this time , " he said Friday', 'Friday'), 'past');
  assert.equal(dirOf('" We will win it all " on Friday', 'Friday'), undefined);
});

test('"last" after "to" or a modal is the verb, no past cue; elsewhere it still points back', () => {
  assert.equal(dirOf('The trial will last until the summer', 'summer'), 'future');
  assert.equal(dirOf('The trial is expected to last until June', 'June'), 'future');
  assert.equal(dirOf('The strike could last until Friday', 'Friday'), 'future');
  // Negative: "last" as the adjective of a past time, and a past verb of lasting.
  assert.equal(dirOf('The talks that began last month ended in June', 'June'), 'past');
  assert.equal(dirOf('He met them last in June', 'June'), 'past');
});

test('"late" before a time is its modifier, no past cue; "the late president" still points back', () => {
  assert.equal(dirOf('The president will arrive late Friday', 'Friday'), 'future');
  assert.equal(dirOf('She is due to land late Thursday', 'Thursday'), 'future');
  assert.equal(dirOf('The attack happened late Monday', 'Monday'), 'past');
  assert.equal(dirOf('The late president opened it on Monday', 'Monday'), 'past');
  assert.equal(dirOf('Ties with the late king on Monday', 'Monday'), 'past');
});

test('schedules: "slated for", "is planned for", "could" + verb, "continues", "faces"', () => {
  assert.equal(dirOf('The summit is slated for Tuesday', 'Tuesday'), 'future');
  assert.equal(dirOf('The strike is planned for November', 'November'), 'future');
  assert.equal(dirOf('The storm could hit on Saturday', 'Saturday'), 'future');
  assert.equal(dirOf('Abbas and Gold could meet on Thursday', 'Thursday'), 'future');
  assert.equal(dirOf('The race continues on Friday', 'Friday'), 'future');
  assert.equal(dirOf('Essex and Kent both face tense finishes on Monday', 'Monday'), 'future');
  // Negatives: a past plan, a past (in)ability, a noun.
  assert.equal(dirOf('The attack was planned for November', 'November'), 'past');
  assert.equal(dirOf('Police could not locate him on Monday', 'Monday'), undefined);
  assert.equal(dirOf('He could be located on Wednesday', 'Wednesday'), undefined);
  assert.equal(dirOf('The faces of the victims were shown on Monday', 'Monday'), 'past');
});

test('"coming" after since / after / on is a gerund, not "the coming week"', () => {
  assert.equal(dirOf('five appearances since coming off the list on August 6', 'August'), 'past');
  assert.equal(dirOf('He was hurt after coming home on Friday', 'Friday'), 'past');
  assert.equal(dirOf('in the coming weeks , in March', 'March'), 'future');
});

test('the month "May" before a past verb is no modal; the modal "may" still points ahead', () => {
  assert.equal(dirOf('Fighting in April and May killed hundreds of people', 'April'), 'past');
  assert.equal(dirOf('Fighting in April and May killed hundreds of people', 'May'), 'past');
  assert.equal(dirOf('The rebels signed on 5 May cut a deal in June', 'June'), 'past');
  // The modal: lowercase, or capitalised where a sentence starts.
  assert.equal(dirOf('The deal may be approved in June', 'June'), 'future');
  assert.equal(dirOf('In June they may proceed', 'June'), 'future');
  assert.equal(dirOf('Shares may be sold in June', 'June'), 'future');
});

test('a date as the subject of a modal points ahead; an adjunct date before a modal does not', () => {
  assert.equal(dirOf('He said Friday would be the deadline', 'Friday'), 'future');
  assert.equal(dirOf('The repatriation announced on Thursday could start soon', 'Thursday'), 'past');
  assert.equal(dirOf('He said Friday he would go', 'Friday'), 'past');
  assert.equal(dirOf('He said Friday would have been too late', 'Friday'), 'past');
});

test('"than expected" is a comparison, no future; a forecast points ahead to the date in its object', () => {
  assert.equal(dirOf('a slippage due to lower than expected June industrial production', 'June'), undefined);
  assert.equal(dirOf('Output is expected in June', 'June'), 'future');
  assert.equal(dirOf('growth was stronger than expected and he forecast a rise of 4.9 percent in December', 'December'), 'future');
  // Right before the date, the date tells when the forecast was made.
  assert.equal(dirOf('Cuba predicted Wednesday that', 'Wednesday'), 'past');
  assert.equal(dirOf('He said growth rose 4.9 percent in December', 'December'), 'past');
});

test('awaiting and a fronted condition point ahead; a past form in the condition still wins', () => {
  assert.equal(dirOf('The market was also waiting for Friday stock report', 'Friday'), 'future');
  assert.equal(dirOf('makeshift stages await Sunday festivities', 'Sunday'), 'future');
  assert.equal(dirOf('If he loses Saturday , it could devalue his position , he said', 'Saturday'), 'future');
  assert.equal(dirOf('If he lost Saturday , nobody noticed', 'Saturday'), 'past');
  // "if" in the middle of a clause is "whether": no cue of its own.
  assert.equal(dirOf('It was not clear if Monday talks went ahead', 'Monday'), 'past');
  // After the date, waiting tells of something else.
  assert.equal(dirOf('On Monday he said he was waiting for news', 'Monday'), 'past');
});
