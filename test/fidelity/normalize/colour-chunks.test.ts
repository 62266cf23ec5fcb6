import assert from 'node:assert/strict';
import { joinColourChunks, showEscapes } from '../../../src/runner/normalize/ansi-escapes.js';

describe('normalise: colour chunk boundaries of a RUN step\'s stderr', () => {
  it('gives one form whether the message and its newline came as one chunk or two', () => {
    const two = showEscapes('\x1b[91m/bin/sh: apt-get: not found\x1b[0m\x1b[91m\n\x1b[0m');
    const one = showEscapes('\x1b[91m/bin/sh: apt-get: not found\n\x1b[0m');
    assert.equal(joinColourChunks(two), joinColourChunks(one));
    assert.equal(joinColourChunks(one), one, 'text without a boundary is left alone');
  });
});
