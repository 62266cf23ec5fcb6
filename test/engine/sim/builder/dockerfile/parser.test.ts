import assert from 'node:assert/strict';
import { DockerfileError } from '../../../../../src/engine/sim/builder/dockerfile/dockerfile-error.js';
import { dumpNodes } from '../../../../../src/engine/sim/builder/dockerfile/dump.js';
import { parseDockerfile } from '../../../../../src/engine/sim/builder/dockerfile/parser.js';

const dump = (text: string): string => dumpNodes(parseDockerfile(text).nodes);

function syntaxError(text: string, fileName?: string): DockerfileError {
  try {
    parseDockerfile(text, fileName === undefined ? {} : { fileName });
  } catch (err) {
    assert.ok(err instanceof DockerfileError, String(err));
    assert.equal(err.code, 'SYNTAX');
    return err;
  }
  assert.fail('expected a syntax error');
}

describe('Dockerfile line parser', () => {
  describe('lines, comments and continuations', () => {
    it('keeps start and end lines, counting comment and blank lines inside a continuation', () => {
      const { nodes } = parseDockerfile('# top\nFROM a\n\nRUN one \\\n# note\n\n  two\nCMD x\n');
      assert.deepEqual(
        nodes.map((n) => [n.keyword, n.startLine, n.endLine]),
        [
          ['FROM', 2, 2],
          ['RUN', 4, 7],
          ['CMD', 8, 8],
        ],
      );
      assert.equal(nodes[1].original, 'RUN one   two');
    });
    it('keeps the original line as written, leading blanks removed, for the "Step N/M : …" line', () => {
      const { nodes } = parseDockerfile('   from  cv-centos  \nrun echo "a"   &&\\\n   echo b\n');
      assert.equal(nodes[0].original, 'from  cv-centos  ');
      assert.equal(nodes[1].original, 'run echo "a"   &&   echo b');
      assert.equal(nodes[0].keyword, 'from');
    });
    it('ends an instruction at end of file even after a trailing escape token', () => {
      assert.equal(dump('FROM a\nRUN something \\'), '(from "a")\n(run "something")\n');
      assert.equal(dump('FROM a\nRUN x \\\n'), '(from "a")\n(run "x")\n');
    });
    it('does not continue after an escaped escape token', () => {
      assert.equal(dump('ENV C a\\\\\nENV D b'), '(env "C" "a\\\\\\\\" "")\n(env "D" "b" "")\n');
    });
    it('treats a line ending in the escape token inside a comment as a plain comment', () => {
      assert.equal(dump('# RUN x \\\nFROM a'), '(from "a")\n');
    });
    it('accepts CRLF line ends and a byte order mark', () => {
      const { nodes } = parseDockerfile('\ufeffFROM a\r\nRUN b \\\r\n c\r\n');
      assert.equal(dumpNodes(nodes), '(from "a")\n(run "b  c")\n');
      assert.deepEqual([nodes[1].startLine, nodes[1].endLine], [2, 3]);
    });
    it('warns about empty continuation lines the way the 20.10 builder prints it', () => {
      const { warnings } = parseDockerfile('FROM a\nRUN a \\\n\n b\n');
      assert.deepEqual(warnings, [
        '[WARNING]: Empty continuation line found in:\n    RUN a  b',
        '[WARNING]: Empty continuation lines will become errors in a future release.',
      ]);
      assert.deepEqual(parseDockerfile('FROM a\nRUN a \\\n# c\n b\n').warnings, []);
    });
  });

  describe('parser directives', () => {
    it('switches the escape token to a backtick', () => {
      const result = parseDockerfile('# escape=`\nFROM a\nRUN dir c:\\ `\n  /s\n');
      assert.equal(result.escapeToken, '`');
      assert.equal(dumpNodes(result.nodes), '(from "a")\n(run "dir c:\\\\   /s")\n');
    });
    it('reads syntax and escape together, in any case, and reports them', () => {
      const result = parseDockerfile('# syntax=docker/dockerfile:1\n#ESCAPE = `\nFROM `\n a\n');
      assert.deepEqual(result.directives, [
        { name: 'syntax', value: 'docker/dockerfile:1', line: 1 },
        { name: 'escape', value: '`', line: 2 },
      ]);
      assert.equal(dumpNodes(result.nodes), '(from "a")\n');
    });
    it('ignores a directive after a comment, a blank line or an instruction', () => {
      for (const text of ['# hello\n# escape=`\nFROM a', '\n# escape=`\nFROM a', 'FROM a\n# escape=`\n']) {
        assert.equal(parseDockerfile(text).escapeToken, '\\', JSON.stringify(text));
      }
    });
    it('ignores unknown directive names and ends the directive block there', () => {
      assert.equal(parseDockerfile('# foo=bar\n# escape=`\nFROM a').escapeToken, '\\');
    });
    it('refuses a repeated directive and a bad escape token', () => {
      assert.equal(
        syntaxError('# escape=`\n# escape=\\\nFROM a').daemonMessage,
        'failed to parse Dockerfile: only one escape parser directive can be used',
      );
      assert.equal(syntaxError('# escape=x\nFROM a').message, "invalid escape token 'x' does not match ` or \\");
    });
  });

  describe('keywords, flags and arguments', () => {
    it('accepts keywords in any case and keeps them as written', () => {
      const { nodes } = parseDockerfile('from a\nRuN b\ncmd ["echo","ok"]');
      assert.deepEqual(
        nodes.map((n) => n.keyword),
        ['from', 'RuN', 'cmd'],
      );
      assert.deepEqual(nodes[2].args, ['echo', 'ok']);
      assert.equal(nodes[2].json, true);
    });
    it('reads leading flags first, with quotes and a `--` end marker', () => {
      const { nodes } = parseDockerfile('COPY --from=build --chown="a b" src /dst\nCOPY --x -- --notaflag /d');
      assert.deepEqual(nodes[0].flags, ['--from=build', '--chown=a b']);
      assert.deepEqual(nodes[0].args, ['src', '/dst']);
      assert.deepEqual(nodes[1].flags, ['--x']);
      assert.deepEqual(nodes[1].args, ['--notaflag', '/d']);
    });
    it('splits ENV and LABEL into key, value, separator triples, keeping quotes', () => {
      const { nodes } = parseDockerfile('ENV a=1 b="x y"\nENV legacy some  value\nLABEL k=v');
      assert.deepEqual(nodes[0].args, ['a', '1', '=', 'b', '"x y"', '=']);
      assert.deepEqual(nodes[1].args, ['legacy', 'some  value', '']);
      assert.deepEqual(nodes[2].args, ['k', 'v', '=']);
    });
    it('keeps ONBUILD\'s trigger as a nested node with its own original text', () => {
      const [node] = parseDockerfile('ONBUILD  COPY --from=x . /app').nodes;
      assert.deepEqual(node.args, []);
      assert.equal(node.trigger?.keyword, 'COPY');
      assert.equal(node.trigger?.original, 'COPY --from=x . /app');
      assert.deepEqual(node.trigger?.flags, ['--from=x']);
      assert.equal(dumpNodes([node]), '(onbuild (copy ["--from=x"] "." "/app"))\n');
    });
    it('gives an unknown keyword one empty argument, as buildkit does', () => {
      assert.equal(dump('FORM cv-centos'), '(form "")\n');
      assert.equal(dump('VOLUME["/a","/b"]'), '(volume["/a","/b"] "")\n');
    });
  });

  describe('JSON and shell form', () => {
    it('falls back to shell form for invalid JSON', () => {
      const [node] = parseDockerfile('CMD ["echo", "unterminated]').nodes;
      assert.equal(node.json, false);
      assert.deepEqual(node.args, ['["echo", "unterminated]']);
    });
    it('ignores text after the closing bracket, as Go\'s json.Decoder in 20.10 does', () => {
      const [node] = parseDockerfile('CMD ["a", "b"] trailing').nodes;
      assert.equal(node.json, true);
      assert.deepEqual(node.args, ['a', 'b']);
    });
    it('refuses an array with a non-string element', () => {
      assert.equal(
        syntaxError('FROM a\nCMD ["a", 1]').daemonMessage,
        'failed to parse Dockerfile: when using JSON array syntax, arrays must be comprised of strings only',
      );
    });
    it('splits COPY, ADD and VOLUME on blanks when not JSON', () => {
      const { nodes } = parseDockerfile('VOLUME /a  /b\nADD ["x y", "/z"]');
      assert.deepEqual(nodes[0].args, ['/a', '/b']);
      assert.deepEqual(nodes[1].args, ['x y', '/z']);
    });
  });

  describe('syntax errors', () => {
    it('refuses ENV and LABEL without a value', () => {
      assert.equal(syntaxError('FROM a\nENV foo').message, 'ENV must have two arguments');
      assert.equal(syntaxError('FROM a\nLABEL foo').message, 'LABEL must have two arguments');
      const err = syntaxError('FROM a\nENV a=b c');
      assert.equal(err.message, 'Syntax error - can\'t find = in "c". Must be of the form: name=value');
      assert.deepEqual([err.line, err.endLine], [2, 2]);
    });
    it('refuses a file with no instructions, naming the -f file', () => {
      const err = syntaxError('# just a comment\n', 'sub/mydockerfile');
      assert.equal(err.daemonMessage, 'failed to parse sub/mydockerfile: file with no instructions');
      assert.equal(syntaxError('\n\n  \n').message, 'file with no instructions');
    });
    it('refuses a line of 64 KiB or more', () => {
      assert.equal(
        syntaxError(`FROM a\nRUN ${'x'.repeat(65536)}\n`).message,
        'dockerfile line greater than max allowed size of 65535',
      );
      assert.doesNotThrow(() => parseDockerfile(`FROM a\nRUN ${'x'.repeat(65000)}\n`));
    });
  });
});
