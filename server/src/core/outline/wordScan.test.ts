import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PERSON_NOUN_RE, SPEECH_WORD_RE } from './lexicon';
import { personNouns, personNounsIn, speechWords, speechWordsIn } from './wordScan';
import { CueWords } from './cueWords';

function regexHits(source: RegExp, s: string, from: number, offset: number): string[] {
  const re = new RegExp(source.source, source.flags);
  re.lastIndex = from;
  const out: string[] = [];
  for (let m = re.exec(s); m; m = re.exec(s)) out.push(`${offset + m.index}:${m[0]}`);
  return out;
}

const show = (hits: { index: number; text: string }[]) => hits.map((h) => `${h.index}:${h.text}`);

test('speech words: whole lower-case words, "according to", look-arounds at the slice ends', () => {
  const s = 'He said, according to  officials, that "they’re saying" nothing; unsaid said-so says';
  assert.deepEqual(show(speechWords(s, 0, s.length)), regexHits(SPEECH_WORD_RE, s, 0, 0));
  assert.deepEqual(show(speechWords(s, 0, s.length)).map((h) => h.split(':')[1]), ['said', 'according to', 'saying', 'says']);
  // a slice that cuts a word: the cut word counts as whole inside the slice
  assert.deepEqual(show(speechWords('unsaid', 2, 6)), ['2:said']);
  assert.deepEqual(show(speechWords('Said', 0, 4)), []);
});

test('person nouns: an apostrophe may follow, a hyphen may not', () => {
  const s = 'The officials’ view, an official-looking man, officialdom; spokesman said';
  assert.deepEqual(show(personNouns(s, 0)), regexHits(PERSON_NOUN_RE, s, 0, 0));
  assert.deepEqual(show(personNouns(s, 0)).map((h) => h.split(':')[1]), ['officials', 'man', 'spokesman']);
});

test('the scans agree with the lexicon regexes on random text', () => {
  const pieces = ['said', 'says', 'saying', 'told', 'according', 'to', 'official', 'officials', 'man', 'people', ' ', '  ', '\n', '\u00a0', "'", '’', '-', '.', ',', 'é', 'É', 'x', 'S', '1', '\ud835\udc00', '\ud835\udc1a', '\ud800', '\udc00', 'ing', 'un'];
  let seed = 5;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff), seed);
  for (let k = 0; k < 6000; k++) {
    let s = '';
    const len = rnd() % 14;
    for (let i = 0; i < len; i++) s += pieces[rnd() % pieces.length];
    const a = s.length ? rnd() % s.length : 0;
    const b = a + (s.length - a ? rnd() % (s.length - a + 1) : 0);
    assert.deepEqual(show(speechWords(s, a, b)), regexHits(SPEECH_WORD_RE, s.slice(a, b), 0, a), JSON.stringify([s, a, b]));
    assert.deepEqual(show(personNouns(s, a)), regexHits(PERSON_NOUN_RE, s, a, 0), JSON.stringify([s, a]));
  }
});

test('the scans from the document’s word positions give the scans’ answers on random text', () => {
  const pieces = ['said', 'said', ' said ', ' says ', ' according to ', ' officials ', 'Said', 'SAID', 'says', 'saying', 'told', 'according', 'According', 'to', 'To', 'official', 'Officials', 'officials', 'man', 'people', 'spokesman', ' ', ' ', '  ', '\n', '\u00a0', "'", '’', '-', '.', ',', 'é', 'É', 'x', 'S', '1', '_', '\ud835\udc00', '\ud835\udc1a', '\ud800', '\udc00', 'ing', 'un'];
  let seed = 9;
  // a 31-bit LCG in exact integer arithmetic; its low bits are weak, so the high ones are used
  const rnd = () => ((seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff), seed >>> 8);
  let hits = 0;
  for (let k = 0; k < 6000; k++) {
    let s = '';
    const len = rnd() % 16;
    for (let i = 0; i < len; i++) s += pieces[rnd() % pieces.length];
    const words = new CueWords(s);
    for (let t = 0; t < 4; t++) {
      const a = rnd() % (s.length + 1);
      const b = a + (rnd() % (s.length - a + 1));
      const want = show(speechWords(s, a, b));
      hits += want.length;
      assert.deepEqual(show(speechWordsIn(words, s, a, b)), want, JSON.stringify([s, a, b]));
      assert.deepEqual(show(personNounsIn(words, s, a)), show(personNouns(s, a)), JSON.stringify([s, a]));
    }
  }
  assert.ok(hits > 2000, `only ${hits} matches: the random text says too little`);
  // built over another text: the plain scan
  assert.deepEqual(show(speechWordsIn(new CueWords('x'), 'he said', 0, 7)), ['3:said']);
});
