// The policy for scenarios nobody vouched for: on a real engine, flags that reach the host (`--privileged`,
// `--pid=host`, devices, added capabilities, bind mounts that lead out of the run folder) are refused unless
// the scenario declares the need (`needs: [privileged]`). Networks are refused always (argv-policy.ts).

import { realpathSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { parseMountFlag, parseVolumeSpec, type FlagValue } from '../../../docker-cli/index.js';
import { slotArgv } from './argv-slots.js';

/** The needs a scenario can declare, one per group of host-reaching flags. */
export type HostNeed = 'privileged' | 'host-namespaces' | 'devices' | 'capabilities' | 'host-mounts';

/** A flag the policy refuses, and the need that would allow it. */
export interface PolicyViolation {
  flag: string;
  need: HostNeed;
}

const CONTAINER_COMMANDS = new Set(['run', 'create', 'exec', 'update']);
const NAMESPACES = ['pid', 'ipc', 'uts', 'userns', 'cgroupns'];
const LISTS: ReadonlyArray<[string, HostNeed]> = [
  ['device', 'devices'],
  ['device-cgroup-rule', 'devices'],
  ['cap-add', 'capabilities'],
  ['security-opt', 'capabilities'],
];

/**
 * The host-reaching flags of a docker command line (before any rewriting), read from docker-cli's parse: the
 * verdict is the same in every spelling docker accepts (`--pid=host`, `--pid host`, `-itv`, repeated flags).
 */
export function policyViolations(argv: readonly string[]): PolicyViolation[] {
  const slotted = slotArgv(argv);
  if (slotted === null) return [];
  const { flags, name } = slotted.command;
  const out: PolicyViolation[] = [];
  if (name === 'volume create') {
    // the local driver's `device=` option mounts any host path (`-o type=none -o o=bind -o device=/`)
    const device = optionValue(flags['opt'], 'device');
    if (device !== undefined) out.push({ flag: `--opt device=${device}`, need: 'host-mounts' });
    return out;
  }
  if (!CONTAINER_COMMANDS.has(name)) return [];
  if (flags['privileged'] === true) out.push({ flag: '--privileged', need: 'privileged' });
  for (const ns of NAMESPACES) if (flags[ns] === 'host') out.push({ flag: `--${ns}=host`, need: 'host-namespaces' });
  for (const [flag, need] of LISTS) for (const value of listOf(flags[flag])) out.push({ flag: `--${flag} ${value}`, need });
  for (const value of listOf(flags['gpus'])) out.push({ flag: `--gpus ${value}`, need: 'devices' });
  for (const value of listOf(flags['mount'])) {
    const parsed = parseMountFlag(value);
    const device = parsed.ok ? parsed.mount.VolumeOptions?.DriverConfig?.Options?.['device'] : undefined;
    if (device !== undefined) out.push({ flag: `--mount volume-opt=device=${device}`, need: 'host-mounts' });
  }
  return out;
}

/** Bind-mount sources of a rewritten command line that resolve (through symlinks) outside `runDir`. */
export function escapingBindSources(argv: readonly string[], runDir: string): string[] {
  const slotted = slotArgv(argv);
  if (slotted === null || !['run', 'create'].includes(slotted.command.name)) return [];
  const { flags } = slotted.command;
  const sources: string[] = [];
  // docker's own sorting: `/shared` (no colon) and `name:/d` are volumes, only `/host:/d` is a bind
  for (const value of listOf(flags['volume'])) {
    const spec = parseVolumeSpec(value);
    if (spec.ok && spec.spec.kind === 'bind') sources.push(spec.spec.source);
  }
  for (const value of listOf(flags['mount'])) {
    const parsed = parseMountFlag(value);
    if (parsed.ok && parsed.mount.Type === 'bind' && parsed.mount.Source !== undefined) sources.push(parsed.mount.Source);
  }
  const root = safeRealpath(runDir);
  return sources.filter((source) => {
    const real = safeRealpath(source);
    return real !== root && !real.startsWith(`${root}/`);
  });
}

function listOf(value: FlagValue | undefined): string[] {
  return Array.isArray(value) ? value : [];
}

// a `map` flag's value for one key (the last one given wins, as in docker's map options)
function optionValue(value: FlagValue | undefined, key: string): string | undefined {
  let found: string | undefined;
  for (const entry of listOf(value)) {
    const eq = entry.indexOf('=');
    if ((eq === -1 ? entry : entry.slice(0, eq)) === key) found = eq === -1 ? '' : entry.slice(eq + 1);
  }
  return found;
}

// a path that does not exist yet is created by docker below its deepest existing parent, symlinks resolved
function safeRealpath(path: string): string {
  let head = path;
  let tail = '';
  for (;;) {
    try {
      return realpathSync(head) + tail;
    } catch {
      const parent = dirname(head);
      if (parent === head) return path;
      tail = `/${basename(head)}${tail}`;
      head = parent;
    }
  }
}
