import assert from 'node:assert/strict';
import { showEscapes } from '../../../src/runner/normalize/ansi-escapes.js';
import { replaceHostPaths } from '../../../src/runner/normalize/host-paths.js';
import { stripCarriageReturns } from '../../../src/runner/normalize/line-endings.js';
import { replaceProcessIds } from '../../../src/runner/normalize/process-ids.js';

describe('stripCarriageReturns', () => {
  it('removes the \\r of exec errors and of the build-context progress line', () => {
    assert.equal(stripCarriageReturns('Sending build context to Docker daemon  2.048kB\r\r\nStep 1/2\r\n'), 'Sending build context to Docker daemon  2.048kB\nStep 1/2\n');
  });
});

describe('showEscapes', () => {
  it('writes ESC as the literal \\x1b the reference uses', () => {
    assert.equal(showEscapes('\x1b[91mls: x\n\x1b[0m'), '\\x1b[91mls: x\n\\x1b[0m');
  });
});

describe('replaceHostPaths', () => {
  it('replaces a host root where it starts a path', () => {
    assert.equal(
      replaceHostPaths('"Source":"/scratch/host/a" lstat /scratch/berr/x: /scratch', ['/scratch']),
      '"Source":"<HOSTDIR>/host/a" lstat <HOSTDIR>/berr/x: <HOSTDIR>',
    );
  });

  it('does not touch a longer name or a path inside another one', () => {
    assert.equal(replaceHostPaths('/scratchpad /x/scratch/y', ['/scratch']), '/scratchpad /x/scratch/y');
  });
});

describe('replaceProcessIds', () => {
  it('replaces non-zero host PIDs in inspect output and formats', () => {
    assert.equal(replaceProcessIds('"Pid": 19968,'), '"Pid": <PID>,');
    assert.equal(replaceProcessIds('{"Pid":9877,"ExitCode":0}'), '{"Pid":<PID>,"ExitCode":0}');
    assert.equal(replaceProcessIds('Pid=10850 HostConfig'), 'Pid=<PID> HostConfig');
  });

  it('keeps Pid 0 (not running)', () => {
    assert.equal(replaceProcessIds('"Pid": 0,'), '"Pid": 0,');
  });
});
