import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildContext } from '../context';
import { attributeQuotes, speechActs, type SpeechAct } from '../attribution';
import { mentionsOf } from '../fixtureMentions';
import { evidenceCue } from './evidence';

function check(sentence: string, expected: string | null, names: Record<string, 'person' | 'organization'> = {}) {
  const ctx = buildContext(sentence, 0, mentionsOf(sentence, names));
  const cache = new Map<number, SpeechAct[]>();
  const actsOf = (u: number) => cache.get(u) ?? (cache.set(u, speechActs(ctx, ctx.units[u])), cache.get(u) as SpeechAct[]);
  const quotes = attributeQuotes(ctx, actsOf).filter((q) => q.unit === 0);
  const cue = evidenceCue(ctx, ctx.units[0], quotes, actsOf(0));
  assert.equal(cue ? `${cue.kind}${cue.speakers.length ? ':' + cue.speakers.join(',') : ''}` : null, expected, sentence);
}

test('quotes with speakers, reported statements', () => {
  check('“We are ready,” Karim said.', 'quote:Karim', { Karim: 'person' });
  check('Karim said the army was ready.', 'reported:Karim', { Karim: 'person' });
  check('Troops withdrew, according to the ministry.', 'reported:the ministry');
});

test('figures and statistics, cited reports and polls', () => {
  check('The suburb of 2.5 million people shut down.', 'figure');
  check('More than 150 pilgrims were killed.', 'figure');
  check('Unemployment reached 40 percent last year.', 'figure');
  check('The war cost $400 billion.', 'figure');
  check('A new poll by Gallup found broad support for withdrawal.', 'report');
  check('A report released by the commission describes the failures.', 'report');
});

test('not evidence: years and dates, scare quotes, plain narration', () => {
  check('The coup took place on November 1, 1963, and again in 2006.', null);
  check('All the talk about “democracy” has stopped.', null);
  check('The two men met in the capital.', null);
  check('The two-day summit opened.', null);
});
