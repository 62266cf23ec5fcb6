// Words hostile input is made of: empty, huge, paths that climb, separators, Go template pieces, odd numbers.

import type { Rng } from '../../src/cli/fuzz-diff/rng.js';

const BASE = [
  '', ' ', '-', '--', '/', '//', '.', '..', '../..', '/..', '../../../etc', '/etc/passwd', '~', '*', '?', '[', '[a', '{a,b}', '\\',
  ':', '::', 'a:b:c:d', '/data', '/data:/data', '/data:/data:ro', '/x:/', 'v1:/v', 'v1', 'c1', 'c2', 'centos', 'ubuntu',
  'centos:7', 'centos@sha256:abc', 'sha256:', 'none', 'host', 'bridge', 'container:c1', 'always', 'never', 'missing',
  'true', 'false', '0', '-1', '1', '65536', '99999999999999999999', '1e9', '0x10', '1.5', 'NaN', '10s', '-5m', '1h2m',
  'a=b', 'a=', '=b', '=', 'label=a=b', 'dangling=true', 'reference=*', 'reference=[', 'name=c', 'status=running',
  'type=bind,src=/data,dst=/x', 'type=volume,dst=/v', 'type=tmpfs,dst=/t', 'type=bind,source=/,target=/', 'src=,dst=',
  '"', "'", '"a', 'a"b,c"', '{{', '}}', '{{.}}', '{{json .}}', '{{.Names}}', '{{range .}}{{end}}', '{{template "x"}}',
  'é', 'ünï', '日本', '\u202e', '\t', '\n', 'a\nb', '\r\n', '%s', '%q%d%!', 'table {{.ID}}', 'json', '$HOME', '${x}',
  'unix:///var/run/docker.sock', 'tcp://127.0.0.1:1', '127.0.0.1:80:80', '8080:80', '80/udp', '0-65535:1-2', 'SIGKILL',
  'KILL', '9', 'SIGFOO', 'root', '0:0', 'nobody:nogroup', '1000', '/tmp', 'Dockerfile', '-f', '--rm', '-it', '-v',
];

/** One hostile word. */
export function hostileWord(rng: Rng): string {
  const roll = rng.below(10);
  if (roll === 0) return rng.pick(['a', '/', '.', '{', 'é', '../']).repeat(rng.pick([2, 64, 255, 256, 300, 4097, 70_000]));
  if (roll === 1) return `${rng.pick(BASE)}${rng.pick(BASE)}`;
  if (roll === 2) return String.fromCharCode(...Array.from({ length: 1 + rng.below(6) }, () => rng.below(0x80) || 1));
  return rng.pick(BASE);
}
