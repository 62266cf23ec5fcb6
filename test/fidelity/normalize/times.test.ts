import assert from 'node:assert/strict';
import { replaceRelativeTimes } from '../../../src/runner/normalize/relative-times.js';
import { replaceLsDates, replaceTimestamps } from '../../../src/runner/normalize/timestamps.js';

describe('replaceTimestamps', () => {
  it('replaces RFC 3339 times with and without fractions', () => {
    assert.equal(replaceTimestamps('"Created": "2026-11-22T21:31:59.231483799Z",'), '"Created": "<TIME>",');
    assert.equal(replaceTimestamps('e00d1f3e68bc   2026-11-22T21:26:02Z   catalina.sh'), 'e00d1f3e68bc   <TIME>   catalina.sh');
  });

  it('normalises the client log line', () => {
    assert.equal(
      replaceTimestamps('time="2026-11-22T21:31:26Z" level=error msg="error waiting for container: context canceled"'),
      'time="<TIME>" level=error msg="error waiting for container: context canceled"',
    );
  });

  it('keeps the zero time', () => {
    assert.equal(replaceTimestamps('"FinishedAt": "0001-01-01T00:00:00Z"'), '"FinishedAt": "0001-01-01T00:00:00Z"');
  });
});

describe('replaceLsDates', () => {
  it('replaces ls -l dates of this year and of other years, keeping the width', () => {
    const a = replaceLsDates('drwxr-xr-x    1 0        0             4096 Nov 22 21:26 .');
    const b = replaceLsDates('drwxr-xr-x    2 0        0             4096 Jan  1  1970 ..');
    assert.equal(a, 'drwxr-xr-x    1 0        0             4096 <DATE>       .');
    assert.equal(b, 'drwxr-xr-x    2 0        0             4096 <DATE>       ..');
  });
});

describe('replaceRelativeTimes', () => {
  it('replaces every human duration docker prints', () => {
    assert.equal(replaceRelativeTimes('Less than a second ago'), '<AGO>');
    assert.equal(replaceRelativeTimes('1 second ago | 54 seconds ago | About a minute ago | 5 minutes ago | 24 hours ago'), '<AGO> | <AGO> | <AGO> | <AGO> | <AGO>');
    assert.equal(replaceRelativeTimes('Up 9 seconds | Up About a minute | Up Less than a second (Paused)'), 'Up <DURATION> | Up <DURATION> | Up <DURATION> (Paused)');
    assert.equal(replaceRelativeTimes('Exited (137) Less than a second ago'), 'Exited (137) <AGO>');
  });

  it('leaves other numbers alone', () => {
    assert.equal(replaceRelativeTimes('sleep 300 seconds'), 'sleep 300 seconds');
  });
});
