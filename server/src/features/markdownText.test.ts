import { test } from 'node:test';
import assert from 'node:assert/strict';
import { escapeMarkdown, safeLink } from './markdownText';

test('article text cannot inject links, images, HTML or command URIs into a card', () => {
  const hostile = '[click](command:workbench.action.terminal.new) ![x](http://e/x.png) <img src=x onerror=alert(1)> **bold**';
  const out = escapeMarkdown(hostile);
  assert.ok(!out.includes('<img'));
  assert.ok(!/(^|[^\\])\[click\]\(/.test(out));
  assert.ok(!/(^|[^\\])\*\*bold/.test(out));
  assert.match(out, /&lt;img/);
});

test('line-start list and heading markers are neutralised, ordinary punctuation kept', () => {
  assert.equal(escapeMarkdown('- not a list'), '\\- not a list');
  assert.equal(escapeMarkdown('1. not a list'), '1\\. not a list');
  assert.equal(escapeMarkdown('# not a heading'), '\\# not a heading');
  assert.equal(escapeMarkdown('Nouri al-Maliki, U.S. envoy'), 'Nouri al-Maliki, U.S. envoy');
});

test('links are only http(s) or file, with escaped labels', () => {
  assert.equal(safeLink('x', 'command:foo'), 'x');
  assert.equal(safeLink('a]b', 'file:///tmp/a b.md'), '[a\\]b](file:///tmp/a%20b.md)');
});
