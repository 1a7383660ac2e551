import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { TimelineItem } from '../../../server/src/protocol';
import { groupTimeline } from './timelineTree';

const item = (value: string, uri = 'file:///a.md'): TimelineItem => ({ value, text: value, uri, articleTitle: 'A', snippet: '', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } } });

test('dates by year then month, in time order; year-only and season values first in their year', () => {
  const years = groupTimeline([item('2007-03-12'), item('2006-11-28'), item('2006'), item('2006-SU'), item('2006-11-02'), item('2006-05')]);
  assert.deepEqual(years.map((y) => `${y.year}:${y.count}`), ['2006:5', '2007:1']);
  assert.deepEqual(years[0].months.map((m) => m.label), ['Whole year, season or week', 'May', 'November']);
  assert.deepEqual(years[0].months[2].items.map((i) => i.value), ['2006-11-02', '2006-11-28']);
  assert.deepEqual(years[0].months[0].items.map((i) => i.value), ['2006', '2006-SU']);
});

test('values without a year are left out; no items, no years', () => {
  assert.deepEqual(groupTimeline([item('P6M'), item('XXXX-11')]), []);
  assert.deepEqual(groupTimeline([]), []);
});
