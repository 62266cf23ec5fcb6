// The parse-time errors of `docker build` (legacy builder, Docker 20.10.24), checked against the texts recorded
// in docker-reference.md sections 2.6, 2.7 (C27) and 3.6.
import assert from 'node:assert/strict';
import { DockerfileError } from '../../../../../src/engine/sim/builder/dockerfile/dockerfile-error.js';
import { readDockerfile } from '../../../../../src/engine/sim/builder/dockerfile/read-dockerfile.js';

/** What the CLI prints on stderr for a Dockerfile the daemon refuses before step 1. */
function daemonError(text: string, fileName?: string): string {
  try {
    readDockerfile(text, fileName);
  } catch (err) {
    assert.ok(err instanceof DockerfileError, String(err));
    return `Error response from daemon: ${err.daemonMessage}`;
  }
  assert.fail('expected the Dockerfile to be refused');
}

// Seed 002's Dockerfile as written (FROM changed to the local fixture, as in the transcript).
const SEED_002 = [
  '#Version 1.0.1',
  'FROM cv-ubuntu:latest',
  '#from 指定等待拓展的父级元素,多个from则创建多个镜像',
  'MAINTAINER wu.vkcyan "wu.vkcyan@gmail.com"',
  '#maintainer 声明作者信息',
  'USER root',
  '#指令运行的指定用户',
  'RUN apt-get update',
  'RUN apt-get install -y nginx',
  '#用来修改镜像,会在当前镜像创建镜像层,接下来的执行会在新的镜像上将继续执行',
  'RUN touch test.txt && echo "abc" >>abc.txt',
  'EXPOSE 80 8080 1038',
  'expose 指定对外开放的端口号',
  'ADD abc.txt /opt/',
  'ADD /webapp/ opt/wedapp',
  'ADD https://www.baidu.com/img/bd_logo1.png /opt/',
  'add 向新镜像里面添加文件',
  'ENV WEBAPP_PORT=9090',
  '#env 设置容器运行的环境',
  'WORKDIR /opt/',
  '#workdir 为接下来的指令指定一个新的工作目录,当容器启动,指定的目录就是容器运行的当前工作路径',
  'ENTYPOINT ["ls"]',
  'CMD ["-a","-l"]',
  '设置容器的默认运行命令',
  'VOLUME ["/data","/var/www"]',
  'volume在经向里面创建一个指定挂载点',
  'ONBUILD ADD . /app/src',
  'ONBUILD RUN echo "on build excuted" >> onbuild.txt',
  '触发器指令,新的镜像使用from指令父镜为这个镜像的时候,就会触发onbbuild',
];
const without = (...drop: string[]): string => `${SEED_002.filter((l) => !drop.some((d) => l.startsWith(d))).join('\n')}\n`;

describe('reading a Dockerfile as the 20.10 daemon does', () => {
  it('refuses an unknown instruction with its line (3.6 unknown1, unknown2)', () => {
    assert.equal(
      daemonError('FORM cv-centos\nRUN true\n'),
      'Error response from daemon: dockerfile parse error line 1: unknown instruction: FORM',
    );
    assert.equal(
      daemonError('FROM cv-centos\nRUN true\nCOPPY present.txt /\n'),
      'Error response from daemon: dockerfile parse error line 3: unknown instruction: COPPY',
    );
  });
  it('upper-cases a keyword glued to its JSON arguments (2.6 volnospace)', () => {
    assert.equal(
      daemonError('FROM cv-centos\nVOLUME["/dataVolume1","/dataVolume2"]\n'),
      'Error response from daemon: dockerfile parse error line 2: unknown instruction: VOLUME["/DATAVOLUME1","/DATAVOLUME2"]',
    );
  });
  it('refuses ENV without arguments (3.6 envbad)', () => {
    assert.equal(
      daemonError('FROM cv-centos\nENV\n'),
      'Error response from daemon: dockerfile parse error line 2: ENV requires at least one argument',
    );
  });
  it('refuses FROM as an ONBUILD trigger (3.6 onbuildfrom)', () => {
    assert.equal(
      daemonError('FROM cv-centos\nONBUILD FROM cv-centos\n'),
      "Error response from daemon: dockerfile parse error line 2: FROM isn't allowed as an ONBUILD trigger",
    );
  });
  it('reports only the first error of seed 002, then the next once it is fixed (C27)', () => {
    assert.equal(
      daemonError(without()),
      'Error response from daemon: dockerfile parse error line 17: ADD requires at least two arguments, but only one was provided. Destination could not be determined',
    );
    assert.equal(
      daemonError(without('add ')),
      'Error response from daemon: dockerfile parse error line 21: unknown instruction: ENTYPOINT',
    );
    const v3 = readDockerfile(without('add ', 'ENTYPOINT', '设置', 'volume在', '触发器'));
    assert.equal(v3.stages.length, 1);
    assert.equal(v3.stages[0].from.code, 'FROM cv-ubuntu:latest');
    assert.deepEqual(
      v3.stages[0].commands.map((c) => c.code).slice(0, 3),
      ['MAINTAINER wu.vkcyan "wu.vkcyan@gmail.com"', 'USER root', 'RUN apt-get update'],
    );
    // 17 steps in the transcript: FROM plus 16 commands.
    assert.equal(1 + v3.stages[0].commands.length, 17);
  });
  it('refuses an empty file, naming the -f file (3.6 empty)', () => {
    assert.equal(daemonError(''), 'Error response from daemon: the Dockerfile (Dockerfile) cannot be empty');
    assert.equal(
      daemonError('', 'sub/mydockerfile'),
      'Error response from daemon: the Dockerfile (sub/mydockerfile) cannot be empty',
    );
  });
  it('refuses a file with only comments (3.6 onlycomments)', () => {
    assert.equal(
      daemonError('# just a comment\n'),
      'Error response from daemon: failed to parse Dockerfile: file with no instructions',
    );
  });
  it('refuses an instruction before the first FROM, but allows ARG there (3.6 nofrom)', () => {
    assert.equal(daemonError('RUN echo hi\n'), 'Error response from daemon: no build stage in current context');
    const read = readDockerfile('ARG TAG=latest\nFROM cv-centos:${TAG}\nARG INNER\n');
    assert.deepEqual(
      read.metaArgs.map((a) => a.code),
      ['ARG TAG=latest'],
    );
    assert.deepEqual(
      read.stages[0].commands.map((c) => c.kind),
      ['ARG'],
    );
  });
  it('stops at the first problem in file order', () => {
    assert.equal(
      daemonError('RUN x\nFORM y\n'),
      'Error response from daemon: no build stage in current context',
    );
    // Line-parser errors come before instruction errors, wherever they are.
    assert.equal(
      daemonError('FORM y\nFROM a\nENV foo\n'),
      'Error response from daemon: failed to parse Dockerfile: ENV must have two arguments',
    );
  });
  it('accepts lower-case instructions and invalid JSON in CMD (3.6 lowercase, cmdjsonbad)', () => {
    const lower = readDockerfile('from cv-centos\nrun echo lower-case instructions are fine\ncmd ["echo","ok"]\n');
    assert.deepEqual(
      [lower.stages[0].from.code, ...lower.stages[0].commands.map((c) => c.code)],
      ['from cv-centos', 'run echo lower-case instructions are fine', 'cmd ["echo","ok"]'],
    );
    const bad = readDockerfile('FROM cv-centos\nCMD ["echo", "unterminated]\n');
    assert.equal(bad.stages[0].commands[0].code, 'CMD ["echo", "unterminated]');
  });
  it('groups stages for a multi-stage build (C28)', () => {
    const read = readDockerfile(
      'FROM cv-centos AS stage1\nRUN echo stage1 > /stage1.txt\nFROM cv-tomcat\nRUN echo stage2 > /stage2.txt\n',
    );
    assert.deepEqual(
      read.stages.map((s) => [s.from.stageName, s.commands.length]),
      [
        ['stage1', 1],
        ['', 1],
      ],
    );
  });
});
