import assert from 'node:assert/strict';
import { parseDockerArgv, rootUsage, type ParsedCommand, type ParseResult } from '../../src/docker-cli/index.js';

// Each expected text below was checked against /usr/bin/docker 20.10.24; the comment names the command run.

function ok(r: ParseResult): ParsedCommand {
  if (!r.ok) assert.fail(`expected a command, got exit ${r.exitCode}: ${r.stderr}`);
  return r.command;
}

function stopped(r: ParseResult) {
  assert.equal(r.ok, false, 'expected docker to stop at parse time');
  return r.ok ? { exitCode: -1, stdout: '', stderr: '' } : { exitCode: r.exitCode, stdout: r.stdout, stderr: r.stderr };
}

function given(c: ParsedCommand): Record<string, unknown> {
  return Object.fromEntries([...c.flagsSet].map((k) => [k, c.flags[k]]));
}

describe('parseDockerArgv: usage errors', () => {
  it('rejects an unknown long flag (docker commit --m=x c i)', () => {
    assert.deepEqual(stopped(parseDockerArgv(['commit', '--m=x', 'c', 'i'])), {
      exitCode: 125,
      stdout: '',
      stderr: "unknown flag: --m\nSee 'docker commit --help'.\n",
    });
  });
  it('rejects a run flag placed before the command, with the full help (docker -i -t run x)', () => {
    const r = stopped(parseDockerArgv(['-i', '-t', 'run', 'x']));
    assert.equal(r.exitCode, 125);
    assert.equal(r.stderr, `unknown shorthand flag: 'i' in -i\nSee 'docker --help'.\n\n${rootUsage(false)}\n`);
    assert.ok(r.stderr.includes('\nManagement Commands:\n  builder     Manage builds\n  config '), 'no completion line here');
    assert.ok(rootUsage(true).includes('  completion  Generate the autocompletion script for the specified shell\n'));
  });
  it('needs a flag value (docker commit -m / docker commit --message)', () => {
    assert.equal(stopped(parseDockerArgv(['commit', '-m'])).stderr, "flag needs an argument: 'm' in -m\nSee 'docker commit --help'.\n");
    assert.equal(stopped(parseDockerArgv(['commit', '--message'])).stderr, "flag needs an argument: --message\nSee 'docker commit --help'.\n");
  });
  it('rejects a non-integer (docker stop -t x c)', () => {
    assert.deepEqual(stopped(parseDockerArgv(['stop', '-t', 'x', 'c'])), {
      exitCode: 125,
      stdout: '',
      stderr: 'invalid argument "x" for "-t, --time" flag: strconv.ParseInt: parsing "x": invalid syntax\nSee \'docker stop --help\'.\n',
    });
  });
  it('names the remaining shorthands of a group (docker rm -fz c, docker rm -é c)', () => {
    assert.equal(stopped(parseDockerArgv(['rm', '-fz', 'c'])).stderr, "unknown shorthand flag: 'z' in -z\nSee 'docker rm --help'.\n");
    assert.equal(stopped(parseDockerArgv(['rm', '-é', 'c'])).stderr, "unknown shorthand flag: 'Ã' in -é\nSee 'docker rm --help'.\n");
  });
  it('reports argument counts with the usage header, exit 1 (docker commit)', () => {
    assert.deepEqual(stopped(parseDockerArgv(['commit'])), {
      exitCode: 1,
      stdout: '',
      stderr:
        '"docker commit" requires at least 1 and at most 2 arguments.\nSee \'docker commit --help\'.\n\n' +
        "Usage:  docker commit [OPTIONS] CONTAINER [REPOSITORY[:TAG]]\n\nCreate a new image from a container's changes\n",
    });
  });
  it('reports "exactly", "at least", "at most" and "no arguments" (docker build -t x; rm; images a b; ps x)', () => {
    assert.equal(
      stopped(parseDockerArgv(['build', '-t', 'cv-xiaowu/file:v2'])).stderr,
      '"docker build" requires exactly 1 argument.\nSee \'docker build --help\'.\n\nUsage:  docker build [OPTIONS] PATH | URL | -\n\nBuild an image from a Dockerfile\n',
    );
    assert.equal(
      stopped(parseDockerArgv(['rm'])).stderr,
      '"docker rm" requires at least 1 argument.\nSee \'docker rm --help\'.\n\nUsage:  docker rm [OPTIONS] CONTAINER [CONTAINER...]\n\nRemove one or more containers\n',
    );
    assert.equal(
      stopped(parseDockerArgv(['images', 'a', 'b'])).stderr,
      '"docker images" requires at most 1 argument.\nSee \'docker images --help\'.\n\nUsage:  docker images [OPTIONS] [REPOSITORY[:TAG]]\n\nList images\n',
    );
    assert.equal(
      stopped(parseDockerArgv(['ps', 'x'])).stderr,
      '"docker ps" accepts no arguments.\nSee \'docker ps --help\'.\n\nUsage:  docker ps [OPTIONS]\n\nList containers\n',
    );
  });
  it('names the command by its cobra path, whatever alias was typed (docker container ps x)', () => {
    assert.equal(
      stopped(parseDockerArgv(['container', 'ps', 'x'])).stderr,
      '"docker container ls" accepts no arguments.\nSee \'docker container ls --help\'.\n\nUsage:  docker container ls [OPTIONS]\n\nList containers\n',
    );
    assert.equal(
      stopped(parseDockerArgv(['volume', 'rm'])).stderr,
      '"docker volume rm" requires at least 1 argument.\nSee \'docker volume rm --help\'.\n\nUsage:  docker volume rm [OPTIONS] VOLUME [VOLUME...]\n\nRemove one or more volumes\n',
    );
  });
  it('rejects an unknown command, exit 1 (docker foo)', () => {
    assert.deepEqual(stopped(parseDockerArgv(['foo'])), {
      exitCode: 1,
      stdout: '',
      stderr: "docker: 'foo' is not a docker command.\nSee 'docker --help'\n",
    });
  });
  it('checks the build tag while parsing flags (docker build -t cv-Upper .; docker build -t cv-bad: unknown1)', () => {
    assert.deepEqual(stopped(parseDockerArgv(['build', '-t', 'cv-Upper', '.'])), {
      exitCode: 125,
      stdout: '',
      stderr:
        'invalid argument "cv-Upper" for "-t, --tag" flag: invalid reference format: repository name must be lowercase\nSee \'docker build --help\'.\n',
    });
    assert.equal(
      stopped(parseDockerArgv(['build', '-t', 'cv-bad:', 'unknown1'])).stderr,
      'invalid argument "cv-bad:" for "-t, --tag" flag: invalid reference format\nSee \'docker build --help\'.\n',
    );
  });
  it('refuses Windows-only and experimental flags before counting arguments (docker run --cpu-count 1)', () => {
    assert.deepEqual(stopped(parseDockerArgv(['run', '--cpu-count', '1'])), {
      exitCode: 1,
      stdout: '',
      stderr: '"--cpu-count" is only supported on a Docker daemon running on windows, but the Docker daemon is running on linux\n',
    });
  });
  it('checks global options first (docker -l bogus ps --bogus; docker -c x -H y ps --bogus)', () => {
    assert.equal(stopped(parseDockerArgv(['-l', 'bogus', 'ps', '--bogus'])).stderr, 'Unable to parse logging level: bogus\n');
    assert.equal(
      stopped(parseDockerArgv(['-c', 'x', '-H', 'y', 'ps', '--bogus'])).stderr,
      'Conflicting options: either specify --host or --context, not both\n',
    );
  });
});

describe('parseDockerArgv: help and version', () => {
  it('prints a command help on stdout, exit 0 (docker rm --help)', () => {
    assert.deepEqual(stopped(parseDockerArgv(['rm', '--help'])), {
      exitCode: 0,
      stdout:
        '\nUsage:  docker rm [OPTIONS] CONTAINER [CONTAINER...]\n\nRemove one or more containers\n\nOptions:\n' +
        '  -f, --force     Force the removal of a running container (uses SIGKILL)\n' +
        '  -l, --link      Remove the specified link\n' +
        '  -v, --volumes   Remove anonymous volumes associated with the container\n',
      stderr: '',
    });
  });
  it('warns about -h on stdout before the help (docker rm -h)', () => {
    assert.ok(stopped(parseDockerArgv(['rm', '-h'])).stdout.startsWith('Flag shorthand -h has been deprecated, please use --help\n\nUsage:  docker rm '));
  });
  it('treats run -h as --hostname (docker run -h)', () => {
    assert.equal(stopped(parseDockerArgv(['run', '-h'])).stderr, "flag needs an argument: 'h' in -h\nSee 'docker run --help'.\n");
    assert.equal(ok(parseDockerArgv(['run', '-h', 'box', 'img'])).flags['hostname'], 'box');
  });
  it('prints the root help on stderr for a bare `docker` and on stdout for --help (docker; docker --help)', () => {
    assert.deepEqual(stopped(parseDockerArgv([])), { exitCode: 0, stdout: '', stderr: '\n' + rootUsage(true) });
    assert.deepEqual(stopped(parseDockerArgv(['--help'])), { exitCode: 0, stdout: '\n' + rootUsage(true), stderr: '' });
  });
  it('prints the version (docker -v)', () => {
    assert.deepEqual(stopped(parseDockerArgv(['-v'])), { exitCode: 0, stdout: 'Docker version 20.10.24+dfsg1, build 297e128\n', stderr: '' });
  });
  it('answers `docker help X` and unknown topics (docker help foo)', () => {
    assert.ok(stopped(parseDockerArgv(['help', 'container', 'ls'])).stdout.startsWith('\nUsage:  docker container ls [OPTIONS]\n'));
    assert.deepEqual(stopped(parseDockerArgv(['help', 'foo'])), { exitCode: 1, stdout: '', stderr: 'unknown help topic: foo\n' });
  });
});

describe('parseDockerArgv: commands', () => {
  it('parses run flags up to the image; the rest is the container command', () => {
    const c = ok(parseDockerArgv(['run', '-dit', '--name', 'web', '-v', '/a:/b', '-v', 'data:/d', '-e', 'A=1', '-p', '8888:8080', 'img', 'sh', '-c', 'echo -x']));
    assert.equal(c.name, 'run');
    assert.deepEqual(c.typed, ['run']);
    assert.deepEqual(given(c), { detach: true, interactive: true, tty: true, name: 'web', volume: ['/a:/b', 'data:/d'], env: ['A=1'], publish: ['8888:8080'] });
    assert.deepEqual(c.args, ['img', 'sh', '-c', 'echo -x']);
    assert.equal(c.flags['rm'], false);
    assert.equal(c.flags['restart'], 'no');
  });
  it('accepts every pflag value form', () => {
    for (const argv of [['-m', 'x'], ['-mx'], ['-m=x'], ['--message', 'x'], ['--message=x']]) {
      assert.equal(ok(parseDockerArgv(['commit', ...argv, 'c'])).flags['message'], 'x', argv.join(' '));
    }
    assert.equal(ok(parseDockerArgv(['commit', '-m=', 'c'])).flags['message'], '=', 'pflag keeps "=" after a lone shorthand');
    assert.equal(ok(parseDockerArgv(['commit', '-m="x"', 'c'])).flags['message'], '"x"');
  });
  it('parses explicit booleans and stops flags at --', () => {
    assert.equal(ok(parseDockerArgv(['run', '--privileged=false', 'img'])).flags['privileged'], false);
    assert.equal(ok(parseDockerArgv(['run', '-d=false', 'img'])).flags['detach'], false);
    assert.equal(ok(parseDockerArgv(['commit', '-p=false', 'c'])).flags['pause'], false);
    const c = ok(parseDockerArgv(['run', '--', '-cv-tomcat']));
    assert.deepEqual([c.args, c.argsLenAtDash], [['-cv-tomcat'], 0]);
  });
  it('collects repeated flags in order', () => {
    const c = ok(parseDockerArgv(['build', '-t', 'a:1', '--tag', 'b', '--label', 'k=v', '--label', 'x', '.']));
    assert.deepEqual(given(c), { tag: ['a:1', 'b'], label: ['k=v', 'x'] });
    assert.deepEqual(ok(parseDockerArgv(['ps', '-a', '--filter', 'name=x', '-f', 'status=exited'])).flags['filter'], ['name=x', 'status=exited']);
  });
  it('intersperses flags and arguments except for run, create, exec, commit, tag and top', () => {
    assert.deepEqual(given(ok(parseDockerArgv(['rm', 'a', '-f', 'b']))), { force: true });
    assert.deepEqual(ok(parseDockerArgv(['exec', 'c', 'ls', '-l'])).args, ['c', 'ls', '-l']);
    assert.equal(stopped(parseDockerArgv(['commit', 'c', '-m', 'x'])).exitCode, 1, 'commit c -m x has 3 arguments');
  });
  it('maps long forms to a canonical name and keeps what was typed', () => {
    const cases: [string[], string, string][] = [
      [['container', 'rm', 'x'], 'rm', 'docker container rm'],
      [['container', 'ls'], 'ps', 'docker container ls'],
      [['container', 'list'], 'ps', 'docker container ls'],
      [['image', 'ls'], 'images', 'docker image ls'],
      [['image', 'rm', 'x'], 'rmi', 'docker image rm'],
      [['image', 'remove', 'x'], 'rmi', 'docker image rm'],
      [['container', 'inspect', 'x'], 'inspect', 'docker container inspect'],
      [['image', 'inspect', 'x'], 'inspect', 'docker image inspect'],
      [['volume', 'ls'], 'volume ls', 'docker volume ls'],
      [['image', 'prune'], 'image prune', 'docker image prune'],
    ];
    for (const [argv, name, path] of cases) {
      const c = ok(parseDockerArgv(argv));
      assert.deepEqual([c.name, c.typed, c.path], [name, argv.slice(0, 2), path], argv.join(' '));
    }
  });
  it('recognises commands it will not simulate', () => {
    for (const argv of [['network', 'ls'], ['swarm', 'init'], ['compose', 'up'], ['pull', 'busybox'], ['stats', '--no-stream'], ['image', 'pull', 'x']]) {
      const c = ok(parseDockerArgv(argv));
      assert.equal(c.refused, true, argv.join(' '));
    }
    const create = ok(parseDockerArgv(['network', 'create', '-d', 'bridge', 'n']));
    assert.deepEqual([create.name, create.path, create.args, create.flags['driver']], ['network create', 'docker network create', ['n'], 'bridge']);
    assert.deepEqual(ok(parseDockerArgv(['compose', 'up', '-d'])).args, ['up', '-d']);
  });
  it('takes -e NAME from the client environment, and keeps it bare when unset', () => {
    const env = { FOO: 'bar' };
    assert.deepEqual(ok(parseDockerArgv(['run', '-e', 'FOO', '-e', 'NOPE', '-e', 'X=1', 'img'], { env })).flags['env'], ['FOO=bar', 'NOPE', 'X=1']);
    assert.deepEqual(ok(parseDockerArgv(['build', '--build-arg', 'FOO', '.'], { env })).flags['build-arg'], ['FOO=bar']);
  });
  it('parses global flags', () => {
    const c = ok(parseDockerArgv(['-H', 'unix:///x.sock', '-D', '--log-level=debug', 'ps']));
    assert.deepEqual([c.global.host, c.global.debug, c.global.logLevel, c.global.set], [['unix:///x.sock'], true, 'debug', ['host', 'debug', 'log-level']]);
  });
  it('stores aliases of a flag under the flag they share (--net → network)', () => {
    const c = ok(parseDockerArgv(['run', '--net', 'none', '--dns-opt', 'a', 'img']));
    assert.deepEqual(given(c), { network: ['none'], 'dns-option': ['a'] });
  });
});
