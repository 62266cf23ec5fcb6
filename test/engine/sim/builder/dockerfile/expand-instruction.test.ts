import assert from 'node:assert/strict';
import { ExpansionError } from '../../../../../src/engine/sim/builder/dockerfile/expand.js';
import { expandInstruction } from '../../../../../src/engine/sim/builder/dockerfile/expand-instruction.js';
import type { Instruction } from '../../../../../src/engine/sim/builder/dockerfile/instruction-types.js';
import { parseInstruction } from '../../../../../src/engine/sim/builder/dockerfile/instructions.js';
import { parseDockerfile } from '../../../../../src/engine/sim/builder/dockerfile/parser.js';

const env = ['APP=/app', 'USERNAME=tim', 'PORTS=80 443', 'SIG=SIGTERM', 'TAG=7'];

function expanded(line: string, vars: readonly string[] = env): Record<string, unknown> {
  const parsed = parseDockerfile(line);
  const instruction = parseInstruction(parsed.nodes[0]);
  return expandInstruction(instruction, vars, { escapeToken: parsed.escapeToken }) as unknown as Record<
    string,
    unknown
  >;
}

describe('expanding instructions before they run', () => {
  it('expands ENV and LABEL keys and values and removes their quotes', () => {
    assert.deepEqual(expanded('ENV HOME_DIR="$APP/home" legacy=x\\ y').env, [
      { key: 'HOME_DIR', value: '/app/home' },
      { key: 'legacy', value: 'x y' },
    ]);
    assert.deepEqual(expanded('ENV SCUBA "1 DUBA 3"').env, [{ key: 'SCUBA', value: '1 DUBA 3' }]);
    assert.deepEqual(expanded('LABEL maintainer.email="wu.vkcyan@gmail.com" version="1.0.1"').labels, [
      { key: 'maintainer.email', value: 'wu.vkcyan@gmail.com' },
      { key: 'version', value: '1.0.1' },
    ]);
  });
  it('expands ARG names and defaults, keeping "no default" apart from an empty one', () => {
    assert.deepEqual(expanded('ARG DIR=$APP/x NAME').args, [
      { key: 'DIR', value: '/app/x' },
      { key: 'NAME', value: undefined },
    ]);
  });
  it('expands WORKDIR, USER, STOPSIGNAL and VOLUME', () => {
    assert.equal(expanded('WORKDIR ${APP}/src').path, '/app/src');
    assert.equal(expanded('USER $USERNAME').user, 'tim');
    assert.equal(expanded('STOPSIGNAL $SIG').signal, 'SIGTERM');
    assert.deepEqual(expanded('VOLUME ["$APP/data", "/logs"]').volumes, ['/app/data', '/logs']);
  });
  it('expands COPY and ADD sources, destination and --chown, but not --from', () => {
    const copy = expanded('COPY --from=$TAG --chown=$USERNAME a${TAG} $APP/');
    assert.deepEqual([copy.from, copy.chown, copy.sources, copy.dest], ['$TAG', 'tim', ['a7'], '/app/']);
    const add = expanded('ADD "$APP" ${NOPE:-/opt}');
    assert.deepEqual([add.sources, add.dest], [['/app'], '/opt']);
  });
  it('fails on a quoted source with a blank in shell form, as 20.10 does (the words were split first)', () => {
    assert.throws(
      () => expanded('ADD "x y" /dst'),
      (err: unknown) =>
        err instanceof ExpansionError &&
        err.message === 'failed to process "\\"x": unexpected end of statement while looking for matching double-quote',
    );
  });
  it('splits EXPOSE values into several ports', () => {
    assert.deepEqual(expanded('EXPOSE $PORTS 8080/udp').ports, ['80', '443', '8080/udp']);
  });
  it('expands FROM with the meta args and refuses an empty result', () => {
    assert.deepEqual([expanded('FROM cv-centos:${TAG} AS b').image, expanded('FROM cv-centos:${TAG} AS b').stageName], [
      'cv-centos:7',
      'b',
    ]);
    assert.throws(
      () => expanded('FROM $NOTHING', []),
      (err: unknown) => err instanceof ExpansionError && err.message === 'base name ($NOTHING) should not be blank',
    );
  });
  it('leaves RUN, CMD and ONBUILD text for the shell and for later', () => {
    const instruction: Instruction = parseInstruction(parseDockerfile('RUN echo "$APP"').nodes[0]);
    assert.equal(expandInstruction(instruction, env), instruction);
    assert.equal(expanded('ONBUILD RUN echo $APP').expression, 'RUN echo $APP');
  });
  it('uses the backtick escape token of the file', () => {
    assert.equal(expanded('# escape=`\nWORKDIR c:\\dir\\`$APP').path, 'c:\\dir\\$APP');
  });
  it('passes expansion errors on with Docker\'s text', () => {
    assert.throws(
      () => expanded('WORKDIR ${APP'),
      (err: unknown) =>
        err instanceof ExpansionError && err.message === 'failed to process "${APP": missing \':\' in substitution',
    );
  });
});
