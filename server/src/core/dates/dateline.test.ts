import { test } from 'node:test';
import assert from 'node:assert/strict';
import { recognizeDates } from './recognizeDates';

const render = (text: string, dct: string) => recognizeDates(text, dct).map((m) => `${m.text}=${m.value}@${m.anchor ?? '-'}`);

test('a wire dateline is the day relative dates count from', () => {
  // Published on the 14th, written on the 13th: "today" is the 13th, "yesterday" the 12th.
  assert.deepEqual(render('WASHINGTON, August 13 (Xinhua) --\n\nClinton spoke today and met aides yesterday.', '1998-08-14'),
    ['August 13=1998-08-13@1998-08-13', 'today=1998-08-13@1998-08-13', 'yesterday=1998-08-12@1998-08-13']);
  assert.deepEqual(render('DAR ES SALAAM, Tanzania, Aug. 7 - Officials said today that ...', '1998-08-08'),
    ['Aug. 7=1998-08-07@1998-08-07', 'today=1998-08-07@1998-08-07']);
  assert.deepEqual(render('BRUSSELS, December 2, 1998 (AFP) -- The vote is tomorrow.', '1998-12-03'),
    ['December 2, 1998=1998-12-02@-', 'tomorrow=1998-12-03@1998-12-02']);
});

test('no dateline, or a date that is no dateline: the publication date stays the anchor', () => {
  assert.deepEqual(render('Clinton spoke today.', '1998-08-14'), ['today=1998-08-14@1998-08-14']);
  // A date in the first sentence that is not followed by the agency or a dash.
  assert.deepEqual(render('On August 13, Clinton spoke; today he rests.', '1998-08-14'),
    ['August 13=1998-08-13@1998-08-14', 'today=1998-08-14@1998-08-14']);
  // A dateline far from the publication date is some other date, not the day of writing.
  assert.deepEqual(render('WASHINGTON, March 12 (AP) -- He spoke today.', '1998-08-14'),
    ['March 12=1998-03-12@1998-08-14', 'today=1998-08-14@1998-08-14']);
  // The place must come first: a lone month-day at the start is no dateline.
  assert.deepEqual(render('August 13 (Xinhua) -- He spoke today.', '1998-08-14'),
    ['August 13=1998-08-13@1998-08-14', 'today=1998-08-14@1998-08-14']);
});
