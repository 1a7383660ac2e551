import { test } from 'node:test';
import assert from 'node:assert/strict';
import { maskMarkup, maskMarkupEveryCharacter, splitBlocks, type Block } from './blocks';

/** Blocks as [kind, content text, extra] for compact expectations. */
function shape(text: string, bodyStart = 0): Array<[string, string, string?]> {
  return splitBlocks(text, bodyStart).map((b: Block) => {
    const extra = b.kind === 'heading' ? `h${b.level}${b.implicit ? '?' : ''}` : b.kind === 'listItem' ? (b.ordered ? `#${b.number}` : '•') : undefined;
    const row: [string, string, string?] = [b.kind, text.slice(b.content.start, b.content.end)];
    if (extra) row.push(extra);
    return row;
  });
}

function check(text: string, expected: Array<[string, string, string?]>, bodyStart = 0) {
  assert.deepEqual(shape(text, bodyStart), expected);
}

test('Markdown headings, paragraphs, list items and blockquotes', () => {
  check('# Title\n\nFirst para\ncontinues here.\n\n## Section ##\n\n1. Do this.\n2) Do that\n   still item two.\n\n- bullet\n\n> quoted\n> more\n', [
    ['heading', 'Title', 'h1'],
    ['paragraph', 'First para\ncontinues here.'],
    ['heading', 'Section', 'h2'],
    ['listItem', 'Do this.', '#1'],
    ['listItem', 'Do that\n   still item two.', '#2'],
    ['listItem', 'bullet', '•'],
    ['blockquote', 'quoted\n> more'],
  ]);
});

test('setext headings, fenced code and thematic breaks', () => {
  check('Title\n=====\n\ntext\n\n```\ncode # not heading\n```\n\n---\n\nSub\n---\nafter\n', [
    ['heading', 'Title', 'h1'],
    ['paragraph', 'text'],
    ['code', '```\ncode # not heading\n```'],
    ['heading', 'Sub', 'h2'],
    ['paragraph', 'after'],
  ]);
});

test('starts at bodyStart and handles CRLF', () => {
  const fm = '---\ntitle: "# not a heading"\n---\n';
  const text = fm + '## Head\r\n\r\nOne paragraph.\r\nSame paragraph.\r\n\r\nTwo.\r\n';
  check(text, [['heading', 'Head', 'h2'], ['paragraph', 'One paragraph.\r\nSame paragraph.'], ['paragraph', 'Two.']], fm.length);
});

test('plain text: one paragraph per line when the body has no blank lines', () => {
  check('First paragraph is here.\nSecond paragraph here.\nThird.', [
    ['paragraph', 'First paragraph is here.'],
    ['paragraph', 'Second paragraph here.'],
    ['paragraph', 'Third.'],
  ]);
});

test('plain text: long unwrapped lines are paragraphs even without blank lines between them', () => {
  const long1 = 'A'.repeat(50) + ' ' + 'b'.repeat(70) + '.';
  const long2 = 'C'.repeat(30) + ' more text follows here.';
  check(`${long1}\n${long2}\n\nshort wrapped\nline two`, [
    ['paragraph', long1],
    ['paragraph', long2],
    ['paragraph', 'short wrapped\nline two'],
  ]);
});

test('plain text: a short title-like line between long paragraphs is an implicit heading; bylines are not', () => {
  const para = 'This paragraph has more than twenty words so that it reads like prose in an article about policy and its many consequences for everyone.';
  const text = `By Jane Doe\n\n${para}\n\nThe Road Ahead\n\n${para}\n\nA sentence that ends with a period.\n\n${para}`;
  const s = shape(text);
  assert.deepEqual(s.map((r) => r[0]), ['paragraph', 'paragraph', 'heading', 'paragraph', 'paragraph', 'paragraph']);
  assert.deepEqual(s[2], ['heading', 'The Road Ahead', 'h2?']);
  // explicit Markdown headings switch the guess off
  assert.ok(!shape('## Real\n\n' + text).some((r) => r[2] === 'h2?'));
});

test('a year at a line start is not a list item', () => {
  check('Intro.\n\nIt happened in\n2006. Then more.', [['paragraph', 'Intro.'], ['paragraph', 'It happened in\n2006. Then more.']]);
});

test('maskMarkup keeps the length and blanks front matter and markup', () => {
  const fm = '---\ntitle: X\n---\n';
  const text = fm + '## The *New York Times* said\n\n1. Read [the report](http://x.org/a_b) now.\n\n> “Quoted” __bold__ snake_case\n';
  const masked = maskMarkup(text, fm.length);
  assert.equal(masked.length, text.length);
  assert.equal(masked.slice(0, fm.length).replace(/\n/g, ''), ' '.repeat(fm.length - 3));
  const body = masked.slice(fm.length);
  assert.match(body, /^ {3}The  New York Times  said\n/);
  assert.match(body, / {3}Read  the report {19} now\./);
  assert.match(body, / {2}“Quoted” {3}bold {3}snake_case/);
  assert.ok(!/[#*>\[\]()]/.test(body));
});

test('maskMarkup leaves plain prose untouched and is linear on odd input', () => {
  const prose = 'Plain text, with 5 * 3 and a_b and (parentheses) [brackets].';
  assert.equal(maskMarkup(prose, 0), prose);
  const nasty = '](](['.repeat(200_000) + '<a '.repeat(100_000) + '<!--'.repeat(50_000);
  const t0 = process.cpuUsage();
  const m = maskMarkup(nasty, 0);
  const used = process.cpuUsage(t0);
  assert.equal(m.length, nasty.length);
  assert.ok((used.user + used.system) / 1000 < 3000, 'maskMarkup too slow');
  assert.equal(maskMarkup('', 0), '');
});

test('jumping between markup characters masks as looking at every character does (random Markdown)', () => {
  const pieces = ['word', 'Word', ' ', ' ', '\n', '\n\n', '\n\n', '# ', '## ', '> ', '- ', '1. ', '* ', '*', '**', '_', '__', 'a_b', '`', '```\n', '~~', '\\', '\\*', '![', '[', ']', '(', ')', '](', '][', 'http://x.org/a_b', '<b>', '</b>', '<a href="x">', '<!--', '-->', '<http://y>', '[1]: http://z', '---\n', '    ', '\t', '“', '”', 'é', '.', '𝐀', '\ud800', '\udc00', '\ufeff', '\r\n'];
  let seed = 23;
  // a 31-bit LCG in exact integer arithmetic; its low bits are weak, so the high ones are used
  const rnd = () => ((seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff), seed >>> 8);
  let changed = 0;
  for (let k = 0; k < 3000; k++) {
    let s = '';
    const len = rnd() % 60;
    for (let i = 0; i < len; i++) s += pieces[rnd() % pieces.length];
    const bodyStart = rnd() % 4 ? 0 : rnd() % (s.length + 1);
    const got = maskMarkup(s, bodyStart);
    assert.equal(got, maskMarkupEveryCharacter(s, bodyStart), JSON.stringify([s, bodyStart]));
    // the same text again: the remembered search must not change the answer
    assert.equal(maskMarkup(s, bodyStart), got);
    // every code unit is kept or blanked to a space (line breaks are kept)
    assert.equal(got.length, s.length);
    for (let i = 0; i < s.length; i++) {
      const g = got.charCodeAt(i);
      assert.ok(g === s.charCodeAt(i) || (g === 32 && s[i] !== '\n' && s[i] !== '\r'), JSON.stringify([s, i]));
    }
    if (got !== s) changed++;
  }
  assert.ok(changed > 2000, `only ${changed} texts had markup`);
});

test('splitting the same text again gives the same blocks, another text its own', () => {
  const a = '# Title\n\nOne paragraph.\n\n- item\n';
  const first = splitBlocks(a, 0);
  const again = splitBlocks(a, 0);
  assert.notEqual(first, again); // each caller gets its own array
  assert.deepEqual(again, first);
  assert.deepEqual(splitBlocks(a, 9).map((b) => b.kind), ['paragraph', 'listItem']);
  assert.deepEqual(splitBlocks('Other text.', 0).map((b) => b.kind), ['paragraph']);
  assert.deepEqual(splitBlocks(a, 0), first);
});

test('the mask is built from the same code units with and without surrogates and a byte-order mark', () => {
  const plain = '## Title\n\nA *b* “c” — d\u00a0e \ufeff f\n';
  assert.equal(maskMarkup(plain, 0), '   Title\n\nA  b  “c” — d\u00a0e \ufeff f\n');
  // a leading byte-order mark is white space before the first block, blanked as before
  assert.equal(maskMarkup('\ufeffPlain prose.', 0), ' Plain prose.');
  // a surrogate pair and a lone half stay as they are; the markup around them is blanked
  const astral = '# 𝐀 *x* \ud800 y\n';
  assert.equal(maskMarkup(astral, 0), '  𝐀  x  \ud800 y\n');
  // blanking a front matter that ends inside a pair leaves its second half alone
  const cut = '𝐀bc';
  assert.equal(maskMarkup(cut, 1), ' \udc00bc');
});
