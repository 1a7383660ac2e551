import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sentenceCaseTitle, titleStyle } from './headlineCase';

const BODY = '\n\nIt was long before Maliki said the talks were a plea for help. Iraq and Iran spoke at the talks in Baghdad, and Maliki issues statements on help for Iraq.\n\n## Plea For Help\n\nThe US said so.';

test('title styles: headline, sentence and capitals', () => {
  assert.equal(titleStyle('Maliki Issues Plea for Help at Iraq Talks'), 'headline');
  assert.equal(titleStyle('Relations between US and Iraqi government at breaking point'), 'sentence');
  assert.equal(titleStyle('MALIKI ISSUES PLEA'), 'caps');
  assert.equal(titleStyle('Iraq'), 'sentence');
});

test('a headline takes the body casing of its words; names keep their capital', () => {
  const title = 'Maliki Issues Plea for Help at Iraq Talks';
  const out = sentenceCaseTitle(title, BODY, BODY, 0);
  assert.equal(out, 'Maliki issues plea for help at Iraq talks');
  assert.equal(out.length, title.length);
});

test('headings and sentence starts are no evidence; unknown words are lowered', () => {
  // "Plea For Help" heading and "The" at a sentence start do not keep "For"/"The" capitalised; "Wavering" is not in the body
  assert.equal(sentenceCaseTitle('Iraq Wavering For The US', BODY, BODY, 0), 'Iraq wavering for the US');
});

test('the first word, a word after a colon, acronyms and word-inner parts keep their form', () => {
  assert.equal(sentenceCaseTitle('How Maliki Talks: Baghdad Wants Iraq’s Help', BODY, BODY, 0), 'How Maliki talks: Baghdad wants Iraq’s help');
  assert.equal(sentenceCaseTitle('A Plea From NATO', BODY, BODY, 0), 'A plea from NATO');
});

test('a title in capitals takes the body forms, and a sentence-case title is left alone', () => {
  assert.equal(sentenceCaseTitle('MALIKI ISSUES PLEA IN BAGHDAD', BODY, BODY, 0), 'Maliki issues plea in Baghdad');
  assert.equal(sentenceCaseTitle('WAVERING IN US TALKS', BODY, BODY, 0), 'Wavering in US talks');
  const plain = 'Relations between US and Iraqi government at breaking point';
  assert.equal(sentenceCaseTitle(plain, BODY, BODY, 0), plain);
});

test('the front matter before bodyStart is not read as body', () => {
  const text = '---\ntitle: x\nnote: said Plea\n---\nHe made a plea.';
  const masked = text.replace(/^---[\s\S]*?---\n/, (m) => ' '.repeat(m.length));
  assert.equal(sentenceCaseTitle('Iraq Plea Now', text, masked, text.indexOf('He')), 'Iraq plea now');
});

test('linear on a 1 MB one-line body', () => {
  const body = 'word Plea '.repeat(100_000);
  const t0 = Date.now();
  assert.equal(sentenceCaseTitle('Iraq Plea Talks', body, body, 0), 'Iraq Plea talks');
  assert.ok(Date.now() - t0 < 3000);
});
