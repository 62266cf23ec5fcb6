import assert from 'node:assert/strict';
import { dumpNode, dumpNodes } from '../../../../../src/engine/sim/builder/dockerfile/dump.js';
import { parseDockerfile } from '../../../../../src/engine/sim/builder/dockerfile/parser.js';

describe("buildkit's parse dump", () => {
  it('lower-cases the keyword, puts flags first and quotes every argument as Go does', () => {
    const { nodes } = parseDockerfile('COPY --user=me foo /tmp/\nCMD --doit [ "a", "b" ]\nENV k="v 1"\n');
    assert.equal(
      dumpNodes(nodes),
      '(copy ["--user=me"] "foo" "/tmp/")\n(cmd ["--doit"] "a" "b")\n(env "k" "\\"v 1\\"" "=")\n',
    );
  });
  it('nests ONBUILD triggers and prints empty instructions without arguments', () => {
    const { nodes } = parseDockerfile('ONBUILD RUN ["echo", "test"]\nHEALTHCHECK\nONBUILD\n');
    assert.deepEqual(nodes.map(dumpNode), ['onbuild (run "echo" "test")', 'healthcheck', 'onbuild']);
  });
  it('escapes control characters and keeps printable Unicode', () => {
    const { nodes } = parseDockerfile('CMD ["\\u0000 \\t ♥"]\n');
    assert.equal(dumpNode(nodes[0]), 'cmd "\\x00 \\t ♥"');
  });
});
