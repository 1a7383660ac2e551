import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadNerModel } from '../../nerModelFile';
import { createEntityRecognizer } from './recognizer';
import { tokenize } from '../text/tokenize';
import { allocTokenHashes, computeTokenHashes } from './tokenHashes';
import type { TokenSpan } from './consistency';
import { repairSpans } from './spanRepair';

const model = loadNerModel();
const rec = createEntityRecognizer(model);
const raw = createEntityRecognizer(model, { repairBoundaries: false });

/** Token spans over `text` for calling repairSpans directly (PER 0, MISC 3, as the model's types). */
function spansOver(text: string) {
  const tokens = tokenize(text);
  const hashes = allocTokenHashes(tokens.count);
  computeTokenHashes(text, tokens, model.gazetteer, hashes);
  const at = (w: string): number => {
    for (let k = 0; k < tokens.count; k++) if (text.slice(tokens.start[k], tokens.end[k]) === w) return k;
    throw new Error(w);
  };
  const show = (ss: TokenSpan[]): string[] => ss.map((sp) => `${sp.type}:${text.slice(tokens.start[sp.first], tokens.end[sp.last])}`);
  return { at, show, ctx: { text, tokens, hashes, personType: 0, miscType: 3 } };
}

function names(text: string, r = rec): string[] {
  return r.recognize(text).map((m) => `${m.type}:${m.text}${m.title ? ` [${m.title}]` : ''}`);
}

test('a role before a person is the title, not part of the name', () => {
  const text = 'Other experts, including CFR Adjunct Senior Fellow Vali R. Nasr, argue that Iran is strong.';
  assert.ok(names(text).includes('person:Vali R. Nasr [Adjunct Senior Fellow]'), names(text).join(', '));
});

test('titles of nobility stay in the name (news convention)', () => {
  const ms = rec.recognize('The visit was cancelled, said Prince Charles in London.');
  assert.ok(ms.some((m) => m.type === 'person' && m.text === 'Prince Charles'), ms.map((m) => m.text).join(', '));
});

test('a month and day after a name are a date, not part of the name', () => {
  const text = 'The plan was published in the Los Angeles Times Apr. 11.';
  const got = names(text);
  assert.ok(got.includes('organization:Los Angeles Times'), got.join(', '));
  assert.ok(!got.some((g) => g.includes('Apr')), got.join(', '));
});

test('a given name at the end of an organization continues the person after it', () => {
  // the rule itself, on spans as a tagger might give them (whatever the current model does)
  const { at, ctx, show } = spansOver('Former U.S. Ambassador to the United Nations Richard C. Holbrooke called the plan a failure.');
  const [PER, ORG, MISC] = [0, 1, 3];
  const spans = (type: number): TokenSpan[] => [
    { first: at('United'), last: at('Richard'), type, confidence: 0.9, source: 'model' },
    { first: at('C.'), last: at('Holbrooke'), type: PER, confidence: 0.9, source: 'model' },
  ];
  assert.deepEqual(show(repairSpans(spans(ORG), ctx)), ['1:United Nations', '0:Richard C. Holbrooke']);
  // not from a MISC span ("New Yorker Rebecca ..."), and not when no person span follows
  assert.deepEqual(show(repairSpans(spans(MISC), ctx)), ['3:United Nations Richard', '0:C. Holbrooke']);
  assert.deepEqual(show(repairSpans(spans(ORG).slice(0, 1), ctx)), ['1:United Nations Richard']);
});

test('a long lowercase English word ends a name; particles and short words do not', () => {
  const got = names('They want a unified fight between Sunnis and Shias against al Qaeda, officials said.');
  assert.ok(got.includes('organization:al Qaeda'), got.join(', '));
  assert.ok(!got.some((g) => g.includes('against')), got.join(', '));
  const bank = names('The Bank of England raised rates, and the University of California agreed.');
  assert.ok(bank.includes('organization:Bank of England'), bank.join(', '));
  assert.ok(bank.some((g) => g.includes('University of California')), bank.join(', '));
});

test('"X and Y" is split when X and Y each stand alone in the document', () => {
  const text = 'Hamas said on Monday it would talk. Hezbollah said nothing. Iran supports Hamas and Hezbollah, officials said.';
  const got = names(text);
  const joined = names(text, raw).some((g) => g.includes('Hamas and Hezbollah'));
  assert.ok(!got.some((g) => g.includes('Hamas and Hezbollah')), got.join(', '));
  if (joined) assert.equal(got.filter((g) => g.endsWith('Hamas') || g.endsWith('Hezbollah')).length, 4, got.join(', '));
  // a name with "and" whose parts never stand alone is kept whole
  const pg = 'Shares of Procter and Gamble rose on Tuesday in New York.';
  assert.deepEqual(names(pg), names(pg, raw));
});

test('two one-word names around "or", or around an unsure "and", are two names', () => {
  const { at, ctx, show } = spansOver('Iran backs groups like Hamas and Hezbollah, or Fatah or Likud, and Trinidad and Tobago, and Johnson and Johnson.');
  const ORG = 1;
  const span = (a: string, b: string, confidence: number, type = ORG): TokenSpan => ({ first: at(a), last: at(b), type, confidence, source: 'model' });
  assert.deepEqual(show(repairSpans([span('Hamas', 'Hezbollah', 0.63)], ctx)), ['1:Hamas', '1:Hezbollah']);
  assert.deepEqual(show(repairSpans([span('Fatah', 'Likud', 0.95)], ctx)), ['1:Fatah', '1:Likud']);
  // a sure "and", a gazetteer entry, a repeated word: one name
  assert.deepEqual(show(repairSpans([span('Hamas', 'Hezbollah', 0.9)], ctx)), ['1:Hamas and Hezbollah']);
  assert.deepEqual(show(repairSpans([span('Trinidad', 'Tobago', 0.5, 2)], ctx)), ['2:Trinidad and Tobago']);
  assert.deepEqual(show(repairSpans([{ ...span('Johnson', 'Johnson', 0.5), first: at('Johnson'), last: at('Johnson') + 2 }], ctx)), ['1:Johnson and Johnson']);
  // a sure "and" whose first part stands alone elsewhere in the document is split
  const alone = spansOver('Mercantile is coveted. Mercantile and Commerce did not comment.');
  const both: TokenSpan[] = [
    { first: 0, last: 0, type: ORG, confidence: 0.9, source: 'model' },
    { first: alone.at('Commerce') - 2, last: alone.at('Commerce'), type: ORG, confidence: 0.9, source: 'model' },
  ];
  assert.deepEqual(alone.show(repairSpans(both, alone.ctx)), ['1:Mercantile', '1:Mercantile', '1:Commerce']);
});

test('a joined Arabic article name right after a person continues that person', () => {
  const { at, ctx, show } = spansOver('Crowds waited until Prime Minister Nouri al-Maliki arrived in AL-RAM today.');
  const [PER, LOC, MISC] = [0, 2, 3];
  const nouri: TokenSpan = { first: at('Nouri'), last: at('Nouri'), type: PER, confidence: 0.9, source: 'model' };
  const alMaliki = (type: number): TokenSpan => ({ first: at('al-Maliki'), last: at('al-Maliki'), type, confidence: 0.9, source: 'model' });
  // tagged as something else, or left out: either way the person's name
  assert.deepEqual(show(repairSpans([{ ...nouri }, alMaliki(MISC)], ctx)), ['0:Nouri al-Maliki']);
  assert.deepEqual(show(repairSpans([{ ...nouri }], ctx)), ['0:Nouri al-Maliki']);
  // not after a place, and not an all-capitals dateline
  assert.deepEqual(show(repairSpans([{ ...nouri, type: LOC }], ctx)), ['2:Nouri']);
  const ram: TokenSpan = { first: at('in'), last: at('in'), type: PER, confidence: 0.9, source: 'model' };
  assert.deepEqual(show(repairSpans([ram], ctx)), ['0:in']);
});

test('the name after a joined Arabic article repeats the person later in the document', () => {
  const text = 'Iraqi Prime Minister Nouri al-Maliki met President George W. Bush in Amman on Wednesday. Maliki said the talks were useful.';
  const maliki = rec.recognize(text).filter((m) => m.text === 'Maliki');
  assert.equal(maliki.length, 1, names(text).join(', '));
  assert.equal(maliki[0].type, 'person');
});

test('an institution word followed by "of"/"on"/"for" and capitalised words takes them', () => {
  const text = 'She spoke to the Council on Foreign Relations after the Security Council on Friday and Kia Motor Corp of South Korea.';
  const { at, ctx, show } = spansOver(text);
  const [ORG, LOC] = [1, 2];
  const span = (a: string, b: string, type: number): TokenSpan => ({ first: at(a), last: at(b), type, confidence: 0.8, source: 'model' });
  // the tail is taken, with a span inside it
  assert.deepEqual(show(repairSpans([span('Council', 'Council', ORG), span('Foreign', 'Foreign', LOC)], ctx)), ['1:Council on Foreign Relations']);
  // not over a weekday, not after a company's legal form, not for a person or place span
  const security: TokenSpan = { first: at('Security'), last: at('Security') + 1, type: ORG, confidence: 0.8, source: 'model' };
  assert.deepEqual(show(repairSpans([security], ctx)), ['1:Security Council']);
  assert.deepEqual(show(repairSpans([span('Kia', 'Corp', ORG), span('South', 'Korea', LOC)], ctx)), ['1:Kia Motor Corp', '2:South Korea']);
  assert.deepEqual(show(repairSpans([span('Council', 'Council', LOC)], ctx)), ['2:Council']);
  // a span reaching past the capitalised words stops the extension
  const past = spansOver('The Ministry of Defence Secretary Smith spoke.');
  const ministry: TokenSpan = { first: past.at('Ministry'), last: past.at('Ministry'), type: ORG, confidence: 0.8, source: 'model' };
  const sec: TokenSpan = { first: past.at('Defence'), last: past.at('Smith'), type: 0, confidence: 0.8, source: 'model' };
  assert.deepEqual(past.show(repairSpans([ministry, sec], past.ctx)), ['1:Ministry', '0:Defence Secretary Smith']);
  // (the title ends the capitalised words: a person after it is not taken)
  const smith: TokenSpan = { first: past.at('Smith'), last: past.at('Smith'), type: 0, confidence: 0.8, source: 'model' };
  assert.deepEqual(past.show(repairSpans([{ ...ministry }, smith], past.ctx)), ['1:Ministry of Defence', '0:Smith']);
});

test('a leading "The" is dropped from an institution name, kept elsewhere', () => {
  const { at, ctx, show } = spansOver('The Commerce Department said so in The Hague, near The Oval Cricket Ground.');
  const [ORG, LOC] = [1, 2];
  const dept: TokenSpan = { first: 0, last: at('Department'), type: ORG, confidence: 0.8, source: 'model' };
  assert.deepEqual(show(repairSpans([dept], ctx)), ['1:Commerce Department']);
  const hague: TokenSpan = { first: at('Hague') - 1, last: at('Hague'), type: LOC, confidence: 0.8, source: 'model' };
  assert.deepEqual(show(repairSpans([hague], ctx)), ['2:The Hague']);
  const oval: TokenSpan = { first: at('Oval') - 1, last: at('Ground'), type: LOC, confidence: 0.8, source: 'model' };
  assert.deepEqual(show(repairSpans([oval], ctx)), ['2:The Oval Cricket Ground']);
});

test('a portfolio before "Secretary" or "Minister" is part of the title, not a name', () => {
  const { at, ctx, show } = spansOver('Defense Secretary Chuck Hagel met the Defense Department and Pentagon Secretary staff.');
  const [PER, ORG] = [0, 1];
  const one = (w: string, type: number): TokenSpan => ({ first: at(w), last: at(w), type, confidence: 0.6, source: 'model' });
  const hagel: TokenSpan = { first: at('Chuck'), last: at('Hagel'), type: PER, confidence: 0.99, source: 'model' };
  assert.deepEqual(show(repairSpans([one('Defense', ORG), hagel], ctx)), ['0:Chuck Hagel']);
  // not before another word, nor a name that is no portfolio
  const dept: TokenSpan = { first: at('Department') - 1, last: at('Department'), type: ORG, confidence: 0.9, source: 'model' };
  assert.deepEqual(show(repairSpans([dept, one('Pentagon', ORG)], ctx)), ['1:Defense Department', '1:Pentagon']);
});

test('a month opening an organization or place span is a date, not part of the name', () => {
  const { at, ctx, show } = spansOver('A rise in the August National Association index; May Department Stores and June Carter agreed.');
  const [PER, ORG] = [0, 1];
  const span = (a: string, b: string, type: number): TokenSpan => ({ first: at(a), last: at(b), type, confidence: 0.8, source: 'model' });
  assert.deepEqual(show(repairSpans([span('August', 'Association', ORG)], ctx)), ['1:National Association']);
  // "May" (a name too), a person, a month alone: kept
  assert.deepEqual(show(repairSpans([span('May', 'Stores', ORG), span('June', 'Carter', PER)], ctx)), ['1:May Department Stores', '0:June Carter']);
  assert.deepEqual(show(repairSpans([span('August', 'August', ORG)], ctx)), ['1:August']);
});
