import assert from 'node:assert/strict';
import { parseShellLine } from './shell-line.js';

const words = (line: string) => parseShellLine(line).pipeline.map((p) => p.map((w) => (w.kind === 'literal' ? w.text : `$(${w.script})`)));

describe('shell line parser', () => {
  it('removes quotes the way sh does', () => {
    assert.deepEqual(words(`docker commit -m="提交的描述信息" -a "作者" --author='A U Thor <a@b.c>' x`), [['docker', 'commit', '-m=提交的描述信息', '-a', '作者', '--author=A U Thor <a@b.c>', 'x']]);
    assert.deepEqual(words(`docker exec x sh -c 'echo pid1=$(cat /proc/1/cmdline | tr "\\0" " ")'`), [['docker', 'exec', 'x', 'sh', '-c', 'echo pid1=$(cat /proc/1/cmdline | tr "\\0" " ")']]);
  });

  it('splits pipelines and whole-word substitutions', () => {
    assert.deepEqual(words('docker history -q x | wc -l'), [['docker', 'history', '-q', 'x'], ['wc', '-l']]);
    assert.deepEqual(words('docker rm -f $(docker ps -q --filter name=cv-rmall)'), [['docker', 'rm', '-f', '$(docker ps -q --filter name=cv-rmall)']]);
  });

  it('reports lists, redirections, subshells and globs as complex', () => {
    for (const line of ['echo a > f', 'a; b', '(cd x && find .)', '{ echo a; } > Dockerfile', 'ls -d a 2>&1', 'rm x*']) {
      assert.ok(parseShellLine(line).complex, line);
    }
    assert.ok(!parseShellLine("docker images --filter reference='cv-*'").complex);
  });
});
