// Go's text/tabwriter with docker's settings (minwidth 10, padding 3): column blocks, runes not bytes, and
// the padding of an empty last column.

import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { TabFlags, TabWriter, tabulate } from '../../../../../src/engine/sim/cli/format/tabwriter.js';

describe('tabwriter', () => {
  it('pads columns to the widest cell plus 3, at least 10', () => {
    assert.equal(tabulate('DRIVER\tVOLUME NAME\nlocal\tcv-named1\n'), 'DRIVER    VOLUME NAME\nlocal     cv-named1\n');
    assert.equal(tabulate('a-very-long-cell\tx\nb\ty\n'), 'a-very-long-cell   x\nb                  y\n');
  });

  it('pads the cell before an empty last column (history COMMENT)', () => {
    assert.equal(tabulate('SIZE\tCOMMENT\n0B\t\n'), 'SIZE      COMMENT\n0B        \n');
  });

  it('counts runes, so … and CJK take one column each', () => {
    assert.equal(tabulate('ab…\tx\n提交的描述信息\ty\n'), 'ab…       x\n提交的描述信息   y\n');
  });

  it('ends a column block at a line without tabs', () => {
    assert.equal(tabulate('a\tb\nno tabs here\nlonger-cell\tc\n'), 'a         b\nno tabs here\nlonger-cell   c\n');
  });

  it('keeps text after the last tab out of the column and without padding', () => {
    assert.equal(tabulate('a\tb\tc\naa\tbbbbbbbbbbbb\n'), 'a         b         c\naa        bbbbbbbbbbbb\n');
  });

  it('writes unterminated text as is and supports incremental writes', () => {
    const w = new TabWriter();
    w.write('NAME\t');
    w.write('ID\nx\ty');
    assert.equal(w.flush(), 'NAME      ID\nx         y');
  });

  it('honours AlignRight and Debug', () => {
    const opts = { minwidth: 0, tabwidth: 8, padding: 1, padchar: '.', flags: TabFlags.AlignRight | TabFlags.Debug };
    assert.equal(tabulate('a\tbbb\tc\naaaa\tb\tc\n', opts), '....a|.bbb|c\n.aaaa|...b|c\n');
  });
});
