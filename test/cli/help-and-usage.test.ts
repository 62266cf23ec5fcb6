// Every subcommand's command line behaves alike (as in git or mocha): `-h/--help` prints its own usage on
// stdout with exit 0 and runs nothing; an unknown option or a missing value is one line naming the subcommand
// and the option, pointing at `drydock <command> --help`, exit 2; a missing input file is named plainly.

import assert from 'node:assert/strict';
import { runCli, writeFolder } from './helpers.js';

// `docker` is left out: its help and errors are docker's own (test/cli/process.test.ts).
const COMMANDS = ['run', 'validate', 'schema', 'clean', 'compare', 'grade', 'claims'];
// Those whose option errors this file holds to the shared style (grade parses its own options: src/cli/grade-command.ts).
const SHARED_PARSER = COMMANDS;

// An engine address that answers nothing, so a command that wrongly went on to run fails fast instead of
// touching a real daemon.
const NO_ENGINE = { DOCKER_HOST: 'unix:///nonexistent/docker.sock' };

describe('drydock <command> --help', () => {
  for (const command of COMMANDS) {
    for (const flag of ['--help', '-h']) {
      it(`${command} ${flag}: its usage on stdout, exit 0`, async () => {
        const r = await runCli([command, flag], writeFolder({}), NO_ENGINE);
        assert.equal(r.code, 0, r.stderr);
        assert.match(r.stdout, new RegExp(`^Usage: drydock ${command}\\b`));
        assert.equal(r.stderr, '');
      });
    }
  }

  it('each usage lists -h, --help and has an example', async () => {
    for (const command of SHARED_PARSER) {
      const r = await runCli([command, '--help'], writeFolder({}), NO_ENGINE);
      assert.match(r.stdout, /^ {2}-h, --help {2,}show this help$/m, command);
      assert.match(r.stdout, /^Examples?:\n {2}drydock /m, command);
    }
  });

  it('`drydock help <command>` is `drydock <command> --help`', async () => {
    const dir = writeFolder({});
    for (const command of COMMANDS) assert.deepEqual(await runCli(['help', command], dir, NO_ENGINE), await runCli([command, '--help'], dir, NO_ENGINE));
    const unknown = await runCli(['help', 'nope'], dir);
    assert.deepEqual([unknown.code, unknown.stderr], [2, 'drydock: unknown command "nope"\nRun \'drydock --help\' for usage.\n']);
  });

  it('`drydock --help` lists every command and points at `drydock <command> --help`', async () => {
    const r = await runCli(['--help'], '/');
    for (const command of [...COMMANDS, 'docker']) assert.match(r.stdout, new RegExp(`^ {2}${command}\\b`, 'm'), command);
    assert.match(r.stdout, /drydock <command> --help/);
  });
});

describe('drydock <command> with a bad option', () => {
  for (const command of COMMANDS) {
    it(`${command} --frobnicate: names the option, exit 2, nothing run`, async () => {
      const r = await runCli([command, '--frobnicate'], writeFolder({}), NO_ENGINE);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /--frobnicate/);
      assert.equal(r.stdout, '');
    });
  }

  for (const command of SHARED_PARSER) {
    it(`${command}: one message style, naming the command and pointing at its --help`, async () => {
      const r = await runCli([command, '--frobnicate'], writeFolder({}), NO_ENGINE);
      assert.equal(r.stderr, `drydock ${command}: unknown option --frobnicate\nRun 'drydock ${command} --help' for usage.\n`);
    });
  }

  it('a missing value names the option; a misspelt one gets a suggestion', async () => {
    const dir = writeFolder({});
    const cases: [string[], string][] = [
      [['run', '--jobs'], 'drydock run: option --jobs needs a value'],
      [['run', '-r'], 'drydock run: option -r needs a value'],
      [['claims', '--out'], 'drydock claims: option --out needs a value'],
      [['clean', '--context'], 'drydock clean: option --context needs a value'],
      [['run', '--reporter', '--bail'], "drydock run: option --reporter needs a value (for one that starts with '-', write --reporter=--bail)"],
      [['run', '--bail=no'], 'drydock run: option --bail takes no value, not "no"'],
      [['run', '--gerp', 'x'], 'drydock run: unknown option --gerp; did you mean --grep?'],
      [['clean', '--dryrun'], 'drydock clean: unknown option --dryrun; did you mean --dry-run?'],
      [['schema', 'extra'], 'drydock schema: unexpected argument "extra" (schema takes none)'],
      [['compare', 'a.sh', 'b.sh'], 'drydock compare: unexpected argument "b.sh"'],
    ];
    for (const [argv, line] of cases) {
      const r = await runCli(argv, dir, NO_ENGINE);
      assert.deepEqual([r.code, r.stderr], [2, `${line}\nRun 'drydock ${argv[0]} --help' for usage.\n`], argv.join(' '));
    }
  });

  it('values the option does not take still name the command', async () => {
    const r = await runCli(['run', '--jobs', 'x'], writeFolder({}));
    assert.deepEqual([r.code, r.stderr], [2, 'drydock run: --jobs must be a whole number of at least 1, not "x"\nRun \'drydock run --help\' for usage.\n']);
  });

  it('an option before the command', async () => {
    const r = await runCli(['--jobs', '2', 'run'], writeFolder({}));
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^drydock: unknown option --jobs/);
  });
});

describe('drydock compare with a bad script argument', () => {
  it('a missing file is named plainly, exit 2, never an internal error', async () => {
    const r = await runCli(['compare', 'nonexist.sh'], writeFolder({}), NO_ENGINE);
    assert.deepEqual([r.code, r.stderr, r.stdout], [2, 'drydock compare: cannot read nonexist.sh: no such file\n', '']);
  });

  it('a folder is not a script', async () => {
    const r = await runCli(['compare', 'scripts'], writeFolder({ 'scripts/a.sh': 'docker ps\n' }), NO_ENGINE);
    assert.deepEqual([r.code, r.stderr], [2, 'drydock compare: cannot read scripts: it is a folder, not a file\n']);
    assert.doesNotMatch(r.stderr, /internal error/);
  });

  it('no script at all is a usage error', async () => {
    const r = await runCli(['compare'], writeFolder({}), NO_ENGINE);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^drydock compare: missing the script/);
    assert.match(r.stderr, /Run 'drydock compare --help' for usage\./);
  });
});
