import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseFrontMatter } from './frontMatter';
import { frontMatterNames } from './frontMatterNames';
import type { EntityMention, EntityType } from './types';

/** A fake recognizer: the listed names, case-sensitive, whole words. */
function dictionary(names: Record<string, EntityType>): (text: string) => EntityMention[] {
  return (text) => {
    const out: EntityMention[] = [];
    for (const [name, type] of Object.entries(names)) {
      for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
        if (/\w/.test(text.charAt(at - 1)) || /\w/.test(text.charAt(at + name.length))) continue;
        out.push({ start: at, end: at + name.length, type, text: name, source: 'model', confidence: 0.9 });
      }
    }
    return out.sort((a, b) => a.start - b.start);
  };
}

function names(text: string, recognize = dictionary({}), bodyMentions: EntityMention[] = []) {
  const front = parseFrontMatter(text);
  const masked = ' '.repeat(front.bodyStart) + text.slice(front.bodyStart);
  const r = frontMatterNames(text, front, masked, front.bodyStart, recognize, bodyMentions);
  for (const m of r.mentions) assert.equal(text.slice(m.start, m.end), m.text, 'mention text is the source slice');
  return r.mentions.map((m) => `${m.text}/${m.type}/${m.source}`);
}

test('authors are people and the publisher an organization, source rule, leading "The" dropped', () => {
  const text = '---\ntitle: x\nauthor: James Cogan, Peter Symonds and Vali R. Nasr\npublisher: The Heritage Foundation\ndate: 2006-11-02\n---\nBody.';
  assert.deepEqual(names(text), ['James Cogan/person/rule', 'Peter Symonds/person/rule', 'Vali R. Nasr/person/rule', 'Heritage Foundation/organization/rule']);
});

test('a list of authors, block or flow, and a source field', () => {
  const text = '---\nauthors:\n  - Nouri al-Maliki\n  - "Jan de Vries"\nsource: Council on Foreign Relations\n---\nBody.';
  assert.deepEqual(names(text), ['Nouri al-Maliki/person/rule', 'Jan de Vries/person/rule', 'Council on Foreign Relations/organization/rule']);
  assert.deepEqual(names("---\nauthors: [Ann Lee, 'Bob Stone']\n---\nB"), ['Ann Lee/person/rule', 'Bob Stone/person/rule']);
});

test('URLs, e-mails, lower-case and desk bylines are not names', () => {
  const text = '---\nauthor: https://example.org/staff/ann-lee\npublisher: www.example.com\nsource: http://antiwar.com\n---\nBody.';
  assert.deepEqual(names(text), []);
  assert.deepEqual(names('---\nauthor: ann.lee@example.org\npublisher: nytimes.com\n---\nB'), []);
  assert.deepEqual(names('---\nauthor: Reuters Staff\n---\nB'), []);
  assert.deepEqual(names('---\nauthor: admin\n---\nB'), []);
  // one word is not enough for a person; an outlet in the author field is an organization
  assert.deepEqual(names('---\nauthor: Cogan\n---\nB'), []);
  assert.deepEqual(names('---\nauthor: Associated Press\n---\nB'), ['Associated Press/organization/rule']);
  // a site name is a name
  assert.deepEqual(names('---\npublisher: Antiwar.com\n---\nB'), ['Antiwar.com/organization/rule']);
});

test('the title is recognised in the body casing, at its offsets in the file', () => {
  const text = '---\ntitle: "Maliki Issues Plea for Help at Iraq Talks"\n---\nNouri al-Maliki made a plea for help at the talks in Iraq.';
  const seen: string[] = [];
  const recognize = (t: string) => {
    seen.push(t);
    return dictionary({ Iraq: 'place', 'Maliki issues': 'organization' })(t);
  };
  // "Maliki issues" is what a model could wrongly join; the fake does it to show offsets map back
  assert.deepEqual(names(text, recognize), ['Maliki Issues/organization/model', 'Iraq/place/model']);
  assert.deepEqual(seen, ['Maliki issues plea for help at Iraq talks']);
});

test('a body name the recognizer left untagged in the title is found there (consistency)', () => {
  const text = '---\ntitle: Maliki Issues Plea at Iraq Talks\n---\nIn Iraq, Maliki spoke.';
  const body: EntityMention[] = [{ start: 57, end: 63, type: 'person', text: 'Maliki', source: 'model', confidence: 0.7 }];
  assert.deepEqual(names(text, dictionary({ Iraq: 'place' }), body), ['Maliki/person/consistency', 'Iraq/place/model']);
  // not inside a longer capitalised name
  assert.deepEqual(names('---\ntitle: the Iraq Study Group report\n---\nB', dictionary({}), [{ start: 0, end: 4, type: 'place', text: 'Iraq', source: 'model', confidence: 1 }]), []);
});

test('a quoted title with escapes: a name across an escape is dropped, the others keep exact offsets', () => {
  const text = '---\ntitle: "Obama\\"s \\"Surge\\" in Iraq"\n---\nSo Obama began the Surge in Iraq.';
  const recognize = dictionary({ Obama: 'person', Iraq: 'place', Surge: 'organization' });
  assert.deepEqual(names(text, recognize), ['Obama/person/model', 'Surge/organization/model', 'Iraq/place/model']);
  // a recognizer span that covers blanked escape characters is not the source text
  const across = (t: string): EntityMention[] => [{ start: 0, end: t.indexOf('Surge') + 5, type: 'person', text: '', source: 'model', confidence: 1 }];
  assert.deepEqual(names(text, across), []);
});

test('CRLF front matter and malformed front matter', () => {
  const crlf = '---\r\ntitle: How Obama Can Help Iraq\r\nauthor: Stephanie Gaskell\r\n---\r\nSo Obama can help Iraq.';
  assert.deepEqual(names(crlf, dictionary({ Obama: 'person', Iraq: 'place' })), ['Obama/person/model', 'Iraq/place/model', 'Stephanie Gaskell/person/rule']);
  assert.deepEqual(names('---\ntitle: [Obama\n  : :\nauthor: Ann Lee\n---\nBody', dictionary({ Obama: 'person' })), []);
});

test('no date and nothing from other keys', () => {
  const text = '---\ntitle: On 12 March Obama Spoke\ndate: 2007-03-12\nseed: Ann Lee\n---\nIn March Obama spoke.';
  // the fake takes "March" for a person, to show the title's names are the recognizer's; no date is read
  assert.deepEqual(names(text, dictionary({ Obama: 'person', March: 'person' })), ['March/person/model', 'Obama/person/model']);
  assert.equal(names('---\ntitle: x\ndate: 2007-03-12\nseed: Ann Lee\n---\nB').length, 0);
});

test('an overlong title is not read; a long body is read in linear time', () => {
  const long = '---\ntitle: ' + 'Obama Spoke '.repeat(200) + '\n---\nSo Obama spoke.';
  assert.deepEqual(names(long, dictionary({ Obama: 'person' })), []);
  const body = 'So Obama spoke in Iraq. '.repeat(40_000);
  const text = '---\ntitle: How Obama Can Help Iraq\n---\n' + body;
  const t0 = Date.now();
  assert.deepEqual(names(text, dictionary({ Obama: 'person', Iraq: 'place' })), ['Obama/person/model', 'Iraq/place/model']);
  assert.ok(Date.now() - t0 < 2000, String(Date.now() - t0));
});
