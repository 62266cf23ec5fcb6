import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDockerArgv, type ParsedCommand } from '../../../../src/docker-cli/index.js';
import { wantsStdin, writesBytes } from '../../../../src/engine/sim/node/docker-command.js';

const repo = join(fileURLToPath(import.meta.url), '..', '..', '..', '..', '..');
const script = join(repo, 'test', 'support', 'drydock-docker.ts');

// `drydock docker …` in a child process, stdout kept as raw bytes
function drydockDocker(state: string, ...argv: string[]): Promise<{ code: number; stdout: Buffer; stderr: string }> {
  return new Promise((done) => {
    execFile(process.execPath, ['--import', 'tsx', script, ...argv], { cwd: repo, env: { ...process.env, DRYDOCK_STATE: state }, encoding: 'buffer', maxBuffer: 1 << 30 }, (error, stdout, stderr) => {
      done({ code: error === null ? 0 : Number((error as { code?: number }).code ?? 1), stdout, stderr: stderr.toString() });
    });
  });
}

function parsed(...argv: string[]): ParsedCommand {
  const result = parseDockerArgv(argv);
  assert.ok(result.ok, argv.join(' '));
  return result.command;
}

describe('drydock docker: bytes or text, decided from the parsed command', function () {
  this.timeout(120_000);

  it('knows every spelling of a command that writes an archive, and of one that reads stdin', () => {
    for (const argv of [['cp', 'c:/f', '-'], ['container', 'cp', 'c:/f', '-'], ['cp', '-a', 'c:/f', '-'], ['cp', '-L', '--archive', 'c:/f', '-'], ['export', 'c'], ['container', 'export', 'c'], ['save', 'img'], ['image', 'save', 'img']]) {
      assert.equal(writesBytes(parsed(...argv)), true, argv.join(' '));
    }
    for (const argv of [['cp', '-', 'c:/d'], ['export', '-o', 'x.tar', 'c'], ['logs', 'c'], ['run', 'img', 'cp', 'x', '-']]) {
      assert.equal(writesBytes(parsed(...argv)), false, argv.join(' '));
    }
    for (const argv of [['run', '-i', 'img'], ['run', '-dit', 'img'], ['run', '--interactive=true', 'img'], ['container', 'exec', '-it', 'c', 'sh'], ['load'], ['image', 'load'], ['import', '-', 'x'], ['build', '-'], ['build', '-f', '-', '.'], ['cp', '-', 'c:/d']]) {
      assert.equal(wantsStdin(parsed(...argv)), true, argv.join(' '));
    }
    for (const argv of [['run', 'img', 'sh', '-ic', 'x'], ['run', '--interactive=false', 'img'], ['load', '-i', 'x.tar'], ['ps', '-a'], ['run', 'img', '-']]) {
      assert.equal(wantsStdin(parsed(...argv)), false, argv.join(' '));
    }
  });

  it('writes the bytes of `container cp X:/f -`, `cp -a X:/f -` and `container export` unchanged', async () => {
    const state = mkdtempSync(join(tmpdir(), 'drydock-bytes-'));
    try {
      const made = await drydockDocker(state, 'run', '--name', 'c1', 'centos', 'sh', '-c', "printf '\\351\\377' > /f");
      assert.equal(made.code, 0, made.stderr);
      for (const argv of [['cp', 'c1:/f', '-'], ['container', 'cp', 'c1:/f', '-'], ['cp', '-a', 'c1:/f', '-'], ['container', 'export', 'c1']]) {
        const out = await drydockDocker(state, ...argv);
        assert.equal(out.code, 0, out.stderr);
        assert.ok(out.stdout.includes(Buffer.from([0xe9, 0xff])), `${argv.join(' ')}: the file's bytes are in the archive`);
        assert.ok(!out.stdout.includes(Buffer.from([0xc3, 0xa9, 0xc3, 0xbf])), `${argv.join(' ')}: not re-encoded as UTF-8`);
        assert.equal(out.stdout.length % 512, 0, `${argv.join(' ')}: a tar is whole 512-byte blocks`);
      }
    } finally {
      rmSync(state, { recursive: true, force: true });
    }
  });
});
