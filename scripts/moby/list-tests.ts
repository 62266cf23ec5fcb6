// Lists every test function of moby's integration tests for the areas the simulator covers, with a hint of why
// a test cannot run offline (read from its body: testRequires/skip.If conditions, daemons it starts, TTYs,
// registries). The list is committed as test/fidelity/moby/tests.tsv, so the ledger can be checked for
// completeness without moby's source at hand.
//
//   npx tsx scripts/moby/list-tests.ts <moby git dir> [ref]      (ref: default v20.10.24, the engine's version)

import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The test files of the areas the simulator models (integration-cli and the API tests of integration/). */
export const MOBY_FILES: readonly string[] = [
  ...[
    'build', 'build_unix', 'commit', 'cp', 'cp_from_container', 'cp_to_container', 'cp_to_container_unix', 'create',
    'exec', 'exec_unix', 'history', 'images', 'import', 'inspect', 'ps', 'rmi', 'run', 'run_unix', 'save_load',
    'save_load_unix', 'start', 'volume',
  ].map((n) => `integration-cli/docker_cli_${n}_test.go`),
  ...['container_test', 'copy_test', 'create_test', 'diff_test', 'exec_test', 'export_test', 'inspect_test', 'kill_test',
    'mounts_linux_test', 'ps_test', 'remove_test', 'rename_test', 'run_linux_test', 'stop_linux_test', 'stop_test']
    .map((n) => `integration/container/${n}.go`),
  ...['commit_test', 'import_test', 'list_test', 'remove_test', 'remove_unix_test', 'tag_test'].map((n) => `integration/image/${n}.go`),
  'integration/build/build_test.go',
  'integration/volume/volume_test.go',
];

/** One test function and the hint its body gives. */
export interface MobyTest {
  file: string;
  name: string;
  hint: string;
}

// ordered: the first match names the reason
const HINTS: Array<[RegExp, string]> = [
  [/DaemonIsWindows\b(?!OrLinux)|OSType\s*!=\s*"windows"|IsolationIsHyperv|isWindows\b/, 'Windows-only'],
  [/ExperimentalDaemon|ExperimentalBuild/, 'experimental daemon'],
  [/\bNetwork\b|RegistryHosts|setupRegistry|privateRegistry|NotaryServer|\bpull\b|"push"|"login"|docker\.io\/|\bgithub\.com/, 'needs a network or a registry'],
  [/fakeGit|fakestorage\.WithHTTP|fakestorage\.New|httpServer|\bhttp:\/\/|FakeContext.*URL|ctx\.URL/, 'remote build context or URL (HTTP server)'],
  [/DOCKER_BUILDKIT|buildkit|BuildKit|build_session|session\./, 'BuildKit'],
  [/pty\.Start|kr\/pty|creack\/pty|"-t"|"-it"|"-ti"|"-dt"|"-td"|"-itd"|"-dit"|Tty:\s*true/, 'needs a TTY'],
  [/--privileged|Privileged:\s*true|"--cap-add|CapAdd|--device|Devices:/, 'privileged or devices'],
  [/Apparmor|seccomp|cgroup|Cgroup|memoryLimit|swapMemory|kernelMemory|oomControl|pidsLimit|cpuShare|cpuCfs|cpuset|Cpuset|blkio|IPv6|UserNamespace|userns|NotUserNamespace|selinux|SELinux|--security-opt|ipc|--shm-size|ulimit|sysctl|--init|\/proc\/sys|KernelMemory|--oom|Runtime|runtime/, 'kernel feature (cgroups, namespaces, LSM, ipc)'],
  [/\bs\.d\.Start|daemon\.New|d\.StartWithBusybox|NewDaemon|d\.Restart|s\.d\.Restart|testdaemon|StartWithLogFile/, 'starts its own daemon'],
  [/sleepCommandForDaemonPlatform|WaitRun|waitRun|"attach"|"logs"|"events"|"stats"|"top"|"wait"|"pause"|"restart"|--restart|Attach|ContainerLogs|"health|--health/, 'timing, attach, logs or events'],
  [/--link|--net|--dns|--add-host|--hostname|-p\b|"-p"|--publish|--expose|PortBindings|--mac-address/, 'networking options'],
  [/--log-driver|--log-opt|LogConfig|--storage-opt|--volume-driver|VolumeDriver|plugin/i, 'plugins, log or volume drivers'],
  [/request\.(Do|Post|Get|Delete)|request\.RawString|sockRequest|NewAPIClient\(t, client\.WithVersion|APIVersion/, 'raw API request (no CLI form)'],
];

/** Hint for one test body. */
export function hintFor(body: string): string {
  for (const [pattern, hint] of HINTS) if (pattern.test(body)) return hint;
  return '';
}

/** The test functions (name and body) of one Go file. */
export function testFunctions(source: string): Array<{ name: string; body: string }> {
  const out: Array<{ name: string; body: string }> = [];
  const head = /^func (?:\((?:\w+ )?\*?\w+\) )?(Test\w+)\((?:c|t) \*testing\.T\) \{$/gm;
  const starts = [...source.matchAll(head)];
  starts.forEach((m, i) => {
    if (m[1] === 'TestMain') return;
    const end = i + 1 < starts.length ? starts[i + 1]!.index : source.length;
    out.push({ name: m[1]!, body: source.slice(m.index, end) });
  });
  return out;
}

function main(): void {
  const [gitDir, ref = 'v20.10.24'] = process.argv.slice(2);
  if (!gitDir) {
    console.error('usage: tsx scripts/moby/list-tests.ts <moby git dir> [ref]');
    process.exit(2);
  }
  const rows: MobyTest[] = [];
  for (const file of MOBY_FILES) {
    const source = execFileSync('git', ['-C', gitDir, 'show', `${ref}:${file}`], { encoding: 'utf8', maxBuffer: 64 << 20 });
    for (const fn of testFunctions(source)) rows.push({ file, name: fn.name, hint: hintFor(fn.body) });
  }
  const here = dirname(fileURLToPath(import.meta.url));
  const out = join(here, '..', '..', 'test', 'fidelity', 'moby', 'tests.tsv');
  const text = `# moby ${ref}: file\ttest\thint (made by scripts/moby/list-tests.ts)\n${rows.map((r) => `${r.file}\t${r.name}\t${r.hint}`).join('\n')}\n`;
  writeFileSync(out, text);
  console.log(`${rows.length} tests in ${MOBY_FILES.length} files → ${out}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
