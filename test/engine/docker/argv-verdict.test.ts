// One grammar, one verdict: the real engine's policies read a docker command line through docker-cli's parser,
// so every spelling docker accepts of the same command (`--f=v`, `--f v`, `-fv`, `-f=v`, `-itv /x:/y`, repeated
// flags, `--`, `run` or `container run`) gets the same verdict, and it is the verdict the command deserves.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { applyArgvPolicy } from '../../../src/engine/docker/argv-policy.js';
import { escapingBindSources, policyViolations, type HostNeed } from '../../../src/engine/docker/isolation/untrusted-policy.js';
import { EngineError } from '../../../src/errors/engine-error.js';

interface Flag {
  long: string;
  short?: string;
  value?: string;
  /** the need it calls for in the untrusted policy, if any */
  need?: HostNeed;
  /** refused by the engine's own policy (network, pull) */
  refusedAlways?: boolean;
}

const FLAGS: Flag[] = [
  { long: 'privileged', need: 'privileged' },
  { long: 'interactive', short: 'i' },
  { long: 'tty', short: 't' },
  { long: 'rm' },
  { long: 'pid', value: 'host', need: 'host-namespaces' },
  { long: 'ipc', value: 'host', need: 'host-namespaces' },
  { long: 'uts', value: 'host', need: 'host-namespaces' },
  { long: 'pid', value: 'container:c1' },
  { long: 'cap-add', value: 'SYS_ADMIN', need: 'capabilities' },
  { long: 'security-opt', value: 'seccomp=unconfined', need: 'capabilities' },
  { long: 'device', value: '/dev/fuse', need: 'devices' },
  { long: 'volume', short: 'v', value: '/shared' },
  { long: 'volume', short: 'v', value: '/data' },
  { long: 'volume', short: 'v', value: 'named:/d' },
  { long: 'volume', short: 'v', value: 'named:/d:ro' },
  { long: 'env', short: 'e', value: 'A=--privileged' },
  { long: 'name', value: 'web' },
  { long: 'workdir', short: 'w', value: '/tmp' },
  { long: 'network', value: 'none' },
  { long: 'network', value: 'host', refusedAlways: true },
  { long: 'net', value: 'bridge', refusedAlways: true },
  { long: 'pull', value: 'never' },
  { long: 'pull', value: 'always', refusedAlways: true },
];

// one spelling of one flag: a list of words (a bool may be `--f`, `--f=true`, or a letter in a cluster)
const spelling = (flag: Flag) =>
  fc.nat(4).map((n): string[] => {
    if (flag.value === undefined) {
      if (flag.short !== undefined && n % 2 === 0) return [`-${flag.short}`];
      return n === 3 ? [`--${flag.long}=true`] : [`--${flag.long}`];
    }
    if (flag.short !== undefined && n >= 2) return [[`-${flag.short}`, flag.value], [`-${flag.short}${flag.value}`], [`-${flag.short}=${flag.value}`]][n - 2]!;
    return n === 0 ? [`--${flag.long}`, flag.value] : [`--${flag.long}=${flag.value}`];
  });

// bool shorthands folded into the next shorthand word, as `-itv /x:/y` (docker reads -i -t -v /x:/y)
function cluster(words: string[][]): string[] {
  const out: string[] = [];
  let pending = '';
  for (const w of words) {
    const first = w[0]!;
    if (w.length === 1 && /^-[a-zA-Z]$/u.test(first)) {
      pending += first.slice(1);
      continue;
    }
    if (pending !== '' && /^-[a-zA-Z]/u.test(first) && !first.startsWith('--')) {
      out.push(`-${pending}${first.slice(1)}`, ...w.slice(1));
    } else {
      if (pending !== '') out.push(`-${pending}`);
      out.push(...w);
    }
    pending = '';
  }
  if (pending !== '') out.push(`-${pending}`);
  return out;
}

const line = fc
  .record({
    flags: fc.array(fc.constantFrom(...FLAGS), { maxLength: 6 }),
    form: fc.constantFrom(['run'], ['create'], ['container', 'run'], ['container', 'create']),
    dash: fc.boolean(),
    seed: fc.array(fc.nat(4), { minLength: 6, maxLength: 6 }),
    clustered: fc.boolean(),
  })
  .chain((r) => fc.tuple(...r.flags.map(spelling)).map((spelled) => ({ ...r, spelled: spelled as string[][] })));

function argvOf(r: { form: string[]; spelled: string[][]; dash: boolean; clustered: boolean }): string[] {
  const flags = r.clustered ? cluster(r.spelled) : r.spelled.flat();
  // the container's own arguments look like flags too, and must never count
  return [...r.form, ...flags, ...(r.dash ? ['--'] : []), 'centos', 'sh', '-c', 'echo --privileged --network host', '--pid=host'];
}

function engineVerdict(argv: string[]): string {
  try {
    applyArgvPolicy(argv, { labels: { 'drydock.run': 'r' } });
    return 'ok';
  } catch (e) {
    if (e instanceof EngineError && e.code === 'POLICY_REFUSED') return 'refused';
    throw e;
  }
}

describe('one docker grammar: the policies give one verdict in every spelling', () => {
  it('the untrusted policy and the engine policy give the verdict the flags deserve, however they are written', () => {
    fc.assert(
      fc.property(line, (r) => {
        const argv = argvOf(r);
        const needs = [...new Set(policyViolations(argv).map((v) => v.need))].sort();
        // a string flag given twice keeps its last value, as pflag does (`--pid host --pid container:c1`)
        const last = new Map<string, Flag>();
        for (const f of r.flags) if (f.long === 'pid' || f.long === 'ipc' || f.long === 'uts') last.set(f.long, f);
        const counted = r.flags.filter((f) => !['pid', 'ipc', 'uts'].includes(f.long) || last.get(f.long) === f);
        const expected = [...new Set(counted.filter((f) => f.need !== undefined).map((f) => f.need!))].sort();
        assert.deepEqual(needs, expected, argv.join(' '));
        assert.equal(engineVerdict(argv), r.flags.some((f) => f.refusedAlways === true) ? 'refused' : 'ok', argv.join(' '));
        assert.deepEqual(escapingBindSources(argv, '/run-folder'), [], `anonymous and named volumes are not binds: ${argv.join(' ')}`);
      }),
      { numRuns: 2000 },
    );
  });

  it('each refused capability is refused in every spelling', () => {
    const spellings: string[][] = [
      ['--privileged'], ['--privileged=true'], ['--pid=host'], ['--pid', 'host'], ['--cap-add', 'ALL'], ['--cap-add=ALL'],
      ['--device=/dev/sda'], ['--device', '/dev/sda'], ['--security-opt', 'apparmor=unconfined'], ['--ipc=host'], ['--uts', 'host'],
      ['--userns=host'], ['--gpus', 'all'],
    ];
    for (const form of [['run'], ['container', 'run'], ['create'], ['container', 'create']]) {
      for (const words of spellings) {
        for (const argv of [[...form, ...words, 'centos'], [...form, '-it', ...words, 'centos'], [...form, ...words, ...words, '--', 'centos']]) {
          assert.ok(policyViolations(argv).length > 0, argv.join(' '));
        }
      }
    }
    assert.ok(policyViolations(['exec', '--privileged', 'c1', 'sh']).length > 0);
    assert.deepEqual(policyViolations(['run', '--privileged=false', 'centos']), []);
    assert.deepEqual(policyViolations(['run', 'centos', '--privileged']), [], 'an argument of the container is not a docker flag');
  });

  it('anonymous and named volumes are never refused; a bind out of the run folder is, in every spelling', () => {
    for (const argv of [
      ['run', '-dit', '--name', 'datastore', '-v', '/shared', 'centos'], ['run', '--volume', '/shared', 'centos'], ['run', '-itv', '/data', 'centos'],
      ['run', '-itv/data', 'centos'], ['run', '-v=/data', 'centos'], ['container', 'create', '--volume=/shared', 'centos'], ['run', '-v', 'named:/d', 'centos'],
      ['run', '--mount', 'type=volume,dst=/d', 'centos'],
    ]) {
      assert.deepEqual(escapingBindSources(argv, '/run-folder'), [], argv.join(' '));
      assert.deepEqual(policyViolations(argv), [], argv.join(' '));
    }
    for (const argv of [['run', '-v', '/etc:/m', 'centos'], ['run', '-itv', '/etc:/m', 'centos'], ['run', '-itv/etc:/m', 'centos'], ['run', '--volume=/etc:/m', 'centos'], ['run', '--mount', 'type=bind,src=/etc,dst=/m', 'centos']]) {
      assert.deepEqual(escapingBindSources(argv, '/run-folder'), ['/etc'], argv.join(' '));
    }
  });

  it('a volume driver option that binds a host path is refused like a bind', () => {
    for (const argv of [['volume', 'create', '-o', 'device=/', '-o', 'o=bind', '-o', 'type=none', 'v'], ['volume', 'create', '--opt=device=/etc', 'v']]) {
      assert.deepEqual(policyViolations(argv).map((v) => v.need), ['host-mounts'], argv.join(' '));
    }
    assert.deepEqual(policyViolations(['volume', 'create', 'v']), []);
  });
});
