import assert from 'node:assert/strict';
import { DockerfileError } from '../../../../../src/engine/sim/builder/dockerfile/dockerfile-error.js';
import type { Instruction } from '../../../../../src/engine/sim/builder/dockerfile/instruction-types.js';
import { parseInstruction } from '../../../../../src/engine/sim/builder/dockerfile/instructions.js';
import { parseDockerfile } from '../../../../../src/engine/sim/builder/dockerfile/parser.js';

/** The typed form of a one-instruction Dockerfile. */
function typed(line: string): Instruction {
  return parseInstruction(parseDockerfile(line).nodes[0]);
}

/** The error text of a one-instruction Dockerfile that Docker refuses. */
function refused(line: string): string {
  try {
    typed(line);
  } catch (err) {
    assert.ok(err instanceof DockerfileError, String(err));
    assert.equal(err.code, 'INSTRUCTION');
    return err.message;
  }
  assert.fail(`expected ${JSON.stringify(line)} to be refused`);
}

const pick = (i: Instruction, ...keys: string[]): Record<string, unknown> =>
  Object.fromEntries(keys.map((k) => [k, (i as unknown as Record<string, unknown>)[k]]));

describe('typed Dockerfile instructions', () => {
  it('keeps the keyword as written, the trimmed code and the lines', () => {
    const i = typed('\n  run echo "a" \\\n   b  \n');
    assert.deepEqual(pick(i, 'kind', 'keyword', 'code', 'startLine', 'endLine'), {
      kind: 'RUN',
      keyword: 'run',
      code: 'run echo "a"    b',
      startLine: 2,
      endLine: 3,
    });
  });

  describe('FROM', () => {
    it('reads the image, a lower-cased stage name and --platform', () => {
      assert.deepEqual(pick(typed('FROM --platform=linux/amd64 cv-centos AS Build'), 'image', 'stageName', 'platform'), {
        image: 'cv-centos',
        stageName: 'build',
        platform: 'linux/amd64',
      });
      assert.deepEqual(pick(typed('from cv-centos'), 'image', 'stageName', 'platform'), {
        image: 'cv-centos',
        stageName: '',
        platform: '',
      });
    });
    it('refuses a wrong argument count and a bad stage name', () => {
      assert.equal(refused('FROM'), 'FROM requires either one or three arguments');
      assert.equal(refused('FROM a b'), 'FROM requires either one or three arguments');
      assert.equal(
        refused('FROM a AS 1st'),
        'invalid name for build stage: "1st", name can\'t start with a number or contain symbols',
      );
      assert.equal(refused('FROM --nope=1 a'), 'Unknown flag: nope');
    });
  });

  describe('RUN, CMD, ENTRYPOINT, SHELL', () => {
    it('tells exec form from shell form', () => {
      assert.deepEqual(pick(typed('RUN ["echo", "hi"]'), 'command', 'prependShell'), {
        command: ['echo', 'hi'],
        prependShell: false,
      });
      assert.deepEqual(pick(typed('CMD echo "finished, ------success"'), 'command', 'prependShell'), {
        command: ['echo "finished, ------success"'],
        prependShell: true,
      });
    });
    it('turns an invalid JSON array in CMD into shell form', () => {
      assert.deepEqual(pick(typed('CMD ["echo", "unterminated]'), 'command', 'prependShell'), {
        command: ['["echo", "unterminated]'],
        prependShell: true,
      });
    });
    it('records RUN --mount and the flags used, and refuses other RUN flags', () => {
      assert.deepEqual(pick(typed('RUN --mount=type=cache,target=/c make'), 'mounts', 'flagsUsed', 'command'), {
        mounts: ['type=cache,target=/c'],
        flagsUsed: ['mount'],
        command: ['make'],
      });
      assert.equal(refused('RUN --network=none true'), 'Unknown flag: network');
    });
    it('gives an empty ENTRYPOINT a null command', () => {
      assert.equal((typed('ENTRYPOINT []') as { command: unknown }).command, null);
      assert.deepEqual((typed('CMD []') as { command: unknown }).command, []);
    });
    it('takes SHELL in JSON form only', () => {
      assert.deepEqual((typed('SHELL ["/bin/bash", "-c"]') as { shell: unknown }).shell, ['/bin/bash', '-c']);
      assert.equal(refused('SHELL /bin/bash -c'), 'SHELL requires the arguments to be in JSON form');
      assert.equal(refused('SHELL []'), 'SHELL requires at least one argument');
    });
  });

  describe('ENV, ARG, LABEL', () => {
    it('reads both ENV forms, keeping quotes for expansion to remove', () => {
      assert.deepEqual((typed('ENV k=v k2="v 2"') as { env: unknown }).env, [
        { key: 'k', value: 'v' },
        { key: 'k2', value: '"v 2"' },
      ]);
      assert.deepEqual((typed('ENV k v w') as { env: unknown }).env, [{ key: 'k', value: 'v w' }]);
    });
    it('refuses ENV without arguments and blank names', () => {
      assert.equal(refused('ENV'), 'ENV requires at least one argument');
      assert.equal(refused('ENV =x'), 'ENV names can not be blank');
      assert.equal(refused('LABEL'), 'LABEL requires at least one argument');
    });
    it('reads ARG names with and without defaults', () => {
      assert.deepEqual((typed('ARG a b= c="x y"') as { args: unknown }).args, [
        { key: 'a', value: undefined },
        { key: 'b', value: '' },
        { key: 'c', value: '"x y"' },
      ]);
      assert.equal(refused('ARG'), 'ARG requires at least one argument');
      assert.equal(refused('ARG =x'), 'ARG names can not be blank');
    });
    it('reads LABEL pairs', () => {
      assert.deepEqual((typed('LABEL maintainer.email="wu@x" version="1.0.1"') as { labels: unknown }).labels, [
        { key: 'maintainer.email', value: '"wu@x"' },
        { key: 'version', value: '"1.0.1"' },
      ]);
    });
  });

  describe('paths, users and ports', () => {
    it('sorts EXPOSE ports as Docker does', () => {
      assert.deepEqual((typed('EXPOSE 80 8080 1038') as { ports: unknown }).ports, ['1038', '80', '8080']);
      assert.equal(refused('EXPOSE'), 'EXPOSE requires at least one argument');
    });
    it('reads WORKDIR, USER, STOPSIGNAL and MAINTAINER as one argument', () => {
      assert.equal((typed('WORKDIR /opt/') as { path: unknown }).path, '/opt/');
      assert.equal((typed('USER docker:root') as { user: unknown }).user, 'docker:root');
      assert.equal((typed('STOPSIGNAL SIGKILL') as { signal: unknown }).signal, 'SIGKILL');
      assert.equal(
        (typed('MAINTAINER wu.vkcyan "wu.vkcyan@gmail.com"') as { maintainer: unknown }).maintainer,
        'wu.vkcyan "wu.vkcyan@gmail.com"',
      );
      assert.equal(refused('WORKDIR'), 'WORKDIR requires exactly one argument');
      assert.equal(refused('USER'), 'USER requires exactly one argument');
      assert.equal(refused('STOPSIGNAL'), 'STOPSIGNAL requires exactly one argument');
      assert.equal(refused('MAINTAINER'), 'MAINTAINER requires exactly one argument');
    });
    it('reads VOLUME as JSON or as a list, refusing empty entries', () => {
      assert.deepEqual((typed('VOLUME ["/data","/var/www"]') as { volumes: unknown }).volumes, ['/data', '/var/www']);
      assert.deepEqual((typed('VOLUME /a /b') as { volumes: unknown }).volumes, ['/a', '/b']);
      assert.equal(refused('VOLUME [" "]'), 'VOLUME specified can not be an empty string');
      assert.equal(refused('VOLUME'), 'VOLUME requires at least one argument');
    });
  });

  describe('COPY and ADD', () => {
    it('reads flags, sources and destination, in both forms', () => {
      assert.deepEqual(pick(typed('COPY --from=build --chown=1:1 a b /dst/'), 'kind', 'from', 'chown', 'sources', 'dest'), {
        kind: 'COPY',
        from: 'build',
        chown: '1:1',
        sources: ['a', 'b'],
        dest: '/dst/',
      });
      assert.deepEqual(pick(typed('ADD ["test file", "/tmp/test file"]'), 'kind', 'sources', 'dest'), {
        kind: 'ADD',
        sources: ['test file'],
        dest: '/tmp/test file',
      });
    });
    it('refuses a missing destination with 20.10\'s text and ADD --from', () => {
      assert.equal(
        refused('add 向新镜像里面添加文件'),
        'ADD requires at least two arguments, but only one was provided. Destination could not be determined',
      );
      assert.equal(
        refused('COPY x'),
        'COPY requires at least two arguments, but only one was provided. Destination could not be determined',
      );
      assert.equal(refused('ADD --from=x a b'), 'Unknown flag: from');
      assert.equal(refused('COPY --chown a b'), 'Missing a value on flag: chown');
      assert.equal(refused('COPY --chown=a --chown=b a b'), 'Duplicate flag specified: chown');
    });
  });

  describe('ONBUILD', () => {
    it('keeps the trigger as written, for Config.OnBuild', () => {
      assert.deepEqual(pick(typed('ONBUILD RUN echo "on build excuted" >> onbuild.txt'), 'expression', 'trigger'), {
        expression: 'RUN echo "on build excuted" >> onbuild.txt',
        trigger: 'RUN',
      });
      assert.equal((typed('onbuild  add . /app/src') as { expression: unknown }).expression, 'add . /app/src');
    });
    it('refuses FROM, MAINTAINER and ONBUILD as triggers', () => {
      assert.equal(refused('ONBUILD FROM cv-centos'), "FROM isn't allowed as an ONBUILD trigger");
      assert.equal(refused('onbuild maintainer me'), "MAINTAINER isn't allowed as an ONBUILD trigger");
      assert.equal(refused('ONBUILD ONBUILD RUN x'), 'Chaining ONBUILD via `ONBUILD ONBUILD` isn\'t allowed');
      assert.equal(refused('ONBUILD'), 'ONBUILD requires at least one argument');
    });
  });

  describe('HEALTHCHECK', () => {
    it('reads CMD with its flags, in nanoseconds', () => {
      const i = typed('HEALTHCHECK --interval=5s --timeout=3s --start-period=1m30s --retries=3 CMD /app/check.sh --quiet');
      assert.deepEqual((i as { health: unknown }).health, {
        test: ['CMD-SHELL', '/app/check.sh --quiet'],
        interval: 5e9,
        timeout: 3e9,
        startPeriod: 90e9,
        retries: 3,
      });
      assert.deepEqual((typed('HEALTHCHECK cmd ["curl", "-f", "x"]') as { health: { test: unknown } }).health.test, [
        'CMD',
        'curl',
        '-f',
        'x',
      ]);
    });
    it('reads NONE, ignoring flags as 20.10 does', () => {
      assert.deepEqual((typed('HEALTHCHECK --whatever NONE') as { health: { test: unknown } }).health.test, ['NONE']);
      assert.equal(refused('HEALTHCHECK NONE x'), 'HEALTHCHECK NONE takes no arguments');
    });
    it('refuses bad types, missing commands and bad flag values', () => {
      assert.equal(refused('HEALTHCHECK'), 'HEALTHCHECK requires at least one argument');
      assert.equal(refused('HEALTHCHECK CMD'), 'Missing command after HEALTHCHECK CMD');
      assert.equal(refused('HEALTHCHECK CONNECT TCP 7000'), 'Unknown type "CONNECT" in HEALTHCHECK (try CMD)');
      assert.equal(refused('HEALTHCHECK --interval=0s CMD x'), 'Interval "interval" cannot be less than 1ms');
      assert.equal(refused('HEALTHCHECK --timeout=5 CMD x'), 'time: missing unit in duration "5"');
      assert.equal(refused('HEALTHCHECK --timeout=5x CMD x'), 'time: unknown unit "x" in duration "5x"');
      assert.equal(refused('HEALTHCHECK --retries=0 CMD x'), '--retries must be at least 1 (not 0)');
      assert.equal(refused('HEALTHCHECK --retries=x CMD x'), 'strconv.ParseInt: parsing "x": invalid syntax');
      assert.equal(refused('HEALTHCHECK --start-interval=1s CMD x'), 'Unknown flag: start-interval');
    });
  });

  describe('unknown instructions', () => {
    it('names the keyword upper-cased', () => {
      assert.equal(refused('FORM cv-centos'), 'unknown instruction: FORM');
      assert.equal(refused('ENTYPOINT ["ls"]'), 'unknown instruction: ENTYPOINT');
    });
    it('upper-cases the whole word when no blank follows the keyword', () => {
      assert.equal(
        refused('VOLUME["/dataVolume1","/dataVolume2"]'),
        'unknown instruction: VOLUME["/DATAVOLUME1","/DATAVOLUME2"]',
      );
    });
  });
});
