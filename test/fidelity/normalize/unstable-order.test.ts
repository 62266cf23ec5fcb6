import assert from 'node:assert/strict';
import { arraySpan, sortDiffLines, sortMountArrays, sortRowsBelowHeader, sortSameImageRows } from '../../../src/runner/normalize/unstable-order.js';

describe('unstable orders', () => {
  it('sorts docker diff lines by path', () => {
    assert.equal(sortDiffLines('C /usr\nC /usr/local\nD /usr/local/tomcat/NOTICE\nC /tmp\nA /tmp/new.txt\n'), 'C /tmp\nA /tmp/new.txt\nC /usr\nC /usr/local\nD /usr/local/tomcat/NOTICE\n');
  });

  it('finds the top-level elements of a JSON array, strings with brackets included', () => {
    const text = 'x=[{"a":"]"},{"b":[1,2]}] rest';
    const span = arraySpan(text, 2)!;
    assert.deepEqual(span.elements.map(([s, e]) => text.slice(s, e)), ['{"a":"]"}', '{"b":[1,2]}']);
    assert.equal(text.slice(span.start, span.end), '[{"a":"]"},{"b":[1,2]}]');
  });

  it('sorts a compact Mounts array by Destination', () => {
    const a = '[{"Type":"volume","Destination":"/dataVolume2"},{"Type":"bind","Destination":"/bindro"}]';
    assert.equal(sortMountArrays(a), '[{"Type":"bind","Destination":"/bindro"},{"Type":"volume","Destination":"/dataVolume2"}]');
  });

  it('sorts Mounts inside a format string and a pretty Mounts array, keeping the layout', () => {
    assert.equal(sortMountArrays('Binds=["b:/b","a:/a"] Mounts=[{"Type":"x","Destination":"/z"},{"Type":"y","Destination":"/a"}]'), 'Binds=["a:/a","b:/b"] Mounts=[{"Type":"y","Destination":"/a"},{"Type":"x","Destination":"/z"}]');
    const pretty = '"Mounts": [\n    {\n        "Type": "bind",\n        "Destination": "/z"\n    },\n    {\n        "Type": "volume",\n        "Destination": "/a"\n    }\n],';
    const sorted = sortMountArrays(pretty);
    assert.ok(sorted.indexOf('"/a"') < sorted.indexOf('"/z"'));
    assert.equal(sorted.length, pretty.length);
  });

  it('sorts image rows that share an image ID, and only those', () => {
    const t = 'REPOSITORY | TAG | IMAGE ID | CREATED | SIZE\ncv-rmi | v1 | <ID1> | x | 1B\ncv-ns/rmi | v2 | <ID1> | x | 1B\nzz | 1 | <ID2> | x | 1B\naa | 1 | <ID3> | x | 1B\n';
    assert.equal(sortSameImageRows(t), 'REPOSITORY | TAG | IMAGE ID | CREATED | SIZE\ncv-ns/rmi | v2 | <ID1> | x | 1B\ncv-rmi | v1 | <ID1> | x | 1B\nzz | 1 | <ID2> | x | 1B\naa | 1 | <ID3> | x | 1B\n');
  });

  it('sorts volume listings below their header', () => {
    assert.equal(sortRowsBelowHeader('DRIVER | VOLUME NAME\nlocal | <ID2>\nlocal | <ID1>\n', true), 'DRIVER | VOLUME NAME\nlocal | <ID1>\nlocal | <ID2>\n');
    assert.equal(sortRowsBelowHeader('<ID2>\n<ID1>\n', false), '<ID1>\n<ID2>\n');
  });
});
