import { test } from 'node:test';
import assert from 'node:assert/strict';
import { repairGroupCoordination } from './groupCoordination';
import { MISC, ORG, PER, spanSetup } from './spanTestSupport';

const GROUP = 100;

function run(text: string, names: Array<[string, number, number]>): string[] {
  const s = spanSetup(text, names);
  repairGroupCoordination(s.spans, s.ctx, GROUP);
  return s.show();
}

test('a plural name joined to a group is a group', () => {
  assert.deepEqual(run('a fight between Sunnis and Shias against al Qaeda', [['Sunnis', GROUP, 0.9], ['Shias', ORG, 0.52], ['al Qaeda', ORG, 0.52]]), [`${GROUP}:Sunnis`, `${GROUP}*:Shias`, `${ORG}:al Qaeda`]);
  assert.deepEqual(run('Armenians, Azeris hold talks', [['Armenians', GROUP, 0.9], ['Azeris', PER, 0.6]]), [`${GROUP}:Armenians`, `${GROUP}*:Azeris`]);
  assert.deepEqual(run('Tutsis or Hutus fled', [['Tutsis', MISC, 0.95], ['Hutus', GROUP, 0.9]]), [`${GROUP}*:Tutsis`, `${GROUP}:Hutus`]);
});

test('sure, singular, distant or unjoined names keep their type', () => {
  assert.deepEqual(run('Sunnis and Hezbollah met', [['Sunnis', GROUP, 0.9], ['Hezbollah', ORG, 0.6]]), [`${GROUP}:Sunnis`, `${ORG}:Hezbollah`]);
  assert.deepEqual(run('Sunnis and Reuters reported', [['Sunnis', GROUP, 0.9], ['Reuters', ORG, 0.95]]), [`${GROUP}:Sunnis`, `${ORG}:Reuters`]);
  assert.deepEqual(run('Sunnis met Shias', [['Sunnis', GROUP, 0.9], ['Shias', ORG, 0.5]]), [`${GROUP}:Sunnis`, `${ORG}:Shias`]);
  assert.deepEqual(run('Sunnis and Glass met', [['Sunnis', GROUP, 0.9], ['Glass', PER, 0.5]]), [`${GROUP}:Sunnis`, `${PER}:Glass`]);
});

test('a group name takes in the people\'s adjective before it; a MISC adjective + group word is a group', () => {
  assert.deepEqual(run('lashing out against innocent Sunni Arabs after attacks', [['Arabs', GROUP, 0.6]]), [`${GROUP}*:Sunni Arabs`]);
  assert.deepEqual(run('the leaders of the Iraqi Kurds said', [['Iraqi Kurds', MISC, 0.9]]), [`${GROUP}*:Iraqi Kurds`]);
});

test('no adjective, a tagged one, a singular word or a sentence start: unchanged', () => {
  assert.deepEqual(run('attacks on Arabs continued', [['Arabs', GROUP, 0.6]]), [`${GROUP}:Arabs`]);
  assert.deepEqual(run('a Sunni insurgent group said', [['Sunni', MISC, 0.9]]), [`${MISC}:Sunni`]);
  assert.deepEqual(run('the Iraqi Shiite leaders met', [['Iraqi Shiite', MISC, 0.9]]), [`${MISC}:Iraqi Shiite`]);
  assert.deepEqual(run('He met Sunni leaders. Arabs voted.', [['Arabs', GROUP, 0.6]]), [`${GROUP}:Arabs`]);
  assert.deepEqual(run('the French Open winner', [['French Open', MISC, 0.9]]), [`${MISC}:French Open`]);
});
