import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LOC, MISC, ORG, PER, spanSetup as setup } from './spanTestSupport';
import { repairAffiliationTypes, repairClassExampleTypes, repairDatelineTypes, repairInstitutionHeadTypes, repairListTypes } from './typeRepair';

test('an unsure name inside a list of places is a place', () => {
  const text = 'In Shiite cities such as Najaf, Kufa, Karbala, Amarah and Basra, protests grew.';
  const { spans, ctx, show } = setup(text, [['Najaf', LOC, 0.9], ['Kufa', LOC, 0.8], ['Karbala', LOC, 0.9], ['Amarah', PER, 0.52], ['Basra', LOC, 0.95]]);
  repairListTypes(spans, ctx);
  assert.deepEqual(show(), ['2:Najaf', '2:Kufa', '2:Karbala', '2*:Amarah', '2:Basra']);
});

test('a list keeps a name the tagger was sure of, and a list without a clear type changes nothing', () => {
  const sure = setup('Aid reached Najaf, Kufa, Amarah and Basra on Monday.', [['Najaf', LOC, 0.9], ['Kufa', LOC, 0.8], ['Amarah', PER, 0.95], ['Basra', LOC, 0.95]]);
  repairListTypes(sure.spans, sure.ctx);
  assert.deepEqual(sure.show(), ['2:Najaf', '2:Kufa', '0:Amarah', '2:Basra']);
  const mixed = setup('Smith, Jones, Paris and Rome were named.', [['Smith', PER, 0.7], ['Jones', PER, 0.7], ['Paris', LOC, 0.7], ['Rome', LOC, 0.7]]);
  repairListTypes(mixed.spans, mixed.ctx);
  assert.deepEqual(mixed.show(), ['0:Smith', '0:Jones', '2:Paris', '2:Rome']);
});

test('the first name of a comma run and the last of three after a comma are left alone', () => {
  // "In New York, Anderson and DiSarcina": the place introduces the sentence
  const first = setup('In New York, Garret Anderson and Gary DiSarcina homered.', [['New York', LOC, 0.7], ['Garret Anderson', PER, 0.99], ['Gary DiSarcina', PER, 0.99]]);
  repairListTypes(first.spans, first.ctx);
  assert.deepEqual(first.show(), ['2:New York', '0:Garret Anderson', '0:Gary DiSarcina']);
  // "Santa Barbara, California, Dole said": the last name begins the next clause
  const last = setup('In Santa Barbara, California, Dole said he would win.', [['Santa Barbara', LOC, 0.9], ['California', LOC, 0.99], ['Dole', PER, 0.7]]);
  repairListTypes(last.spans, last.ctx);
  assert.deepEqual(last.show(), ['2:Santa Barbara', '2:California', '0:Dole']);
  // names not joined by commas or "and" are no list
  const none = setup('Najaf; Kufa; Amarah: Basra.', [['Najaf', LOC, 0.9], ['Kufa', LOC, 0.9], ['Amarah', PER, 0.5], ['Basra', LOC, 0.9]]);
  repairListTypes(none.spans, none.ctx);
  assert.deepEqual(none.show(), ['2:Najaf', '2:Kufa', '0:Amarah', '2:Basra']);
});

test('in a long list, a few odd names take the list type, the last one after a comma too', () => {
  const text = 'The team: Given, Breen, Staunton, Irwin, McAteer, Harte, McLoughlin, Houghton, Quinn.';
  const names: Array<[string, number, number]> = ['Given', 'Breen', 'Staunton', 'Irwin', 'McAteer', 'Harte', 'McLoughlin', 'Houghton', 'Quinn'].map((n) => [n, n === 'Staunton' || n === 'Quinn' ? LOC : PER, 0.7]);
  const { spans, ctx, show } = setup(text, names);
  repairListTypes(spans, ctx);
  assert.ok(show().every((s) => s.startsWith('0')), show().join(', '));
});

test('two names around "and": an unsure one takes the type of a sure one', () => {
  const pair = setup('Lawmakers of the Likud and Kadima parties met.', [['Likud', ORG, 0.87], ['Kadima', PER, 0.54]]);
  repairListTypes(pair.spans, pair.ctx);
  assert.deepEqual(pair.show(), ['1:Likud', '1*:Kadima']);
  // ", and" often joins two clauses: no pair
  const clauses = setup('Karzai signed the Security Agreement, and Kerzai left.', [['Security Agreement', ORG, 0.85], ['Kerzai', PER, 0.55]]);
  repairListTypes(clauses.spans, clauses.ctx);
  assert.deepEqual(clauses.show(), ['1:Security Agreement', '0:Kerzai']);
  // both fairly sure: each keeps its type ("Smith and Britain")
  const both = setup('Wins for Smith and Britain came late.', [['Smith', PER, 0.85], ['Britain', LOC, 0.7]]);
  repairListTypes(both.spans, both.ctx);
  assert.deepEqual(both.show(), ['0:Smith', '2:Britain']);
});

test('a name right after "<person> of" is an organization, or a place a gazetteer knows', () => {
  const org = setup('Tom Lasseter of Knight Ridder reported it.', [['Tom Lasseter', PER, 0.99], ['Knight Ridder', PER, 0.6]]);
  repairAffiliationTypes(org.spans, org.ctx);
  assert.deepEqual(org.show(), ['0:Tom Lasseter', '1*:Knight Ridder']);
  const place = setup('John Smith of Canada won.', [['John Smith', PER, 0.99], ['Canada', PER, 0.6]]);
  repairAffiliationTypes(place.spans, place.ctx);
  assert.deepEqual(place.show(), ['0:John Smith', '2*:Canada']);
  // not after another word than "of", nor after a non-person
  const other = setup('Tom Lasseter and Knight Ridder spoke. The Bank of Knight Ridder fell.', [['Tom Lasseter', PER, 0.99], ['Knight Ridder', PER, 0.6], ['Bank', ORG, 0.6], ['Knight Ridder', PER, 0.6]]);
  repairAffiliationTypes(other.spans, other.ctx);
  assert.deepEqual(other.show(), ['0:Tom Lasseter', '0:Knight Ridder', '1:Bank', '0:Knight Ridder']);
});

test('a person span ending in a word that heads institutions is an organization', () => {
  const text = 'The Bush Administration and the Sadr Council met Damon Hill and Bush.';
  const { spans, ctx, show } = setup(text, [['Bush Administration', PER, 0.78], ['Sadr Council', PER, 0.95], ['Damon Hill', PER, 0.6], ['Bush', PER, 0.6]]);
  repairInstitutionHeadTypes(spans, ctx);
  // not a name ending otherwise, nor a one-word name
  assert.deepEqual(show(), ['1*:Bush Administration', '1*:Sadr Council', '0:Damon Hill', '0:Bush']);
  const one = setup('Administration officials spoke.', [['Administration', PER, 0.5]]);
  repairInstitutionHeadTypes(one.spans, one.ctx);
  assert.deepEqual(one.show(), ['0:Administration']);
});

test('names given as examples of a class of actors take its type, the list they begin with them', () => {
  const text = 'He curbed militias such as Asaib Ahl al-Haq and Kataib Hezbollah, and cities like Najaf, Amarah and Basra.';
  const { spans, ctx, show } = setup(text, [['Asaib Ahl al-Haq', PER, 0.73], ['Kataib Hezbollah', PER, 0.58], ['Najaf', LOC, 0.95], ['Amarah', PER, 0.5], ['Basra', LOC, 0.9]]);
  repairClassExampleTypes(spans, ctx);
  assert.deepEqual(show(), ['1*:Asaib Ahl al-Haq', '1*:Kataib Hezbollah', '2:Najaf', '2*:Amarah', '2:Basra']);
});

test('no class noun, a sure name, or a name after the list: types stay', () => {
  const text = 'He met people like Smith, and groups such as Jones; Brown left. Things like Paris and Rome.';
  const { spans, ctx, show } = setup(text, [['Smith', LOC, 0.6], ['Jones', PER, 0.95], ['Brown', PER, 0.6], ['Paris', LOC, 0.6], ['Rome', PER, 0.6]]);
  repairClassExampleTypes(spans, ctx);
  assert.deepEqual(show(), ['2:Smith', '0:Jones', '0:Brown', '2:Paris', '0:Rome']);
});

test('the name opening a dateline is a place', () => {
  const text = 'Peace talks stall .\nURUS-MARTAN , Russia 1996-08-31\nWIGAN , England Aug 31 - Crowds gathered .';
  const { spans, ctx, show } = setup(text, [['URUS-MARTAN', ORG, 0.6], ['Russia', LOC, 0.99], ['WIGAN', ORG, 0.7], ['England', LOC, 0.99]]);
  repairDatelineTypes(spans, ctx);
  assert.deepEqual(show(), ['2*:URUS-MARTAN', '2:Russia', '2*:WIGAN', '2:England']);
  // not inside a line, nor without a date after the place
  const mid = setup('He met Smith , Britain 1996 and Jones , France said .', [['Smith', PER, 0.9], ['Britain', LOC, 0.99], ['Jones', PER, 0.9], ['France', LOC, 0.99]]);
  repairDatelineTypes(mid.spans, mid.ctx);
  assert.deepEqual(mid.show(), ['0:Smith', '2:Britain', '0:Jones', '2:France']);
  const undated = setup('Jones , France said .', [['Jones', PER, 0.9], ['France', LOC, 0.99]]);
  repairDatelineTypes(undated.spans, undated.ctx);
  assert.deepEqual(undated.show(), ['0:Jones', '2:France']);
});
