// Command lines that the docker 20.10 client ends at parse time (usage errors, help, version): each one was
// run against /usr/bin/docker (20.10.24) and its output recorded in oracle-record.json by record-oracle.ts.
// None of them reaches the daemon's state: every line fails before contacting it or only prints help.

const HELP_PATHS = [
  'attach', 'build', 'commit', 'cp', 'create', 'diff', 'events', 'exec', 'export', 'history', 'images', 'import',
  'info', 'inspect', 'kill', 'load', 'login', 'logout', 'logs', 'pause', 'port', 'ps', 'pull', 'push', 'rename',
  'restart', 'rm', 'rmi', 'run', 'save', 'search', 'start', 'stats', 'stop', 'tag', 'top', 'unpause', 'update',
  'version', 'wait',
  'container', 'container attach', 'container commit', 'container cp', 'container create', 'container diff',
  'container exec', 'container export', 'container inspect', 'container kill', 'container logs', 'container ls',
  'container ps', 'container list', 'container pause', 'container port', 'container prune', 'container rename',
  'container restart', 'container rm', 'container run', 'container start', 'container stats', 'container stop',
  'container top', 'container unpause', 'container update', 'container wait',
  'image', 'image build', 'image history', 'image import', 'image inspect', 'image load', 'image ls', 'image list',
  'image prune', 'image pull', 'image push', 'image rm', 'image rmi', 'image remove', 'image save', 'image tag',
  'volume', 'volume create', 'volume inspect', 'volume ls', 'volume list', 'volume prune', 'volume rm', 'volume remove',
];

/** Every case: the argv after `docker`. */
export const ORACLE_CASES: readonly (readonly string[])[] = [
  // help texts, with --help, -h (deprecated shorthand) and `docker help X`
  ...HELP_PATHS.map((p) => [...p.split(' '), '--help']),
  [], ['--help'], ['-h'], ['help'], ['help', 'rm'], ['help', 'container'], ['help', 'container', 'ls'], ['help', 'help'],
  ['help', '--help'], ['help', 'foo'], ['help', 'foo', 'bar'], ['help', 'rm', 'x'], ['help', 'container', 'foo'],
  ['help', 'run', '--bogus'], ['help', '-v'], ['rm', '-h'], ['rm', '-fh'], ['rm', '-h', '-h'], ['-h', 'ps'], ['--help', 'ps'],
  ['--help', 'run'], ['container', '--help', 'rm'], ['container', '-h'], ['image'], ['volume'], ['container'],
  ['rm', '--help', 'a', 'b'], ['run', '-h'], ['run', '--help=false'],
  // version
  ['-v'], ['--version'], ['-v', 'ps', '--nonexist'], ['foo', '-v'], ['foo', '--help'],
  // global flags
  ['-i', '-t', 'run', 'cv-centos'], ['-H'], ['--tls=maybe', 'ps'], ['-l', 'bogus', 'ps', '--bogus'], ['-c', 'x', '-H', 'y', 'ps', '--bogus'],
  ['-c', 'nonexist', 'ps', '--bogus'], ['-c', 'default', 'ps', '--bogus'], ['-H', 'a', '-H', 'b', 'ps', '--bogus'],
  ['-l', 'DEBUG', 'ps', '--bogus'], ['-D', 'ps', '--bogus'], ['--', 'ps', '--bogus'], ['-H', 'foo', 'ps', '--bogus'],
  ['--bogus'], ['-l', 'bogus', '--bogus'], ['--config', '/tmp/nonexist', 'ps', '--bogus'],
  // unknown commands
  ['foo'], ['foo', 'bar', '--x'],
  // management commands
  ['container', 'foo'], ['container', '--foo', 'rm', 'x'], ['container', '--foo=1', 'rm', 'x'], ['image', '-x', 'ls'],
  ['container', 'ps', 'x'], ['container', 'list', 'x'], ['image', 'ls', 'a', 'b'], ['images', 'a', 'b'], ['volume', 'x'],
  ['container', '--help=false', 'rm', 'x2zz', '--zzz'], ['volume', 'ls', '--help', '--bogus'],
  // pflag syntax errors
  ['commit', '--m=x', 'c', 'i'], ['commit', "--m='Message'", "--author='host'", 'cv-stopped', 'cv-host/splite3:vv'],
  ['commit', '-m'], ['commit', '--message'], ['commit', '-m='], ['stop', '-t', 'x', 'c'], ['stop', '--time=x', 'c'],
  ['stop', '-t', '0x1z', 'c'], ['stop', '-t', '99999999999999999999', 'c'], ['rm', '--force=maybe', 'c'], ['rm', '-f=maybe', 'c'], ['rm', '-fz', 'c'],
  ['rm', '-é', 'c'], ['rm', '---x'], ['rm', '--=x'], ['rm', '--help', '--bogus'], ['rm', '--bogus', '--help'],
  ['ps', '--filter', 'x'], ['ps', '-f', 'x'], ['ps', '-n', '1.5'], ['logs', '--tail'], ['kill', '-s'],
  ['run', '-dit', '--bogus', 'img'], ['run', '-dxt', 'img'], ['exec', '-it', '--bogus', 'c', 'sh'], ['exec', 'c'],
  ['run', '--rm=maybe', 'img'], ['run', '-d=false', '--zzz', 'img'], ['run', '--privileged=false', '--zzz', 'img'],
  // arity errors
  ['commit'], ['commit', 'a', 'b', 'c'], ['rm'], ['rmi'], ['run'], ['run', '--network', 'none', '-P'], ['volume', 'rm'],
  ['build', '-t', 'cv-xiaowu/file:v2'], ['build'], ['ps', 'x'], ['images', 'a', 'b'], ['tag', 'a'], ['rename', 'a'],
  ['port'], ['cp', 'a'], ['diff'], ['diff', 'a', 'b'], ['load', 'x'], ['info', 'x'], ['version', 'x'], ['volume', 'create', 'a', 'b'],
  ['container', 'rm'], ['image', 'rm'], ['image', 'rmi'], ['volume', 'remove'], ['container', 'cp', 'a'], ['exec', '-it', 'c'],
  ['top'], ['wait'], ['history'], ['logout', 'a', 'b'], ['search'], ['pull'], ['inspect'], ['container', 'inspect'], ['image', 'inspect'],
  // value checks run while parsing flags
  ['build', '-t', 'cv-Upper', '.'], ['build', '-t', 'cv-bad:', 'unknown1'], ['build', '-t', 'ok', '-t', 'A:b', '--zzz', '.'],
  ['build', '--build-arg', '=x', '--zzz', '.'], ['build', '--cache-from', 'a,"b', '--zzz', '.'], ['build', '--label', ' =x', '--zzz', '.'],
  ['run', '-e', '=x', '--zzz', 'img'], ['run', '--label', '=x', '--zzz', 'img'], ['run', '--label', 'a b=c', '--zzz', 'img'],
  ['run', '-a', 'foo', '--zzz', 'img'], ['run', '--dns', '1.2.3', '--zzz', 'img'], ['run', '--add-host', 'foo', '--zzz', 'img'],
  ['run', '--add-host', 'a:1.2', '--zzz', 'img'], ['run', '-m', '1x', '--zzz', 'img'], ['run', '-m', '-1', '--zzz', 'img'],
  ['run', '-m', '1.2.3', '--zzz', 'img'], ['run', '--memory-swap', 'x', '--zzz', 'img'], ['run', '--cpus', '1.23456789999', '--zzz', 'img'],
  ['run', '--cpus', 'abc', '--zzz', 'img'], ['run', '--mount', 'type=foo', '--zzz', 'img'], ['run', '--mount', 'foo', '--zzz', 'img'],
  ['run', '--mount', '', '--zzz', 'img'], ['run', '--mount', 'type=bind,"x', '--zzz', 'img'], ['run', '--mount', 'type=bind,a"x', '--zzz', 'img'],
  ['run', '--mount', 'type=bind,target=/x,volume-driver=x', '--zzz', 'img'], ['run', '--mount', 'type=volume,target=/x,ro=maybe', '--zzz', 'img'],
  ['run', '--mount', 'type=volume,dst=/x,bogus=1', '--zzz', 'img'], ['run', '--ulimit', 'nofile', '--zzz', 'img'],
  ['run', '--ulimit', 'foo=1', '--zzz', 'img'], ['run', '--ulimit', 'nofile=2:1', '--zzz', 'img'], ['run', '--device-cgroup-rule', 'x', '--zzz', 'img'],
  ['run', '--stop-timeout', '1.5', '--zzz', 'img'], ['run', '--blkio-weight', '70000', '--zzz', 'img'], ['run', '--health-interval', '5x', '--zzz', 'img'],
  ['run', '--health-interval', '1', '--zzz', 'img'], ['run', '--health-interval', '', '--zzz', 'img'], ['run', '--network', 'a,b=c', '--zzz', 'img'],
  ['run', '--gpus', 'foo', '--zzz', 'img'], ['run', '--link', 'a:b:c', '--zzz', 'img'], ['run', '--sysctl', 'foo=1', '--zzz', 'img'],
  ['run', '--blkio-weight-device', '/dev/sda', '--zzz', 'img'], ['run', '--device-read-bps', '/dev/sda:x', '--zzz', 'img'],
  ['run', '--dns-search', '-bad-', '--zzz', 'img'], ['ps', '--filter', '', '--zzz'], ['run', '--cpu-count', '1'],
  ['start', '--checkpoint', 'x'], ['build', '--squash'], ['build', '--stream'], ['run', '--cpu-count', '1', '--cpu-percent', '2', '--io-maxiops', '3'],
  ['volume', 'create', '--name', 'foo', '--zzz'], ['volume', 'create', '--label', '=x', '--zzz'],
  ['exec', '-e', '=x', '--zzz', 'c', 'sh'],
  // more flag syntax, shorthand groups and non-interspersed commands
  ['run', '-it'], ['run', '-p'], ['run', '-e'], ['run', '--name'], ['exec', '--user'], ['logs', '-n'],
  ['images', '--filter=dangling'], ['ps', '--last=abc'], ['rm', '-vfx', 'c'], ['commit', '-p=maybe', 'c'],
  ['-D=maybe'], ['--debug=false', '--bogus'], ['--log-level'], ['-l'], ['--context=', 'ps', '--bogus'],
  ['history', '-H=maybe', 'x'], ['volume', 'ls', '-f', 'bad'], ['container', 'ls', '--filter', 'x'],
  ['container', 'ps', '--bogus'], ['image', 'list', '--bogus'], ['-D', '-D', 'ps', '--bogus'], ['-Dl', 'debug', 'ps', '--bogus'],
  ['-lDEBUG', 'ps', '--bogus'], ['--host=x', '--context=y', 'ps', '--bogus'], ['-v', '--bogus'], ['ps', '-aqs', '--zzz'],
  ['run', '-itd', '--rm', '--name=x', '-v', '/a:/b', '--zzz', 'img'], ['tag', '--bogus', 'a', 'b'], ['tag', 'a', '--bogus', 'b'],
  ['commit', 'c', '-m', 'x'], ['rm', 'c', '--bogus'], ['rm', '--'],
  ['ps', '--format'], ['inspect', '--type'], ['container', '--', 'ls'], ['-h', 'run', '--zzz'],
];
