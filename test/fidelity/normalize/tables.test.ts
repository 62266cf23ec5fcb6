import assert from 'node:assert/strict';
import { columnStarts, isTable, MISALIGNED, realignHeaderlessRows, realignTable } from '../../../src/runner/normalize/tables.js';

const IMAGES = [
  'REPOSITORY   TAG       IMAGE ID       CREATED                  SIZE',
  'cv-bigdel    1layer    9af1416d5a87   Less than a second ago   1.99MB',
  'cv-bigdel    2layers   d2b57c523438   1 second ago             7.23MB',
  '',
].join('\n');

describe('tables', () => {
  it('finds the column starts of a header with multi-word titles', () => {
    assert.deepEqual(columnStarts('CONTAINER ID   IMAGE     COMMAND'), [0, 15, 25]);
    assert.ok(isTable(IMAGES));
    assert.ok(!isTable('total 8\ndrwxr-xr-x 2 0 0 4096 Nov 22 21:26 .\n'));
  });

  it('rewrites a table cell by cell, so column widths do not matter', () => {
    const narrow = ['REPOSITORY   TAG       IMAGE ID       CREATED        SIZE', 'cv-bigdel    1layer    9af1416d5a87   2 hours ago    1.99MB', ''].join('\n');
    assert.equal(realignTable(IMAGES).split('\n')[1], 'cv-bigdel | 1layer | 9af1416d5a87 | Less than a second ago | 1.99MB');
    assert.equal(realignTable(narrow).split('\n')[1], 'cv-bigdel | 1layer | 9af1416d5a87 | 2 hours ago | 1.99MB');
  });

  it('keeps empty cells (PORTS) and trailing empty columns (COMMENT)', () => {
    const ps = ['CONTAINER ID   IMAGE     COMMAND   CREATED   STATUS    PORTS     NAMES', 'e30e2548f741   cv-x      "true"    1 s       Created             cv-cow', ''].join('\n');
    assert.equal(realignTable(ps).split('\n')[1], 'e30e2548f741 | cv-x | "true" | 1 s | Created |  | cv-cow');
  });

  it('marks a row whose cell runs into the next column', () => {
    const bad = ['NAME   SIZE', 'toolongname 1B', ''].join('\n');
    assert.equal(realignTable(bad).split('\n')[1], `${MISALIGNED}toolongname 1B`);
  });

  it('splits rows without their header at tabwriter padding', () => {
    assert.equal(realignHeaderlessRows('<none>              <none>    e447aa67f406   1 second ago             1.99MB\n'), '<none> | <none> | e447aa67f406 | 1 second ago | 1.99MB\n');
  });

  it('leaves other text alone', () => {
    assert.equal(realignTable('hello   world\n'), 'hello   world\n');
  });
});
