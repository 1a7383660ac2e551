import { test } from 'node:test';
import assert from 'node:assert/strict';
import { repairArticleNameTypes } from './articleNameTypes';
import { LOC, ORG, PER, spanSetup } from './spanTestSupport';

test('a person span whose every word has a joined Arabic article is an organization', () => {
  const s = spanSetup("Egypt's largest militant group al-Gama'a al-Islamiya claimed it.", [["al-Gama'a al-Islamiya", PER, 0.54]]);
  repairArticleNameTypes(s.spans, s.ctx);
  assert.deepEqual(s.show(), [`${ORG}*:al-Gama'a al-Islamiya`]);
});

test('a person with a given name, a lone "al-" surname and other types are kept', () => {
  const s = spanSetup('Nouri al-Maliki met al-Sadr and Abu Musab al-Zarqawi in al-Anbar al-Gharbi.', [['Nouri al-Maliki', PER, 0.9], ['al-Sadr', PER, 0.6], ['Abu Musab al-Zarqawi', PER, 0.6], ['al-Anbar al-Gharbi', LOC, 0.6]]);
  repairArticleNameTypes(s.spans, s.ctx);
  assert.deepEqual(s.show(), [`${PER}:Nouri al-Maliki`, `${PER}:al-Sadr`, `${PER}:Abu Musab al-Zarqawi`, `${LOC}:al-Anbar al-Gharbi`]);
});
