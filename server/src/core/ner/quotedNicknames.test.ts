import { test } from 'node:test';
import assert from 'node:assert/strict';
import { joinQuotedNicknames } from './quotedNicknames';
import { LOC, ORG, PER, spanSetup } from './spanTestSupport';

function run(text: string, names: Array<[string, number, number]>): string[] {
  const { spans, ctx } = spanSetup(text, names);
  return joinQuotedNicknames(spans, ctx).map((sp) => `${sp.type}${sp.source === 'rule' ? '*' : ''}:${text.slice(ctx.tokens.start[sp.first], ctx.tokens.end[sp.last])}`);
}

test('a quoted nickname between a given name and a surname makes one person', () => {
  assert.deepEqual(run('legend Roberto " Hands of Stone " Duran climbs', [['Roberto', PER, 0.6], ['Hands of Stone', ORG, 0.6], ['Duran', PER, 0.7]]), [`${PER}*:Roberto " Hands of Stone " Duran`]);
  assert.deepEqual(run('against Puerto Rico \'s Hector " Macho " Camacho .', [['Puerto Rico', LOC, 0.9], ['Hector', LOC, 0.5], ['Macho', PER, 0.5], ['Camacho', PER, 0.7]]), [`${LOC}:Puerto Rico`, `${PER}*:Hector " Macho " Camacho`]);
});

test('quotes that are no nickname leave the spans alone', () => {
  // a quotation after a person, then another person
  assert.deepEqual(run('Smith said " we will win " Jones replied', [['Smith', PER, 0.9], ['Jones', PER, 0.9]]), [`${PER}:Smith`, `${PER}:Jones`]);
  // no person after the closing quote
  assert.deepEqual(run('Roberto " Hands of Stone " climbs', [['Roberto', PER, 0.6]]), [`${PER}:Roberto`]);
  // an organization before the quotes is no given name
  assert.deepEqual(run('Reuters " Macho " Camacho', [['Reuters', ORG, 0.9], ['Camacho', PER, 0.9]]), [`${ORG}:Reuters`, `${PER}:Camacho`]);
});
